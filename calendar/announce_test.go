package calendar

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/reason"
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
	assert.ErrorIs(t, err, reason.ErrBadInput)
	var ps reason.Problems
	require.ErrorAs(t, err, &ps)
	assert.Equal(t, "openings[0]", ps[0].Path)
}

// Every malformed-rules error is a reason.Problems naming the field at
// fault and matching reason.ErrBadInput, and not ErrNeverOpen, so that
// callers can tell the two apart.
func TestNewMalformedRulesAreBadInput(t *testing.T) {
	for name, tt := range map[string]struct {
		r    Rules
		path string
	}{
		"weekday bits":     {Rules{ClosedWeekdays: 0x80}, "closed_weekdays"},
		"avoid bits":       {Rules{MonthEndAvoids: 0x80}, "month_end.avoids"},
		"avoids every day": {Rules{MonthEnd: true, MonthEndAvoids: everyDay}, "month_end.avoids"},
		"closure reversed": {Rules{Closures: []Closure{{Name: "x", From: day("2026-01-02"), To: day("2026-01-01")}}}, "closures[0].to"},
		"opening zero":     {Rules{Openings: []Opening{{Name: "x"}}}, "openings[0].from"},
		"overlap": {Rules{
			Closures: []Closure{{Name: "c", From: day("2026-01-01"), To: day("2026-01-10")}},
			Openings: []Opening{{Name: "o", From: day("2026-01-10"), To: day("2026-01-10")}},
		}, "openings[0]"},
		"bad window":      {Rules{Hours: Hours{Regular: []Window{{From: ClockAt(17, 0), To: ClockAt(9, 0)}}}}, "hours.regular[0]"},
		"seasonal bits":   {Rules{Hours: Hours{Seasonal: []SeasonalHours{{Months: 1}}}}, "hours.seasonal[0].months"},
		"seasonal window": {Rules{Hours: Hours{Seasonal: []SeasonalHours{{Windows: []Window{{From: -1, To: 1}}}}}}, "hours.seasonal[0].windows[0]"},
	} {
		_, err := New(tt.r)
		assert.ErrorIs(t, err, reason.ErrBadInput, name)
		assert.NotErrorIs(t, err, ErrNeverOpen, name)
		var ps reason.Problems
		if assert.ErrorAs(t, err, &ps, name) {
			assert.Equal(t, tt.path, ps[0].Path, name)
			assert.Equal(t, ps, tt.r.Problems(), name)
		}
	}
	_, err := New(Rules{ClosedWeekdays: everyDay})
	assert.ErrorIs(t, err, ErrNeverOpen)
	assert.ErrorIs(t, err, reason.ErrBadInput, "rules that close every day are bad input too")
	var ps reason.Problems
	require.ErrorAs(t, err, &ps)
	assert.Equal(t, reason.Problems{{Path: "", Message: `the rules close every day from 1955-01-01 to 2100-12-31`}}, ps)
}
