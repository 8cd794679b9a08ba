package shipping

import (
	"cmp"

	"github.com/shopspring/decimal"
)

// quantity is a length in cm or a weight in kg in one of two
// representations: exact decimals, or whole millionths in an int64 (the
// common case, which needs no allocation). The rules are written once,
// in judge, for both.
type quantity[T any] interface {
	cmp(T) int
	plus(T) T
	sign() int
}

// exact is a decimal measure, compared and added exactly.
type exact decimal.Decimal

func (a exact) cmp(b exact) int    { return decimal.Decimal(a).Cmp(decimal.Decimal(b)) }
func (a exact) plus(b exact) exact { return exact(decimal.Decimal(a).Add(decimal.Decimal(b))) }
func (a exact) sign() int          { return decimal.Decimal(a).Sign() }

// micro is a measure in millionths of a cm or kg.
type micro int64

func (a micro) cmp(b micro) int    { return cmp.Compare(a, b) }
func (a micro) plus(b micro) micro { return a + b }
func (a micro) sign() int          { return cmp.Compare(a, 0) }

// microDigits bounds the measures toMicro converts: below 10^12 cm or kg
// in magnitude, that is 10^18 millionths, so that three of them add up
// without overflowing an int64.
const microDigits = 18

var pow10 = [microDigits + 1]int64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// toMicro converts d to millionths when it is exactly a whole number of
// them and below 10^12 in magnitude; ok is false otherwise. It does not
// allocate.
func toMicro(d decimal.Decimal) (m micro, ok bool) {
	if d.Sign() == 0 {
		return 0, true
	}
	k := int(d.Exponent()) + 6 // d = c × 10^(k-6) = c × 10^k millionths
	// NumDigits may count one short, but only below 2^53, so no more
	// than 18 digits pass: few enough for CoefficientInt64 to be exact.
	if k < 0 || k > microDigits || d.NumDigits() > microDigits {
		return 0, false
	}
	c, bound := d.CoefficientInt64(), pow10[microDigits-k]
	if c <= -bound || c >= bound {
		return 0, false
	}
	return micro(c * pow10[k]), true
}

// micros converts p's measures with toMicro; ok is false when one of
// them does not convert.
func (p Parcel) micros() (m [4]micro, ok bool) {
	ok = true
	for i, d := range p.measures() {
		var converted bool
		m[i], converted = toMicro(d)
		ok = ok && converted
	}
	return m, ok
}

// sort3 returns a, b and c sorted in decreasing order.
func sort3[T quantity[T]](a, b, c T) [3]T {
	if a.cmp(b) < 0 {
		a, b = b, a
	}
	if b.cmp(c) < 0 {
		b, c = c, b
	}
	if a.cmp(b) < 0 {
		a, b = b, a
	}
	return [3]T{a, b, c}
}

// bounds are Limits in representation T.
type bounds[T quantity[T]] struct {
	mail        [3]T // longest first
	mailWeight  T
	sizes       []int // ascending
	sizeSums    []T   // sizes in cm, as T
	packWeight  T
	heavyWeight T
}

// verdict is the outcome of judging one parcel: its class, or what is
// wrong with it.
type verdict struct {
	class    Class
	bad      [4]bool // per measure, in Parcel field order: not positive
	tooLarge bool
	tooHeavy bool
}

func (v verdict) ok() bool { return v.class.Service != 0 }

// judge classifies the parcel with measures m (length, width, thickness,
// weight in any side order) under b: R-HD3, then the Yu-Pack size bands
// and weights. Every fault is recorded, not only the first.
func judge[T quantity[T]](b *bounds[T], m [4]T) verdict {
	var v verdict
	for i, x := range m {
		v.bad[i] = x.sign() <= 0
	}
	sidesOK := !v.bad[0] && !v.bad[1] && !v.bad[2]
	weightOK := !v.bad[3]
	weight := m[3]
	size := 0
	if sidesOK {
		s := sort3(m[0], m[1], m[2])
		if weightOK && s[0].cmp(b.mail[0]) <= 0 && s[1].cmp(b.mail[1]) <= 0 &&
			s[2].cmp(b.mail[2]) <= 0 && weight.cmp(b.mailWeight) <= 0 {
			v.class = Class{Service: YuMail}
			return v
		}
		sum := s[0].plus(s[1]).plus(s[2])
		for i, limit := range b.sizeSums {
			if sum.cmp(limit) <= 0 {
				size = b.sizes[i]
				break
			}
		}
		v.tooLarge = size == 0
	}
	service := YuPack
	if weightOK {
		switch {
		case weight.cmp(b.packWeight) <= 0:
		case weight.cmp(b.heavyWeight) <= 0:
			service = HeavyYuPack
		default:
			v.tooHeavy = true
		}
	}
	if sidesOK && weightOK && !v.tooLarge && !v.tooHeavy {
		v.class = Class{Service: service, Size: size}
	}
	return v
}
