package shipping

import (
	"github.com/shopspring/decimal"

	"github.com/kashidashi/kashidashi/reason"
)

// Parcel is the outside measures of a parcel: three sides in centimetres,
// in any order, and a weight in kilograms. Classifier.Classify sorts the sides, so
// which side is called Length does not matter (R-HD3).
//
// A plausible measure has at most 30 decimal places and a power of ten
// of at most 10^30; others are refused as ErrBadMeasure, since exact
// arithmetic on them could take unbounded time and memory.
//
// A Parcel is a plain value; its decimals are immutable, so it is safe for
// concurrent use.
type Parcel struct {
	Length    decimal.Decimal `json:"length"`    // cm
	Width     decimal.Decimal `json:"width"`     // cm
	Thickness decimal.Decimal `json:"thickness"` // cm
	Weight    decimal.Decimal `json:"weight"`    // kg
}

// maxScale bounds the decimal exponent of a measure: a plausible measure
// has at most 30 decimal places and its coefficient is scaled by at
// most 10^30. Beyond that, the exact arithmetic of package decimal
// could take unbounded time and memory (1e-999999999 cm is a valid
// decimal), so such a measure is refused as ErrBadMeasure. No scale or
// database produces one.
const maxScale = 30

// plausible reports whether d is within maxScale (see there).
func plausible(d decimal.Decimal) bool {
	e := d.Exponent()
	return e >= -maxScale && e <= maxScale
}

// measures returns p's four measures in field order.
func (p Parcel) measures() [4]decimal.Decimal {
	return [4]decimal.Decimal{p.Length, p.Width, p.Thickness, p.Weight}
}

// measureFields are the JSON names of the measures, in field order, the
// field of ErrBadMeasure.
var measureFields = [4]string{"length", "width", "thickness", "weight"}

// badMeasure gives ErrBadMeasure the field of measure i of a parcel and,
// when book is not 0, the position of the book in a bundle.
func badMeasure(book, i int) reason.Coded {
	if book == 0 {
		return ErrBadMeasure.With(reason.Field(measureFields[i]))
	}
	return ErrBadMeasure.With(reason.Field(measureFields[i]), reason.Position(book))
}

// Sides returns p's sides sorted longest first: the length, width and
// thickness that R-HD3 compares with 34, 25 and 3 cm. Like Classifier.Classify, it
// refuses a side beyond maxScale with ErrBadMeasure rather than compare
// it, since comparing decimals of far-apart scales could take unbounded
// time and memory.
func (p Parcel) Sides() (longest, middle, shortest decimal.Decimal, err error) {
	var rs []reason.Coded
	for i, d := range p.measures() {
		if i < 3 && !plausible(d) {
			rs = append(rs, badMeasure(0, i))
		}
	}
	if err := reason.Refuse(pkg, "parcel", rs); err != nil {
		return decimal.Decimal{}, decimal.Decimal{}, decimal.Decimal{}, err
	}
	s := sort3(exact(p.Length), exact(p.Width), exact(p.Thickness))
	return decimal.Decimal(s[0]), decimal.Decimal(s[1]), decimal.Decimal(s[2]), nil
}

// String formats p as ParseParcel reads it: "34x25x3cm 1kg", sides in
// the order given. A measure beyond maxScale is written "?", since
// writing it out could take unbounded memory.
func (p Parcel) String() string {
	return format(p.Length) + "x" + format(p.Width) + "x" + format(p.Thickness) + "cm " + format(p.Weight) + "kg"
}

// format writes a plausible measure in full and any other as "?".
func format(d decimal.Decimal) string {
	if !plausible(d) {
		return "?"
	}
	return d.String()
}
