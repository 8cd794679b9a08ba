package calendar

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/reason"
)

// V1: rules that change on a date. The reference is the plain calendar
// of each version asked about the days it is in force.

// refVersion is the plain calendar in force on d among first and changes
// (in date order).
func refVersion(first *Calendar, changes []Version, d Date) *Calendar {
	c := first
	for _, v := range changes {
		if !d.Before(v.From) {
			c = v.Calendar
		}
	}
	return c
}

// partnerTuesdays is a partner library closed on Mondays that starts
// closing on Tuesdays too from 2027-04-01 (the case of the issue).
func partnerTuesdays(t testing.TB) (first *Calendar, changes []Version) {
	before := Rules{Name: "江別市情報図書館", ClosedWeekdays: WeekdaysOf(time.Monday), ClosedOnHolidays: true, YearEnd: true,
		Hours: Hours{Regular: []Window{{From: ClockAt(9, 0), To: ClockAt(17, 0)}}}}
	after := before
	after.ClosedWeekdays = WeekdaysOf(time.Monday, time.Tuesday)
	after.Hours = Hours{Regular: []Window{{From: ClockAt(10, 0), To: ClockAt(18, 0)}}}
	a, err := New(before)
	require.NoError(t, err)
	b, err := New(after)
	require.NoError(t, err)
	return a, []Version{{From: day("2027-04-01"), Calendar: b}}
}

// fataler is what checkAgainstReference needs of a *testing.T or a
// *rapid.T.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

// checkAgainstReference compares every query of c with the plain
// calendar in force on each day from lo to hi.
func checkAgainstReference(t fataler, c, first *Calendar, changes []Version, lo, hi Date) {
	t.Helper()
	count := 0
	var closed []Date
	for d := lo; !d.After(hi); d = d.AddDays(1) {
		ref := refVersion(first, changes, d)
		open := ref.IsOpen(d)
		if c.IsOpen(d) != open {
			t.Fatalf("%v: IsOpen %v, the version in force says %v", d, c.IsOpen(d), open)
		}
		gotWhy, gotClosed := c.WhyClosed(d)
		wantWhy, wantClosed := ref.WhyClosed(d)
		if gotWhy != wantWhy || gotClosed != wantClosed {
			t.Fatalf("%v: WhyClosed %v %v, the version in force says %v %v", d, gotWhy, gotClosed, wantWhy, wantClosed)
		}
		if d != lo && open {
			count++
		}
		if got := c.OpenDaysBetween(lo, d); got != count {
			t.Fatalf("OpenDaysBetween(%v, %v) = %d, want %d", lo, d, got, count)
		}
		if open && d != lo && c.AddOpenDays(lo, count) != d {
			t.Fatalf("AddOpenDays(%v, %d) = %v, want %v", lo, count, c.AddOpenDays(lo, count), d)
		}
		if !open {
			closed = append(closed, d)
		}
	}
	var got []Date
	for d, why := range c.ClosedDays(lo, hi) {
		want, _ := refVersion(first, changes, d).WhyClosed(d)
		if why != want {
			t.Fatalf("ClosedDays: %v %v, want %v", d, why, want)
		}
		got = append(got, d)
	}
	if len(got) != len(closed) || (len(got) > 0 && (got[0] != closed[0] || got[len(got)-1] != closed[len(closed)-1])) {
		t.Fatalf("ClosedDays gives %d days, the versions close %d", len(got), len(closed))
	}
}

// TestV1VersionsAnswerEachDayUnderItsRules: the partner library that
// starts closing on Tuesdays from 2027-04-01 is open on Tuesday 03-30 and
// closed on Tuesday 04-06, and every query counts each day under the
// rules in force on that day.
func TestV1VersionsAnswerEachDayUnderItsRules(t *testing.T) {
	first, changes := partnerTuesdays(t)
	c, err := Versions(first, changes...)
	require.NoError(t, err)
	assert.True(t, c.IsOpen(day("2027-03-30")), "Tuesday before the change")
	assert.False(t, c.IsOpen(day("2027-04-06")), "Tuesday after the change")
	why, closed := c.WhyClosed(day("2027-04-06"))
	assert.True(t, closed)
	assert.Equal(t, WeeklyClosure, why.Kind)
	// Collectable from 04-01: the ten open days after it skip Tuesdays.
	assert.Equal(t, day("2027-04-15"), c.AddOpenDays(day("2027-04-01"), 10))
	assert.Equal(t, first.AddOpenDays(day("2027-03-01"), 5), c.AddOpenDays(day("2027-03-01"), 5))
	assert.Equal(t, day("2027-04-07"), c.NextOpen(day("2027-04-05")))
	checkAgainstReference(t, c, first, changes, day("2026-12-01"), day("2027-12-31"))
	assert.Equal(t, first.Name(), c.Name())
	assert.Equal(t, first.Rules(), c.Rules())
}

// TestV1VersionsReverseChangeReopensTuesdays: the reverse case, where
// Tuesdays reopen from 04-01, counts them from that day on.
func TestV1VersionsReverseChangeReopensTuesdays(t *testing.T) {
	a, changes := partnerTuesdays(t)
	b := changes[0].Calendar
	rev := []Version{{From: day("2027-04-01"), Calendar: a}}
	c, err := Versions(b, rev...)
	require.NoError(t, err)
	assert.False(t, c.IsOpen(day("2027-03-30")))
	assert.True(t, c.IsOpen(day("2027-04-06")))
	assert.Equal(t, day("2027-04-13"), c.AddOpenDays(day("2027-04-01"), 10))
	checkAgainstReference(t, c, b, rev, day("2027-01-01"), day("2027-06-30"))
}

// TestV1VersionsHoursAndOpenAtOfTheDay: the hours of a day, and OpenAt,
// are those of the rules in force on that day.
func TestV1VersionsHoursAndOpenAtOfTheDay(t *testing.T) {
	first, changes := partnerTuesdays(t)
	c, err := Versions(first, changes...)
	require.NoError(t, err)
	at := func(s string, h, m int) time.Time {
		return day(s).In(JST()).Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
	}
	assert.True(t, c.OpenAt(at("2027-03-31", 9, 30)))
	assert.False(t, c.OpenAt(at("2027-04-01", 9, 30)), "10:00 opening from 04-01")
	assert.True(t, c.OpenAt(at("2027-04-01", 17, 30)))
	assert.Equal(t, []Window{{ClockAt(9, 0), ClockAt(17, 0)}}, c.HoursOn(day("2027-03-31")))
	assert.Equal(t, []Window{{ClockAt(10, 0), ClockAt(18, 0)}}, c.HoursOn(day("2027-04-01")))
	assert.Nil(t, c.HoursOn(day("2027-04-06")), "a closed day has no hours")
	assert.Equal(t, first.Hours(), c.Hours(), "Hours are the first version's")
	var zero Calendar
	assert.Nil(t, zero.HoursOn(day("2027-04-01")))
	assert.Nil(t, (*Calendar)(nil).HoursOn(day("2027-04-01")))
}

// TestV1VersionsMonthViewFollowsTheChange: the month view of the month a
// change takes effect shows each day under its own rules.
func TestV1VersionsMonthViewFollowsTheChange(t *testing.T) {
	first, changes := partnerTuesdays(t)
	c, err := Versions(first, changes...)
	require.NoError(t, err)
	v := c.Month(2027, time.March)
	for _, w := range v.Weeks {
		for _, dv := range w {
			ref := refVersion(first, changes, dv.Date)
			assert.Equal(t, ref.IsOpen(dv.Date), dv.Open, dv.Date.String())
			if dv.Open {
				assert.Equal(t, ref.Rules().Hours.On(dv.Date), dv.Hours, dv.Date.String())
			}
		}
	}
	// The last week of March runs into April: 04-01 opens at 10:00.
	last := v.Weeks[len(v.Weeks)-1]
	assert.Equal(t, day("2027-04-03"), last[6].Date)
	assert.Equal(t, ClockAt(10, 0), last[4].Hours[0].From)
}

// TestV1VersionsICSFollowsEveryChange: an export spanning a change on
// 07-01 lists exactly the closed days of the versions, no day missing and
// none extra.
func TestV1VersionsICSFollowsEveryChange(t *testing.T) {
	first, _ := partnerTuesdays(t)
	july := MustNew(Rules{Name: "江別市情報図書館", ClosedWeekdays: WeekdaysOf(time.Wednesday, time.Thursday)})
	changes := []Version{{From: day("2027-07-01"), Calendar: july}}
	c, err := Versions(first, changes...)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, c.WriteICS(&buf, day("2027-01-01"), day("2027-12-31"), ICSOptions{Stamp: time.Date(2026, 11, 27, 3, 0, 0, 0, time.UTC)}))
	got := icsDays(t, buf.String())
	var want []Date
	for d := day("2027-01-01"); !d.After(day("2027-12-31")); d = d.AddDays(1) {
		if !refVersion(first, changes, d).IsOpen(d) {
			want = append(want, d)
		}
	}
	assert.Equal(t, want, got)
}

// icsDays lists the days the events of an iCalendar export cover.
func icsDays(t testing.TB, ics string) []Date {
	t.Helper()
	var out []Date
	var start Date
	for _, line := range strings.Split(ics, "\r\n") {
		v, ok := strings.CutPrefix(line, "DTSTART;VALUE=DATE:")
		if ok {
			start = day(v[:4] + "-" + v[4:6] + "-" + v[6:])
		}
		if v, ok := strings.CutPrefix(line, "DTEND;VALUE=DATE:"); ok {
			end := day(v[:4] + "-" + v[4:6] + "-" + v[6:])
			for d := start; d.Before(end); d = d.AddDays(1) {
				out = append(out, d)
			}
		}
	}
	return out
}

// TestV1VersionsFlattenNestedVersions: a version that is itself made of
// versions is read day by day the same as the flat list.
func TestV1VersionsFlattenNestedVersions(t *testing.T) {
	a, changes := partnerTuesdays(t)
	b := changes[0].Calendar
	c3 := MustNew(Rules{Name: "c", ClosedWeekdays: WeekdaysOf(time.Sunday)})
	inner, err := Versions(a, Version{From: day("2027-04-01"), Calendar: b})
	require.NoError(t, err)
	nested, err := Versions(inner, Version{From: day("2027-06-01"), Calendar: c3})
	require.NoError(t, err)
	flat := []Version{{From: day("2027-04-01"), Calendar: b}, {From: day("2027-06-01"), Calendar: c3}}
	checkAgainstReference(t, nested, a, flat, day("2027-01-01"), day("2027-12-31"))
	// A versioned change: its own versions before its From do not count.
	outer, err := Versions(c3, Version{From: day("2027-05-01"), Calendar: inner})
	require.NoError(t, err)
	checkAgainstReference(t, outer, c3, []Version{{From: day("2027-05-01"), Calendar: b}}, day("2027-01-01"), day("2027-12-31"))
	// No change: the first calendar's answers.
	same, err := Versions(a)
	require.NoError(t, err)
	checkAgainstReference(t, same, a, nil, day("2027-01-01"), day("2027-03-31"))
}

// TestV1VersionsRefusesBadVersions: no first calendar, a change with no
// day or no calendar, changes out of order: bad input naming each; and
// versions that together close every day of the span: ErrNeverOpen.
func TestV1VersionsRefusesBadVersions(t *testing.T) {
	a, changes := partnerTuesdays(t)
	b := changes[0].Calendar
	for name, tc := range map[string]struct {
		first   *Calendar
		changes []Version
		path    string
	}{
		"nil first":      {nil, nil, "first"},
		"zero first":     {&Calendar{}, nil, "first"},
		"no day":         {a, []Version{{Calendar: b}}, "changes[0].from"},
		"no calendar":    {a, []Version{{From: day("2027-04-01")}}, "changes[0].calendar"},
		"zero calendar":  {a, []Version{{From: day("2027-04-01"), Calendar: &Calendar{}}}, "changes[0].calendar"},
		"out of order":   {a, []Version{{From: day("2027-04-01"), Calendar: b}, {From: day("2027-03-01"), Calendar: a}}, "changes[1].from"},
		"same day twice": {a, []Version{{From: day("2027-04-01"), Calendar: b}, {From: day("2027-04-01"), Calendar: a}}, "changes[1].from"},
	} {
		c, err := Versions(tc.first, tc.changes...)
		assert.Nil(t, c, name)
		require.ErrorIs(t, err, reason.ErrBadInput, name)
		var ps reason.Problems
		require.True(t, errors.As(err, &ps), name)
		assert.Equal(t, tc.path, ps[0].Path, name)
	}
	// Open only on 2000-01-01 until 1999-05-31, then only on 1999-01-01:
	// no day is open under the rules in force on it.
	early := MustNew(Rules{ClosedWeekdays: everyDay, Openings: []Opening{{From: day("2000-01-01"), To: day("2000-01-01")}}})
	late := MustNew(Rules{ClosedWeekdays: everyDay, Openings: []Opening{{From: day("1999-01-01"), To: day("1999-01-01")}}})
	c, err := Versions(early, Version{From: day("1999-06-01"), Calendar: late})
	assert.Nil(t, c)
	require.ErrorIs(t, err, ErrNeverOpen)
	require.ErrorIs(t, err, reason.ErrBadInput)
}

// TestV1VersionsOutsideTheSpan: a day outside the span is answered by the
// rules of the version in force on it, as a plain calendar answers it.
func TestV1VersionsOutsideTheSpan(t *testing.T) {
	a, changes := partnerTuesdays(t)
	b := changes[0].Calendar
	c, err := Versions(a, Version{From: day("2200-01-01"), Calendar: b})
	require.NoError(t, err)
	tue := day("2300-01-10")
	for tue.Weekday() != time.Tuesday {
		tue = tue.AddDays(1)
	}
	assert.False(t, c.IsOpen(tue))
	assert.True(t, c.IsOpen(day("2199-12-31")) == a.IsOpen(day("2199-12-31")))
	why, closed := c.WhyClosed(tue)
	assert.True(t, closed)
	assert.Equal(t, WeeklyClosure, why.Kind)
}

// TestV1VersionsPropAgreeWithEachVersion: random versions of random rules
// answer every day as the version in force on it.
func TestV1VersionsPropAgreeWithEachVersion(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		first := MustNew(randomRules(t, "first"))
		var changes []Version
		from := day("2026-06-01")
		for range rapid.IntRange(0, 3).Draw(t, "changes") {
			from = from.AddDays(rapid.IntRange(1, 120).Draw(t, "gap"))
			changes = append(changes, Version{From: from, Calendar: MustNew(randomRules(t, "change"))})
		}
		c, err := Versions(first, changes...)
		if err != nil {
			t.Fatal(err)
		}
		checkAgainstReference(t, c, first, changes, day("2026-05-20"), day("2027-09-30"))
	})
}

// randomRules draws rules that open on some days: a few weekly closed
// days, the holiday settings, and a closure and an opening.
func randomRules(t *rapid.T, label string) Rules {
	r := Rules{
		Name:             label,
		ClosedWeekdays:   Weekdays(rapid.IntRange(0, 0x3f).Draw(t, label+"_weekly")),
		ClosedOnHolidays: rapid.Bool().Draw(t, label+"_holidays"),
		DayAfterHoliday:  rapid.Bool().Draw(t, label+"_after"),
		MonthEnd:         rapid.Bool().Draw(t, label+"_month_end"),
		YearEnd:          rapid.Bool().Draw(t, label+"_year_end"),
	}
	r.HolidayOpensWeeklyClosure = !r.ClosedOnHolidays && rapid.Bool().Draw(t, label+"_shift")
	start := day("2026-06-01").AddDays(rapid.IntRange(0, 400).Draw(t, label+"_closure"))
	r.Closures = []Closure{{Name: label + " closure", From: start, To: start.AddDays(rapid.IntRange(0, 20).Draw(t, label+"_length"))}}
	open := start.AddDays(-rapid.IntRange(1, 30).Draw(t, label+"_opening"))
	r.Openings = []Opening{{Name: label + " opening", From: open, To: open}}
	return r
}

// BenchmarkV1Versions joins a calendar and one change, and counts ten
// open days across the change on the result: the count costs what it
// costs on a calendar of one version.
func BenchmarkV1Versions(b *testing.B) {
	first, changes := partnerTuesdays(b)
	b.Run("join", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			c, err := Versions(first, changes...)
			if err != nil {
				b.Fatal(err)
			}
			sinkInt = c.total()
		}
	})
	c, err := Versions(first, changes...)
	require.NoError(b, err)
	for name, cal := range map[string]*Calendar{"versions": c, "plain": first} {
		b.Run("AddOpenDays10/"+name, func(b *testing.B) {
			b.ReportAllocs()
			d, i := day("2027-03-20"), 0
			for b.Loop() {
				sinkDate = cal.AddOpenDays(d.AddDays(i&15), 10)
				i++
			}
		})
	}
}
