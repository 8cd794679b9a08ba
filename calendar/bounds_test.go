package calendar

import (
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// timing reports whether tests check time budgets: only when
// KASHIDASHI_TIMING=1, since a busy or cold machine can miss a budget an
// idle one meets by far. Without it a hang still fails, at go test's
// timeout; the benchmarks (bench_test.go) measure the same calls.
var timing = os.Getenv("KASHIDASHI_TIMING") == "1"

// within runs f and, with KASHIDASHI_TIMING=1, fails t when f does not
// return within limit: the regression guard for the hangs fixed here.
func within(t *testing.T, limit time.Duration, f func()) {
	t.Helper()
	if !timing {
		f()
		return
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(limit):
		t.Fatalf("did not finish within %v", limit)
	}
}

// sparsest returns rules open on one day only, the last of the span.
func sparsest() Rules {
	last := NewDate(2100, 12, 31)
	return Rules{Name: "sparse", ClosedWeekdays: everyDay, Openings: []Opening{{Name: "once", From: last, To: last}}}
}

func TestAddOpenDaysMaxIntNoOverflow(t *testing.T) {
	c := MustNew(PrefecturalLibraryRules())
	d := NewDate(2026, 11, 20)
	within(t, 2*time.Second, func() {
		assert.True(t, c.AddOpenDays(d, math.MaxInt).IsZero())
		assert.True(t, c.AddOpenDays(d, math.MinInt).IsZero())
		assert.True(t, c.AddOpenDays(d, math.MaxInt-3).IsZero())
		assert.True(t, c.AddOpenDays(d, math.MinInt+3).IsZero())
		assert.True(t, c.AddOpenDays(d, math.MaxInt32+1).IsZero())
	})
}

func TestAddOpenDaysToEndOfSpanThenZero(t *testing.T) {
	c := MustNew(AssemblyLibraryRules())
	first, last := c.Span()
	assert.Equal(t, NewDate(1955, 1, 1), first)
	assert.Equal(t, NewDate(2100, 12, 31), last)
	lastOpen := c.AddOpenDays(last, -1)
	n := c.OpenDaysBetween(first, lastOpen)
	assert.Equal(t, lastOpen, c.AddOpenDays(first, n), "the count that lands on the last open day")
	within(t, 2*time.Second, func() {
		assert.True(t, c.AddOpenDays(first, n+1).IsZero(), "one more is past the span")
		assert.True(t, c.AddOpenDays(lastOpen, 1).IsZero())
	})
	firstOpen := c.NextOpen(first)
	require.False(t, c.IsOpen(first), "1955-01-01 is in the year-end closure")
	assert.Equal(t, firstOpen, c.AddOpenDays(lastOpen, -(n-1)))
	within(t, 2*time.Second, func() {
		assert.True(t, c.AddOpenDays(firstOpen, -1).IsZero(), "before the span")
	})
}

func TestOpenDaysBetweenZeroDateIsZeroNoWalk(t *testing.T) {
	c := MustNew(PrefecturalLibraryRules())
	d := NewDate(2026, 11, 20)
	within(t, 2*time.Second, func() {
		assert.Equal(t, 0, c.OpenDaysBetween(Date{}, d))
		assert.Equal(t, 0, c.OpenDaysBetween(d, Date{}))
		assert.Equal(t, 0, c.OpenDaysBetween(Date{}, Date{}))
	})
}

func TestQueriesOutsideSpanAnswerZeroNoWalk(t *testing.T) {
	c := MustNew(sparsest())
	within(t, 2*time.Second, func() {
		for _, d := range []Date{NewDate(1, 1, 1), NewDate(1954, 12, 31), NewDate(2101, 1, 1), NewDate(9999, 12, 31)} {
			assert.True(t, c.NextOpen(d).IsZero(), "NextOpen(%v)", d)
			assert.True(t, c.AddOpenDays(d, 1).IsZero(), "AddOpenDays(%v, 1)", d)
			assert.True(t, c.AddOpenDays(d, -1).IsZero(), "AddOpenDays(%v, -1)", d)
			assert.True(t, c.AddOpenDays(d, 0).IsZero(), "AddOpenDays(%v, 0)", d)
			assert.Equal(t, 0, c.OpenDaysBetween(d, NewDate(2100, 12, 31)), "OpenDaysBetween(%v, ...)", d)
			assert.Equal(t, 0, c.OpenDaysBetween(NewDate(1955, 1, 1), d), "OpenDaysBetween(..., %v)", d)
		}
	})
	// A single day outside the span is still answered by the rules.
	assert.False(t, c.IsOpen(NewDate(2150, 1, 1)))
	why, closed := c.WhyClosed(NewDate(2150, 1, 1))
	assert.True(t, closed)
	assert.Equal(t, WeeklyClosure, why.Kind)
}

func TestNextOpenSparsestCalendarNoWalk(t *testing.T) {
	c := MustNew(sparsest())
	last := NewDate(2100, 12, 31)
	within(t, 2*time.Second, func() {
		assert.Equal(t, last, c.NextOpen(NewDate(1955, 1, 1)))
		assert.Equal(t, last, c.AddOpenDays(NewDate(1955, 1, 1), 1))
		assert.True(t, c.AddOpenDays(last, 1).IsZero())
		assert.True(t, c.AddOpenDays(last, -1).IsZero())
		assert.Equal(t, 1, c.OpenDaysBetween(NewDate(1955, 1, 1), last))
	})
}

func TestNewRefusesUnknownWeekdayBitsMonthEndHang(t *testing.T) {
	within(t, 2*time.Second, func() {
		_, err := New(Rules{MonthEnd: true, MonthEndAvoids: 0xFF})
		assert.Error(t, err)
		_, err = New(Rules{MonthEnd: true, MonthEndAvoids: 0x80})
		assert.Error(t, err, "an unknown bit alone is refused too")
		_, err = New(Rules{ClosedWeekdays: 0x80})
		assert.Error(t, err)
		_, err = New(Rules{ClosedWeekdays: 0xFF, HolidayOpensWeeklyClosure: true})
		assert.Error(t, err)
		_, err = New(Rules{Hours: Hours{Seasonal: []SeasonalHours{{Weekdays: 0x80}}}})
		assert.Error(t, err)
		_, err = New(Rules{Hours: Hours{Seasonal: []SeasonalHours{{Months: 1}}}})
		assert.Error(t, err, "month bit 0 names no month")
	})
}

func TestNewRefusesNeverOpenEveryHolidayCombination(t *testing.T) {
	within(t, 2*time.Second, func() {
		for _, r := range []Rules{
			{ClosedWeekdays: everyDay, HolidayOpensWeeklyClosure: true, ClosedOnHolidays: true},
			{ClosedWeekdays: everyDay, HolidayOpensWeeklyClosure: true, ClosedOnHolidays: true, YearEnd: true, MonthEnd: true},
			{Closures: []Closure{{Name: "forever", From: NewDate(1, 1, 1), To: NewDate(9999, 12, 31)}}},
			{ClosedWeekdays: everyDay, Openings: []Opening{{Name: "too late", From: NewDate(2150, 1, 1), To: NewDate(2150, 1, 1)}}},
		} {
			_, err := New(r)
			assert.ErrorIs(t, err, ErrNeverOpen, "%+v", r)
		}
	})
	_, err := New(Rules{ClosedWeekdays: everyDay, HolidayOpensWeeklyClosure: true})
	require.NoError(t, err, "open on holidays only is a real calendar")
}

func TestHoursOnResultNotShared(t *testing.T) {
	d := NewDate(2026, 11, 20)
	ws := Hours{}.On(d)
	require.Len(t, ws, 1)
	ws[0].To = 0
	_ = append(ws[:0], Window{From: 1, To: 2})
	assert.Equal(t, []Window{{From: 0, To: ClockAt(24, 0)}}, Hours{}.On(d))
	assert.True(t, Hours{}.contains(d, ClockAt(23, 59)))

	h := AssemblyLibraryServiceRules().Hours
	ws = h.On(d)
	ws[0].To = ClockAt(10, 0)
	assert.Equal(t, ClockAt(17, 0), h.On(d)[0].To)
}

func TestHoursExplicitEmptyNeverOpenAfterNew(t *testing.T) {
	never := Hours{Regular: []Window{}}
	d := NewDate(2026, 11, 20)
	assert.Empty(t, never.On(d))
	assert.False(t, never.contains(d, ClockAt(12, 0)))
	c := MustNew(Rules{Hours: never})
	noon := time.Date(2026, 11, 20, 12, 0, 0, 0, JST())
	assert.False(t, c.OpenAt(noon), "explicitly empty hours stay empty after New")
	assert.NotNil(t, c.Hours().Regular)
	assert.NotNil(t, c.Rules().Hours.Regular)
	assert.True(t, MustNew(Rules{}).OpenAt(noon), "nil hours mean all day")
	assert.Nil(t, MustNew(Rules{}).Hours().Regular)
}

func TestMonthEndClosureBoundedAtYearOne(t *testing.T) {
	r := Rules{MonthEnd: true, MonthEndAvoids: everyDay &^ WeekdaysOf(time.Monday)}
	within(t, 2*time.Second, func() {
		assert.True(t, r.monthEndClosure(Date{}).IsZero())
		e := r.monthEndClosure(NewDate(1, 1, 10))
		assert.Equal(t, time.Monday, e.Weekday())
		assert.Equal(t, NewDate(1, 1, 29), e)
		all := Rules{MonthEnd: true, MonthEndAvoids: everyDay}
		assert.True(t, all.monthEndClosure(NewDate(1, 1, 10)).IsZero(), "no day left in the month: no closure")
	})
}

// TestNewManyOneOffsLinear: New costs O(span + closures + openings): ten
// thousand announced closures and openings, spread over the span and
// checked pairwise for overlap, compile in well under a second (C4).
func TestNewManyOneOffsLinear(t *testing.T) {
	r := PrefecturalLibraryRules()
	for i := 0; i < 10000; i++ {
		d := NewDate(1956, 1, 1+5*i)
		r.Closures = append(r.Closures, Closure{Name: "c", From: d, To: d.AddDays(1)})
		r.Openings = append(r.Openings, Opening{Name: "o", From: d.AddDays(3), To: d.AddDays(3)})
	}
	within(t, 2*time.Second, func() {
		c, err := New(r)
		if err != nil {
			t.Errorf("New: %v", err)
			return
		}
		d := NewDate(1956, 1, 1)
		if c.IsOpen(d) || !c.IsOpen(d.AddDays(3)) {
			t.Errorf("closure or opening not applied")
		}
	})
	r.Openings = append(r.Openings, Opening{Name: "late", From: NewDate(1956, 1, 2), To: NewDate(1956, 1, 2)})
	if _, err := New(r); err == nil || !strings.Contains(err.Error(), `"late" overlaps`) {
		t.Errorf("overlap not found: %v", err)
	}
}
