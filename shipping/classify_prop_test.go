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

// rapidParcel generates parcels with positive measures around the
// limits of R-HD3 and the Yu-Pack bands.
func rapidParcel() *rapid.Generator[Parcel] {
	side := rapidMeasure(180, "3", "25", "34", "10", "20", "50", "100")
	weight := rapidMeasure(32, "1", "25", "30")
	return rapid.Custom(func(t *rapid.T) Parcel {
		return Parcel{
			Length:    side.Draw(t, "length"),
			Width:     side.Draw(t, "width"),
			Thickness: side.Draw(t, "thickness"),
			Weight:    weight.Draw(t, "weight"),
		}
	})
}

// rapidAnyMeasure generates any decimal: zero, negative, with up to 9
// decimal places or up to 10^13, to exercise both number paths.
func rapidAnyMeasure() *rapid.Generator[decimal.Decimal] {
	return rapid.Custom(func(t *rapid.T) decimal.Decimal {
		return decimal.New(rapid.Int64Range(-1e6, 1e9).Draw(t, "coef"), rapid.Int32Range(-9, 5).Draw(t, "exp"))
	})
}

func TestPropClassifyIgnoresOrientationRHD3(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := rapidParcel().Draw(t, "p")
		want, wantErr := classify(p)
		s := [3]decimal.Decimal{p.Length, p.Width, p.Thickness}
		for _, perm := range [6][3]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}} {
			q := Parcel{Length: s[perm[0]], Width: s[perm[1]], Thickness: s[perm[2]], Weight: p.Weight}
			got, err := classify(q)
			if got != want || (err == nil) != (wantErr == nil) {
				t.Fatalf("%v: %v, %v; %v: %v, %v", p, want, wantErr, q, got, err)
			}
		}
	})
}

func TestPropShrinkingNeverGrowsRHD3(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := rapidParcel().Draw(t, "p")
		i := rapid.IntRange(0, 3).Draw(t, "measure")
		keep := decimal.New(rapid.Int64Range(1, 1000).Draw(t, "per mille"), -3)
		m := p.measures()
		m[i] = m[i].Mul(keep)
		q := Parcel{Length: m[0], Width: m[1], Thickness: m[2], Weight: m[3]}
		pc, perr := classify(p)
		qc, qerr := classify(q)
		if rank(qc, qerr) > rank(pc, perr) {
			t.Fatalf("%v is %v (%v) but the smaller %v is %v (%v)", p, pc, perr, q, qc, qerr)
		}
	})
}

func TestPropClassifyValidOrRefusedRHD3(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := rapidParcel().Draw(t, "p")
		c, err := classify(p)
		if (err == nil) != c.valid() || (err != nil && !isCoded(err)) {
			t.Fatalf("%v: %v, %v", p, c, err)
		}
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

func TestPropBundleOfOneIsTheBookRHD3(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := rapidParcel().Draw(t, "p")
		b, err := Packing{}.Bundle(p)
		if err != nil {
			t.Fatal(err)
		}
		want, wantErr := classify(p)
		got, gotErr := classify(b)
		if got != want || (wantErr == nil) != (gotErr == nil) {
			t.Fatalf("%v: %v, %v; bundled %v: %v, %v", p, want, wantErr, b, got, gotErr)
		}
	})
}

func TestPropBundleIgnoresOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		books := rapid.SliceOfN(rapidParcel(), 1, 6).Draw(t, "books")
		a, err := Packing{}.Bundle(books...)
		if err != nil {
			t.Fatal(err)
		}
		perm := rapid.Permutation(books).Draw(t, "order")
		b, err := Packing{}.Bundle(perm...)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Length.Equal(b.Length) || !a.Width.Equal(b.Width) || !a.Thickness.Equal(b.Thickness) || !a.Weight.Equal(b.Weight) {
			t.Fatalf("%v then %v", a, b)
		}
	})
}
