package calendar

import (
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"time"

	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// ErrNeverOpen is matched (errors.Is) by the error New returns for rules
// under which the place would not open on any day of the supported span
// (see Calendar.Span). That error is also a reason.Problems, of one
// problem at the empty path (the rules as a whole), and matches
// reason.ErrBadInput as every error of bad rules does.
var ErrNeverOpen = errors.New("calendar: the rules close every day")

// neverOpenError is the error of New for rules that close every day:
// its problem, and ErrNeverOpen.
type neverOpenError struct{ reason.Problems }

// Unwrap returns the problem and ErrNeverOpen.
func (e neverOpenError) Unwrap() []error { return []error{e.Problems, ErrNeverOpen} }

// The supported span, which New precomputes: 1955, the first year of the
// Cabinet Office holiday list, to 2100. Queries that count or search
// across days answer only inside it, so that their cost stays bounded.
var (
	spanFirst = NewDate(1955, 1, 1)
	spanLast  = NewDate(2100, 12, 31)
)

// Calendar is a compiled opening-day calendar: which days a place is open
// and why it is closed on the others. A *Calendar is immutable and safe
// for concurrent use. New makes one.
//
// The zero Calendar, like a nil *Calendar, is no calendar: it answers
// every day as a calendar answers the zero Date (not open, no reason
// closed, NextOpen and AddOpenDays the zero Date, OpenDaysBetween 0),
// yields no closed day, Month gives a view with no weeks, Rules and
// Hours their zero values, and WriteICS an error matching
// reason.ErrBadInput. It never panics.
//
// The queries are answered from a bitmap of the supported span, 1955-01-01
// to 2100-12-31 (Span), with running counts: constant time for IsOpen and
// OpenDaysBetween, logarithmic for AddOpenDays and NextOpen, whatever the
// date or count, and no allocation. IsOpen and WhyClosed answer a day
// outside the span by applying the rules to that one day; AddOpenDays,
// NextOpen and OpenDaysBetween never look outside it and answer the zero
// Date or 0 instead (see each).
type Calendar struct {
	rules Rules
	nth   [7]uint8 // bit n-1 of nth[wd]: the n-th weekday wd closes (C5)
	first int32    // Date.n of bit 0
	words []uint64 // bit i set when day first+i is open
	ranks []int32  // ranks[w] = open days in words[:w]

	// closed and opened are the days the one-off closures and openings
	// cover, so that a day's reason is found without a scan of them.
	closed, opened runs

	// versions are, for a calendar made by Versions, the plain calendars
	// in force from each day (V1); nil for a calendar made by New.
	versions []version
}

// New compiles r into a Calendar. It refuses rules that are malformed (a
// closure that ends before it starts, an opening overlapping a closure, a
// Weekdays or Months value with bits beyond the days or months it names,
// a month-end rule that avoids every weekday, bad hours), with
// reason.Problems listing every problem with its JSON path (see
// Rules.Problems), and rules under which the place would not open on any
// day of the span, whatever combination of settings closes it
// (ErrNeverOpen). Every error matches reason.ErrBadInput.
func New(r Rules) (*Calendar, error) {
	if err := r.Problems().Err(); err != nil {
		return nil, err
	}
	c := &Calendar{rules: r.clone(), first: spanFirst.n}
	for _, nw := range r.ClosedNthWeekdays {
		c.nth[nw.Weekday] |= 1 << (nw.Nth - 1) // checked by validate
	}
	n := int(spanLast.n-spanFirst.n) + 1
	c.words = make([]uint64, (n+63)/64)
	c.ranks = make([]int32, len(c.words)+1)
	// One-off closures and openings are laid over the span as running
	// counts of the intervals covering each day, and indexed by day
	// (closureRuns, openingRuns), so that New costs O(span + n log n) for
	// n closures and openings, however many staff announce.
	closed, opened := coverCounts(c.rules.Closures, n), coverCounts(c.rules.Openings, n)
	var monthEnd Date
	var inClosure, inOpening int32
	for i := 0; i < n; i++ {
		d := Date{spanFirst.n + int32(i)}
		if i == 0 || d.Day() == 1 {
			monthEnd = c.rules.monthEndClosure(d)
		}
		if closed != nil {
			inClosure += closed[i]
		}
		if opened != nil {
			inOpening += opened[i]
		}
		open := inOpening > 0
		if !open && inClosure == 0 {
			open, _ = c.regular(d, monthEnd)
		}
		if open {
			c.words[i>>6] |= 1 << (i & 63)
		}
	}
	c.count()
	c.closed, c.opened = closureRuns(c.rules.Closures), openingRuns(c.rules.Openings)
	// Checked on the result rather than on the settings, so that no
	// combination of them slips through.
	if c.total() == 0 {
		place := ""
		if r.Name != "" {
			place = " " + text.Quote(r.Name)
		}
		return nil, neverOpenError{reason.Problems{{
			Message: fmt.Sprintf("the rules close%s every day from %v to %v", place, spanFirst, spanLast),
		}}}
	}
	return c, nil
}

// count works out the running counts of open days.
func (c *Calendar) count() {
	for w, x := range c.words {
		c.ranks[w+1] = c.ranks[w] + int32(bits.OnesCount64(x))
	}
}

// Span returns the first and last day of the span c answers AddOpenDays,
// NextOpen and OpenDaysBetween for: 1955-01-01 and 2100-12-31.
func (c *Calendar) Span() (first, last Date) { return spanFirst, spanLast }

// MustNew is New for rules known to be good, such as those of a
// configuration already checked; it panics on error.
func MustNew(r Rules) *Calendar {
	c, err := New(r)
	if err != nil {
		panic(err)
	}
	return c
}

func (r Rules) clone() Rules {
	r.ClosedNthWeekdays = slices.Clone(r.ClosedNthWeekdays)
	r.Closures = slices.Clone(r.Closures)
	r.Openings = slices.Clone(r.Openings)
	r.Hours = r.Hours.clone()
	return r
}

// compiled reports whether c was made by New: neither nil nor the zero
// Calendar, which is no calendar.
func (c *Calendar) compiled() bool { return c != nil && len(c.words) > 0 }

// Rules returns a copy of the rules c was compiled from: of its first
// version for a calendar made by Versions. The zero Calendar gives the
// zero Rules.
func (c *Calendar) Rules() Rules {
	if !c.compiled() {
		return Rules{}
	}
	return c.rules.clone()
}

// Name returns the name of the rules c was compiled from (of its first
// version for a calendar made by Versions); "" for the zero Calendar.
func (c *Calendar) Name() string {
	if !c.compiled() {
		return ""
	}
	return c.rules.Name
}

// evaluate applies the rules in force on d to that one day. It is the
// reference the compiled bitmap is built from, and answers days outside
// the span; one-off closures and openings are found by binary search.
func (c *Calendar) evaluate(d Date) (open bool, why ClosedReason) {
	p := c.at(d)
	return p.evaluateWith(d, p.rules.monthEndClosure(d), p.opened.find(d.n), p.closed.find(d.n))
}

// evaluateWith applies the rules of c, a calendar made by New, to d,
// given the month-end closure of d's month and the index of the run of
// openings and of closures covering d (-1 for none).
func (c *Calendar) evaluateWith(d Date, monthEnd Date, opening, closure int) (open bool, why ClosedReason) {
	if opening >= 0 {
		return true, ClosedReason{}
	}
	if closure >= 0 {
		cl := &c.rules.Closures[c.closed[closure].k]
		return false, ClosedReason{Kind: NamedClosure, Name: cl.Name, NameEn: cl.NameEn}
	}
	return c.regular(d, monthEnd)
}

// regular applies the rules other than one-off closures and openings to
// one day.
func (c *Calendar) regular(d Date, monthEnd Date) (open bool, why ClosedReason) {
	r := &c.rules
	if r.inYearEnd(d) {
		return false, ClosedReason{Kind: YearEndClosure}
	}
	holiday, isHoliday := Holiday(d)
	wd := d.Weekday()
	if r.ClosedWeekdays.Has(wd) && !(isHoliday && r.HolidayOpensWeeklyClosure) {
		return false, ClosedReason{Kind: WeeklyClosure}
	}
	if c.nth[wd] != 0 && c.nth[wd]&(1<<((d.Day()-1)/7)) != 0 {
		return false, ClosedReason{Kind: NthWeekdayClosure}
	}
	if isHoliday && r.ClosedOnHolidays {
		return false, ClosedReason{Kind: HolidayClosure, Name: holiday, NameEn: holidayNamesEn[holiday]}
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
	if r.DayAfterHoliday && !isHoliday && !r.DayAfterHolidayAvoids.Has(wd) && IsHoliday(d.AddDays(-1)) {
		return false, ClosedReason{Kind: DayAfterHolidayClosure}
	}
	if d == monthEnd {
		return false, ClosedReason{Kind: MonthEndClosure}
	}
	return true, ClosedReason{}
}

// inYearEnd reports whether d falls in the year-end closure (C7): from
// YearEndFrom in December to YearEndTo in January, 12-29 to 01-03 when
// they are zero.
func (r *Rules) inYearEnd(d Date) bool {
	if !r.YearEnd {
		return false
	}
	from, to := 29, 3
	if !r.YearEndFrom.IsZero() {
		from, to = r.YearEndFrom.Day, r.YearEndTo.Day
	}
	_, m, day := d.Date()
	return (m == time.December && day >= from) || (m == time.January && day <= to)
}

// monthEndClosure returns the month-end closure day of d's month, or the
// zero Date when there is none. The search stays within the month, so it
// ends whatever MonthEndAvoids holds; New refuses an avoid set of every
// day, and a month has too few holidays to hide its other days.
func (r *Rules) monthEndClosure(d Date) Date {
	if !r.MonthEnd || d.IsZero() || (r.YearEnd && d.Month() == time.December) {
		return Date{}
	}
	first := d.AddDays(1 - d.Day())
	for e := first.AddDays(d.DaysInMonth() - 1); !e.Before(first); e = e.AddDays(-1) {
		if !r.MonthEndAvoids.Has(e.Weekday()) && !IsHoliday(e) {
			return e
		}
	}
	return Date{}
}

// inSpan returns d's bit index and whether d lies in the compiled span.
func (c *Calendar) inSpan(d Date) (int, bool) {
	if c == nil {
		return 0, false
	}
	i := int(d.n - c.first)
	return i, i >= 0 && i < len(c.words)*64 && d.n <= spanLast.n
}

// IsOpen reports whether the place is open on d. A day outside the span
// is answered by applying the rules to it alone. The zero Date is never
// open, nor is any day of the zero Calendar.
func (c *Calendar) IsOpen(d Date) bool {
	if i, ok := c.inSpan(d); ok {
		return c.isSet(i)
	}
	if d.IsZero() || !c.compiled() {
		return false
	}
	open, _ := c.evaluate(d)
	return open
}

func (c *Calendar) isSet(i int) bool { return c.words[i>>6]&(1<<(i&63)) != 0 }

// WhyClosed reports why the place is closed on d; ok is false when it is
// open. A day outside the span is answered by applying the rules to it
// alone. The zero Date, and any day of the zero Calendar, gives no
// reason and ok false.
func (c *Calendar) WhyClosed(d Date) (why ClosedReason, ok bool) {
	if d.IsZero() || !c.compiled() {
		return ClosedReason{}, false
	}
	open, why := c.evaluate(d)
	return why, !open
}

// rank returns the number of open days in the span before bit i
// (0 <= i <= the number of days in the span).
func (c *Calendar) rank(i int) int {
	w := i >> 6
	if w == len(c.words) {
		return int(c.ranks[w])
	}
	return int(c.ranks[w]) + bits.OnesCount64(c.words[w]&(1<<(i&63)-1))
}

// total returns the number of open days in the span.
func (c *Calendar) total() int { return int(c.ranks[len(c.ranks)-1]) }

// OpenDaysBetween returns the number of open days in (from, to]: days
// after from up to and including to. It is negative when to is before
// from, so that it is additive: OpenDaysBetween(a, b) +
// OpenDaysBetween(b, c) == OpenDaysBetween(a, c) for days in the span.
// It returns 0 when from or to is the zero Date or outside the span.
func (c *Calendar) OpenDaysBetween(from, to Date) int {
	i, ok1 := c.inSpan(from)
	j, ok2 := c.inSpan(to)
	if !ok1 || !ok2 {
		return 0
	}
	return c.rank(j+1) - c.rank(i+1)
}

// NextOpen returns the first open day on or after d. It returns the zero
// Date when d is zero or outside the span, or when the place does not
// open again before the span ends.
func (c *Calendar) NextOpen(d Date) Date {
	i, ok := c.inSpan(d)
	if !ok {
		return Date{}
	}
	if c.isSet(i) {
		return d
	}
	return c.AddOpenDays(d, 1)
}

// AddOpenDays returns the n-th open day strictly after d: AddOpenDays(d, 1)
// is the next open day after d. A negative n counts back from d, and n = 0
// returns d. It returns the zero Date when d is zero or outside the span,
// or when the n-th open day would fall outside it; any n, up to
// math.MaxInt and down to math.MinInt, costs the same.
func (c *Calendar) AddOpenDays(d Date, n int) Date {
	i, ok := c.inSpan(d)
	switch {
	case !ok:
		return Date{}
	case n == 0:
		return d
	case n > 0:
		if got, ok := c.scanForward(i, n); ok {
			return Date{c.first + int32(got)}
		}
		upTo := c.rank(i + 1) // open days up to and including d
		if n > c.total()-upTo {
			return Date{} // compared this way round so that n cannot overflow
		}
		return Date{c.first + int32(c.selectOpen(upTo+n))}
	default:
		before := c.rank(i)
		if n < -before {
			return Date{}
		}
		return Date{c.first + int32(c.selectOpen(before+n+1))}
	}
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
// is an open day and its time of day is within the hours of the rules in
// force on that day (see Versions). It is the one way to ask "open now?": for a service with hours of its
// own, such as the Assembly Library's loans and returns (R-AL1), compile
// the place's rules with those hours (the configuration of package
// library does).
func (c *Calendar) OpenAt(t time.Time) bool {
	d := DateOf(t)
	return c.IsOpen(d) && c.at(d).rules.Hours.contains(d, ClockOf(t))
}

// Hours returns the opening hours of c's rules, for display: of its
// first version for a calendar made by Versions, whose HoursOn gives the
// hours of each day under its own rules. OpenAt answers whether c is
// open at an instant. The zero Calendar gives the zero Hours.
func (c *Calendar) Hours() Hours {
	if !c.compiled() {
		return Hours{}
	}
	return c.rules.Hours.clone()
}
