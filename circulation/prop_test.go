package circulation_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/internal/reasontest"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/ruletest"
)

// The property tests of the package, on the kit's generators.

var (
	prefecturalCal, assemblyCal = circulation.PublishedCalendars()
	allMethods                  = []circulation.Method{circulation.PrefecturalLibrary, circulation.AssemblyLibrary, circulation.PartnerLibrary, circulation.HomeDelivery}
	allStatuses                 = []circulation.Status{
		circulation.OnShelf, circulation.OnShelfShort, circulation.OnLoan, circulation.LentToLibrary, circulation.Assigned,
		circulation.InTransit, circulation.Reference, circulation.LibraryUseOnly, circulation.LibraryUseOnlyShort,
	}
	anyDay = ruletest.DateIn(calendar.NewDate(2000, 1, 1), calendar.NewDate(2040, 12, 31))
)

// codes returns the codes of a refusal's reasons, in order; nil for nil.
// Any other error fails the test.
func codes(t *rapid.T, err error) []string {
	t.Helper()
	return reasontest.Codes(t, err)
}

// errOf drops the decision.
func errOf(_ circulation.Decision, err error) error { return err }

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
// first open day on or after that, and a nil calendar is ErrNoCalendar
// under every rule but DueDateStands (L5, L6, L7; their other laws are
// TestClosedDayRulesLawsL5L6L7L8's).
func TestDueDateLaws(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := ruletest.LoanPolicy().Draw(t, "policy")
		m := rapid.SampledFrom(allMethods).Draw(t, "method")
		short := rapid.Bool().Draw(t, "short")
		loaned := anyDay.Draw(t, "loaned")
		cal := rapid.SampledFrom([]*calendar.Calendar{prefecturalCal, assemblyCal, nil}).Draw(t, "calendar")
		at, err := p.DueDate(circulation.Loan{Place: circulation.Place{Method: m}, Short: short, Loaned: loaned}, cal)
		if p.DueOnClosedDay != circulation.DueDateStands && cal == nil {
			if !errors.Is(err, circulation.ErrNoCalendar) {
				t.Fatalf("no calendar: %v, %v", at, err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		due := loaned.AddDays(p.LoanPeriod(circulation.Loan{Place: circulation.Place{Method: m}, Short: short}) - 1)
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
		if p.DueOnClosedDay != circulation.DueDateNextOpenDay {
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
		got, err := p.Extend(circulation.ExtendRequest{Loan: l, Today: today, ReturnTo: cal})
		if err != nil {
			t.Fatal(err)
		}
		if got.Loan.Due.Before(l.Due) {
			t.Fatalf("extended on %v: due %v, earlier than %v", today, got.Loan.Due, l.Due)
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
		ea, errA := p.Extend(circulation.ExtendRequest{Loan: a, Today: today})
		eb, errB := p.Extend(circulation.ExtendRequest{Loan: b, Today: today})
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
		if ea != (circulation.Decision{Loan: want}) {
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

		got, err := p.Extend(circulation.ExtendRequest{Loan: l, Others: others, Today: today, ReturnTo: prefecturalCal})
		if err == nil {
			successes++
		}
		if gotCodes := codes(t, err); !slices.Equal(gotCodes, want) {
			t.Fatalf("reasons %v, model %v", gotCodes, want)
		}
		if err == nil && (got.Loan.Extensions != l.Extensions+1 || got.Loan.Due.Before(today)) {
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
	due, err := p.DueDate(l, cal)
	if err != nil {
		t.Fatal(err)
	}
	l.Due = due
	return l
}

// TestMayReserveModel: I1, I2, H1, L1 — for a cart of up to four items,
// the reasons equal a model's: the limits, then each item never lent,
// naming it.
func TestMayReserveModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := ruletest.LoanPolicy().Draw(t, "policy")
		items := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) circulation.Item {
			return circulation.Item{ID: rapid.StringMatching(`b[0-9]`).Draw(t, "id"), Status: rapid.SampledFrom(allStatuses).Draw(t, "status")}
		}), 1, 4).Draw(t, "items")
		loans := rapid.IntRange(0, 40).Draw(t, "loans")
		reservations := rapid.IntRange(0, 40).Draw(t, "reservations")
		want, wantItems := reserveModel(p, items, loans, reservations)
		err := errOf(p.MayReserve(circulation.ReserveRequest{Items: items, Loans: loans, Reservations: reservations}))
		if got := codes(t, err); !slices.Equal(got, want) {
			t.Fatalf("reasons %v, model %v", got, want)
		}
		var gotItems []string
		for _, m := range reason.Localize(err, reason.English) {
			if it, ok := m.Params.Get("item"); ok {
				gotItems = append(gotItems, it.Value().(string))
			}
		}
		if !slices.Equal(gotItems, wantItems) {
			t.Fatalf("items named %v, model %v", gotItems, wantItems)
		}
		borrow := codes(t, errOf(p.MayBorrow(circulation.BorrowRequest{Loans: loans})))
		if (len(borrow) == 1) != (loans >= p.MaxLoans) {
			t.Fatalf("MayBorrow(%d) with limit %d: %v", loans, p.MaxLoans, borrow)
		}
	})
}

// reserveModel returns the codes MayReserve's refusal lists, from the
// rules' own words, and the items its I1 reasons name.
func reserveModel(p circulation.Policy, items []circulation.Item, loans, reservations int) (codes, named []string) {
	if reservations+len(items) > p.MaxReservations {
		codes = append(codes, circulation.ErrReservationLimit.Code())
	}
	if p.HideReserveAtLoanLimit && loans+1 > p.MaxLoans {
		codes = append(codes, circulation.ErrLoanLimit.Code())
	}
	lendable := []circulation.Status{circulation.OnShelf, circulation.OnShelfShort, circulation.OnLoan,
		circulation.LentToLibrary, circulation.Assigned, circulation.InTransit}
	for _, it := range items {
		if !slices.Contains(lendable, it.Status) {
			codes = append(codes, circulation.ErrNotLoanable.Code())
			named = append(named, it.ID)
		}
	}
	return codes, named
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

// TestExtendOverrideL4Property: for any loan, policy and override,
// Extend succeeds iff every reason that applies is soft and let go by
// staff; the override used is exactly the reasons let go; and a
// patron's override (no staff) never gives an extension. A policy
// making a reason soft that is not safe to waive (circulation.Waivable)
// lets nothing go: any override under it is bad input at
// "policy.overridable[i]".
func TestExtendOverrideL4Property(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := circulation.DefaultPolicy()
		var soft []reason.Coded
		hard := false
		for _, r := range circulation.Reasons()[:6] {
			if rapid.Bool().Draw(t, "soft "+r.Code()) {
				soft = append(soft, r)
				hard = hard || !circulation.Waivable().Has(r.Code())
			}
		}
		p.Overridable = circulation.CodesOf(soft...)
		c := ruletest.LoanCases(p).Draw(t, "case")
		today, l, others := c.Today, c.Loan, c.Others
		ov := genOverride(t)
		if hard && !ov.IsZero() {
			_, err := p.Extend(circulation.ExtendRequest{Loan: l, Others: others, Today: today, ReturnTo: prefecturalCal, Override: ov})
			var ps reason.Problems
			if !errors.As(err, &ps) || !strings.HasPrefix(ps[0].Path, "policy.overridable[") {
				t.Fatalf("soft %v, override %v: %v, want bad input at policy.overridable", p.Overridable, ov, err)
			}
			return
		}

		applies := extensionReasons(p, l, others, today)
		var left, let []string
		for _, code := range applies {
			if ov.Staff != "" && p.Overridable.Has(code) && ov.Codes.Has(code) {
				let = append(let, code)
			} else {
				left = append(left, code)
			}
		}
		d, err := p.Extend(circulation.ExtendRequest{Loan: l, Others: others, Today: today, ReturnTo: prefecturalCal, Override: ov})
		got, used := d.Loan, d.Override
		switch {
		case ov.Staff == "" && !ov.IsZero():
			if !errors.Is(err, circulation.ErrNotStaff) {
				t.Fatalf("a patron's override %v: %v, want ErrNotStaff", ov, err)
			}
		case len(left) > 0:
			if !slices.Equal(codes(t, err), left) {
				t.Fatalf("reasons %v with %v: refused %v, want %v", applies, ov, err, left)
			}
		default:
			if err != nil {
				t.Fatalf("reasons %v all let go by %v: %v", applies, ov, err)
			}
			if got.Extensions != l.Extensions+1 || !slices.Equal(used.Codes.List(), sorted(let)) {
				t.Fatalf("extended %+v, used %v, want codes %v", got, used, let)
			}
		}
		// Without the override the answer is the plain decision, which the
		// override never makes stricter.
		_, plain := p.Extend(circulation.ExtendRequest{Loan: l, Others: others, Today: today, ReturnTo: prefecturalCal})
		if plain == nil && err != nil && !errors.Is(err, circulation.ErrNotStaff) {
			t.Fatalf("an override refused what the plain decision grants: %v", err)
		}
	})
}

// extensionReasons returns the reasons of L4 (and L2) that apply to l
// extended on today with others, computed apart from Extend.
func extensionReasons(p circulation.Policy, l circulation.Loan, others []circulation.Loan, today calendar.Date) []string {
	var rs []string
	add := func(ok bool, r *reason.Reason) {
		if ok {
			rs = append(rs, r.Code())
		}
	}
	overdue := l.Overdue(today)
	for _, o := range others {
		overdue = overdue || o.Overdue(today)
	}
	add(l.Place.Method == circulation.PartnerLibrary, circulation.ErrPartnerPickup)
	add(l.Place.Method == circulation.HomeDelivery, circulation.ErrHomeDelivery)
	add(l.Reserved, circulation.ErrReserved)
	add(l.Extensions >= p.MaxExtensions, circulation.ErrAlreadyExtended)
	add(l.Interlibrary, circulation.ErrInterlibraryLoan)
	add(overdue, circulation.ErrOverdue)
	return rs
}

// genOverride draws an override from the kit, letting go any subset of
// the extension reasons; sometimes it is a patron's (no staff), which
// must be refused.
func genOverride(t *rapid.T) circulation.Override {
	ov := ruletest.Overrides(extensionReasonList()...).Draw(t, "override")
	if !ov.IsZero() && rapid.IntRange(0, 4).Draw(t, "patron's") == 0 {
		ov.Staff = ""
	}
	return ov
}

// extensionReasonList returns the reasons of L4 and L2 Extend gives.
func extensionReasonList() []*reason.Reason {
	return circulation.Reasons()[:6]
}

// sorted returns the codes in sorted order.
func sorted(codes []string) []string {
	if len(codes) == 0 {
		return nil
	}
	return slices.Sorted(slices.Values(codes))
}
