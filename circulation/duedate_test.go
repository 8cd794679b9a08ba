package circulation

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// TestDueDate: the guide's examples of L2.
func TestDueDate(t *testing.T) {
	p := DefaultPolicy()
	for _, c := range []struct {
		name   string
		method Method
		short  bool
		loaned string
		due    string
	}{
		{"L2 15 days at the Prefectural Library", PrefecturalLibrary, false, "2026-04-01", "2026-04-15"},
		{"L2 8 days short", PrefecturalLibrary, true, "2026-04-01", "2026-04-08"},
		{"L2 15 days at the Assembly Library", AssemblyLibrary, false, "2026-04-01", "2026-04-15"},
		{"L2 8 days short at the Assembly Library", AssemblyLibrary, true, "2026-04-01", "2026-04-08"},
		{"L2 30 days at a partner library", PartnerLibrary, false, "2026-04-01", "2026-04-30"},
		{"L2 15 days short at a partner library", PartnerLibrary, true, "2026-04-01", "2026-04-15"},
		{"L2 30 days by home delivery", HomeDelivery, false, "2026-04-01", "2026-04-30"},
		{"L2 across a year end", PrefecturalLibrary, false, "2026-12-20", "2027-01-03"},
		{"L2 across February of a leap year", HomeDelivery, false, "2028-02-15", "2028-03-15"},
	} {
		t.Run(c.name, func(t *testing.T) {
			// L5 default: the due date stands even on a closed day, with
			// or without a calendar.
			for _, cal := range []*calendar.Calendar{nil, prefecturalCal} {
				got, err := p.DueDate(c.method, c.short, day(t, c.loaned), cal)
				require.NoError(t, err)
				assert.Equal(t, day(t, c.due), got)
			}
		})
	}
}

// TestDueDateNextOpenDay: L5 [reading] — under DueDateNextOpenDay a due
// date on a closed day moves to the place's next open day.
func TestDueDateNextOpenDay(t *testing.T) {
	p := DefaultPolicy()
	p.DueOnClosedDay = DueDateNextOpenDay
	for _, c := range []struct {
		name   string
		method Method
		loaned string
		cal    *calendar.Calendar
		want   string
	}{
		{"L5 C2 month-end closure", HomeDelivery, "2026-04-01", prefecturalCal, "2026-05-01"},
		{"L5 C2 open day stays", PrefecturalLibrary, "2026-04-01", prefecturalCal, "2026-04-15"},
		{"L5 C2 year end then Monday", PrefecturalLibrary, "2026-12-15", prefecturalCal, "2027-01-05"},
		{"L5 R-AL1 year end", AssemblyLibrary, "2026-12-15", assemblyCal, "2027-01-04"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := p.DueDate(c.method, false, day(t, c.loaned), c.cal)
			require.NoError(t, err)
			assert.Equal(t, day(t, c.want), got)
		})
	}
}

// TestDueDateL5NextOpenDayWithoutCalendarIsAnError: a policy loaded with
// "due_on_closed_day": "next_open_day" must not give the unmoved date
// when no calendar is given.
func TestDueDateL5NextOpenDayWithoutCalendarIsAnError(t *testing.T) {
	var p Policy
	require.NoError(t, json.Unmarshal([]byte(`{"loan_days":15,"short_loan_days":8,"remote_loan_days":30,
		"remote_short_loan_days":15,"extension_days":14,"short_extension_days":7,"max_extensions":1,
		"max_loans":10,"max_reservations":10,"due_on_closed_day":"next_open_day"}`), &p))
	require.NoError(t, p.Validate())
	due, err := p.DueDate(PrefecturalLibrary, false, day(t, "2026-12-15"), nil)
	assert.ErrorIs(t, err, ErrNoCalendar)
	assert.True(t, due.IsZero())
	assert.Contains(t, err.Error(), "circulation: ")
	assert.Contains(t, err.Error(), "next_open_day")
}

// TestDueDateL5NoOpenDayIsAnError: when the calendar has no open day from
// the due date to its end, the due date is not kept on a closed day.
func TestDueDateL5NoOpenDayIsAnError(t *testing.T) {
	p := DefaultPolicy()
	p.DueOnClosedDay = DueDateNextOpenDay
	closedFrom2030 := calendar.MustNew(calendar.Rules{Name: "closing",
		Closures: []calendar.Closure{{From: calendar.NewDate(2030, time.January, 1), To: calendar.NewDate(9999, time.December, 31)}}})
	due, err := p.DueDate(PrefecturalLibrary, false, day(t, "2029-12-25"), closedFrom2030)
	assert.ErrorIs(t, err, ErrInconsistentInput)
	assert.True(t, due.IsZero())
	_, _, err = p.Extend(loanAt(t, "2029-12-20", "2029-12-31"), nil, day(t, "2029-12-25"), closedFrom2030, Override{})
	assert.ErrorIs(t, err, ErrInconsistentInput)
}

// TestDueDateL2BadInputIsAnError: a zero loan date, an invalid method, a
// period past 9999-12-31 or a policy that skipped Validate give errors,
// not dates.
func TestDueDateL2BadInputIsAnError(t *testing.T) {
	p := DefaultPolicy()
	for _, c := range []struct {
		name   string
		policy Policy
		method Method
		loaned calendar.Date
		is     error
	}{
		{"zero loan date", p, PrefecturalLibrary, calendar.Date{}, ErrInconsistentInput},
		{"invalid method", p, Method(9), day(t, "2026-04-01"), ErrInconsistentInput},
		{"zero method", p, 0, day(t, "2026-04-01"), ErrInconsistentInput},
		{"past 9999-12-31", p, HomeDelivery, day(t, "9999-12-20"), ErrInconsistentInput},
		{"zero loan days", Policy{}, PrefecturalLibrary, day(t, "2026-04-01"), ErrInvalidPolicy},
		{"unknown L5 rule", func() Policy { q := p; q.DueOnClosedDay = 7; return q }(), PrefecturalLibrary, day(t, "2026-04-01"), ErrInvalidPolicy},
	} {
		t.Run(c.name, func(t *testing.T) {
			due, err := c.policy.DueDate(c.method, false, c.loaned, prefecturalCal)
			assert.ErrorIs(t, err, c.is)
			assert.True(t, due.IsZero())
		})
	}
	due, err := p.DueDate(HomeDelivery, false, day(t, "9999-12-02"), nil)
	require.NoError(t, err, "the last day that fits")
	assert.Equal(t, day(t, "9999-12-31"), due)
}

func TestDueDateDoesNotAllocate(t *testing.T) {
	p := DefaultPolicy()
	p.DueOnClosedDay = DueDateNextOpenDay
	loaned := day(t, "2026-04-01")
	if n := testing.AllocsPerRun(100, func() {
		if _, err := p.DueDate(HomeDelivery, false, loaned, prefecturalCal); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("DueDate allocates %v times", n)
	}
}

// TestDueDateLaws: L2 — due − loaned + 1 is the policy period for every
// method and shortness; L5 — under DueDateNextOpenDay the due date is the
// first open day on or after that, and a nil calendar is ErrNoCalendar.
func TestDueDateLaws(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := genPolicy(t)
		m := rapid.SampledFrom(allMethods).Draw(t, "method")
		short := rapid.Bool().Draw(t, "short")
		loaned := genDate(t, "loaned")
		cal := rapid.SampledFrom([]*calendar.Calendar{prefecturalCal, assemblyCal, nil}).Draw(t, "calendar")
		at, err := p.DueDate(m, short, loaned, cal)
		if p.DueOnClosedDay == DueDateNextOpenDay && cal == nil {
			if !errors.Is(err, ErrNoCalendar) {
				t.Fatalf("no calendar: %v, %v", at, err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		due := loaned.AddDays(p.LoanPeriod(m, short) - 1)
		want := map[bool]map[bool]int{
			false: {false: p.LoanDays, true: p.ShortLoanDays},
			true:  {false: p.RemoteLoanDays, true: p.RemoteShortLoanDays},
		}[m == PartnerLibrary || m == HomeDelivery][short]
		if got := due.DaysSince(loaned) + 1; got != want {
			t.Fatalf("%v short=%v: due %v − loaned %v + 1 = %d, want %d", m, short, due, loaned, got, want)
		}
		if p.DueOnClosedDay == DueDateStands {
			if at != due {
				t.Fatalf("DueDate = %v, want %v", at, due)
			}
			return
		}
		if at.Before(due) || !cal.IsOpen(at) || cal.OpenDaysBetween(due.AddDays(-1), at.AddDays(-1)) != 0 {
			t.Fatalf("DueDate = %v, want the first open day on or after %v", at, due)
		}
	})
}
