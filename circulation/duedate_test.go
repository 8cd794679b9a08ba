package circulation

import (
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/stretchr/testify/assert"
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
			assert.Equal(t, day(t, c.due), p.DueDate(c.method, c.short, day(t, c.loaned)))
			// L5 default: the due date stands even on a closed day.
			assert.Equal(t, day(t, c.due), p.DueDateAt(c.method, c.short, day(t, c.loaned), prefecturalCal))
		})
	}
	assert.True(t, p.DueDate(PrefecturalLibrary, false, calendar.Date{}).IsZero(), "zero in, zero out")
}

// TestDueDateAt: L5 [reading] — under DueDateNextOpenDay a due date on a
// closed day moves to the place's next open day.
func TestDueDateAt(t *testing.T) {
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
		{"L5 nil calendar: stands", PrefecturalLibrary, "2026-12-15", nil, "2026-12-29"},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, day(t, c.want), p.DueDateAt(c.method, false, day(t, c.loaned), c.cal))
		})
	}
}

// TestDueDateLaws: L2 — due − loaned + 1 is the policy period for every
// method and shortness; L5 — DueDateAt is DueDate, or under
// DueDateNextOpenDay the first open day on or after it.
func TestDueDateLaws(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := genPolicy(t)
		m := rapid.SampledFrom(methods).Draw(t, "method")
		short := rapid.Bool().Draw(t, "short")
		loaned := genDate(t, "loaned")
		due := p.DueDate(m, short, loaned)
		want := map[bool]map[bool]int{
			false: {false: p.LoanDays, true: p.ShortLoanDays},
			true:  {false: p.RemoteLoanDays, true: p.RemoteShortLoanDays},
		}[m == PartnerLibrary || m == HomeDelivery][short]
		if got := due.DaysSince(loaned) + 1; got != want {
			t.Fatalf("%v short=%v: due %v − loaned %v + 1 = %d, want %d", m, short, due, loaned, got, want)
		}
		cal := rapid.SampledFrom([]*calendar.Calendar{prefecturalCal, assemblyCal, nil}).Draw(t, "calendar")
		at := p.DueDateAt(m, short, loaned, cal)
		if p.DueOnClosedDay == DueDateStands || cal == nil {
			if at != due {
				t.Fatalf("DueDateAt = %v, want %v", at, due)
			}
			return
		}
		if at.Before(due) || !cal.IsOpen(at) || cal.OpenDaysBetween(due.AddDays(-1), at.AddDays(-1)) != 0 {
			t.Fatalf("DueDateAt = %v, want the first open day on or after %v", at, due)
		}
	})
}
