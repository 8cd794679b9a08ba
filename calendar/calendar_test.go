package calendar

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/internal/zerotest"
	"github.com/kashidashi/kashidashi/reason"
)

func day(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestPrefecturalLibraryC2(t *testing.T) {
	c := MustNew(PrefecturalLibraryRules())
	for _, tc := range []struct {
		name string
		date string
		open bool
		kind ClosedKind
	}{
		{"C2 Monday holiday opens", "2026-11-23", true, ClosedKind(0)},
		{"C2 next weekday closes instead", "2026-11-24", false, ShiftedClosure},
		{"C2 month-end moved from Monday 11-30", "2026-11-27", false, MonthEndClosure},
		{"C2 Monday 11-30 is a weekly closure", "2026-11-30", false, WeeklyClosure},
		{"C2 Saturday before month-end open", "2026-11-28", true, ClosedKind(0)},
		{"C2 holiday Monday 05-04 opens", "2026-05-04", true, ClosedKind(0)},
		{"C2 holiday Tuesday 05-05 open", "2026-05-05", true, ClosedKind(0)},
		{"C2 substitute holiday 05-06 open", "2026-05-06", true, ClosedKind(0)},
		{"C2 first day that is not a holiday closes", "2026-05-07", false, ShiftedClosure},
		{"C2 ordinary Monday", "2026-11-16", false, WeeklyClosure},
		{"C2 ordinary holiday is open", "2026-11-03", true, ClosedKind(0)},
		{"C2 month-end on a Thursday", "2026-04-30", false, MonthEndClosure},
		{"C2 reading: December's month-end is absorbed by the year end", "2029-12-28", true, ClosedKind(0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := day(tc.date)
			assert.Equal(t, tc.open, c.IsOpen(d))
			why, closed := c.WhyClosed(d)
			assert.Equal(t, !tc.open, closed)
			assert.Equal(t, tc.kind, why.Kind)
		})
	}
	for d := day("2026-12-29"); !d.After(day("2027-01-03")); d = d.AddDays(1) {
		why, closed := c.WhyClosed(d)
		assert.True(t, closed, "C2 year-end %v", d)
		assert.Equal(t, YearEndClosure, why.Kind, "C2 year-end %v", d)
	}
}

func TestInventoryClosureC2C4(t *testing.T) {
	r := PrefecturalLibraryRules()
	r.Closures = append(r.Closures, Closure{Name: "特別整理期間", From: day("2027-03-08"), To: day("2027-03-14")})
	r.Openings = append(r.Openings, Opening{Name: "臨時開館", From: day("2027-03-22"), To: day("2027-03-22")})
	c, err := New(r)
	require.NoError(t, err)
	why, closed := c.WhyClosed(day("2027-03-10"))
	assert.True(t, closed)
	assert.Equal(t, ClosedReason{Kind: NamedClosure, Name: "特別整理期間"}, why)
	assert.True(t, c.IsOpen(day("2027-03-22")), "C4 one-off opening on a Monday")
}

// C3, R-AL1: the Assembly Library calendar, hours and staff days.
func TestAssemblyLibraryRAL1(t *testing.T) {
	c := MustNew(AssemblyLibraryRules())
	assert.False(t, c.IsOpen(day("2026-11-23")), "R-AL1 holiday closed")
	why, _ := c.WhyClosed(day("2026-11-23"))
	assert.Equal(t, "public holiday (Labour Thanksgiving Day)", why.Label(reason.English))
	assert.False(t, c.IsOpen(day("2026-05-06")), "R-AL1 substitute holiday closed")
	assert.False(t, c.IsOpen(day("2026-11-28")), "R-AL1 Saturday closed")
	assert.True(t, c.IsOpen(day("2026-11-30")), "R-AL1 Monday open")
	assert.False(t, c.IsOpen(day("2026-12-29")), "R-AL1 year end")

	jst := JST()
	svc := MustNew(AssemblyLibraryServiceRules())
	assert.True(t, c.OpenAt(time.Date(2026, 11, 30, 8, 50, 0, 0, jst)), "R-AL1 building open 08:45")
	assert.False(t, svc.OpenAt(time.Date(2026, 11, 30, 8, 50, 0, 0, jst)), "R-AL1 service from 09:00")
	assert.True(t, svc.OpenAt(time.Date(2026, 11, 30, 16, 59, 0, 0, jst)))
	assert.False(t, svc.OpenAt(time.Date(2026, 11, 30, 17, 0, 0, 0, jst)))
	// 23:30 UTC on Sunday is 08:30 Monday in Japan, 00:30 UTC is 09:30.
	assert.True(t, svc.OpenAt(time.Date(2026, 11, 30, 0, 30, 0, 0, time.UTC)))
	assert.False(t, svc.OpenAt(time.Date(2026, 11, 23, 10, 0, 0, 0, jst)), "R-AL1 no service on a holiday")

	staff := MustNew(AssemblyLibraryStaffDayRules())
	assert.True(t, staff.IsOpen(day("2026-12-01")), "R-AL1 Tuesday staff day")
	assert.False(t, staff.IsOpen(day("2026-12-02")))
	assert.False(t, staff.IsOpen(day("2026-11-03")), "R-AL1 holiday excepted")
	assert.False(t, staff.OpenAt(time.Date(2026, 12, 1, 13, 30, 0, 0, jst)), "R-AL1 lunch break")
}

func TestPrefecturalHoursC2(t *testing.T) {
	c := MustNew(PrefecturalLibraryRules())
	jst := JST()
	assert.True(t, c.OpenAt(time.Date(2026, 7, 2, 18, 30, 0, 0, jst)), "C2 July Thursday until 19:00")
	assert.False(t, c.OpenAt(time.Date(2026, 7, 1, 18, 30, 0, 0, jst)), "C2 July Wednesday until 17:00")
	assert.False(t, c.OpenAt(time.Date(2026, 9, 3, 18, 30, 0, 0, jst)), "C2 September Thursday until 17:00")
	assert.False(t, c.OpenAt(time.Date(2026, 7, 6, 10, 0, 0, 0, jst)), "C2 Monday closed")
}

func TestNewRefuses(t *testing.T) {
	_, err := New(Rules{ClosedWeekdays: everyDay})
	assert.ErrorIs(t, err, ErrNeverOpen)
	_, err = New(Rules{Closures: []Closure{{Name: "x", From: day("2026-01-02"), To: day("2026-01-01")}}})
	assert.Error(t, err)
	_, err = New(Rules{MonthEnd: true, MonthEndAvoids: everyDay})
	assert.Error(t, err)
	_, err = New(Rules{
		Closures: []Closure{{Name: "c", From: day("2026-01-01"), To: day("2026-01-10")}},
		Openings: []Opening{{Name: "o", From: day("2026-01-10"), To: day("2026-01-10")}},
	})
	assert.Error(t, err)
	_, err = New(Rules{Hours: Hours{Regular: []Window{{From: ClockAt(17, 0), To: ClockAt(9, 0)}}}})
	assert.Error(t, err)
}

func TestQueriesC2(t *testing.T) {
	c := MustNew(PrefecturalLibraryRules())
	assert.Equal(t, day("2026-11-25"), c.NextOpen(day("2026-11-24")))
	assert.Equal(t, day("2026-12-03"), c.AddOpenDays(day("2026-11-20"), 10), "H4 example")
	assert.Equal(t, day("2027-01-13"), c.AddOpenDays(day("2026-12-25"), 10), "H4 example across year end")
	assert.Equal(t, 10, c.OpenDaysBetween(day("2026-11-20"), day("2026-12-03")))
	assert.Equal(t, day("2026-11-20"), c.AddOpenDays(day("2026-12-03"), -10))
	// Up to the end of the span, and no further.
	edge := day("2100-12-10")
	got := c.AddOpenDays(edge, 10)
	assert.True(t, c.IsOpen(got))
	assert.Equal(t, 10, c.OpenDaysBetween(edge, got))
	assert.True(t, c.AddOpenDays(day("2100-12-20"), 10).IsZero(), "the 10th open day is after the span")
	assert.True(t, c.AddOpenDays(day("2150-11-20"), 10).IsZero(), "outside the span")
}

// The zero Calendar, and a nil *Calendar, is no calendar: every day is
// answered as the zero Date is, nothing is yielded, and nothing panics.
func TestZeroCalendar(t *testing.T) {
	lib := MustNew(PrefecturalLibraryRules())
	for name, c := range map[string]*Calendar{"zero": {}, "nil": nil} {
		zerotest.CallEveryMethod(t, name+" Calendar", c)
		d := day("2026-04-07")
		assert.False(t, c.IsOpen(d), name)
		assert.False(t, c.IsOpen(NewDate(1900, 1, 2)), "%s: outside the span", name)
		why, closed := c.WhyClosed(d)
		assert.Equal(t, ClosedReason{}, why, name)
		assert.False(t, closed, name)
		assert.True(t, c.NextOpen(d).IsZero(), name)
		assert.True(t, c.AddOpenDays(d, 10).IsZero(), name)
		assert.True(t, c.AddOpenDays(d, -10).IsZero(), name)
		assert.Zero(t, c.OpenDaysBetween(d, d.AddDays(30)), name)
		assert.False(t, c.OpenAt(d.In(JST()).Add(10*time.Hour)), name)
		assert.Equal(t, Rules{}, c.Rules(), name)
		assert.Equal(t, Hours{}, c.Hours(), name)
		assert.Empty(t, c.Name(), name)
		first, last := c.Span()
		assert.Equal(t, [2]Date{spanFirst, spanLast}, [2]Date{first, last}, name)
		for range c.ClosedDays(d, d.AddDays(30)) {
			t.Errorf("%s: a closed day yielded", name)
		}
		v := c.Month(2026, time.April)
		assert.Equal(t, MonthView{Year: 2026, Month: 4, Weeks: [][7]DayView{}}, v, name)
		var out bytes.Buffer
		err := c.WriteICS(&out, d, d.AddDays(30), ICSOptions{Stamp: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)})
		assert.ErrorIs(t, err, reason.ErrBadInput, name)
		assert.Zero(t, out.Len(), name)

		// Against a real calendar, a zero one is open on no day.
		var changed []Date
		for d := range ChangedDays(c, lib, day("2026-04-01"), day("2026-04-10")) {
			changed = append(changed, d)
		}
		var open []Date
		for d := day("2026-04-01"); !d.After(day("2026-04-10")); d = d.AddDays(1) {
			if lib.IsOpen(d) {
				open = append(open, d)
			}
		}
		assert.Equal(t, open, changed, name)
		for range ChangedDays(c, nil, d, d.AddDays(100)) {
			t.Errorf("%s: two calendars open on no day differ", name)
		}
	}
	// Values and their methods.
	for name, v := range map[string]any{
		"Date": &Date{}, "Rules": &Rules{}, "Closure": &Closure{}, "Opening": &Opening{},
		"NthWeekday": &NthWeekday{}, "MonthDay": new(MonthDay), "Weekdays": new(Weekdays),
		"Months": new(Months), "Clock": new(Clock), "Window": &Window{}, "SeasonalHours": &SeasonalHours{},
		"Hours": &Hours{}, "ClosedKind": new(ClosedKind), "ClosedReason": &ClosedReason{},
		"MonthView": &MonthView{}, "DayView": &DayView{}, "ICSOptions": &ICSOptions{},
	} {
		zerotest.CallEveryMethod(t, name, v)
	}
	_, err := New(Rules{})
	assert.NoError(t, err, "the zero Rules are a place open every day")
}
