package calendar

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// C4, R-PT2: an announced suspension closes one day, a move closes one day
// and opens another, and neither touches the rules it started from.
func TestSkipDayMoveDayC4AnnouncementsCopyRules(t *testing.T) {
	base := WeeklySchedule("courier", time.Tuesday, time.Friday)
	base.Closures = make([]Closure, 0, 4) // spare capacity an append could share
	base.Openings = make([]Opening, 0, 4)
	skipped := base.SkipDay(day("2026-12-01"), "vehicle check")
	moved := skipped.MoveDay(day("2026-12-04"), day("2026-12-03"), "road works")

	assert.Empty(t, base.Closures, "SkipDay leaves its receiver alone")
	assert.Empty(t, base.Openings)
	assert.Len(t, skipped.Closures, 1, "MoveDay leaves its receiver alone")
	assert.Empty(t, skipped.Openings)

	c, err := New(moved)
	require.NoError(t, err)
	assert.False(t, c.IsOpen(day("2026-12-01")))
	assert.False(t, c.IsOpen(day("2026-12-04")))
	assert.True(t, c.IsOpen(day("2026-12-03")))
	why, _ := c.WhyClosed(day("2026-12-04"))
	assert.Equal(t, ClosedReason{Kind: NamedClosure, Name: "road works"}, why)
}

// C4: moving a day onto a closed day of the announcements is refused.
func TestMoveDayC4OntoClosedDayInvalidRules(t *testing.T) {
	r := WeeklySchedule("courier", time.Tuesday).MoveDay(day("2026-12-01"), day("2026-12-01"), "no-op")
	_, err := New(r)
	assert.ErrorIs(t, err, ErrInvalidRules)
}

// Every malformed-rules error wraps ErrInvalidRules, so that callers can
// tell it from ErrNeverOpen.
func TestNewMalformedRulesWrapErrInvalidRules(t *testing.T) {
	for name, r := range map[string]Rules{
		"weekday bits":     {ClosedWeekdays: 0x80},
		"avoid bits":       {MonthEndAvoids: 0x80},
		"avoids every day": {MonthEnd: true, MonthEndAvoids: everyDay},
		"closure reversed": {Closures: []Closure{{Name: "x", From: day("2026-01-02"), To: day("2026-01-01")}}},
		"opening zero":     {Openings: []Opening{{Name: "x"}}},
		"overlap": {
			Closures: []Closure{{Name: "c", From: day("2026-01-01"), To: day("2026-01-10")}},
			Openings: []Opening{{Name: "o", From: day("2026-01-10"), To: day("2026-01-10")}},
		},
		"bad window":      {Hours: Hours{Regular: []Window{{From: ClockAt(17, 0), To: ClockAt(9, 0)}}}},
		"seasonal bits":   {Hours: Hours{Seasonal: []SeasonalHours{{Months: 1}}}},
		"seasonal window": {Hours: Hours{Seasonal: []SeasonalHours{{Windows: []Window{{From: -1, To: 1}}}}}},
	} {
		_, err := New(r)
		assert.ErrorIs(t, err, ErrInvalidRules, name)
		assert.NotErrorIs(t, err, ErrNeverOpen, name)
	}
	_, err := New(Rules{ClosedWeekdays: everyDay})
	assert.NotErrorIs(t, err, ErrInvalidRules)
}
