package library

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
)

// The embedded default document, the one source of the Prefectural
// Library's own rules, gives the guide's answers on the days that show
// each rule (C2: Mondays, a holiday Monday shifting the closure to the
// next weekday, the month end moved off Saturday, Sunday and Monday, the
// year end; R-AL1: the Assembly Library's weekdays and the staff's
// Tuesdays and Thursdays; R-PT2: the courier's Tuesdays and Fridays) and
// the published numbers (L1–L5, H1, H4).
func TestDefaultDocumentC2RAL1RPT2GuideDays(t *testing.T) {
	l := Default()
	on := calendar.NewDate(2026, 11, 27)
	pref, err := l.Calendar("prefectural", on)
	require.NoError(t, err)
	asm, err := l.Calendar("北海道議会図書室", on)
	require.NoError(t, err)
	staff, courier := l.StaffDays(), l.Courier()
	for _, c := range []struct {
		day                          string
		pref, asm, staff, courierDay bool
		why                          calendar.ClosedKind // the Prefectural Library's, when closed
	}{
		{"2026-11-27", false, true, false, true, calendar.MonthEndClosure}, // the 30th is a Monday: Friday closes (C2)
		{"2026-11-28", true, false, false, false, 0},
		{"2026-11-30", false, true, false, false, calendar.WeeklyClosure},
		{"2026-12-01", true, true, true, true, 0},
		{"2026-12-02", true, true, false, false, 0},
		{"2026-12-04", true, true, false, true, 0},
		{"2026-12-28", false, true, false, false, calendar.WeeklyClosure},
		{"2026-12-29", false, false, false, false, calendar.YearEndClosure},
		{"2027-01-03", false, false, false, false, calendar.YearEndClosure},
		{"2027-01-04", false, true, false, false, calendar.WeeklyClosure},
		{"2027-01-11", true, false, false, false, 0},                       // Coming of Age Day opens (C2)
		{"2027-01-12", false, true, true, true, calendar.ShiftedClosure},   // and the Tuesday closes
		{"2027-01-29", false, true, false, true, calendar.MonthEndClosure}, // the 31st is a Sunday
		{"2027-01-31", true, false, false, false, 0},
		{"2027-05-03", true, false, false, false, 0},                      // Constitution Day, a Monday
		{"2027-05-06", false, true, true, false, calendar.ShiftedClosure}, // the first weekday after the holidays
		{"2027-06-30", false, true, false, false, calendar.MonthEndClosure},
	} {
		d, err := calendar.ParseDate(c.day)
		require.NoError(t, err)
		assert.Equal(t, c.pref, pref.IsOpen(d), "%s prefectural", c.day)
		if why, closed := pref.WhyClosed(d); closed {
			assert.Equal(t, c.why, why.Kind, "%s prefectural closed for", c.day)
		}
		assert.Equal(t, c.asm, asm.IsOpen(d), "%s assembly", c.day)
		assert.Equal(t, c.staff, staff.IsOpen(d), "%s staff days", c.day)
		assert.Equal(t, c.courierDay, courier.IsCourierDay(d), "%s courier", c.day)
	}
	assert.Equal(t, "[09:00–19:00]", windows(pref.Hours().On(calendar.NewDate(2027, 7, 1))), "a Thursday in July (C2)")
	assert.Equal(t, "[09:00–17:00]", windows(pref.Hours().On(calendar.NewDate(2027, 7, 5))))

	p := l.CirculationPolicy(on)
	assert.Equal(t, [9]int{15, 8, 30, 15, 14, 7, 1, 10, 10},
		[9]int{p.LoanDays, p.ShortLoanDays, p.RemoteLoanDays, p.RemoteShortLoanDays, p.ExtensionDays, p.ShortExtensionDays, p.MaxExtensions, p.MaxLoans, p.MaxReservations},
		"L1–L4, H1")
	assert.Equal(t, 10, l.HoldPolicy(on).ShelfDays, "H4")
	assert.Equal(t, l.HoldPolicy(on), l.HoldPolicy(calendar.Date{}), "the zero day gets the first version")
}

// windows prints opening windows as a list.
func windows(ws []calendar.Window) string {
	s := "["
	for i, w := range ws {
		if i > 0 {
			s += " "
		}
		s += w.String()
	}
	return s + "]"
}

// sameDays checks that two calendars agree on every day of the span.
func sameDays(t *testing.T, what string, want, got *calendar.Calendar) {
	t.Helper()
	first, last := want.Span()
	n := 0
	for d := first; !d.After(last); d = d.AddDays(1) {
		if want.IsOpen(d) != got.IsOpen(d) {
			n++
			if n <= 3 {
				t.Errorf("%s: %v open %v, want %v", what, d, got.IsOpen(d), want.IsOpen(d))
			}
		}
	}
	assert.Equal(t, want.Hours(), got.Hours(), what+" hours")
}
