package calendar

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// manyClosures are the Prefectural Library's rules with n one-day
// closures spread over the span, some on the same day, as a host that
// records every staff announcement for a century might hold.
func manyClosures(n int) Rules {
	r := PrefecturalLibraryRules()
	span := int(spanLast.n - spanFirst.n)
	for k := range n {
		d := spanFirst.AddDays(k * 7919 % span)
		r.Closures = append(r.Closures, Closure{Name: "臨時休館", NameEn: "closure", From: d, To: d.AddDays(k % 3)})
	}
	return r
}

// naiveWhy is the reading of the rules before the index: the first
// opening or closure, in the rules' order, that covers d, else the
// regular rules.
func naiveWhy(c *Calendar, d Date) (bool, ClosedReason) {
	for _, o := range c.rules.Openings {
		if o.Covers(d) {
			return true, ClosedReason{}
		}
	}
	for _, cl := range c.rules.Closures {
		if cl.Covers(d) {
			return false, ClosedReason{Kind: NamedClosure, Name: cl.Name, NameEn: cl.NameEn}
		}
	}
	return c.regular(d, c.rules.monthEndClosure(d))
}

// TestDefectClosedDaysLinearInClosures: listing the closed days of the
// span walks the closures once, alongside the days, instead of scanning
// every closure for each day: the steps of the walk are bounded by the
// number of runs of closed days (at most twice the closures) plus a
// binary search, however many days are listed, at 4,000 and 40,000
// closures.
func TestDefectClosedDaysLinearInClosures(t *testing.T) {
	for _, n := range []int{4000, 40000} {
		c := MustNew(manyClosures(n))
		require.LessOrEqual(t, len(c.closed), 2*n)
		r := c.reader()
		days := 0
		for d := range c.ClosedDays(spanFirst, spanLast) {
			r.evaluate(d)
			days++
		}
		assert.Greater(t, days, n/2)
		assert.LessOrEqual(t, r.cursorSteps(), len(c.closed)+len(c.opened)+64, "%d closures", n)
		// One month reads one month of closures.
		r = c.reader()
		for d := day("2027-03-01"); d.Month() == 3; d = d.AddDays(1) {
			r.evaluate(d)
		}
		assert.LessOrEqual(t, r.cursorSteps(), 40+64, "%d closures, one month", n)
	}
}

// TestC4ClosureIndexAgreesWithTheRules: with closures that overlap one
// another and openings around them, WhyClosed, ClosedDays and the month
// view name the first closure, in the rules' order, that covers each
// day, as a scan of the rules does.
func TestC4ClosureIndexAgreesWithTheRules(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := PrefecturalLibraryRules()
		base := day("2027-01-01")
		for k := range rapid.IntRange(0, 12).Draw(t, "closures") {
			from := base.AddDays(rapid.IntRange(0, 80).Draw(t, "from"))
			to := from.AddDays(rapid.IntRange(0, 15).Draw(t, "length"))
			r.Closures = append(r.Closures, Closure{Name: string(rune('A' + k)), From: from, To: to})
		}
		for range rapid.IntRange(0, 4).Draw(t, "openings") {
			d := base.AddDays(rapid.IntRange(-5, 100).Draw(t, "opening"))
			if (Rules{Openings: []Opening{{From: d, To: d}}, Closures: r.Closures}).Problems().Err() == nil {
				r.Openings = append(r.Openings, Opening{Name: "open", From: d, To: d})
			}
		}
		c := MustNew(r)
		lo, hi := base.AddDays(-10), base.AddDays(110)
		for d := lo; !d.After(hi); d = d.AddDays(1) {
			open, want := naiveWhy(c, d)
			got, closed := c.WhyClosed(d)
			if closed == open || got != want || c.IsOpen(d) != open {
				t.Fatalf("%v: WhyClosed %v %v, IsOpen %v; the rules say open %v, %v", d, got, closed, c.IsOpen(d), open, want)
			}
		}
		for d, why := range c.ClosedDays(lo, hi) {
			if _, want := naiveWhy(c, d); why != want {
				t.Fatalf("ClosedDays %v: %v, the rules say %v", d, why, want)
			}
		}
		for _, w := range c.Month(2027, 2).Weeks {
			for _, dv := range w {
				open, want := naiveWhy(c, dv.Date)
				if dv.Open != open || dv.Closed != want.Kind || (!open && dv.ClosedEn != want.Label("en")) {
					t.Fatalf("Month %v: %+v, the rules say %v", dv.Date, dv, want)
				}
			}
		}
	})
}
