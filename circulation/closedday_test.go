package circulation

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// closedDayRules are the four rules for a due date on a closed day, in
// the order of the worked examples' columns: L5 (stands, next open day),
// L6 (previous open day), L7 (end of the closure).
var closedDayRules = [...]DueDateRule{DueDateStands, DueDateNextOpenDay, DueDatePreviousOpenDay, DueDateEndOfClosure}

// TestDueDateClosedDayRulesL5L6L7: the worked examples of docs/rules.md on
// the published calendars (library/default.json). The Prefectural Library
// is closed on Mondays (C2), on its month-end day (2026-04-30), and from
// Monday 2026-12-28 through Monday 2027-01-04 (the weekly closure, the
// year end 12-29 to 01-03, then Monday again: one run of eight closed
// days); the Assembly Library at the year end and at weekends (R-AL1).
func TestDueDateClosedDayRulesL5L6L7(t *testing.T) {
	for _, c := range []struct {
		name   string
		method Method
		loaned string
		cal    *calendar.Calendar
		// The due date under each rule: stands, next open day (L5),
		// previous open day (L6), end of the closure (L7).
		want [4]string
	}{
		{"L5 L6 L7 open day: every rule keeps it", PrefecturalLibrary, "2026-04-01", prefecturalCal,
			[4]string{"2026-04-15", "2026-04-15", "2026-04-15", "2026-04-15"}},
		{"L5 L6 L7 C2 one-day month-end closure: its end is the day itself", HomeDelivery, "2026-04-01", prefecturalCal,
			[4]string{"2026-04-30", "2026-05-01", "2026-04-29", "2026-04-30"}},
		{"L5 L6 L7 C2 weekly closure, 30 days by home delivery from a Sunday", HomeDelivery, "2026-04-12", prefecturalCal,
			[4]string{"2026-05-11", "2026-05-12", "2026-05-10", "2026-05-11"}},
		{"L5 L6 L7 C2 C7 year end: due on its first day", PrefecturalLibrary, "2026-12-15", prefecturalCal,
			[4]string{"2026-12-29", "2027-01-05", "2026-12-27", "2027-01-04"}},
		{"L5 L6 L7 C2 C7 year end: due on 01-03, the run ends on Monday 01-04", PrefecturalLibrary, "2026-12-20", prefecturalCal,
			[4]string{"2027-01-03", "2027-01-05", "2026-12-27", "2027-01-04"}},
		{"L5 L6 L7 R-AL1 Assembly Library year end", AssemblyLibrary, "2026-12-15", assemblyCal,
			[4]string{"2026-12-29", "2027-01-04", "2026-12-28", "2027-01-03"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			for i, rule := range closedDayRules {
				p := DefaultPolicy()
				p.DueOnClosedDay = rule
				got, err := p.DueDate(Loan{Place: Place{Method: c.method}, Loaned: day(t, c.loaned)}, c.cal)
				require.NoError(t, err, rule.String())
				assert.Equal(t, day(t, c.want[i]), got, rule.String())
			}
		})
	}
}

// TestDueDateLastDueDateL8: the cap applies after the rule for a closed
// day, and the loan day after the cap: strategy, then cap, then never
// earlier than the loan day.
func TestDueDateLastDueDateL8(t *testing.T) {
	for _, c := range []struct {
		name   string
		loaned string
		cap    string
		want   [4]string // stands, next open day, previous open day, end of the closure
	}{
		{"L8 no cap", "2026-12-15", "",
			[4]string{"2026-12-29", "2027-01-05", "2026-12-27", "2027-01-04"}},
		{"L8 a cap after every rule's date changes nothing", "2026-12-15", "2027-03-31",
			[4]string{"2026-12-29", "2027-01-05", "2026-12-27", "2027-01-04"}},
		{"L8 the end of a term before the closure caps every rule", "2026-12-15", "2026-12-25",
			[4]string{"2026-12-25", "2026-12-25", "2026-12-25", "2026-12-25"}},
		{"L8 the rule first: the previous open day is before a cap on a closed day, which stands", "2026-12-15", "2026-12-28",
			[4]string{"2026-12-28", "2026-12-28", "2026-12-27", "2026-12-28"}},
		{"L8 a cap before the loan day gives the loan day", "2026-12-26", "2026-12-25",
			[4]string{"2026-12-26", "2026-12-26", "2026-12-26", "2026-12-26"}},
		{"L8 a cap on the loan day", "2026-12-26", "2026-12-26",
			[4]string{"2026-12-26", "2026-12-26", "2026-12-26", "2026-12-26"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			for i, rule := range closedDayRules {
				p := DefaultPolicy()
				p.DueOnClosedDay = rule
				if c.cap != "" {
					p.LastDueDate = day(t, c.cap)
				}
				got, err := p.DueDate(Loan{Place: atPrefectural, Loaned: day(t, c.loaned)}, prefecturalCal)
				require.NoError(t, err, rule.String())
				assert.Equal(t, day(t, c.want[i]), got, rule.String())
			}
		})
	}
}

// TestDueDateFloorL6: the previous open day never takes a due date before
// the loan day: a one-day loan made on a closed day is due that day.
func TestDueDateFloorL6(t *testing.T) {
	p := DefaultPolicy()
	p.LoanDays, p.ShortLoanDays, p.DueOnClosedDay = 1, 1, DueDatePreviousOpenDay
	got, err := p.DueDate(Loan{Place: atPrefectural, Loaned: day(t, "2026-12-30")}, prefecturalCal)
	require.NoError(t, err)
	assert.Equal(t, day(t, "2026-12-30"), got, "not 2026-12-27, before the loan")
}

// TestExtendClosedDayRulesL6L7L8: the rules and the cap apply to the new
// due date of an extension as to the first (L3); the floor of an
// extension is the day it is made.
func TestExtendClosedDayRulesL6L7L8(t *testing.T) {
	for _, c := range []struct {
		name  string
		loan  Loan
		today string
		cap   string
		want  [4]string // stands, next open day, previous open day, end of the closure
	}{
		{"L5 L6 L7 extended on a Monday: due on a Monday", loanAt(t, "2026-04-01", "2026-04-15"), "2026-04-13", "",
			[4]string{"2026-04-27", "2026-04-28", "2026-04-26", "2026-04-27"}},
		{"L5 L6 L7 extended into the year end", loanAt(t, "2026-12-08", "2026-12-22"), "2026-12-15", "",
			[4]string{"2026-12-29", "2027-01-05", "2026-12-27", "2027-01-04"}},
		{"L8 capped at the end of a term", loanAt(t, "2026-12-08", "2026-12-22"), "2026-12-15", "2026-12-25",
			[4]string{"2026-12-25", "2026-12-25", "2026-12-25", "2026-12-25"}},
		{"L8 a cap already past gives the day of the extension", loanAt(t, "2026-12-13", "2026-12-27"), "2026-12-26", "2026-12-25",
			[4]string{"2026-12-26", "2026-12-26", "2026-12-26", "2026-12-26"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			for i, rule := range closedDayRules {
				p := DefaultPolicy()
				p.DueOnClosedDay = rule
				if c.cap != "" {
					p.LastDueDate = day(t, c.cap)
				}
				got, err := p.Extend(ExtendRequest{Loan: c.loan, Today: day(t, c.today), ReturnTo: prefecturalCal})
				require.NoError(t, err, rule.String())
				assert.Equal(t, day(t, c.want[i]), got.Loan.Due, rule.String())
				assert.Equal(t, 1, got.Loan.Extensions)
			}
		})
	}
}

// TestClosedDayRulesL6L7NeedACalendar: like the next open day, the
// previous open day and the end of the closure are read on the calendar
// of the place the item goes back to; without one DueDate and Extend say
// so (ErrNoCalendar), and a calendar with no open day to move to is bad
// input, never a date left on a closed day. The cap alone needs none.
func TestClosedDayRulesL6L7NeedACalendar(t *testing.T) {
	closedUntil2030 := calendar.MustNew(calendar.Rules{Name: "opening",
		Closures: []calendar.Closure{{From: calendar.NewDate(1955, time.January, 1), To: calendar.NewDate(2029, time.December, 31)}}})
	closedFrom2030 := calendar.MustNew(calendar.Rules{Name: "closing",
		Closures: []calendar.Closure{{From: calendar.NewDate(2030, time.January, 1), To: calendar.NewDate(9999, time.December, 31)}}})
	for _, c := range []struct {
		rule DueDateRule
		cal  *calendar.Calendar
		msg  string
	}{
		{DueDatePreviousOpenDay, closedUntil2030, `calendar "opening" has no open day on or before 2029-12-29`},
		{DueDateEndOfClosure, closedFrom2030, `calendar "closing" has no open day from 2030-01-08 to 9999-12-31`},
	} {
		t.Run(c.rule.String(), func(t *testing.T) {
			p := DefaultPolicy()
			p.DueOnClosedDay = c.rule
			loaned := "2029-12-15"
			if c.rule == DueDateEndOfClosure {
				loaned = "2029-12-25"
			}
			due, err := p.DueDate(Loan{Place: atPrefectural, Loaned: day(t, loaned)}, nil)
			assert.ErrorIs(t, err, ErrNoCalendar)
			assert.Contains(t, err.Error(), c.rule.String())
			assert.True(t, due.IsZero())
			_, err = p.Extend(ExtendRequest{Loan: loanAt(t, loaned, loaned), Today: day(t, loaned)})
			assert.ErrorIs(t, err, ErrNoCalendar)

			due, err = p.DueDate(Loan{Place: atPrefectural, Loaned: day(t, loaned)}, c.cal)
			badInput(t, err, "")
			assert.Contains(t, err.Error(), c.msg)
			assert.True(t, due.IsZero())
		})
	}
	p := DefaultPolicy()
	p.LastDueDate = day(t, "2026-04-10")
	due, err := p.DueDate(Loan{Place: atPrefectural, Loaned: day(t, "2026-04-01")}, nil)
	require.NoError(t, err, "L8 alone reads no calendar")
	assert.Equal(t, day(t, "2026-04-10"), due)
}

// TestPolicyJSONClosedDayRulesL6L7L8: the new rules' codes and the cap
// round-trip in a policy's JSON; a policy without a cap leaves the key
// out, and "" clears one (a dated change of policy that ends a term).
func TestPolicyJSONClosedDayRulesL6L7L8(t *testing.T) {
	for _, c := range []struct {
		rule DueDateRule
		code string
	}{{DueDatePreviousOpenDay, "previous_open_day"}, {DueDateEndOfClosure, "end_of_closure"}} {
		p := DefaultPolicy()
		require.NoError(t, json.Unmarshal([]byte(`{"due_on_closed_day":"`+c.code+`","last_due_date":"2027-03-31"}`), &p))
		require.NoError(t, p.Validate())
		assert.Equal(t, c.rule, p.DueOnClosedDay)
		assert.Equal(t, day(t, "2027-03-31"), p.LastDueDate)
		b := roundTrip(t, p)
		assert.Contains(t, string(b), `"due_on_closed_day":"`+c.code+`"`)
		assert.Contains(t, string(b), `"last_due_date":"2027-03-31"`)
		require.NoError(t, json.Unmarshal([]byte(`{"last_due_date":""}`), &p))
		assert.True(t, p.LastDueDate.IsZero())
	}
	b, err := json.Marshal(DefaultPolicy())
	require.NoError(t, err)
	assert.NotContains(t, string(b), "last_due_date")
	var p Policy
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"last_due_date":"2027-02-30"}`), &p), reason.ErrBadInput)
}

// TestDueDateRuleLabelsL6L7: the labels of the new rules in both
// languages.
func TestDueDateRuleLabelsL6L7(t *testing.T) {
	for _, c := range []struct {
		rule   DueDateRule
		en, ja string
	}{
		{DueDateStands, "the due date stands", "返却期限日のまま"},
		{DueDateNextOpenDay, "the next open day", "翌開館日"},
		{DueDatePreviousOpenDay, "the previous open day", "直前の開館日"},
		{DueDateEndOfClosure, "the last day of the closure", "休館期間の最終日"},
	} {
		assert.Equal(t, c.en, c.rule.Label(reason.English))
		assert.Equal(t, c.ja, c.rule.Label(reason.Japanese))
	}
}
