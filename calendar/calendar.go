package calendar

import (
	"errors"
	"fmt"
	"math/bits"
	"time"
)

// ErrNeverOpen is returned by New for rules under which the place could
// never open.
var ErrNeverOpen = errors.New("calendar: the rules close every day")

// The span New precomputes. Days outside it are answered by applying the
// rules day by day: correct, only slower.
var (
	spanFirst = NewDate(1955, 1, 1)
	spanLast  = NewDate(2100, 12, 31)
)

// Calendar is a compiled opening-day calendar: which days a place is open
// and why it is closed on the others. A *Calendar is immutable and safe
// for concurrent use.
//
// The queries for 1955–2100 are answered from a precomputed bitmap with
// running counts: constant time for IsOpen, logarithmic for AddOpenDays,
// and no allocation.
type Calendar struct {
	rules Rules
	first int32    // Date.n of bit 0
	words []uint64 // bit i set when day first+i is open
	ranks []int32  // ranks[w] = open days in words[:w]
}

// New compiles r into a Calendar. It refuses rules that are malformed (a
// closure that ends before it starts, an opening overlapping a closure,
// a month-end rule that avoids every weekday, bad hours) and rules under
// which the place could never open (ErrNeverOpen).
func New(r Rules) (*Calendar, error) {
	if err := r.validate(); err != nil {
		return nil, err
	}
	c := &Calendar{rules: r.clone(), first: spanFirst.n}
	n := int(spanLast.n-spanFirst.n) + 1
	c.words = make([]uint64, (n+63)/64)
	c.ranks = make([]int32, len(c.words)+1)
	var monthEnd Date
	for i := 0; i < n; i++ {
		d := Date{spanFirst.n + int32(i)}
		if i == 0 || d.Day() == 1 {
			monthEnd = c.rules.monthEndClosure(d)
		}
		if ok, _ := c.evaluateWith(d, monthEnd); ok {
			c.words[i>>6] |= 1 << (i & 63)
		}
	}
	for w, x := range c.words {
		c.ranks[w+1] = c.ranks[w] + int32(bits.OnesCount64(x))
	}
	return c, nil
}

// MustNew is New for rules known to be good, such as the presets; it
// panics on error.
func MustNew(r Rules) *Calendar {
	c, err := New(r)
	if err != nil {
		panic(err)
	}
	return c
}

func (r Rules) validate() error {
	if r.ClosedWeekdays == EveryDay && len(r.Openings) == 0 && !r.HolidayOpensWeeklyClosure {
		return fmt.Errorf("%w (%q closes every day of the week and has no openings)", ErrNeverOpen, r.Name)
	}
	if r.MonthEnd && r.MonthEndAvoids == EveryDay {
		return fmt.Errorf("calendar: %q: the month-end closure avoids every day of the week", r.Name)
	}
	for _, c := range r.Closures {
		if c.From.IsZero() || c.To.IsZero() || c.To.Before(c.From) {
			return fmt.Errorf("calendar: %q: closure %q must run from a date to a later or equal date", r.Name, c.Name)
		}
		for _, o := range r.Openings {
			if !o.To.Before(c.From) && !c.To.Before(o.From) {
				return fmt.Errorf("calendar: %q: opening %q overlaps closure %q", r.Name, o.Name, c.Name)
			}
		}
	}
	for _, o := range r.Openings {
		if o.From.IsZero() || o.To.IsZero() || o.To.Before(o.From) {
			return fmt.Errorf("calendar: %q: opening %q must run from a date to a later or equal date", r.Name, o.Name)
		}
	}
	return r.Hours.validate()
}

func (r Rules) clone() Rules {
	r.Closures = append([]Closure(nil), r.Closures...)
	r.Openings = append([]Opening(nil), r.Openings...)
	r.Hours = r.Hours.clone()
	return r
}

// Rules returns a copy of the rules c was compiled from.
func (c *Calendar) Rules() Rules { return c.rules.clone() }

// Name returns the name of the rules c was compiled from.
func (c *Calendar) Name() string { return c.rules.Name }

// evaluate applies the rules to one day. It is the reference the compiled
// bitmap is built from, and answers days outside the span.
func (c *Calendar) evaluate(d Date) (open bool, why ClosedReason) {
	return c.evaluateWith(d, c.rules.monthEndClosure(d))
}

// evaluateWith is evaluate with the month-end closure of d's month
// already worked out.
func (c *Calendar) evaluateWith(d Date, monthEnd Date) (open bool, why ClosedReason) {
	r := &c.rules
	for _, o := range r.Openings {
		if o.Covers(d) {
			return true, ClosedReason{}
		}
	}
	for _, cl := range r.Closures {
		if cl.Covers(d) {
			return false, ClosedReason{Kind: NamedClosure, Name: cl.Name}
		}
	}
	_, m, day := d.Date()
	if r.YearEnd && ((m == time.December && day >= 29) || (m == time.January && day <= 3)) {
		return false, ClosedReason{Kind: YearEndClosure}
	}
	holiday, isHoliday := Holiday(d)
	if r.ClosedWeekdays.Has(d.Weekday()) && !(isHoliday && r.HolidayOpensWeeklyClosure) {
		return false, ClosedReason{Kind: WeeklyClosure}
	}
	if isHoliday && r.ClosedOnHolidays {
		return false, ClosedReason{Kind: HolidayClosure, Name: holiday}
	}
	if r.HolidayOpensWeeklyClosure && !isHoliday {
		// Closed when the run of holidays just before d starts from, or
		// passes, a weekly closed day.
		for p := d.AddDays(-1); IsHoliday(p); p = p.AddDays(-1) {
			if r.ClosedWeekdays.Has(p.Weekday()) {
				return false, ClosedReason{Kind: ShiftedClosure}
			}
		}
	}
	if d == monthEnd {
		return false, ClosedReason{Kind: MonthEndClosure}
	}
	return true, ClosedReason{}
}

// monthEndClosure returns the month-end closure day of d's month, or the
// zero Date when there is none.
func (r *Rules) monthEndClosure(d Date) Date {
	if !r.MonthEnd || (r.YearEnd && d.Month() == time.December) {
		return Date{}
	}
	e := d.AddDays(d.DaysInMonth() - d.Day())
	for r.MonthEndAvoids.Has(e.Weekday()) || IsHoliday(e) {
		e = e.AddDays(-1)
	}
	return e
}

// inSpan returns d's bit index and whether d lies in the compiled span.
func (c *Calendar) inSpan(d Date) (int, bool) {
	i := int(d.n - c.first)
	return i, i >= 0 && i < len(c.words)*64 && d.n <= spanLast.n
}

// IsOpen reports whether the place is open on d. The zero Date is never
// open.
func (c *Calendar) IsOpen(d Date) bool {
	if i, ok := c.inSpan(d); ok {
		return c.words[i>>6]&(1<<(i&63)) != 0
	}
	if d.IsZero() {
		return false
	}
	open, _ := c.evaluate(d)
	return open
}

// WhyClosed reports why the place is closed on d; ok is false when it is
// open.
func (c *Calendar) WhyClosed(d Date) (why ClosedReason, ok bool) {
	if d.IsZero() {
		return ClosedReason{}, false
	}
	open, why := c.evaluate(d)
	return why, !open
}

// rank returns the number of open days in the span before bit i.
func (c *Calendar) rank(i int) int {
	return int(c.ranks[i>>6]) + bits.OnesCount64(c.words[i>>6]&(1<<(i&63)-1))
}

// OpenDaysBetween returns the number of open days in (from, to]: days
// after from up to and including to. It is negative when to is before
// from, so that it is additive: OpenDaysBetween(a, b) +
// OpenDaysBetween(b, c) == OpenDaysBetween(a, c).
func (c *Calendar) OpenDaysBetween(from, to Date) int {
	if to.Before(from) {
		return -c.OpenDaysBetween(to, from)
	}
	if from.IsZero() {
		from = Date{minDays - 1}
	}
	i, ok1 := c.inSpan(from)
	j, ok2 := c.inSpan(to)
	if ok1 && ok2 {
		return c.rank(j+1) - c.rank(i+1)
	}
	n := 0
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		if c.IsOpen(d) {
			n++
		}
		if d.n == maxDays {
			break
		}
	}
	return n
}

// NextOpen returns the first open day on or after d, or the zero Date if
// there is none before the end of year 9999.
func (c *Calendar) NextOpen(d Date) Date {
	if c.IsOpen(d) {
		return d
	}
	return c.AddOpenDays(d, 1)
}

// AddOpenDays returns the n-th open day strictly after d: AddOpenDays(d, 1)
// is the next open day after d. A negative n counts back from d, and n = 0
// returns d. It returns the zero Date when there is no such day in years
// 1..9999, or when d is zero.
func (c *Calendar) AddOpenDays(d Date, n int) Date {
	if d.IsZero() || n == 0 {
		return d
	}
	if i, ok := c.inSpan(d); ok {
		if n > 0 {
			if got, ok := c.scanForward(i, n); ok {
				return Date{c.first + int32(got)}
			}
			if target := c.rank(i+1) + n; target <= int(c.ranks[len(c.ranks)-1]) {
				return Date{c.first + int32(c.selectOpen(target))}
			}
		} else if target := c.rank(i) + n; target >= 0 {
			return Date{c.first + int32(c.selectOpen(target+1))}
		}
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		if (step > 0 && d.n >= maxDays) || (step < 0 && d.n <= minDays) {
			return Date{}
		}
		d = Date{d.n + int32(step)}
		if c.IsOpen(d) {
			n--
		}
	}
	return d
}

// scanForward finds the n-th open day after bit i by scanning at most a
// few words, which beats the binary search for the short counts of the
// hold shelf.
func (c *Calendar) scanForward(i, n int) (int, bool) {
	w := i >> 6
	x := c.words[w] &^ (1<<(i&63+1) - 1) // open days after i in its word
	for k := 0; k < 4; k++ {
		cnt := bits.OnesCount64(x)
		if cnt >= n {
			for ; n > 1; n-- {
				x &= x - 1
			}
			return w*64 + bits.TrailingZeros64(x), true
		}
		n -= cnt
		if w++; w >= len(c.words) {
			return 0, false
		}
		x = c.words[w]
	}
	return 0, false
}

// selectOpen returns the bit index of the k-th open day of the span
// (k >= 1): the index i with rank(i) == k-1 and bit i set.
func (c *Calendar) selectOpen(k int) int {
	// Find the last word whose running count is below k.
	lo, hi := 0, len(c.words)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if int(c.ranks[mid]) < k {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	x := c.words[lo]
	for r := k - int(c.ranks[lo]); r > 1; r-- {
		x &= x - 1 // drop the lowest set bit
	}
	return lo*64 + bits.TrailingZeros64(x)
}

// OpenAt reports whether the place is open at instant t: its day in Japan
// is an open day and its time of day is within the opening hours.
func (c *Calendar) OpenAt(t time.Time) bool { return c.rules.Hours.OpenAt(c, t) }

// Hours returns the opening hours of c.
func (c *Calendar) Hours() Hours { return c.rules.Hours.clone() }
