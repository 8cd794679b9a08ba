package shipping

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/kashidashi/kashidashi/reason"
)

// Limits are the sizes and weights Classifier.Classify sorts parcels by: the Yu-Mail
// limits of R-HD3 and Japan Post's Yu-Pack size bands and weights. Lengths
// are in cm, weights in kg, and every limit is inclusive.
//
// A zero field (or zero element of YuMail) takes its default value, so
// the zero Limits are the defaults (Yu-Mail up to 34 × 25 × 3 cm and 1 kg,
// R-HD3; Yu-Pack sizes 60 to 170 up to 25 kg; heavy Yu-Pack up to 30 kg)
// and a host sets only what its post office does differently.
// Classifier.Limits reports the limits in force, defaults filled in.
//
// The defaults follow the issue rather than every detail of Japan Post:
// every size band takes up to YuPackWeight (25 kg), and a parcel over it,
// up to HeavyWeight, is heavy Yu-Pack of the size band of its sides.
type Limits struct {
	// YuMail are the largest sides of a Yu-Mail parcel, longest first:
	// 34, 25 and 3 cm (R-HD3). A parcel's sides, sorted longest first,
	// must each be at most the matching limit: the guide's 長辺, 短辺 and
	// 厚さ are read as the longest, middle and shortest of the three.
	YuMail [3]decimal.Decimal
	// YuMailWeight is the heaviest Yu-Mail parcel: 1 kg (R-HD3).
	YuMailWeight decimal.Decimal
	// Sizes are the Yu-Pack size bands, ascending: 60, 80, 100, 120, 140,
	// 160 and 170. A parcel is of the first size N whose three sides sum
	// to at most N cm; a parcel larger than the last is refused with
	// ErrTooLarge.
	Sizes []int
	// YuPackWeight is the heaviest Yu-Pack parcel: 25 kg. A heavier one
	// is heavy Yu-Pack.
	YuPackWeight decimal.Decimal
	// HeavyWeight is the heaviest heavy Yu-Pack parcel: 30 kg. A heavier
	// one is refused with ErrTooHeavy. Set it to YuPackWeight to post no
	// heavy Yu-Pack.
	HeavyWeight decimal.Decimal
}

// defaultLimits returns the limits the zero Limits stand for.
func defaultLimits() Limits {
	return Limits{
		YuMail:       [3]decimal.Decimal{decimal.NewFromInt(34), decimal.NewFromInt(25), decimal.NewFromInt(3)},
		YuMailWeight: decimal.NewFromInt(1),
		Sizes:        []int{60, 80, 100, 120, 140, 160, 170},
		YuPackWeight: decimal.NewFromInt(25),
		HeavyWeight:  decimal.NewFromInt(30),
	}
}

// withDefaults returns a copy of l with every zero field taken from
// defaultLimits; the copy shares no slice with l.
func (l Limits) withDefaults() Limits {
	d := defaultLimits()
	for i, x := range l.YuMail {
		if !x.IsZero() {
			d.YuMail[i] = x
		}
	}
	if !l.YuMailWeight.IsZero() {
		d.YuMailWeight = l.YuMailWeight
	}
	if len(l.Sizes) > 0 {
		d.Sizes = slices.Clone(l.Sizes)
	}
	if !l.YuPackWeight.IsZero() {
		d.YuPackWeight = l.YuPackWeight
	}
	if !l.HeavyWeight.IsZero() {
		d.HeavyWeight = l.HeavyWeight
	}
	return d
}

// problems lists what is wrong with limits that have their defaults
// filled in, with paths named after the fields in snake_case
// ("yu_mail[1]", "heavy_weight"), as Limits has no JSON form of its own.
func (l Limits) problems() reason.Problems {
	var ps reason.Problems
	measures := []struct {
		path string
		x    decimal.Decimal
	}{
		{"yu_mail[0]", l.YuMail[0]}, {"yu_mail[1]", l.YuMail[1]}, {"yu_mail[2]", l.YuMail[2]},
		{"yu_mail_weight", l.YuMailWeight}, {"yu_pack_weight", l.YuPackWeight}, {"heavy_weight", l.HeavyWeight},
	}
	for _, m := range measures {
		if m.x.Sign() <= 0 || !plausible(m.x) {
			ps.Add(m.path, "a limit must be a positive measure, got %s", format(m.x))
		}
	}
	if len(ps) > 0 {
		return ps // the comparisons below need plausible measures
	}
	if l.YuMail[0].Cmp(l.YuMail[1]) < 0 || l.YuMail[1].Cmp(l.YuMail[2]) < 0 {
		ps.Add("yu_mail", "Yu-Mail limits must be given longest side first")
	}
	for i, s := range l.Sizes {
		if s <= 0 || (i > 0 && s <= l.Sizes[i-1]) {
			ps.Add(fmt.Sprintf("sizes[%d]", i), "Yu-Pack sizes must be positive and ascending, got %d", s)
		}
	}
	if l.YuMailWeight.Cmp(l.YuPackWeight) > 0 {
		ps.Add("yu_pack_weight", "the Yu-Pack weight limit must not be below Yu-Mail's")
	}
	if l.YuPackWeight.Cmp(l.HeavyWeight) > 0 {
		ps.Add("heavy_weight", "the heavy Yu-Pack weight limit must not be below Yu-Pack's")
	}
	return ps
}

// boundsOf converts validated limits to representation T with conv; ok
// is false when some limit does not convert.
func boundsOf[T quantity[T]](l Limits, conv func(decimal.Decimal) (T, bool)) (b *bounds[T], ok bool) {
	b = &bounds[T]{sizes: l.Sizes}
	all := true
	get := func(d decimal.Decimal) T {
		x, ok := conv(d)
		all = all && ok
		return x
	}
	for i, x := range l.YuMail {
		b.mail[i] = get(x)
	}
	b.mailWeight = get(l.YuMailWeight)
	b.packWeight = get(l.YuPackWeight)
	b.heavyWeight = get(l.HeavyWeight)
	for _, s := range l.Sizes {
		b.sizeSums = append(b.sizeSums, get(decimal.NewFromInt(int64(s))))
	}
	return b, all
}
