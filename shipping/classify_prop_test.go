package shipping

import (
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// rapidMeasure generates positive measures up to about maxWhole, often
// on or next to the limits, with between 0 and 4 decimal places.
func rapidMeasure(maxWhole int64, edges ...string) *rapid.Generator[decimal.Decimal] {
	var near []decimal.Decimal
	for _, e := range edges {
		d := dec(e)
		near = append(near, d, d.Add(dec("0.01")), d.Sub(dec("0.01")), d.Add(dec("0.001")))
	}
	return rapid.OneOf(
		rapid.SampledFrom(near),
		rapid.Custom(func(t *rapid.T) decimal.Decimal {
			exp := rapid.Int32Range(-4, 0).Draw(t, "exp")
			scale := decimal.New(1, -exp).IntPart()
			return decimal.New(rapid.Int64Range(1, maxWhole*scale).Draw(t, "coef"), exp)
		}),
	)
}

// rapidAnyMeasure generates any decimal: zero, negative, with up to 9
// decimal places or up to 10^13, to exercise both number paths.
func rapidAnyMeasure() *rapid.Generator[decimal.Decimal] {
	return rapid.Custom(func(t *rapid.T) decimal.Decimal {
		return decimal.New(rapid.Int64Range(-1e6, 1e9).Draw(t, "coef"), rapid.Int32Range(-9, 5).Draw(t, "exp"))
	})
}

func TestPropFastPathMatchesExact(t *testing.T) {
	c := defaultClassifier
	rapid.Check(t, func(t *rapid.T) {
		g := rapid.OneOf(rapidAnyMeasure(), rapidMeasure(40, "1", "3", "25", "34"))
		p := Parcel{Length: g.Draw(t, "l"), Width: g.Draw(t, "w"), Thickness: g.Draw(t, "t"), Weight: g.Draw(t, "kg")}
		if got, want := c.judge(p), judgeExact(c.exact, p); got != want {
			t.Fatalf("%v: fast %+v, exact %+v", p, got, want)
		}
	})
}
