package shipping

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kashidashi/kashidashi/reason"
)

// maxParcelText bounds the text ParseParcel reads; no parcel needs more.
const maxParcelText = 100

// ParseParcel reads a parcel written as three sides in centimetres and a
// weight, as Parcel.String writes it: "34x25x3cm 1kg". The sides are
// separated by "x", "X" or "×"; the unit "cm" after them may be left out;
// the weight ends in "kg" or "g" ("400g" is 0.4 kg); one or more spaces
// separate sides and weight, and leading and trailing spaces are ignored.
// Numbers are plain decimals such as 21 or 21.5: no sign, no exponent, at
// most 30 decimal places (27 for grams). Text of more than
// 100 bytes is refused.
//
// Text it cannot read is refused with ErrParcelSyntax followed by a finer
// reason, by code: parcel.too_long (with its limit), parcel.parts,
// parcel.sides, parcel.weight_unit, parcel.number (with the field of the
// measure: length, width, thickness or weight) or parcel.decimals (with
// the field and the limit of decimal places).
//
// ParseParcel checks only the writing; Classifier.Classify judges the measures, so
// "0x25x3cm 1kg" parses and is then refused.
func ParseParcel(s string) (Parcel, error) {
	if len(s) > maxParcelText {
		return Parcel{}, syntaxError(errParcelTooLong.With(reason.Limit(maxParcelText)))
	}
	fields := strings.Fields(s)
	if len(fields) != 2 {
		return Parcel{}, syntaxError(errParcelParts)
	}
	dims, weight := fields[0], fields[1]
	dims = strings.TrimSuffix(dims, "cm")
	sides := strings.FieldsFunc(dims, func(r rune) bool { return r == 'x' || r == 'X' || r == '×' })
	if len(sides) != 3 || strings.Count(dims, "x")+strings.Count(dims, "X")+strings.Count(dims, "×") != 2 {
		return Parcel{}, syntaxError(errParcelSides)
	}
	var p Parcel
	var err error
	for i, dst := range []*decimal.Decimal{&p.Length, &p.Width, &p.Thickness} {
		if *dst, err = parseNumber(sides[i], measureFields[i], maxScale); err != nil {
			return Parcel{}, err
		}
	}
	shift := int32(0)
	switch {
	case strings.HasSuffix(weight, "kg"):
		weight = strings.TrimSuffix(weight, "kg")
	case strings.HasSuffix(weight, "g"):
		weight, shift = strings.TrimSuffix(weight, "g"), -3
	default:
		return Parcel{}, syntaxError(errParcelUnit)
	}
	if p.Weight, err = parseNumber(weight, measureFields[3], maxScale+int(shift)); err != nil {
		return Parcel{}, err
	}
	p.Weight = p.Weight.Shift(shift)
	return p, nil
}

// parseNumber reads a plain decimal, the measure field: digits, and
// optionally a point and at most places more digits.
func parseNumber(s, field string, places int) (decimal.Decimal, error) {
	whole, frac, point := strings.Cut(s, ".")
	if whole == "" || !allDigits(whole) || (point && (frac == "" || !allDigits(frac))) {
		return decimal.Decimal{}, syntaxError(errParcelNumber.With(reason.Field(field)))
	}
	if len(frac) > places {
		return decimal.Decimal{}, syntaxError(errParcelDecimals.With(reason.Field(field), reason.Limit(places)))
	}
	return decimal.NewFromString(s)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// syntaxError returns the refusal of ErrParcelSyntax followed by what.
func syntaxError(what reason.Coded) error {
	return reason.Refuse(pkg, "parcel", []reason.Coded{ErrParcelSyntax, what})
}
