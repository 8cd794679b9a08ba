package circulation

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
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
			got, _, err := p.Extend(c.loan, others, day(t, c.today), nil, Override{})
			require.NoError(t, err)
			want := c.loan
			want.Due, want.Extensions = day(t, c.due), 1
			assert.Equal(t, want, got)
		})
	}
}

// TestExtendNextOpenDay: L5 with DueDateNextOpenDay moves an extended due
// date on a closed day to the next open day.
func TestExtendNextOpenDay(t *testing.T) {
	p := DefaultPolicy()
	l := loanAt(t, "2026-04-01", "2026-04-15")
	// 2026-04-13 + 14 = 2026-04-27, a Monday: the Prefectural Library is closed.
	got, _, err := p.Extend(l, nil, day(t, "2026-04-13"), prefecturalCal, Override{})
	require.NoError(t, err)
	assert.Equal(t, day(t, "2026-04-27"), got.Due, "L5 default: stands")
	p.DueOnClosedDay = DueDateNextOpenDay
	got, _, err = p.Extend(l, nil, day(t, "2026-04-13"), prefecturalCal, Override{})
	require.NoError(t, err)
	assert.Equal(t, day(t, "2026-04-28"), got.Due, "L5 next open day")
}

// TestExtendL5NextOpenDayWithoutCalendarIsAnError: Extend never drops
// the L5 setting; the error comes before any refusal, so that a host's
// missing calendar shows on the first call.
func TestExtendL5NextOpenDayWithoutCalendarIsAnError(t *testing.T) {
	p := DefaultPolicy()
	p.DueOnClosedDay = DueDateNextOpenDay
	l := loanAt(t, "2026-04-01", "2026-04-15")
	got, _, err := p.Extend(l, nil, day(t, "2026-04-13"), nil, Override{})
	assert.ErrorIs(t, err, ErrNoCalendar)
	assert.Equal(t, Loan{}, got)
	l.Reserved = true
	_, _, err = p.Extend(l, nil, day(t, "2026-04-13"), nil, Override{})
	assert.ErrorIs(t, err, ErrNoCalendar)
	assert.NotErrorIs(t, err, ErrReserved)
}

// TestExtendL3BadPolicyIsAnError: a policy that skipped Validate gives an
// error, not a due date before today.
func TestExtendL3BadPolicyIsAnError(t *testing.T) {
	l := loanAt(t, "2026-04-01", "2026-04-15")
	p := DefaultPolicy()
	p.ExtensionDays = -5
	_, _, err := p.Extend(l, nil, day(t, "2026-04-10"), nil, Override{})
	assert.ErrorIs(t, err, ErrInvalidPolicy)
	p = DefaultPolicy()
	p.DueOnClosedDay = 9
	_, _, err = p.Extend(l, nil, day(t, "2026-04-10"), prefecturalCal, Override{})
	assert.ErrorIs(t, err, ErrInvalidPolicy)
	_, _, err = DefaultPolicy().Extend(loanAt(t, "9999-12-20", "9999-12-30"), nil, day(t, "9999-12-25"), nil, Override{})
	assert.ErrorIs(t, err, ErrInconsistentInput)
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
			got, _, err := p.Extend(c.loan, c.others, day(t, today), nil, Override{})
			require.Error(t, err)
			assert.Equal(t, Loan{}, got)
			assert.Equal(t, codesOf(c.want...), codes(t, err))
			for _, r := range c.want {
				assert.ErrorIs(t, err, r)
			}
			assert.False(t, errors.Is(err, ErrInconsistentInput))
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
		_, _, err := p.Extend(l, nil, day(t, "2026-04-10"), nil, Override{})
		assert.ErrorIs(t, err, ErrAlreadyExtended)
		ps := reason.Params{reason.Limit(c.max)}
		assert.Equal(t, []reason.Message{{Code: "extension.already_extended", Message: c.en, Params: ps}}, reason.Localize(err, reason.English))
		assert.Equal(t, []reason.Message{{Code: "extension.already_extended", Message: c.ja, Params: ps}}, reason.Localize(err, reason.Japanese))
	}
}

// TestExtendInconsistent: data that cannot be right is an error, not a
// refusal.
func TestExtendInconsistent(t *testing.T) {
	p := DefaultPolicy()
	base := loanAt(t, "2026-04-01", "2026-04-15")
	with := func(f func(*Loan)) Loan { l := base; f(&l); return l }
	for _, c := range []struct {
		name   string
		loan   Loan
		others []Loan
		today  calendar.Date
		want   string
	}{
		{"today before the loan", base, nil, day(t, "2026-03-31"), "loaned 2026-04-01 after today 2026-03-31"},
		{"zero today", base, nil, calendar.Date{}, "no today"},
		{"due before loaned", with(func(l *Loan) { l.Due = day(t, "2026-03-01") }), nil, day(t, "2026-04-02"), "due 2026-03-01 before loaned 2026-04-01"},
		{"zero dates", with(func(l *Loan) { l.Loaned, l.Due = calendar.Date{}, calendar.Date{} }), nil, day(t, "2026-04-02"), "no loan date; no due date"},
		{"invalid place", with(func(l *Loan) { l.Place = Place{Method: PartnerLibrary} }), nil, day(t, "2026-04-02"), "must name the library"},
		{"no place", with(func(l *Loan) { l.Place = Place{} }), nil, day(t, "2026-04-02"), "no valid method"},
		{"negative extensions", with(func(l *Loan) { l.Extensions = -1 }), nil, day(t, "2026-04-02"), "negative extensions -1"},
		{"bad collection", with(func(l *Loan) { l.Collection = 5 }), nil, day(t, "2026-04-02"), "invalid collection 5"},
		{"other loan made after today", base, []Loan{base, loanAt(t, "2026-04-05", "2026-04-19")}, day(t, "2026-04-02"), `other loan 1 "b1": loaned 2026-04-05 after today`},
		{"other loan with no due date", base, []Loan{with(func(l *Loan) { l.Due = calendar.Date{} })}, day(t, "2026-04-02"), `other loan 0 "b1": no due date`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := p.Extend(c.loan, c.others, c.today, nil, Override{})
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInconsistentInput)
			var ref *reason.Refusal
			assert.False(t, errors.As(err, &ref), "not a refusal")
			assert.True(t, strings.HasPrefix(err.Error(), "circulation: "), err.Error())
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

// libraryLoan draws a fresh loan that L4 allows to extend: at the
// Prefectural or Assembly Library, no reservation, not interlibrary,
// never extended, due as policy p says (with L5 applied on cal).
func libraryLoan(t *rapid.T, p Policy, cal *calendar.Calendar) Loan {
	l := genLoan(t, "loan", calendar.Date{})
	l.Place = Place{Method: rapid.SampledFrom([]Method{PrefecturalLibrary, AssemblyLibrary}).Draw(t, "method")}
	l.Reserved, l.Interlibrary, l.Extensions = false, false, 0
	due, err := p.DueDate(l.Place.Method, l.Short, l.Loaned, cal)
	if err != nil {
		t.Fatal(err)
	}
	l.Due = due
	return l
}

// TestExtendNeverEarlier: L3 — an extension done on any day from the loan
// date to the due date never moves the due date earlier, with or without
// L5's next-open-day rule.
func TestExtendNeverEarlier(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := genPolicy(t)
		cal := rapid.SampledFrom([]*calendar.Calendar{prefecturalCal, assemblyCal}).Draw(t, "calendar")
		l := libraryLoan(t, p, cal)
		today := l.Loaned.AddDays(rapid.IntRange(0, l.Due.DaysSince(l.Loaned)).Draw(t, "day"))
		got, _, err := p.Extend(l, nil, today, cal, Override{})
		if err != nil {
			t.Fatal(err)
		}
		if got.Due.Before(l.Due) {
			t.Fatalf("extended on %v: due %v, earlier than %v", today, got.Due, l.Due)
		}
	})
}

// TestExtendIgnoresOldDueDate: L3 — the new due date is counted from the
// day of the extension and does not depend on the old due date; every
// other field but Extensions is kept.
func TestExtendIgnoresOldDueDate(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := genPolicy(t)
		p.DueOnClosedDay = DueDateStands
		l := libraryLoan(t, p, nil)
		today := l.Loaned.AddDays(rapid.IntRange(0, 30).Draw(t, "day"))
		a, b := l, l
		a.Due = today.AddDays(rapid.IntRange(0, 30).Draw(t, "due a"))
		b.Due = today.AddDays(rapid.IntRange(0, 30).Draw(t, "due b"))
		ea, _, errA := p.Extend(a, nil, today, nil, Override{})
		eb, _, errB := p.Extend(b, nil, today, nil, Override{})
		if errA != nil || errB != nil {
			t.Fatal(errA, errB)
		}
		if ea != eb {
			t.Fatalf("due %v gives %+v, due %v gives %+v", a.Due, ea, b.Due, eb)
		}
		n := p.ExtensionDays
		if l.Short {
			n = p.ShortExtensionDays
		}
		want := l
		want.Due, want.Extensions = today.AddDays(n), 1
		if ea != want {
			t.Fatalf("got %+v, want %+v", ea, want)
		}
	})
}

// TestExtendModel: L4, L2 — for random loans and other loans, Extend
// refuses with exactly the reasons a model computes, or succeeds when
// there are none.
func TestExtendModel(t *testing.T) {
	successes := 0
	defer func() { t.Logf("%d extensions succeeded", successes) }()
	rapid.Check(t, func(t *rapid.T) {
		p := genPolicy(t)
		l := genLoan(t, "loan", calendar.Date{})
		today := l.Loaned.AddDays(rapid.IntRange(0, 60).Draw(t, "today"))
		others := make([]Loan, rapid.IntRange(0, 9).Draw(t, "others"))
		for i := range others {
			others[i] = genLoan(t, "other", today.AddDays(-rapid.IntRange(0, 60).Draw(t, "other.age")))
		}

		// Half the time, make an extension likely to succeed, so that both
		// outcomes are well exercised.
		if rapid.Bool().Draw(t, "likely") {
			l.Place = Place{Method: rapid.SampledFrom([]Method{PrefecturalLibrary, AssemblyLibrary}).Draw(t, "library")}
			l.Reserved, l.Interlibrary = false, false
			l.Extensions = rapid.IntRange(0, p.MaxExtensions-1).Draw(t, "extensions")
			dueSoon := func(x *Loan) {
				x.Due = today.AddDays(rapid.IntRange(0, 30).Draw(t, "due from today"))
				if x.Due.Before(x.Loaned) {
					x.Due = x.Loaned
				}
			}
			dueSoon(&l)
			for i := range others {
				dueSoon(&others[i])
			}
		}

		// The model: the guide's list, checked one by one.
		var want []string
		lateCount := 0
		for _, x := range append([]Loan{l}, others...) {
			if today.DaysSince(x.Due) > 0 {
				lateCount++
			}
		}
		for _, rule := range []struct {
			applies bool
			r       *reason.Reason
		}{
			{l.Place.Method == PartnerLibrary, ErrPartnerPickup},
			{l.Place.Method == HomeDelivery, ErrHomeDelivery},
			{l.Reserved, ErrReserved},
			{l.Extensions+1 > p.MaxExtensions, ErrAlreadyExtended},
			{l.Interlibrary, ErrInterlibraryLoan},
			{lateCount > 0, ErrOverdue},
		} {
			if rule.applies {
				want = append(want, rule.r.Code())
			}
		}

		got, _, err := p.Extend(l, others, today, prefecturalCal, Override{})
		if err == nil {
			successes++
		}
		if gotCodes := codes(t, err); !slices.Equal(gotCodes, want) {
			t.Fatalf("reasons %v, model %v", gotCodes, want)
		}
		if err == nil && (got.Extensions != l.Extensions+1 || got.Due.Before(today)) {
			t.Fatalf("extended to %+v", got)
		}
	})
}

func TestExtendDoesNotAllocate(t *testing.T) {
	p, l, others, today := extendWorstCase(t)
	if n := testing.AllocsPerRun(100, func() {
		if _, _, err := p.Extend(l, others, today, prefecturalCal, Override{}); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("Extend allocates %v times", n)
	}
}
