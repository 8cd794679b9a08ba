package circulation_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/ruletest"
)

// The property tests of the package, on the kit's generators.

var (
	prefecturalCal = calendar.MustNew(calendar.PrefecturalLibraryRules())
	assemblyCal    = calendar.MustNew(calendar.AssemblyLibraryRules())
	allMethods     = []circulation.Method{circulation.PrefecturalLibrary, circulation.AssemblyLibrary, circulation.PartnerLibrary, circulation.HomeDelivery}
	allStatuses    = []circulation.Status{
		circulation.OnShelf, circulation.OnShelfShort, circulation.OnLoan, circulation.LentToLibrary, circulation.Assigned,
		circulation.InTransit, circulation.Reference, circulation.LibraryUseOnly, circulation.LibraryUseOnlyShort,
	}
	anyDay = ruletest.DateIn(calendar.NewDate(2000, 1, 1), calendar.NewDate(2040, 12, 31))
)

// codes returns the codes of a refusal's reasons, in order; nil for nil.
// Any other error fails the test.
func codes(t *rapid.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var ref *reason.Refusal
	if !errors.As(err, &ref) {
		t.Fatalf("want a *reason.Refusal, got %T: %v", err, err)
	}
	var cs []string
	for _, r := range ref.Reasons {
		cs = append(cs, r.Code())
	}
	return cs
}

// roundTrip fails unless v encodes as JSON and decodes back equal.
func roundTrip[T comparable](t *rapid.T, v T) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%+v does not encode: %v", v, err)
	}
	var back T
	if err := json.Unmarshal(b, &back); err != nil || back != v {
		t.Fatalf("%s decodes to %+v, %v; want %+v", b, back, err, v)
	}
}

// TestDueDateLaws: L2 — due − loaned + 1 is the policy period for every
// method and shortness; L5 — under DueDateNextOpenDay the due date is the
// first open day on or after that, and a nil calendar is ErrNoCalendar.
func TestDueDateLaws(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := ruletest.LoanPolicy().Draw(t, "policy")
		m := rapid.SampledFrom(allMethods).Draw(t, "method")
		short := rapid.Bool().Draw(t, "short")
		loaned := anyDay.Draw(t, "loaned")
		cal := rapid.SampledFrom([]*calendar.Calendar{prefecturalCal, assemblyCal, nil}).Draw(t, "calendar")
		at, err := p.DueDate(m, short, loaned, cal)
		if p.DueOnClosedDay == circulation.DueDateNextOpenDay && cal == nil {
			if !errors.Is(err, circulation.ErrNoCalendar) {
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
		}[m == circulation.PartnerLibrary || m == circulation.HomeDelivery][short]
		if got := due.DaysSince(loaned) + 1; got != want {
			t.Fatalf("%v short=%v: due %v − loaned %v + 1 = %d, want %d", m, short, due, loaned, got, want)
		}
		if p.DueOnClosedDay == circulation.DueDateStands {
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

// TestExtendNeverEarlier: L3 — an extension done on any day from the loan
// date to the due date never moves the due date earlier, with or without
// L5's next-open-day rule.
func TestExtendNeverEarlier(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := ruletest.LoanPolicy().Draw(t, "policy")
		cal := rapid.SampledFrom([]*calendar.Calendar{prefecturalCal, assemblyCal}).Draw(t, "calendar")
		l := libraryLoan(t, p, cal)
		today := l.Loaned.AddDays(rapid.IntRange(0, l.Due.DaysSince(l.Loaned)).Draw(t, "day"))
		got, err := p.Extend(l, nil, today, cal)
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
		p := ruletest.LoanPolicy().Draw(t, "policy")
		p.DueOnClosedDay = circulation.DueDateStands
		l := libraryLoan(t, p, nil)
		today := l.Loaned.AddDays(rapid.IntRange(0, 30).Draw(t, "day"))
		a, b := l, l
		a.Due = today.AddDays(rapid.IntRange(0, 30).Draw(t, "due a"))
		b.Due = today.AddDays(rapid.IntRange(0, 30).Draw(t, "due b"))
		ea, errA := p.Extend(a, nil, today, nil)
		eb, errB := p.Extend(b, nil, today, nil)
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

// TestExtendModel: L4, L2 — for the kit's loan cases, half of them
// extendable, Extend refuses with exactly the reasons a model computes, or succeeds when
// there are none.
func TestExtendModel(t *testing.T) {
	successes := 0
	defer func() { t.Logf("%d extensions succeeded", successes) }()
	rapid.Check(t, func(t *rapid.T) {
		p := ruletest.LoanPolicy().Draw(t, "policy")
		c := ruletest.LoanCases(p).Draw(t, "case")
		l, others, today := c.Loan, c.Others, c.Today

		// The model: the guide's list, checked one by one.
		var want []string
		lateCount := 0
		for _, x := range append([]circulation.Loan{l}, others...) {
			if today.DaysSince(x.Due) > 0 {
				lateCount++
			}
		}
		for _, rule := range []struct {
			applies bool
			r       *reason.Reason
		}{
			{l.Place.Method == circulation.PartnerLibrary, circulation.ErrPartnerPickup},
			{l.Place.Method == circulation.HomeDelivery, circulation.ErrHomeDelivery},
			{l.Reserved, circulation.ErrReserved},
			{l.Extensions+1 > p.MaxExtensions, circulation.ErrAlreadyExtended},
			{l.Interlibrary, circulation.ErrInterlibraryLoan},
			{lateCount > 0, circulation.ErrOverdue},
		} {
			if rule.applies {
				want = append(want, rule.r.Code())
			}
		}

		got, err := p.Extend(l, others, today, prefecturalCal)
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

// libraryLoan draws a fresh loan that L4 allows to extend: at the
// Prefectural or Assembly Library, no reservation, not interlibrary,
// never extended, due as policy p says (with L5 applied on cal).
func libraryLoan(t *rapid.T, p circulation.Policy, cal *calendar.Calendar) circulation.Loan {
	l := ruletest.LoanCases(p).Draw(t, "case").Loan
	l.Place = circulation.Place{Method: rapid.SampledFrom([]circulation.Method{circulation.PrefecturalLibrary, circulation.AssemblyLibrary}).Draw(t, "method")}
	l.Reserved, l.Interlibrary, l.Extensions = false, false, 0
	due, err := p.DueDate(l.Place.Method, l.Short, l.Loaned, cal)
	if err != nil {
		t.Fatal(err)
	}
	l.Due = due
	return l
}

// TestMayReserveModel: I2, H1, L1 — the reasons equal a model's.
func TestMayReserveModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := ruletest.LoanPolicy().Draw(t, "policy")
		s := rapid.SampledFrom(allStatuses).Draw(t, "status")
		loans := rapid.IntRange(0, 40).Draw(t, "loans")
		reservations := rapid.IntRange(0, 40).Draw(t, "reservations")
		var want []string
		if s != circulation.OnShelf && s != circulation.OnShelfShort && s != circulation.OnLoan && s != circulation.LentToLibrary && s != circulation.Assigned && s != circulation.InTransit {
			want = append(want, circulation.ErrNotLoanable.Code())
		}
		if reservations+1 > p.MaxReservations {
			want = append(want, circulation.ErrReservationLimit.Code())
		}
		if p.HideReserveAtLoanLimit && loans+1 > p.MaxLoans {
			want = append(want, circulation.ErrLoanLimit.Code())
		}
		if got := codes(t, p.MayReserve(s, loans, reservations)); !slices.Equal(got, want) {
			t.Fatalf("reasons %v, model %v", got, want)
		}
		borrow := codes(t, p.MayBorrow(loans))
		if (len(borrow) == 1) != (loans >= p.MaxLoans) {
			t.Fatalf("MayBorrow(%d) with limit %d: %v", loans, p.MaxLoans, borrow)
		}
	})
}

func TestOverdueLaws(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		l := ruletest.LoanCases(circulation.DefaultPolicy()).Draw(t, "case").Loan
		today := anyDay.Draw(t, "today")
		n := l.DaysOverdue(today)
		if l.Overdue(today) != (n > 0) || n < 0 || (n > 0 && l.Due.AddDays(n) != today) {
			t.Fatalf("due %v, today %v: overdue %v, %d days", l.Due, today, l.Overdue(today), n)
		}
	})
}

// TestPlaceJSONRoundTrip: every valid place round-trips (M1).
func TestPlaceJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := ruletest.PickupPlace().Draw(t, "place")
		if rapid.Bool().Draw(t, "any library") && p.Method == circulation.PartnerLibrary {
			p.Library = rapid.StringN(1, 20, -1).Draw(t, "library")
		}
		roundTrip(t, p)
	})
}

// TestPolicyJSONRoundTrip: every valid policy round-trips through JSON.
func TestPolicyJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := ruletest.LoanPolicy().Draw(t, "policy")
		roundTrip(t, p)
		if err := p.Validate(); err != nil {
			t.Fatal(err)
		}
	})
}
