package library

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
)

// longerLoans is the default configuration with loans of 21 days and
// extensions of 21 days from 2027-04-01.
func longerLoans(t *testing.T) *Library {
	t.Helper()
	b := []byte(`{"version": 1,
	  "places": [{"id": "prefectural", "kind": "prefectural_library", "name": "北海道立図書館",
	    "rules": {"closed_weekdays": ["monday"], "holiday_opens_weekly_closure": true,
	      "month_end": {"avoids": ["saturday", "sunday", "monday"]}, "year_end": {}}}],
	  "courier": {"rules": {"closed_weekdays": ["sunday", "monday", "wednesday", "thursday", "saturday"],
	    "closed_on_holidays": true, "year_end": {}}},
	  "policies": {
	    "circulation": {"loan_days": 15, "short_loan_days": 8, "remote_loan_days": 30, "remote_short_loan_days": 15,
	      "extension_days": 14, "short_extension_days": 7, "max_extensions": 1, "max_loans": 10, "max_reservations": 10},
	    "holds": {"shelf_days": 10},
	    "changes": [{"from": "2027-04-01", "circulation": {"loan_days": 21, "extension_days": 21}}]}}`)
	l, err := Load(b)
	require.NoError(t, err)
	return l
}

// V1, V2, L2, L3: the loan period changes from 15 to 21 days on
// 2027-04-01, in the middle of a loan. The loan made on 2027-03-25 keeps
// its due date, 2027-04-08; extended on 2027-04-02 it gets the new
// policy's 21 days; a loan made on 2027-04-02 gets the new period.
func TestLoanPeriodChangeMidLoanV1V2(t *testing.T) {
	l := longerLoans(t)
	lib, err := l.Calendar("prefectural", day("2027-04-02"))
	require.NoError(t, err)
	old := l.CirculationPolicy(day("2027-03-25"))
	due, err := old.DueDate(circulation.Loan{Place: atPrefectural, Loaned: day("2027-03-25")}, lib)
	require.NoError(t, err)
	assert.Equal(t, day("2027-04-08"), due)
	loan := circulation.Loan{Item: "a", Place: atPrefectural, Loaned: day("2027-03-25"), Due: due}

	// Nothing in the change touches the stored loan: its due date stands.
	ch := Change{Before: l.Calendars(day("2027-03-31")), After: l.Calendars(day("2027-04-01")), From: day("2027-03-25"), To: day("2027-12-31")}
	cs, err := l.Consequences(ch, []circulation.Loan{loan}, nil)
	require.NoError(t, err)
	assert.Empty(t, cs)

	now := l.CirculationPolicy(day("2027-04-02"))
	assert.Equal(t, 21, now.LoanDays)
	assert.Equal(t, 8, now.ShortLoanDays, "keys a change leaves out keep their value")
	ext, err := now.Extend(circulation.ExtendRequest{Loan: loan, Today: day("2027-04-02"), ReturnTo: lib})
	require.NoError(t, err)
	assert.Equal(t, day("2027-04-23"), ext.Loan.Due, "L3: 21 days from the day of the extension")

	fresh, err := now.DueDate(circulation.Loan{Place: atPrefectural, Loaned: day("2027-04-02")}, lib)
	require.NoError(t, err)
	assert.Equal(t, day("2027-04-22"), fresh)
	assert.Equal(t, day("2027-04-08"), loan.Due)
}

// V1: one desk serves every day, each request under the policy of its
// day: an item collected on 2027-03-31 is due in 15 days, one collected
// on 2027-04-01 in 21, from the same desk.
func TestDeskUsesPolicyOfItsDayV1(t *testing.T) {
	l := longerLoans(t)
	desk, err := l.NewDesk(nil)
	require.NoError(t, err)
	for i, c := range []struct{ on, due string }{{"2027-03-31", "2027-04-14"}, {"2027-04-01", "2027-04-21"}} {
		on, item := day(c.on), string(rune('a'+i))
		placed, err := desk.Do(holds.Request{Action: holds.ActionReserve, Today: on.AddDays(-10), Cart: holds.Cart{Patron: "A", Place: atPrefectural, Ordering: holds.Normal,
			Items: []circulation.Item{{ID: item, Status: circulation.OnShelf}}}})
		require.NoError(t, err)
		id := placed.Reservations[0].ID
		_, err = desk.Do(holds.Request{Action: holds.ActionSecure, Item: item, Today: on.AddDays(-1)})
		require.NoError(t, err)
		_, err = desk.Do(holds.Request{Action: holds.ActionMakeReady, ID: id, Today: on.AddDays(-1)})
		require.NoError(t, err)
		collected, err := desk.Do(holds.Request{Action: holds.ActionCollect, ID: id, Today: on})
		require.NoError(t, err)
		assert.Equal(t, day(c.due), collected.Loan.Due, c.on)
	}
}

// V1: a place's rules change on a date: Calendar and Calendars answer
// each day with the rules in force on that day, whichever day asks, and
// ClosedDays across the change follows each version on its own days.
func TestPlaceRulesChangeV1(t *testing.T) {
	c := withPartners()
	later := ebetsuRules()
	later.ClosedWeekdays = calendar.WeekdaysOf(time.Monday, time.Tuesday)
	c.Sites[2].Changes = []RulesChange{{From: day("2027-04-01"), Rules: later}}
	l := mustNew(t, c)
	before, err := l.Calendar("ebetsu", day("2027-03-31"))
	require.NoError(t, err)
	after, err := l.Calendar("江別市情報図書館", day("2027-04-01"))
	require.NoError(t, err)
	tue := day("2027-04-06")
	assert.Same(t, before, after, "the same calendar whichever day asks")
	assert.True(t, before.IsOpen(day("2027-03-30")), "a Tuesday under the old rules")
	assert.False(t, before.IsOpen(tue), "a Tuesday under the new rules")
	assert.False(t, after.IsOpen(tue))
	assert.Same(t, after, l.Calendars(day("2027-05-01")).Partners["江別市情報図書館"])
	assert.Equal(t, "江別市情報図書館", after.Name(), "rules without a name take the place's")

	var closed []calendar.Date
	days, err := l.ClosedDays("ebetsu", day("2027-03-29"), day("2027-04-06"))
	require.NoError(t, err)
	for d := range days {
		closed = append(closed, d)
	}
	assert.Equal(t, []calendar.Date{day("2027-03-29"), day("2027-04-05"), day("2027-04-06")}, closed)
}

// V1, C8: a month view across a change of rules shows each day under
// its own rules: Tuesdays open before 2027-04-14 and closed from it.
func TestMonthAcrossRulesChangeV1(t *testing.T) {
	c := withPartners()
	later := ebetsuRules()
	later.ClosedWeekdays = calendar.WeekdaysOf(time.Monday, time.Tuesday)
	c.Sites[2].Changes = []RulesChange{{From: day("2027-04-14"), Rules: later}}
	l := mustNew(t, c)
	v, err := l.Month("ebetsu", 2027, time.April)
	require.NoError(t, err)
	open := map[calendar.Date]bool{}
	for _, week := range v.Weeks {
		for _, d := range week {
			open[d.Date] = d.Open
		}
	}
	assert.True(t, open[day("2027-04-13")], "a Tuesday before the change")
	assert.False(t, open[day("2027-04-20")], "a Tuesday after it")
	assert.False(t, open[day("2027-04-19")], "Mondays throughout")
	_, err = l.Month("nowhere", 2027, time.April)
	assert.ErrorIs(t, err, ErrUnknownSite)
}
