package shipping

import (
	"sync"

	"github.com/shopspring/decimal"

	"github.com/kashidashi/kashidashi/reason"
)

// Classifier sorts parcels into classes under fixed Limits. A *Classifier
// is immutable and safe for concurrent use.
//
// The zero Classifier, like a nil *Classifier, classifies by the default
// limits, as NewClassifier(Limits{}) does.
type Classifier struct {
	limits Limits
	exact  *bounds[exact]
	fast   *bounds[micro] // nil when some limit is not a whole number of millionths
}

// NewClassifier returns a Classifier for l, its zero fields taken from
// the defaults: NewClassifier(Limits{}) classifies by R-HD3 and Japan
// Post's published bands, and never fails. It refuses limits that are
// not positive, Yu-Mail sides not given longest first, sizes not
// ascending, and weight limits that decrease from Yu-Mail to Yu-Pack to
// heavy Yu-Pack: a reason.Problems matching reason.ErrBadInput, each
// problem at the field in snake_case ("sizes[2]", "heavy_weight").
func NewClassifier(l Limits) (*Classifier, error) {
	l = l.withDefaults()
	if err := l.problems().Err(); err != nil {
		return nil, err
	}
	c := &Classifier{limits: l}
	c.exact, _ = boundsOf(l, func(d decimal.Decimal) (exact, bool) { return exact(d), true })
	if fast, ok := boundsOf(l, toMicro); ok {
		c.fast = fast
	}
	return c, nil
}

// zeroLimitsClassifier is the Classifier of the zero Limits, which always
// compiles.
var zeroLimitsClassifier = sync.OnceValue(func() *Classifier {
	c, err := NewClassifier(Limits{})
	if err != nil {
		panic(err) // not reached: the defaults are valid
	}
	return c
})

// compiled returns c, or for the zero or nil Classifier the default one.
func (c *Classifier) compiled() *Classifier {
	if c == nil || c.exact == nil {
		return zeroLimitsClassifier()
	}
	return c
}

// Limits returns the limits c applies, defaults filled in.
func (c *Classifier) Limits() Limits {
	l := c.compiled().limits
	l.Sizes = append([]int(nil), l.Sizes...)
	return l
}

// Classify returns the class p is posted in (R-HD3). Its sides are sorted
// first, so the order they are given in does not matter:
//
//   - Yu-Mail when the sides fit the Yu-Mail limits (by default the
//     longest at most 34 cm, the middle at most 25 cm, the shortest at
//     most 3 cm) and p weighs at most YuMailWeight (1 kg);
//   - otherwise Yu-Pack of the first size band N (60, 80, …, 170) such
//     that p's three sides sum to at most N cm, when p weighs at most
//     YuPackWeight (25 kg), or heavy Yu-Pack of that band up to
//     HeavyWeight (30 kg).
//
// Every limit is inclusive: 34 cm is within the limit, 34.01 is not.
// Otherwise it returns a *reason.Refusal listing every reason that
// applies: ErrBadMeasure for each measure that is zero, negative or
// implausible (see Parcel), ErrTooLarge for sides summing to more than the last size
// band, ErrTooHeavy for a weight over HeavyWeight.
//
// Parcels whose measures are whole millionths below 10^12 are classified
// without allocating; others exactly, with package decimal.
func (c *Classifier) Classify(p Parcel) (Class, error) {
	c = c.compiled()
	v := c.judge(p)
	if v.ok() {
		return v.class, nil
	}
	return Class{}, c.refusal(p, v)
}

// judge judges p in millionths when it can and exactly otherwise.
func (c *Classifier) judge(p Parcel) verdict {
	if c.fast != nil {
		if m, ok := p.micros(); ok {
			return judge(c.fast, m)
		}
	}
	return judgeExact(c.exact, p)
}

// judgeExact judges p with exact decimals. A measure beyond maxScale is
// judged as zero: a bad measure, without arithmetic on it.
func judgeExact(b *bounds[exact], p Parcel) verdict {
	var m [4]exact
	for i, d := range p.measures() {
		if plausible(d) {
			m[i] = exact(d)
		}
	}
	return judge(b, m)
}

// refusal explains verdict v on parcel p.
func (c *Classifier) refusal(p Parcel, v verdict) error {
	var rs []reason.Coded
	for i := range p.measures() {
		if v.bad[i] {
			rs = append(rs, badMeasure(0, i))
		}
	}
	if v.tooLarge {
		rs = append(rs, ErrTooLarge.With(reason.Limit(c.limits.Sizes[len(c.limits.Sizes)-1])))
	}
	if v.tooHeavy {
		rs = append(rs, ErrTooHeavy.With(wholeLimit(c.limits.HeavyWeight)))
	}
	return reason.Refuse(pkg, "parcel", rs)
}

// wholeLimit is the limit d, a whole number of units small enough for an
// int; otherwise no parameter, as a limit is an int.
func wholeLimit(d decimal.Decimal) reason.Param {
	if !d.IsInteger() || d.Cmp(decimal.NewFromInt(1<<31)) >= 0 || d.Sign() < 0 {
		return reason.Param{}
	}
	return reason.Limit(int(d.IntPart()))
}
