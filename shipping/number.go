package shipping

import (
	"fmt"
	"maps"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/kashidashi/kashidashi/reason"
)

// maxDigits bounds the digits, before the exponent, of a decimal read
// from JSON: package decimal reads a number in time quadratic in its
// digits (800,000 took 1.4 s), and no measure, weight or amount needs
// more than 32 (a plausible measure has at most 30 decimal places).
const maxDigits = 32

// maxNumberText bounds the bytes of the JSON text of such a decimal,
// quotes, sign, point and exponent included.
const maxNumberText = 64

// tooManyDigits is the problem of a number beyond maxDigits or
// maxNumberText.
const tooManyDigits = "a number of more than 32 digits"

// number is a decimal read from JSON as package decimal reads it, a
// number or a string ("34.5"), of at most maxDigits digits before its
// exponent in at most maxNumberText bytes. A longer one is not read at
// all: long is set and d left zero, for the decoder of the value that
// holds it to refuse it, naming the field.
type number struct {
	d    decimal.Decimal
	long bool
}

// UnmarshalJSON reads b, or only marks it long: in time linear in len(b)
// either way.
func (n *number) UnmarshalJSON(b []byte) error {
	*n = number{}
	if len(b) > maxNumberText || digits(b) > maxDigits {
		n.long = true
		return nil
	}
	return n.d.UnmarshalJSON(b)
}

// digits counts the ASCII digits of b before an exponent.
func digits(b []byte) int {
	n := 0
	for _, c := range b {
		switch {
		case c == 'e' || c == 'E':
			return n
		case '0' <= c && c <= '9':
			n++
		}
	}
	return n
}

// rateTableJSON is the JSON form of a RateTable, its amounts read as
// numbers, so that each too long is named at its path.
type rateTableJSON struct {
	Effective      string                  `json:"effective"`
	YuMail         []weightRateJSON        `json:"yu_mail"`
	YuPack         map[Zone][]sizeRateJSON `json:"yu_pack"`
	HeavySurcharge *number                 `json:"heavy_surcharge"`
	CODFee         *number                 `json:"cod_fee"`
}

// weightRateJSON is the JSON form of a WeightRate.
type weightRateJSON struct {
	UpTo    number `json:"up_to"`
	Postage number `json:"postage"`
}

// sizeRateJSON is the JSON form of a SizeRate.
type sizeRateJSON struct {
	Size    int    `json:"size"`
	Postage number `json:"postage"`
}

// rates returns the rates of j, with a problem at the path of each
// amount that is too long, or none. Zones are checked in order of their
// names, as RateTable's own problems are.
func (j *rateTableJSON) rates() (RateTable, reason.Problems) {
	var rt RateTable
	var ps reason.Problems
	amount := func(path string, n number) decimal.Decimal {
		if n.long {
			ps.Add(path, tooManyDigits)
		}
		return n.d
	}
	if j.YuMail != nil {
		rt.YuMail = make([]WeightRate, len(j.YuMail))
	}
	for i, r := range j.YuMail {
		path := fmt.Sprintf("yu_mail[%d]", i)
		rt.YuMail[i] = WeightRate{UpTo: amount(path+".up_to", r.UpTo), Postage: amount(path+".postage", r.Postage)}
	}
	if j.YuPack != nil {
		rt.YuPack = make(map[Zone][]SizeRate, len(j.YuPack))
	}
	for _, z := range slices.Sorted(maps.Keys(j.YuPack)) {
		rates := make([]SizeRate, len(j.YuPack[z]))
		for i, r := range j.YuPack[z] {
			rates[i] = SizeRate{Size: r.Size, Postage: amount(fmt.Sprintf("yu_pack.%s[%d].postage", z, i), r.Postage)}
		}
		rt.YuPack[z] = rates
	}
	if j.HeavySurcharge != nil {
		rt.HeavySurcharge = decimal.NewNullDecimal(amount("heavy_surcharge", *j.HeavySurcharge))
	}
	if j.CODFee != nil {
		rt.CODFee = decimal.NewNullDecimal(amount("cod_fee", *j.CODFee))
	}
	return rt, ps
}
