package circulation

import (
	"errors"
	"strings"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loanAt returns a loan at the Prefectural Library made on loaned and due
// on due.
func loanAt(t testing.TB, loaned, due string) Loan {
	return Loan{Item: "b1", Place: Place{Method: PrefecturalLibrary}, Loaned: day(t, loaned), Due: day(t, due)}
}

// TestExtend: the guide's example of L3 and other successful extensions.
func TestExtend(t *testing.T) {
	p := DefaultPolicy()
	for _, c := range []struct {
		name  string
		loan  Loan
		today string
		due   string
	}{
		{"L3 guide example: due 04-08, extended 04-01, due 04-15 not 04-22",
			loanAt(t, "2026-03-25", "2026-04-08"), "2026-04-01", "2026-04-15"},
		{"L3 extended on the due date", loanAt(t, "2026-03-25", "2026-04-08"), "2026-04-08", "2026-04-22"},
		{"L3 extended on the loan day keeps the due date", loanAt(t, "2026-04-01", "2026-04-15"), "2026-04-01", "2026-04-15"},
		{"L3 short loan: 7 days", func() Loan { l := loanAt(t, "2026-04-01", "2026-04-08"); l.Short = true; return l }(),
			"2026-04-05", "2026-04-12"},
		{"L3 Assembly Library", func() Loan { l := loanAt(t, "2026-04-01", "2026-04-15"); l.Place.Method = AssemblyLibrary; return l }(),
			"2026-04-10", "2026-04-24"},
		{"L3 due on a closed day stands (L5 default)", loanAt(t, "2026-04-01", "2026-04-15"), "2026-04-13", "2026-04-27"},
	} {
		t.Run(c.name, func(t *testing.T) {
			others := []Loan{loanAt(t, "2026-03-20", "2026-04-30")}
			got, err := p.Extend(ExtendRequest{Loan: c.loan, Others: others, Today: day(t, c.today)})
			require.NoError(t, err)
			want := c.loan
			want.Due, want.Extensions = day(t, c.due), 1
			assert.Equal(t, Decision{Loan: want}, got)
		})
	}
}

// TestExtendNextOpenDay: L5 with DueDateNextOpenDay moves an extended due
// date on a closed day to the next open day.
func TestExtendNextOpenDay(t *testing.T) {
	p := DefaultPolicy()
	l := loanAt(t, "2026-04-01", "2026-04-15")
	// 2026-04-13 + 14 = 2026-04-27, a Monday: the Prefectural Library is closed.
	r := ExtendRequest{Loan: l, Today: day(t, "2026-04-13"), ReturnTo: prefecturalCal}
	got, err := p.Extend(r)
	require.NoError(t, err)
	assert.Equal(t, day(t, "2026-04-27"), got.Loan.Due, "L5 default: stands")
	p.DueOnClosedDay = DueDateNextOpenDay
	got, err = p.Extend(r)
	require.NoError(t, err)
	assert.Equal(t, day(t, "2026-04-28"), got.Loan.Due, "L5 next open day")
}

// TestExtendL5NextOpenDayWithoutCalendarIsAnError: Extend never drops
// the L5 setting; the error comes before any refusal, so that a host's
// missing calendar shows on the first call.
func TestExtendL5NextOpenDayWithoutCalendarIsAnError(t *testing.T) {
	p := DefaultPolicy()
	p.DueOnClosedDay = DueDateNextOpenDay
	l := loanAt(t, "2026-04-01", "2026-04-15")
	got, err := p.Extend(ExtendRequest{Loan: l, Today: day(t, "2026-04-13")})
	assert.ErrorIs(t, err, ErrNoCalendar)
	assert.ErrorIs(t, err, reason.ErrBadInput, "a fault of the caller")
	assert.Equal(t, Decision{}, got)
	l.Reserved = true
	_, err = p.Extend(ExtendRequest{Loan: l, Today: day(t, "2026-04-13")})
	assert.ErrorIs(t, err, ErrNoCalendar)
	assert.NotErrorIs(t, err, ErrReserved)
}

// TestExtendL3BadPolicyIsAnError: a policy that skipped Validate gives an
// error, not a due date before today.
func TestExtendL3BadPolicyIsAnError(t *testing.T) {
	l := loanAt(t, "2026-04-01", "2026-04-15")
	p := DefaultPolicy()
	p.ExtensionDays = -5
	_, err := p.Extend(ExtendRequest{Loan: l, Today: day(t, "2026-04-10")})
	badInput(t, err, "policy.extension_days")
	l.Short = true
	p.ShortExtensionDays = 0
	_, err = p.Extend(ExtendRequest{Loan: l, Today: day(t, "2026-04-10")})
	badInput(t, err, "policy.short_extension_days")
	l.Short = false
	p = DefaultPolicy()
	p.DueOnClosedDay = 9
	_, err = p.Extend(ExtendRequest{Loan: l, Today: day(t, "2026-04-10"), ReturnTo: prefecturalCal})
	badInput(t, err, "policy.due_on_closed_day")
	p = DefaultPolicy()
	p.MaxExtensions = 0
	_, err = p.Extend(ExtendRequest{Loan: l, Today: day(t, "2026-04-10")})
	badInput(t, err, "policy.max_extensions")
	_, err = Policy{}.Extend(ExtendRequest{Loan: l, Today: day(t, "2026-04-10")})
	badInput(t, err, "policy.extension_days")
	_, err = DefaultPolicy().Extend(ExtendRequest{Loan: loanAt(t, "9999-12-20", "9999-12-30"), Today: day(t, "9999-12-25")})
	badInput(t, err, "today")
}

// TestExtendRefused: each reason of L4 (and L2's home delivery) alone and
// together.
func TestExtendRefused(t *testing.T) {
	p := DefaultPolicy()
	today := "2026-04-10"
	base := loanAt(t, "2026-04-01", "2026-04-15")
	notOverdue := loanAt(t, "2026-04-01", "2026-04-10") // due today: not overdue
	overdue := loanAt(t, "2026-03-20", "2026-04-09")
	with := func(f func(*Loan)) Loan { l := base; f(&l); return l }
	partner := func(l *Loan) { l.Place = Place{Method: PartnerLibrary, Library: "江別市情報図書館"} }
	home := func(l *Loan) { l.Place = Place{Method: HomeDelivery} }
	reserved := func(l *Loan) { l.Reserved = true }
	extended := func(l *Loan) { l.Extensions = 1 }
	ill := func(l *Loan) { l.Interlibrary = true }
	late := func(l *Loan) { l.Loaned, l.Due = day(t, "2026-03-20"), day(t, "2026-04-03") }
	all := func(fs ...func(*Loan)) func(*Loan) {
		return func(l *Loan) {
			for _, f := range fs {
				f(l)
			}
		}
	}
	for _, c := range []struct {
		name   string
		loan   Loan
		others []Loan
		want   []*reason.Reason
	}{
		{"L4 a partner library", with(partner), nil, []*reason.Reason{ErrPartnerPickup}},
		{"L2 home delivery", with(home), nil, []*reason.Reason{ErrHomeDelivery}},
		{"L4 b reserved", with(reserved), nil, []*reason.Reason{ErrReserved}},
		{"L4 c already extended", with(extended), nil, []*reason.Reason{ErrAlreadyExtended}},
		{"L4 d interlibrary loan", with(ill), nil, []*reason.Reason{ErrInterlibraryLoan}},
		{"L4 e this loan overdue", with(late), nil, []*reason.Reason{ErrOverdue}},
		{"L4 e another loan overdue", base, []Loan{notOverdue, overdue}, []*reason.Reason{ErrOverdue}},
		{"L4 e both overdue, listed once", with(late), []Loan{overdue}, []*reason.Reason{ErrOverdue}},
		{"L4 all at a partner library", with(all(partner, reserved, extended, ill, late)), []Loan{overdue},
			[]*reason.Reason{ErrPartnerPickup, ErrReserved, ErrAlreadyExtended, ErrInterlibraryLoan, ErrOverdue}},
		{"L4 L2 all by home delivery", with(all(home, reserved, extended, ill)), []Loan{overdue},
			[]*reason.Reason{ErrHomeDelivery, ErrReserved, ErrAlreadyExtended, ErrInterlibraryLoan, ErrOverdue}},
		{"L4 b c d together", with(all(reserved, extended, ill)), []Loan{notOverdue},
			[]*reason.Reason{ErrReserved, ErrAlreadyExtended, ErrInterlibraryLoan}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := p.Extend(ExtendRequest{Loan: c.loan, Others: c.others, Today: day(t, today)})
			require.Error(t, err)
			assert.Equal(t, Decision{}, got)
			assert.Equal(t, codesOf(c.want...), codes(t, err))
			for _, r := range c.want {
				assert.ErrorIs(t, err, r)
			}
			assert.False(t, errors.Is(err, reason.ErrBadInput))
			assert.True(t, strings.HasPrefix(err.Error(), "circulation: extension refused: "), err.Error())
			for i, m := range reason.Localize(err, reason.Japanese) {
				assert.True(t, strings.HasPrefix(m.Message, strings.TrimSuffix(c.want[i].Message(reason.Japanese), "。")), m.Message)
			}
		})
	}
}

// TestExtendAlreadyExtendedL4cDetailCarriesPolicyLimit: the refusal says
// the policy's number of extensions, not a fixed "once".
func TestExtendAlreadyExtendedL4cDetailCarriesPolicyLimit(t *testing.T) {
	l := loanAt(t, "2026-04-01", "2026-04-15")
	for _, c := range []struct {
		max    int
		en, ja string
	}{
		{1, "This item has already been extended (extensions allowed: 1).", "すでに延長を行った本は延長できません（延長は1回まで）。"},
		{2, "This item has already been extended (extensions allowed: 2).", "すでに延長を行った本は延長できません（延長は2回まで）。"},
	} {
		p := DefaultPolicy()
		p.MaxExtensions = c.max
		l.Extensions = c.max
		_, err := p.Extend(ExtendRequest{Loan: l, Today: day(t, "2026-04-10")})
		assert.ErrorIs(t, err, ErrAlreadyExtended)
		ps := reason.Params{reason.Limit(c.max)}
		assert.Equal(t, []reason.Message{{Code: "extension.already_extended", Message: c.en, Params: ps}}, reason.Localize(err, reason.English))
		assert.Equal(t, []reason.Message{{Code: "extension.already_extended", Message: c.ja, Params: ps}}, reason.Localize(err, reason.Japanese))
	}
}

// TestExtendInconsistent: data that cannot be right is an error, not a
// refusal, naming every field at fault in the request's JSON form.
func TestExtendInconsistent(t *testing.T) {
	p := DefaultPolicy()
	base := loanAt(t, "2026-04-01", "2026-04-15")
	with := func(f func(*Loan)) Loan { l := base; f(&l); return l }
	for _, c := range []struct {
		name   string
		loan   Loan
		others []Loan
		today  calendar.Date
		paths  []string
		want   string
	}{
		{"today before the loan", base, nil, day(t, "2026-03-31"), []string{"loan.loaned"}, "loan.loaned: is after today 2026-03-31"},
		{"zero today", base, nil, calendar.Date{}, []string{"today"}, "today: is missing"},
		{"due before loaned", with(func(l *Loan) { l.Due = day(t, "2026-03-01") }), nil, day(t, "2026-04-02"), []string{"loan.due"}, "loan.due: is before the loan date 2026-04-01"},
		{"zero dates", with(func(l *Loan) { l.Loaned, l.Due = calendar.Date{}, calendar.Date{} }), nil, day(t, "2026-04-02"), []string{"loan.loaned", "loan.due"}, "loan.loaned: is missing; loan.due: is missing"},
		{"invalid place", with(func(l *Loan) { l.Place = Place{Method: PartnerLibrary} }), nil, day(t, "2026-04-02"), []string{"loan.place.library"}, "must name the library"},
		{"no place", with(func(l *Loan) { l.Place = Place{} }), nil, day(t, "2026-04-02"), []string{"loan.place.method"}, "is not a valid method"},
		{"negative extensions", with(func(l *Loan) { l.Extensions = -1 }), nil, day(t, "2026-04-02"), []string{"loan.extensions"}, "loan.extensions: is negative (-1)"},
		{"bad collection", with(func(l *Loan) { l.Collection = 5 }), nil, day(t, "2026-04-02"), []string{"loan.collection"}, "loan.collection: is not a valid collection (5)"},
		{"other loan made after today", base, []Loan{base, loanAt(t, "2026-04-05", "2026-04-19")}, day(t, "2026-04-02"), []string{"others[1].loaned"}, "others[1].loaned: is after today 2026-04-02"},
		{"other loan with no due date", base, []Loan{with(func(l *Loan) { l.Due = calendar.Date{} })}, day(t, "2026-04-02"), []string{"others[0].due"}, "others[0].due: is missing"},
		{"everything at once", with(func(l *Loan) { l.Extensions = -1 }), []Loan{base, {}}, calendar.Date{},
			[]string{"loan.extensions", "others[1].place.method", "others[1].loaned", "others[1].due", "today"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := p.Extend(ExtendRequest{Loan: c.loan, Others: c.others, Today: c.today})
			require.Error(t, err)
			badInput(t, err, c.paths...)
			assert.True(t, strings.HasPrefix(err.Error(), "bad input: "), err.Error())
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

func TestExtendDoesNotAllocate(t *testing.T) {
	p, r := extendWorstCase(t)
	if n := testing.AllocsPerRun(100, func() {
		if _, err := p.Extend(r); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("Extend allocates %v times", n)
	}
}
