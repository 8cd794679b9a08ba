package circulation_test

import (
	"errors"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/ruletest"
)

// TestVariantsWindowAgreesWithExtendL9L10L11L12L13: under the settings
// for other libraries' rules, Extend on a day from today on succeeds
// exactly on the days of the window (which starts on the later of today
// and the ExtendFromLoanDay-th day, L11), with its due dates at the ends,
// never going down, never before the due date DueDate gave the loan (L3
// under L10, L12, L13), and, from the due date (L10), one due date for
// the whole window.
func TestVariantsWindowAgreesWithExtendL9L10L11L12L13(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := ruletest.VariantLoanPolicy().Draw(t, "policy")
		if err := p.Validate(); err != nil {
			t.Fatal(err)
		}
		p.DueOnClosedDay = rapid.SampledFrom(closedDayRules).Draw(t, "rule")
		c := ruletest.LoanCases(p).Draw(t, "case")
		cal := anyCalendar(t)
		l := c.Loan
		due, err := p.DueDate(l, cal)
		if err != nil {
			return // no day to move a due date to
		}
		l.Due = due
		r := circulation.ExtendRequest{Loan: l, Others: c.Others, Today: c.Today, ReturnTo: cal}
		if r.Today.After(l.Due) || r.Today.Before(l.Loaned) {
			r.Today = l.Loaned
		}
		w, err := p.ExtensionWindow(r)
		var ref *reason.Refusal
		switch {
		case err != nil && !errors.As(err, &ref):
			if !errors.Is(err, reason.ErrBadInput) {
				t.Fatal(err)
			}
			return
		case err != nil:
			if today := codes(t, errOf(p.Extend(r))); !slices.Equal(today, codes(t, err)) {
				t.Fatalf("window refused %v, Extend today %v", codes(t, err), today)
			}
		default:
			first := l.Loaned.AddDays(max(p.ExtendFromLoanDay, 1) - 1)
			if want := later(r.Today, first); w.From != want || w.To.Before(w.From) || w.DueTo.Before(w.DueFrom) {
				t.Fatalf("window %+v on %v (first day %v)", w, r.Today, first)
			}
			if p.ExtendFrom == circulation.ExtendFromDueDate && w.DueFrom != w.DueTo {
				t.Fatalf("L10 window %+v: two due dates", w)
			}
		}
		last := l.Due.AddDays(3)
		prev := calendar.Date{}
		for d := r.Today; !d.After(last); d = d.AddDays(1) {
			r.Today = d
			got, xerr := p.Extend(r)
			in := err == nil && !d.Before(w.From) && !d.After(w.To)
			if (xerr == nil) != in {
				t.Fatalf("window %+v (%v): Extend on %v gives %+v, %v", w, err, d, got.Loan, xerr)
			}
			if !in {
				continue
			}
			switch {
			case d == w.From && got.Loan.Due != w.DueFrom, d == w.To && got.Loan.Due != w.DueTo, got.Loan.Due.Before(prev):
				t.Fatalf("window %+v: Extend on %v gives due %v (before: %v)", w, d, got.Loan.Due, prev)
			case got.Loan.Due.Before(l.Due) && (p.LastDueDate.IsZero() || l.Due.Before(p.LastDueDate)):
				t.Fatalf("L3: extended on %v: due %v, before the loan's %v", d, got.Loan.Due, l.Due)
			}
			prev = got.Loan.Due
		}
	})
}

// later returns the later of a and b.
func later(a, b calendar.Date) calendar.Date {
	if b.After(a) {
		return b
	}
	return a
}

// TestCountFromNextDayAndGraceL12L13: counted from the next day, a loan
// is due one day later than counted from the day of loan, under the
// guide's rule for a closed day (L12); the closure grace never shortens
// a loan, adds nothing on a calendar always open, and at most its
// closure's length, WithinDays + the longest run (L13).
func TestCountFromNextDayAndGraceL12L13(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := ruletest.VariantLoanPolicy().Draw(t, "policy")
		p.DueOnClosedDay, p.LastDueDate = circulation.DueDateStands, calendar.Date{}
		c := ruletest.LoanCases(p).Draw(t, "case")
		cal := anyCalendar(t)
		base := p
		base.CountFromNextDay, base.ClosureGrace = false, circulation.ClosureGrace{}
		plain, err := base.DueDate(c.Loan, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.DueDate(c.Loan, cal)
		if err != nil {
			t.Fatal(err)
		}
		next := p
		next.ClosureGrace = circulation.ClosureGrace{}
		counted, _ := next.DueDate(c.Loan, nil)
		if p.CountFromNextDay && counted != plain.AddDays(1) || !p.CountFromNextDay && counted != plain {
			t.Fatalf("L12: %v, from the day of loan %v", counted, plain)
		}
		if got.Before(counted) {
			t.Fatalf("L13: the grace shortened %v to %v", counted, got)
		}
		if extra := got.DaysSince(counted); extra > 0 && cal.IsOpen(c.Loan.Loaned.AddDays(1)) && extra > p.ClosureGrace.WithinDays+366 {
			t.Fatalf("L13: %d days added", extra)
		}
	})
}

// TestPersonalLimitL14Property: MayBorrow refuses exactly at the lower
// of MaxLoans and the personal limit, naming the personal limit only when
// it is the lower.
func TestPersonalLimitL14Property(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := ruletest.LoanPolicy().Draw(t, "policy")
		loans := rapid.IntRange(0, 15).Draw(t, "loans")
		personal := rapid.IntRange(0, 15).Draw(t, "personal_limit")
		_, err := p.MayBorrow(circulation.BorrowRequest{Loans: loans, PersonalLimit: personal})
		limit, want := p.MaxLoans, circulation.ErrLoanLimit.Code()
		if personal > 0 && personal < p.MaxLoans {
			limit, want = personal, circulation.ErrPersonalLoanLimit.Code()
		}
		got := codes(t, err)
		switch {
		case loans >= limit && !slices.Equal(got, []string{want}):
			t.Fatalf("%d loans, limit %d: %v, want %s", loans, limit, got, want)
		case loans < limit && err != nil:
			t.Fatalf("%d loans, limit %d: %v", loans, limit, err)
		}
	})
}
