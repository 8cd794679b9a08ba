package ruletest

import (
	"github.com/kashidashi/kashidashi/shipping"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// measure draws a positive measure up to about maxWhole with 0 to 4
// decimal places, half the time on or just beside one of edges (the
// limits of R-HD3 and the Yu-Pack bands).
func measure(maxWhole int64, edges ...int64) *rapid.Generator[decimal.Decimal] {
	var near []decimal.Decimal
	for _, e := range edges {
		d := decimal.NewFromInt(e)
		near = append(near, d, d.Add(decimal.New(1, -2)), d.Sub(decimal.New(1, -2)), d.Add(decimal.New(1, -3)))
	}
	return rapid.Custom(func(t *rapid.T) decimal.Decimal {
		if rapid.Bool().Draw(t, "near_limit") {
			return rapid.SampledFrom(near).Draw(t, "edge")
		}
		exp := rapid.Int32Range(-4, 0).Draw(t, "exp")
		scale := decimal.New(1, -exp).IntPart()
		return decimal.New(rapid.Int64Range(1, maxWhole*scale).Draw(t, "coef"), exp)
	})
}

// Parcels draws parcels (shipping.Parcel) with positive measures around
// the limits Classifier.Classify sorts by: sides near 3, 25 and 34 cm
// (Yu-Mail, R-HD3) and the Yu-Pack band sums, weights near 1, 25 and 30
// kg. Some are over every limit, so that ErrTooLarge and ErrTooHeavy come
// up; none has a bad measure.
func Parcels() *rapid.Generator[shipping.Parcel] {
	side := measure(180, 3, 25, 34, 10, 20, 50, 100)
	weight := measure(32, 1, 25, 30)
	return rapid.Custom(func(t *rapid.T) shipping.Parcel {
		return shipping.Parcel{
			Length:    side.Draw(t, "length"),
			Width:     side.Draw(t, "width"),
			Thickness: side.Draw(t, "thickness"),
			Weight:    weight.Draw(t, "weight"),
		}
	})
}

// ParcelLimits draws shipping.Limits that NewClassifier accepts: each
// field zero (the default) unless the draw changes it, the Yu-Mail sides
// longest first, the size bands ascending and the weight limits not
// decreasing. Draws shrink toward the zero Limits, the published ones.
func ParcelLimits() *rapid.Generator[shipping.Limits] {
	return rapid.Custom(func(t *rapid.T) shipping.Limits {
		var l shipping.Limits
		if rapid.Bool().Draw(t, "yu_mail_changed") {
			thick := rapid.IntRange(1, 5).Draw(t, "yu_mail_thickness")
			width := rapid.IntRange(thick, 30).Draw(t, "yu_mail_width")
			long := rapid.IntRange(width, 40).Draw(t, "yu_mail_length")
			l.YuMail = [3]decimal.Decimal{decimal.NewFromInt(int64(long)), decimal.NewFromInt(int64(width)), decimal.NewFromInt(int64(thick))}
		}
		mail := int64(1)
		if rapid.Bool().Draw(t, "yu_mail_weight_changed") {
			mail = int64(rapid.IntRange(1, 4).Draw(t, "yu_mail_weight"))
			l.YuMailWeight = decimal.NewFromInt(mail)
		}
		if rapid.Bool().Draw(t, "sizes_changed") {
			n := rapid.IntRange(1, 8).Draw(t, "bands")
			size := 40
			for i := 0; i < n; i++ {
				size += rapid.IntRange(1, 30).Draw(t, "band_step")
				l.Sizes = append(l.Sizes, size)
			}
		}
		pack := int64(25)
		if rapid.Bool().Draw(t, "yu_pack_weight_changed") {
			pack = int64(rapid.IntRange(int(mail), 30).Draw(t, "yu_pack_weight"))
			l.YuPackWeight = decimal.NewFromInt(pack)
		}
		heavy := max(pack, 30)
		if rapid.Bool().Draw(t, "heavy_weight_changed") {
			heavy = int64(rapid.IntRange(int(pack), 40).Draw(t, "heavy_weight"))
		}
		if heavy != 30 {
			l.HeavyWeight = decimal.NewFromInt(heavy)
		}
		return l
	})
}

// Packings draws packing allowances (shipping.Packing): zero, the bare
// books, or up to 2 cm on each side and 0.2 kg, in whole millimetres and
// tens of grams. Draws shrink toward zero.
func Packings() *rapid.Generator[shipping.Packing] {
	return rapid.Custom(func(t *rapid.T) shipping.Packing {
		mm := func(label string) decimal.Decimal {
			return decimal.New(int64(rapid.IntRange(0, 20).Draw(t, label)), -1)
		}
		return shipping.Packing{
			Length: mm("length"), Width: mm("width"), Thickness: mm("thickness"),
			Weight: decimal.New(int64(rapid.IntRange(0, 20).Draw(t, "weight")), -2),
		}
	})
}
