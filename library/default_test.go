package library

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/shipping"
)

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

// The embedded default configuration gives the same answers as the
// calendar presets on every day of the span (C2, R-AL1, R-PT2) and the
// published policies (L1–L5, H1, H4).
func TestDefaultConfigMatchesPresetsC2RAL1RPT2(t *testing.T) {
	l := Default()
	day := calendar.NewDate(2026, 11, 27)
	pref, err := l.Calendar("prefectural", day)
	require.NoError(t, err)
	sameDays(t, "prefectural", calendar.MustNew(calendar.PrefecturalLibraryRules()), pref)
	asm, err := l.Calendar("北海道議会図書室", day)
	require.NoError(t, err)
	sameDays(t, "assembly", calendar.MustNew(calendar.AssemblyLibraryRules()), asm)
	sameDays(t, "staff days", calendar.MustNew(calendar.AssemblyLibraryStaffDayRules()), l.StaffDays())
	courier, err := shipping.NewCourier(shipping.CourierRules())
	require.NoError(t, err)
	sameDays(t, "courier", courier.Calendar(), l.Courier().Calendar())

	assert.Equal(t, circulation.DefaultPolicy(), l.CirculationPolicy(day))
	assert.Equal(t, holds.DefaultPolicy(), l.HoldPolicy(day))
	assert.Equal(t, holds.DefaultPolicy(), l.HoldPolicy(calendar.Date{}))
}
