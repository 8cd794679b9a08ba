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

// The property tests of the rules for a due date on a closed day (L5,
// L6, L7), the cap (L8) and the extension window (L9).

// closedDayRules are the four rules, in the order prev ≤ stands ≤ end ≤
// next of the laws below.
var closedDayRules = []circulation.DueDateRule{
	circulation.DueDatePreviousOpenDay, circulation.DueDateStands,
	circulation.DueDateEndOfClosure, circulation.DueDateNextOpenDay,
}

// anyCalendar draws the calendar of the place the item goes back to: the
// published Prefectural or Assembly Library's, or one the kit compiles
// from any rules (closures of several days included).
func anyCalendar(t *rapid.T) *calendar.Calendar {
	if rapid.IntRange(0, 2).Draw(t, "generated calendar") == 0 {
		return ruletest.CompiledCalendar().Draw(t, "calendar")
	}
	return rapid.SampledFrom([]*calendar.Calendar{prefecturalCal, assemblyCal}).Draw(t, "calendar")
}

// capNear draws a cap (L8) near day: none half the time, otherwise from
// 10 days before it to 60 after.
func capNear(t *rapid.T, day calendar.Date) calendar.Date {
	if rapid.Bool().Draw(t, "no cap") {
		return calendar.Date{}
	}
	return day.AddDays(rapid.IntRange(-10, 60).Draw(t, "cap"))
}

// moved is the model of a rule for a closed day (L5, L6, L7), walking the
// calendar one day at a time apart from the code under test; ok is false
// when the calendar has no day to move to within its span.
func moved(rule circulation.DueDateRule, d calendar.Date, cal *calendar.Calendar) (calendar.Date, bool) {
	first, last := cal.Span()
	if rule == circulation.DueDateStands {
		return d, true
	}
	if d.Before(first) || d.After(last) {
		return calendar.Date{}, false
	}
	step := 1
	if rule == circulation.DueDatePreviousOpenDay {
		step = -1
	}
	for e := d; !e.Before(first) && !e.After(last); e = e.AddDays(step) {
		if cal.IsOpen(e) {
			if rule == circulation.DueDateEndOfClosure && e != d {
				return e.AddDays(-1), true // the last closed day of the run
			}
			return e, true
		}
	}
	return calendar.Date{}, false
}

// model is the due date of a period counted from from under rule and cap
// (L5–L8): the rule, then the cap, then never before from.
func model(rule circulation.DueDateRule, raw, lastDue, from calendar.Date, cal *calendar.Calendar) (calendar.Date, bool) {
	d, ok := moved(rule, raw, cal)
	if !ok {
		return d, false
	}
	if !lastDue.IsZero() && d.After(lastDue) {
		d = lastDue
	}
	if d.Before(from) {
		d = from
	}
	return d, true
}

// TestClosedDayRulesLawsL5L6L7L8: for any policy, loan, calendar and cap,
// DueDate gives what the model gives under each of the four rules, and
// the laws hold: never before the loan day; never after a cap that is not
// before the loan day; previous ≤ stands ≤ end of the closure ≤ next; the
// previous and next open days are open (unless the floor or the cap gave
// the date); the end of the closure is closed exactly when the computed
// day is, with an open day after it and none between; and each rule is
// idempotent: a loan of one day made on a due date it gave is due that day.
func TestClosedDayRulesLawsL5L6L7L8(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := ruletest.LoanPolicy().Draw(t, "policy")
		l := circulation.Loan{Place: circulation.Place{Method: rapid.SampledFrom(allMethods).Draw(t, "method")},
			Short: rapid.Bool().Draw(t, "short"), Loaned: anyDay.Draw(t, "loaned")}
		cal := anyCalendar(t)
		p.LastDueDate = capNear(t, l.Loaned)
		raw := l.Loaned.AddDays(p.LoanPeriod(l) - 1)
		var got []calendar.Date
		for _, rule := range closedDayRules {
			p.DueOnClosedDay = rule
			due, err := p.DueDate(l, cal)
			want, ok := model(rule, raw, p.LastDueDate, l.Loaned, cal)
			if !ok {
				if !errors.Is(err, reason.ErrBadInput) {
					t.Fatalf("%v: no day to move %v to, got %v, %v", rule, raw, due, err)
				}
				return
			}
			if err != nil || due != want {
				t.Fatalf("%v: DueDate %v, %v; model %v (computed %v, cap %v)", rule, due, err, want, raw, p.LastDueDate)
			}
			checkClosedDayLaws(t, p, l, raw, due, cal)
			got = append(got, due)
		}
		if !slices.IsSortedFunc(got, calendar.Date.Compare) {
			t.Fatalf("previous, stands, end of closure, next: %v, not in order", got)
		}
	})
}

// checkClosedDayLaws checks the laws of L5–L8 for due, the due date
// DueDate gave l under p (computed day raw) on cal.
func checkClosedDayLaws(t *rapid.T, p circulation.Policy, l circulation.Loan, raw, due calendar.Date, cal *calendar.Calendar) {
	t.Helper()
	capped := !p.LastDueDate.IsZero() && !p.LastDueDate.Before(l.Loaned)
	switch {
	case due.Before(l.Loaned):
		t.Fatalf("%v: due %v before the loan day %v", p.DueOnClosedDay, due, l.Loaned)
	case capped && due.After(p.LastDueDate):
		t.Fatalf("%v: due %v after the cap %v", p.DueOnClosedDay, due, p.LastDueDate)
	}
	if due == p.LastDueDate || due == l.Loaned {
		return // the cap or the floor may have given it
	}
	// openFrom counts the open days from a to b, both included.
	openFrom := func(a, b calendar.Date) int { return cal.OpenDaysBetween(a.AddDays(-1), b) }
	var ok bool
	switch p.DueOnClosedDay {
	case circulation.DueDateStands:
		ok = due == raw
	case circulation.DueDateNextOpenDay:
		ok = cal.IsOpen(due) && !due.Before(raw) && openFrom(raw, due) == 1
	case circulation.DueDatePreviousOpenDay:
		ok = cal.IsOpen(due) && !due.After(raw) && openFrom(due, raw) == 1
	case circulation.DueDateEndOfClosure:
		ok = cal.IsOpen(raw) && due == raw ||
			!cal.IsOpen(raw) && !cal.IsOpen(due) && cal.IsOpen(due.AddDays(1)) && !due.Before(raw) && openFrom(raw, due) == 0
	}
	if !ok {
		t.Fatalf("%v: due %v for the computed day %v", p.DueOnClosedDay, due, raw)
	}
	one := p
	one.LoanDays, one.ShortLoanDays, one.RemoteLoanDays, one.RemoteShortLoanDays = 1, 1, 1, 1
	again, err := one.DueDate(circulation.Loan{Place: l.Place, Short: l.Short, Loaned: due}, cal)
	if err != nil || again != due {
		t.Fatalf("%v: not idempotent: %v gives %v, %v", p.DueOnClosedDay, due, again, err)
	}
}

// TestExtendClosedDayRulesL3L5L6L7L8: an extension on any day from the
// loan day to the due date gives what the model gives — the rule, the
// cap, then never before the day of the extension — and so never an
// earlier due date than the loan had (L3), never before today, never
// after a cap that is not before today.
func TestExtendClosedDayRulesL3L5L6L7L8(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := ruletest.LoanPolicy().Draw(t, "policy")
		p.DueOnClosedDay = rapid.SampledFrom(closedDayRules).Draw(t, "rule")
		cal := anyCalendar(t)
		l := ruletest.LoanCases(p).Draw(t, "case").Loan
		l.Place = circulation.Place{Method: rapid.SampledFrom([]circulation.Method{circulation.PrefecturalLibrary, circulation.AssemblyLibrary}).Draw(t, "method")}
		l.Reserved, l.Interlibrary, l.Extensions = false, false, 0
		p.LastDueDate = capNear(t, l.Loaned)
		due, err := p.DueDate(l, cal)
		if err != nil {
			if !errors.Is(err, reason.ErrBadInput) {
				t.Fatal(err)
			}
			return // the calendar has no day to move to
		}
		l.Due = due
		today := l.Loaned.AddDays(rapid.IntRange(0, l.Due.DaysSince(l.Loaned)).Draw(t, "day"))
		got, err := p.Extend(circulation.ExtendRequest{Loan: l, Today: today, ReturnTo: cal})
		days := p.ExtensionDays
		if l.Short {
			days = p.ShortExtensionDays
		}
		want, ok := model(p.DueOnClosedDay, today.AddDays(days), p.LastDueDate, today, cal)
		switch {
		case !ok:
			if !errors.Is(err, reason.ErrBadInput) {
				t.Fatalf("no day to move to: %+v, %v", got, err)
			}
			return
		case err != nil || got.Loan.Due != want:
			t.Fatalf("extended on %v: %+v, %v; model %v", today, got.Loan, err, want)
		case got.Loan.Due.Before(l.Due) || got.Loan.Due.Before(today):
			t.Fatalf("extended on %v: due %v, earlier than %v or today", today, got.Loan.Due, l.Due)
		case !p.LastDueDate.IsZero() && !p.LastDueDate.Before(today) && got.Loan.Due.After(p.LastDueDate):
			t.Fatalf("extended on %v: due %v after the cap %v", today, got.Loan.Due, p.LastDueDate)
		}
	})
}

// TestExtensionWindowAgreesWithExtendL9: for the kit's loan cases under
// any rule and cap, Extend on a day from today on succeeds exactly on the
// days of the window, with the window's due dates at its ends and due
// dates that never go down within it; when the window is a refusal, it
// is Extend's refusal today, and Extend refuses every later day too.
func TestExtensionWindowAgreesWithExtendL9(t *testing.T) {
	windows := 0
	defer func() { t.Logf("%d windows open", windows) }()
	rapid.Check(t, func(t *rapid.T) {
		p := ruletest.LoanPolicy().Draw(t, "policy")
		p.DueOnClosedDay = rapid.SampledFrom(closedDayRules).Draw(t, "rule")
		c := ruletest.LoanCases(p).Draw(t, "case")
		p.LastDueDate = capNear(t, c.Loan.Loaned)
		r := circulation.ExtendRequest{Loan: c.Loan, Others: c.Others, Today: c.Today, ReturnTo: anyCalendar(t)}
		w, err := p.ExtensionWindow(r)
		var ref *reason.Refusal
		switch {
		case err != nil && !errors.As(err, &ref):
			if !errors.Is(err, reason.ErrBadInput) {
				t.Fatal(err)
			}
			return // no day to move a due date to
		case err != nil:
			if w != (circulation.ExtensionWindow{}) {
				t.Fatalf("refused with a window %+v", w)
			}
			if today := codes(t, errOf(p.Extend(r))); !slices.Equal(today, codes(t, err)) {
				t.Fatalf("window refused %v, Extend today %v", codes(t, err), today)
			}
		default:
			windows++
			if w.From != r.Today || w.To.Before(w.From) || w.DueTo.Before(w.DueFrom) {
				t.Fatalf("window %+v on %v", w, r.Today)
			}
		}
		last := w.To.AddDays(3)
		if err != nil {
			last = r.Today.AddDays(40)
		}
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
			if d == w.From && got.Loan.Due != w.DueFrom || d == w.To && got.Loan.Due != w.DueTo || got.Loan.Due.Before(prev) {
				t.Fatalf("window %+v: Extend on %v gives due %v (before: %v)", w, d, got.Loan.Due, prev)
			}
			prev = got.Loan.Due
		}
	})
}
