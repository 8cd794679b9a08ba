package shipping

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
)

func TestNextCourierDayRPT2(t *testing.T) {
	c := publishedCourier()
	for _, tc := range []struct{ name, ready, want string }{
		{"R-PT2 Wednesday to Friday", "2026-04-01", "2026-04-03"},
		{"R-PT2 Friday to Tuesday", "2026-04-03", "2026-04-07"},
		{"R-PT2 Monday to Tuesday", "2026-04-06", "2026-04-07"},
		{"R-PT2 strictly after: Tuesday to Friday", "2026-04-07", "2026-04-10"},
		{"R-PT2 year end: Thursday to Christmas Friday", "2026-12-24", "2026-12-25"},
		{"R-PT2 year end: Friday 12-25 to Tuesday 01-05", "2026-12-25", "2027-01-05"},
		{"R-PT2 year end: Tuesday 12-29 is not a courier day", "2026-12-28", "2027-01-05"},
		{"R-PT2 holiday: Tuesday 11-03 (文化の日) skipped", "2026-11-02", "2026-11-06"},
		{"R-PT2 Golden Week: Tuesday 05-05 (こどもの日) skipped", "2026-05-01", "2026-05-08"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, c.NextDay(date(t, tc.ready)).String())
		})
	}
	assert.False(t, c.IsCourierDay(date(t, "2026-11-03")), "R-PT2: 文化の日")
	assert.False(t, c.IsCourierDay(date(t, "2027-01-01")), "R-PT2: New Year's Day, a Friday")
	assert.True(t, c.IsCourierDay(date(t, "2026-11-06")))
	assert.Equal(t, "協力車", c.Calendar().Name())
}

func TestCourierAnnouncementsRPT2(t *testing.T) {
	r := CourierRules()
	r = r.SkipDay(date(t, "2026-04-07"), "車両点検")
	r = r.MoveDay(date(t, "2026-11-03"), date(t, "2026-11-04"), "文化の日の振替")
	r = r.MoveDay(date(t, "2026-12-25"), date(t, "2026-12-28"), "年末の繰り下げ")
	c, err := NewCourier(r)
	require.NoError(t, err)

	assert.Equal(t, "2026-04-10", c.NextDay(date(t, "2026-04-03")).String(), "R-PT2: suspended Tuesday")
	assert.Equal(t, "2026-11-04", c.NextDay(date(t, "2026-11-02")).String(), "R-PT2: moved to Wednesday")
	assert.Equal(t, "2026-12-28", c.NextDay(date(t, "2026-12-22")).String(), "R-PT2: Friday moved to Monday")
	assert.Equal(t, "2027-01-05", c.NextDay(date(t, "2026-12-28")).String())
	why, closed := c.Calendar().WhyClosed(date(t, "2026-12-25"))
	assert.True(t, closed)
	assert.Equal(t, "年末の繰り下げ", why.Name)

	// The published rules are untouched.
	assert.Empty(t, CourierRules().Closures)
	assert.True(t, publishedCourier().IsCourierDay(date(t, "2026-04-07")))

	// A move onto a suspended day is refused; SkipDay and MoveDay never
	// write into the caller's slices (tested in package calendar).
	_, err = NewCourier(r.MoveDay(date(t, "2026-04-10"), date(t, "2026-04-07"), "x"))
	assert.ErrorIs(t, err, reason.ErrBadInput)
	assert.NotErrorIs(t, err, calendar.ErrNeverOpen)
}

func TestCollectableRPT3(t *testing.T) {
	c := publishedCourier()
	everyDay := calendar.MustNew(calendar.Rules{Name: "every day"})
	weekdays := calendar.MustNew(calendar.Rules{
		Name:           "平日のみ",
		ClosedWeekdays: calendar.WeekdaysOf(time.Saturday, time.Sunday),
		YearEnd:        true,
	})
	library := calendar.MustNew(prefecturalLibraryRules())
	sunMon := calendar.MustNew(calendar.Rules{Name: "日月休館", ClosedWeekdays: calendar.WeekdaysOf(time.Sunday, time.Monday)})
	for _, tc := range []struct {
		name    string
		sent    string
		partner *calendar.Calendar
		want    string
	}{
		{"R-PT3 two days after a Tuesday", "2026-04-07", everyDay, "2026-04-09"},
		{"R-PT3 two days after a Friday: Sunday", "2026-04-03", everyDay, "2026-04-05"},
		{"R-PT3 partner closed at weekends: Monday", "2026-04-03", weekdays, "2026-04-06"},
		{"R-PT3 partner closed on Sundays and Mondays", "2026-04-10", sunMon, "2026-04-14"},
		{"R-PT3 partner's month-end closure", "2026-04-28", library, "2026-05-01"},
		{"R-PT3 Friday before the year end, weekdays partner", "2026-12-25", weekdays, "2026-12-28"},
		{"R-PT3 Friday before the year end, Sunday open", "2026-12-25", library, "2026-12-27"},
		{"R-PT3 across the year end (a courier day moved to Monday 12-28)", "2026-12-28", weekdays, "2027-01-04"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, c.Collectable(date(t, tc.sent), tc.partner).String())
		})
	}
}

// R-PT3: an unknown partner calendar gives the second day after sending,
// never a panic.
func TestCollectableNilPartner(t *testing.T) {
	c := publishedCourier()
	sent, _ := calendar.ParseDate("2026-11-27")
	want, _ := calendar.ParseDate("2026-11-29")
	if got := c.Collectable(sent, nil); got != want {
		t.Fatalf("R-PT3 Collectable(%v, nil) = %v, want %v", sent, got, want)
	}
	if got := c.Collectable(calendar.Date{}, nil); !got.IsZero() {
		t.Fatalf("zero sent day gave %v", got)
	}
}
