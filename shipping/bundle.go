package shipping

import (
	"github.com/shopspring/decimal"

	"github.com/kashidashi/kashidashi/reason"
)

// Packing is the allowance for wrapping that Packing.Bundle adds to a
// stack of books: centimetres to the stack's length, width and thickness,
// and kilograms to its weight. The zero Packing adds nothing: the library
// knows its envelopes, the rules do not, so Packing{}.Bundle stacks the
// books bare.
type Packing struct {
	Length, Width, Thickness decimal.Decimal // cm
	Weight                   decimal.Decimal // kg
}

// Bundle returns the parcel of several books posted together (R-HD3
// classifies it like any parcel): the books stacked flat with their
// longest sides aligned, so that its length is the longest of the books'
// longest sides, its width the longest of their middle sides, its
// thickness the sum of their shortest sides, and its weight the sum of
// theirs; pk's allowance is added to each.
//
// It refuses an empty bundle (ErrEmptyBundle) and books with a measure
// that is zero, negative or implausible (ErrBadMeasure, with the book's
// 1-based position). An allowance that is negative or implausible is the
// host's configuration at fault: bad input, a reason.Problems matching
// reason.ErrBadInput with a problem at "packing.length" (width,
// thickness, weight) for each.
func (pk Packing) Bundle(books ...Parcel) (Parcel, error) {
	var ps reason.Problems
	for i, d := range []decimal.Decimal{pk.Length, pk.Width, pk.Thickness, pk.Weight} {
		if d.Sign() < 0 || !plausible(d) {
			ps.Add("packing."+measureFields[i], "a packing allowance must be zero or positive, got %s", format(d))
		}
	}
	if err := ps.Err(); err != nil {
		return Parcel{}, err
	}
	if len(books) == 0 {
		return Parcel{}, reason.Refuse(pkg, "bundle", []reason.Coded{ErrEmptyBundle})
	}
	var rs []reason.Coded
	for n, b := range books {
		for i, d := range b.measures() {
			if d.Sign() <= 0 || !plausible(d) {
				rs = append(rs, badMeasure(n+1, i))
			}
		}
	}
	if err := reason.Refuse(pkg, "bundle", rs); err != nil {
		return Parcel{}, err
	}
	var out Parcel
	for _, b := range books {
		long, mid, short, err := b.Sides()
		if err != nil {
			return Parcel{}, err // not reached: every measure was checked above
		}
		out.Length = decimal.Max(out.Length, long)
		out.Width = decimal.Max(out.Width, mid)
		out.Thickness = out.Thickness.Add(short)
		out.Weight = out.Weight.Add(b.Weight)
	}
	out.Length = out.Length.Add(pk.Length)
	out.Width = out.Width.Add(pk.Width)
	out.Thickness = out.Thickness.Add(pk.Thickness)
	out.Weight = out.Weight.Add(pk.Weight)
	return out, nil
}
