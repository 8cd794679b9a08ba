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
				got, err := p.DueDate(Loan{Place: Place{Method: c.method}, Short: c.short, Loaned: day(t, c.loaned)}, cal)
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
			got, err := p.DueDate(Loan{Place: Place{Method: c.method}, Loaned: day(t, c.loaned)}, c.cal)
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
	due, err := p.DueDate(Loan{Place: atPrefectural, Loaned: day(t, "2026-12-15")}, nil)
	assert.ErrorIs(t, err, ErrNoCalendar)
	assert.ErrorIs(t, err, reason.ErrBadInput, "a fault of the caller")
	assert.True(t, due.IsZero())
	assert.Contains(t, err.Error(), "calendar")
	assert.Contains(t, err.Error(), "next_open_day")
}

// TestDueDateL5NoOpenDayIsAnError: when the calendar has no open day from
// the due date to its end, the due date is not kept on a closed day.
func TestDueDateL5NoOpenDayIsAnError(t *testing.T) {
	p := DefaultPolicy()
	p.DueOnClosedDay = DueDateNextOpenDay
	closedFrom2030 := calendar.MustNew(calendar.Rules{Name: "closing",
		Closures: []calendar.Closure{{From: calendar.NewDate(2030, time.January, 1), To: calendar.NewDate(9999, time.December, 31)}}})
	due, err := p.DueDate(Loan{Place: atPrefectural, Loaned: day(t, "2029-12-25")}, closedFrom2030)
	badInput(t, err, "")
	assert.Contains(t, err.Error(), `calendar "closing" has no open day`)
	assert.True(t, due.IsZero())
	_, err = p.Extend(ExtendRequest{Loan: loanAt(t, "2029-12-20", "2029-12-31"), Today: day(t, "2029-12-25"), ReturnTo: closedFrom2030})
	badInput(t, err, "")
}

// TestDueDateL2BadInputIsAnError: a zero loan date, an invalid method, a
// period past 9999-12-31 or a policy that skipped Validate give errors
// naming the field, not dates.
func TestDueDateL2BadInputIsAnError(t *testing.T) {
	p := DefaultPolicy()
	for _, c := range []struct {
		name   string
		policy Policy
		method Method
		short  bool
		loaned calendar.Date
		paths  []string
	}{
		{"zero loan date", p, PrefecturalLibrary, false, calendar.Date{}, []string{"loan.loaned"}},
		{"invalid method", p, Method(9), false, day(t, "2026-04-01"), []string{"loan.place.method"}},
		{"zero method and date", p, 0, false, calendar.Date{}, []string{"loan.place.method", "loan.loaned"}},
		{"past 9999-12-31", p, HomeDelivery, false, day(t, "9999-12-20"), []string{"loan.loaned"}},
		{"zero loan days", Policy{}, PrefecturalLibrary, false, day(t, "2026-04-01"), []string{"policy.loan_days"}},
		{"zero remote short days", Policy{}, PartnerLibrary, true, day(t, "2026-04-01"), []string{"policy.remote_short_loan_days"}},
		{"unknown L5 rule", func() Policy { q := p; q.DueOnClosedDay = 7; return q }(), PrefecturalLibrary, false, day(t, "2026-04-01"), []string{"policy.due_on_closed_day"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			due, err := c.policy.DueDate(Loan{Place: Place{Method: c.method}, Short: c.short, Loaned: c.loaned}, prefecturalCal)
			badInput(t, err, c.paths...)
			assert.True(t, due.IsZero())
		})
	}
	due, err := p.DueDate(Loan{Place: atHome, Loaned: day(t, "9999-12-02")}, nil)
	require.NoError(t, err, "the last day that fits")
	assert.Equal(t, day(t, "9999-12-31"), due)
}

// TestDueDateL2ReadsOnlyMethodShortLoaned: DueDate computes the due date
// from the loan's method, shortness and loan date; every other field,
// the due date itself and a partner library's name included, is not read.
func TestDueDateL2ReadsOnlyMethodShortLoaned(t *testing.T) {
	p := DefaultPolicy()
	plain := Loan{Place: Place{Method: PartnerLibrary}, Short: true, Loaned: day(t, "2026-04-01")}
	full := Loan{Item: "b1", Place: atEbetsu, Collection: Hokkaido, Short: true, Interlibrary: true, Reserved: true, NoBookDrop: true,
		Loaned: day(t, "2026-04-01"), Due: day(t, "2026-01-01"), Extensions: -3}
	for _, l := range []Loan{plain, full} {
		due, err := p.DueDate(l, nil)
		require.NoError(t, err)
		assert.Equal(t, day(t, "2026-04-15"), due, "L2 15 days short by a partner library")
		assert.Equal(t, 15, p.LoanPeriod(l))
	}
}

func TestDueDateDoesNotAllocate(t *testing.T) {
	p := DefaultPolicy()
	p.DueOnClosedDay = DueDateNextOpenDay
	l := Loan{Place: atHome, Loaned: day(t, "2026-04-01")}
	if n := testing.AllocsPerRun(100, func() {
		if _, err := p.DueDate(l, prefecturalCal); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("DueDate allocates %v times", n)
	}
}
