package calendar

import (
	"iter"
	"math/bits"
)

// ClosedDays yields the closed days of c from from to to inclusive, in
// order, each with why it is closed under the rules in force on it (see
// Versions): the data a user interface lists. It stays within the span
// (Calendar.Span): days of the range outside it, or a zero from or to,
// yield nothing (C8), so that the walk is bounded whatever the range. It
// skips open days a word of 64 days at a time, and finds the one-off
// closure of each day by walking the closures in date order alongside
// the days: O(days + closures) for the whole range. The zero Calendar
// yields nothing.
func (c *Calendar) ClosedDays(from, to Date) iter.Seq2[Date, ClosedReason] {
	return func(yield func(Date, ClosedReason) bool) {
		lo, hi, ok := clip(from, to)
		if !ok || !c.compiled() {
			return
		}
		r := c.reader()
		for w := lo >> 6; w <= hi>>6; w++ {
			closed := ^c.words[w] & rangeMask(w, lo, hi)
			for closed != 0 {
				i := w<<6 + bits.TrailingZeros64(closed)
				closed &= closed - 1
				d := Date{c.first + int32(i)}
				_, why := r.evaluate(d)
				if !yield(d, why) {
					return
				}
			}
		}
	}
}

// clip returns the bit indexes of the days of [from, to] inside the span;
// ok is false when there are none.
func clip(from, to Date) (lo, hi int, ok bool) {
	if from.IsZero() || to.IsZero() || to.Before(from) || to.Before(spanFirst) || from.After(spanLast) {
		return 0, 0, false
	}
	lo = int(maxDate(from, spanFirst).n - spanFirst.n)
	hi = int(minDate(to, spanLast).n - spanFirst.n)
	return lo, hi, true
}

// word returns the w-th word of open days of c; 0, no open day, for the
// zero Calendar.
func (c *Calendar) word(w int) uint64 {
	if !c.compiled() {
		return 0
	}
	return c.words[w]
}

// rangeMask is the mask of the bits of word w that lie in [lo, hi].
func rangeMask(w, lo, hi int) uint64 {
	m := ^uint64(0)
	if w == lo>>6 {
		m &^= 1<<(lo&63) - 1
	}
	if w == hi>>6 && hi&63 != 63 {
		m &= 1<<(hi&63+1) - 1
	}
	return m
}

func maxDate(a, b Date) Date {
	if a.After(b) {
		return a
	}
	return b
}

func minDate(a, b Date) Date {
	if a.Before(b) {
		return a
	}
	return b
}

// ChangedDays yields, in order, the days from from to to inclusive whose
// open or closed status differs between before and after: what an
// unplanned closure, such as a snowstorm, changes. Like ClosedDays it
// stays within the span, and it compares 64 days at a time (C8). A zero
// or nil Calendar counts as open on no day.
func ChangedDays(before, after *Calendar, from, to Date) iter.Seq[Date] {
	return func(yield func(Date) bool) {
		lo, hi, ok := clip(from, to)
		if !ok {
			return
		}
		for w := lo >> 6; w <= hi>>6; w++ {
			diff := (before.word(w) ^ after.word(w)) & rangeMask(w, lo, hi)
			for diff != 0 {
				i := w<<6 + bits.TrailingZeros64(diff)
				diff &= diff - 1
				if !yield(Date{spanFirst.n + int32(i)}) {
					return
				}
			}
		}
	}
}

// dayReader applies the rules in force to a series of days in date
// order, as evaluate does one day, in O(days + closures + openings +
// versions) for the series: the version, the runs of one-off closures and
// openings, and the month-end closure of each day are found by moving
// forward from those of the day before.
type dayReader struct {
	c              *Calendar
	vi             int       // the index of the version in force; -1 before the first day
	p              *Calendar // the plain calendar in force
	closed, opened runCursor
	month          int32 // Date.n of the first day of monthEnd's month; 0 for none yet
	monthEnd       Date
	steps          int // cursor steps of earlier versions
}

// reader returns a dayReader of c, which is compiled.
func (c *Calendar) reader() *dayReader { return &dayReader{c: c, vi: -1} }

// evaluate is Calendar.evaluate of d, which is not before the day of the
// previous call.
func (r *dayReader) evaluate(d Date) (open bool, why ClosedReason) {
	vi := 0
	switch {
	case len(r.c.versions) == 0:
	case r.vi < 0:
		vi = r.c.versionOf(d)
	default:
		vi = r.vi
		for vi+1 < len(r.c.versions) && !d.Before(r.c.versions[vi+1].from) {
			vi++
		}
	}
	if vi != r.vi {
		r.steps += r.closed.steps + r.opened.steps
		r.vi, r.p = vi, r.c.at(d)
		r.closed, r.opened = runCursor{rs: r.p.closed}, runCursor{rs: r.p.opened}
		r.month = 0
	}
	if first := d.AddDays(1 - d.Day()); first.n != r.month {
		r.month, r.monthEnd = first.n, r.p.rules.monthEndClosure(d)
	}
	return r.p.evaluateWith(d, r.monthEnd, r.opened.at(d.n), r.closed.at(d.n))
}

// cursorSteps returns the steps the cursors of r have taken.
func (r *dayReader) cursorSteps() int { return r.steps + r.closed.steps + r.opened.steps }
