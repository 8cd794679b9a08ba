package circulation

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExtensionWindowL9: worked examples on the Prefectural Library's
// calendar. The window runs from today to the last day before this loan
// or another is overdue (L4 e); each end gives its own due date (L3, with
// L5–L8 applied).
func TestExtensionWindowL9(t *testing.T) {
	loan := loanAt(t, "2026-04-01", "2026-04-15")
	yearEnd := loanAt(t, "2026-12-08", "2026-12-22")
	for _, c := range []struct {
		name   string
		rule   DueDateRule
		cap    string
		loan   Loan
		others []Loan
		today  string
		want   [4]string // from, to, due from, due to
	}{
		{"L9 a fresh loan: to its due date", DueDateStands, "", loan, nil, "2026-04-05",
			[4]string{"2026-04-05", "2026-04-15", "2026-04-19", "2026-04-29"}},
		{"L9 L4 e another loan due earlier closes the window after its due date", DueDateStands, "", loan,
			[]Loan{loanAt(t, "2026-04-01", "2026-04-20"), loanAt(t, "2026-03-27", "2026-04-10")}, "2026-04-05",
			[4]string{"2026-04-05", "2026-04-10", "2026-04-19", "2026-04-24"}},
		{"L9 on the due date: one day left", DueDateStands, "", loan, nil, "2026-04-15",
			[4]string{"2026-04-15", "2026-04-15", "2026-04-29", "2026-04-29"}},
		{"L9 on the loan day (L3: the same due date)", DueDateStands, "", loan, nil, "2026-04-01",
			[4]string{"2026-04-01", "2026-04-15", "2026-04-15", "2026-04-29"}},
		{"L9 L5 next open day: extended on a Monday", DueDateNextOpenDay, "", loan, nil, "2026-04-06",
			[4]string{"2026-04-06", "2026-04-15", "2026-04-21", "2026-04-29"}},
		{"L9 L6 previous open day before the year end", DueDatePreviousOpenDay, "", yearEnd, nil, "2026-12-15",
			[4]string{"2026-12-15", "2026-12-22", "2026-12-27", "2027-01-05"}},
		{"L9 L7 end of the year-end closure", DueDateEndOfClosure, "", yearEnd, nil, "2026-12-15",
			[4]string{"2026-12-15", "2026-12-22", "2027-01-04", "2027-01-05"}},
		{"L9 L8 capped at the end of a term", DueDateStands, "2026-12-25", yearEnd, nil, "2026-12-15",
			[4]string{"2026-12-15", "2026-12-22", "2026-12-25", "2026-12-25"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := DefaultPolicy()
			p.DueOnClosedDay = c.rule
			if c.cap != "" {
				p.LastDueDate = day(t, c.cap)
			}
			r := ExtendRequest{Loan: c.loan, Others: c.others, Today: day(t, c.today), ReturnTo: prefecturalCal}
			w, err := p.ExtensionWindow(r)
			require.NoError(t, err)
			assert.Equal(t, ExtensionWindow{From: day(t, c.want[0]), To: day(t, c.want[1]), DueFrom: day(t, c.want[2]), DueTo: day(t, c.want[3])}, w)
			// Extend agrees at both ends, and refuses the day after.
			for _, end := range []struct{ on, due calendar.Date }{{w.From, w.DueFrom}, {w.To, w.DueTo}} {
				r.Today = end.on
				d, err := p.Extend(r)
				require.NoError(t, err)
				assert.Equal(t, end.due, d.Loan.Due)
			}
			r.Today = w.To.AddDays(1)
			_, err = p.Extend(r)
			assert.ErrorIs(t, err, ErrOverdue)
		})
	}
}

// TestExtensionWindowRefusedL9: when no day will do, the window is the
// refusal Extend gives today: every reason, the day-bound one (L4 e,
// already overdue) with the others.
func TestExtensionWindowRefusedL9(t *testing.T) {
	base := loanAt(t, "2026-04-01", "2026-04-15")
	with := func(f func(*Loan)) Loan { l := base; f(&l); return l }
	overdue := loanAt(t, "2026-03-20", "2026-04-09")
	for _, c := range []struct {
		name   string
		loan   Loan
		others []Loan
		want   []*reason.Reason
	}{
		{"L9 L4 a partner library", with(func(l *Loan) { l.Place = atEbetsu }), nil, []*reason.Reason{ErrPartnerPickup}},
		{"L9 L2 home delivery", with(func(l *Loan) { l.Place = atHome }), nil, []*reason.Reason{ErrHomeDelivery}},
		{"L9 L4 b reserved", with(func(l *Loan) { l.Reserved = true }), nil, []*reason.Reason{ErrReserved}},
		{"L9 L4 c already extended", with(func(l *Loan) { l.Extensions = 1 }), nil, []*reason.Reason{ErrAlreadyExtended}},
		{"L9 L4 d interlibrary loan", with(func(l *Loan) { l.Interlibrary = true }), nil, []*reason.Reason{ErrInterlibraryLoan}},
		{"L9 L4 e this loan overdue today", with(func(l *Loan) { l.Due = day(t, "2026-04-09") }), nil, []*reason.Reason{ErrOverdue}},
		{"L9 L4 e another loan overdue today", base, []Loan{overdue}, []*reason.Reason{ErrOverdue}},
		{"L9 L4 b e together", with(func(l *Loan) { l.Reserved = true }), []Loan{overdue}, []*reason.Reason{ErrReserved, ErrOverdue}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := DefaultPolicy()
			r := ExtendRequest{Loan: c.loan, Others: c.others, Today: day(t, "2026-04-10"), ReturnTo: prefecturalCal}
			w, err := p.ExtensionWindow(r)
			assert.Equal(t, ExtensionWindow{}, w)
			assert.Equal(t, codesOf(c.want...), codes(t, err))
			assert.False(t, errors.Is(err, reason.ErrBadInput))
			assert.Equal(t, codes(t, errOf(p.Extend(r))), codes(t, err), "the refusal of Extend today")
			assert.Equal(t, english(errOf(p.Extend(r))), english(err))
		})
	}
}

// TestExtensionWindowBadInputL9: what Extend finds wrong, the window does
// too; an override is bad input, for the window is what a patron can do
// (staff decide with Extend).
func TestExtensionWindowBadInputL9(t *testing.T) {
	l := loanAt(t, "2026-04-01", "2026-04-15")
	today := day(t, "2026-04-10")
	p := DefaultPolicy()
	_, err := p.ExtensionWindow(ExtendRequest{Loan: l, Today: today, Override: Override{Staff: "s1", Codes: CodesOf(ErrOverdue)}})
	badInput(t, err, "override")
	_, err = p.ExtensionWindow(ExtendRequest{Loan: l})
	badInput(t, err, "today")
	_, err = p.ExtensionWindow(ExtendRequest{Loan: l, Others: []Loan{{}}, Today: today})
	badInput(t, err, "others[0].place.method", "others[0].loaned", "others[0].due")
	_, err = Policy{}.ExtensionWindow(ExtendRequest{Loan: l, Today: today})
	badInput(t, err, "policy.extension_days")
	q := DefaultPolicy()
	q.DueOnClosedDay = DueDateEndOfClosure
	_, err = q.ExtensionWindow(ExtendRequest{Loan: l, Today: today})
	assert.ErrorIs(t, err, ErrNoCalendar)
	_, err = p.ExtensionWindow(ExtendRequest{Loan: loanAt(t, "9999-12-01", "9999-12-20"), Today: day(t, "9999-12-18")})
	badInput(t, err, "today")
	_, err = p.ExtensionWindow(ExtendRequest{Loan: loanAt(t, "9999-12-01", "9999-12-20"), Today: day(t, "9999-12-10")})
	badInput(t, err, "loan.due")
	_, err = p.ExtensionWindow(ExtendRequest{Loan: loanAt(t, "9999-12-01", "9999-12-25"), Others: []Loan{loanAt(t, "9999-12-01", "9999-12-20")}, Today: day(t, "9999-12-10")})
	badInput(t, err, "others[0].due")
}

// TestExtensionWindowJSONL9: the window's JSON form, for a patron page.
func TestExtensionWindowJSONL9(t *testing.T) {
	w := ExtensionWindow{From: day(t, "2026-04-05"), To: day(t, "2026-04-15"), DueFrom: day(t, "2026-04-19"), DueTo: day(t, "2026-04-29")}
	b := roundTrip(t, w)
	assert.JSONEq(t, `{"from":"2026-04-05","to":"2026-04-15","due_from":"2026-04-19","due_to":"2026-04-29"}`, string(b))
	var back ExtensionWindow
	err := json.Unmarshal([]byte(`{"from":"2026-04-05","until":"2026-04-15"}`), &back)
	assert.EqualError(t, err, `circulation: extension window: json: unknown field "until"`)
	assert.Equal(t, ExtensionWindow{}, back)
}

// TestExtensionWindowDoesNotAllocate: a patron page asks for the window
// of every loan it lists (L9).
func TestExtensionWindowDoesNotAllocate(t *testing.T) {
	p, r := extendWorstCase(t)
	p.DueOnClosedDay, p.LastDueDate = DueDateEndOfClosure, day(t, "2026-12-25")
	if n := testing.AllocsPerRun(100, func() {
		if _, err := p.ExtensionWindow(r); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("ExtensionWindow allocates %v times", n)
	}
}
