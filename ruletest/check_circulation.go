package ruletest

import (
	"errors"
	"slices"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
	"pgregory.net/rapid"
)

// CheckExtend checks that host, a host's own extension (its renewal
// endpoint, say), agrees with circulation.Policy.Extend under policy p
// and the return calendar returnTo (L3, L4, L5), as a patron asks on My
// Page, on every case LoanCases(p) draws. host gets the request Extend
// gets: the case's loan, others and today, returnTo, and the zero
// Override. Both must succeed with the same Decision (the same extended
// loan, no override used), or both refuse with the same set of reasons
// (compared with errors.Is against circulation.Reasons()). Each case is
// logged as JSON before it is checked, so that the failing case rapid
// shrinks to is printed in full.
func CheckExtend(t *testing.T, p circulation.Policy, returnTo *calendar.Calendar, host func(r circulation.ExtendRequest) (circulation.Decision, error)) {
	t.Helper()
	if err := p.Validate(); err != nil {
		t.Fatalf("ruletest: CheckExtend: %v", err)
	}
	rapid.Check(t, func(t *rapid.T) {
		c := LoanCases(p).Draw(t, "case")
		logCase(t, "case", c)
		checkExtension(t, p, circulation.ExtendRequest{Loan: c.Loan, Others: c.Others, Today: c.Today, ReturnTo: returnTo}, host)
	})
}

// CheckStaffExtend checks host, a host's extension at the counter (staff
// may let soft reasons go with an override), against
// circulation.Policy.Extend under policy p and returnTo on every case
// LoanCases(p) draws with an override from Overrides of the extension
// reasons: host gets the request Extend gets, and both succeed with the
// same Decision (the same loan and the same override used), or both
// refuse with the same reasons (an override that is not staff's
// included).
func CheckStaffExtend(t *testing.T, p circulation.Policy, returnTo *calendar.Calendar, host func(r circulation.ExtendRequest) (circulation.Decision, error)) {
	t.Helper()
	if err := p.Validate(); err != nil {
		t.Fatalf("ruletest: CheckStaffExtend: %v", err)
	}
	type staffCase struct {
		LoanCase
		Override circulation.Override `json:"override"`
	}
	rapid.Check(t, func(t *rapid.T) {
		c := staffCase{LoanCase: LoanCases(p).Draw(t, "case"), Override: Overrides(extensionReasons...).Draw(t, "override")}
		logCase(t, "case", c)
		checkExtension(t, p, circulation.ExtendRequest{Loan: c.Loan, Others: c.Others, Today: c.Today, ReturnTo: returnTo, Override: c.Override}, host)
	})
}

// checkExtension compares host's decision on r with Extend's: L4 the
// refusal, L3 the extended loan and the override used. Each side gets
// its own copy of r.Others.
func checkExtension(t *rapid.T, p circulation.Policy, r circulation.ExtendRequest, host func(circulation.ExtendRequest) (circulation.Decision, error)) {
	t.Helper()
	mine := r
	mine.Others = slices.Clone(r.Others)
	want, wantErr := p.Extend(mine)
	r.Others = slices.Clone(r.Others)
	got, gotErr := host(r)
	if diff := disagree(wantErr, gotErr, circulation.Reasons()); diff != "" {
		if r.Override.IsZero() {
			t.Fatalf("L4 extension: %s", diff)
		}
		t.Fatalf("L4 extension with %v: %s", r.Override, diff)
	}
	if wantErr != nil {
		return
	}
	if got.Loan != want.Loan {
		logCase(t, "Extend gives", want)
		logCase(t, "host gives", got)
		t.Fatalf("L3 extension: host's loan differs from Extend's")
	}
	if got.Override != want.Override {
		t.Fatalf("L4 extension: host's override used (%v) differs from Extend's (%v)", got.Override, want.Override)
	}
}

// extensionReasons are the reasons Policy.Extend refuses with (L2, L4).
var extensionReasons = []*reason.Reason{
	circulation.ErrPartnerPickup, circulation.ErrHomeDelivery, circulation.ErrReserved,
	circulation.ErrAlreadyExtended, circulation.ErrInterlibraryLoan, circulation.ErrOverdue,
}

// CheckDueDate checks that host, a host's own due-date computation,
// agrees with circulation.Policy.DueDate under policy p and the return
// calendar returnTo (L2, L5) for every place PickupPlace draws, short or
// not, on every day DateIn draws in 2020 to 2035. host gets the loan
// being made, as DueDate does: its Place, Short and Loaned set, the
// other fields zero.
func CheckDueDate(t *testing.T, p circulation.Policy, returnTo *calendar.Calendar, host func(l circulation.Loan) (calendar.Date, error)) {
	t.Helper()
	if err := p.Validate(); err != nil {
		t.Fatalf("ruletest: CheckDueDate: %v", err)
	}
	type dueCase struct {
		Place  circulation.Place `json:"place"`
		Short  bool              `json:"short"`
		Loaned calendar.Date     `json:"loaned"`
	}
	rapid.Check(t, func(t *rapid.T) {
		c := dueCase{
			Place:  PickupPlace().Draw(t, "place"),
			Short:  rapid.Bool().Draw(t, "short"),
			Loaned: DateIn(spanFirst, spanLast).Draw(t, "loaned"),
		}
		logCase(t, "case", c)
		l := circulation.Loan{Place: c.Place, Short: c.Short, Loaned: c.Loaned}
		want, wantErr := p.DueDate(l, returnTo)
		got, gotErr := host(l)
		if diff := disagree(wantErr, gotErr, circulation.Reasons()); diff != "" {
			t.Fatalf("L2 due date: %s", diff)
		}
		if got != want {
			t.Fatalf("L2 due date: host gives %v, DueDate %v", got, want)
		}
	})
}

// disagree describes how a host's error differs from the engine's, or
// returns "": both nil; both refusals with the same reasons of catalogue;
// or both other errors.
func disagree(want, got error, catalogue []*reason.Reason) string {
	if (want == nil) != (got == nil) {
		return "engine: " + outcome(want) + "; host: " + outcome(got)
	}
	if want == nil {
		return ""
	}
	var ref *reason.Refusal
	if !errors.As(want, &ref) {
		return "" // both failed on input the engine finds inconsistent
	}
	for _, r := range catalogue {
		if errors.Is(want, r) != errors.Is(got, r) {
			return "engine: " + outcome(want) + "; host: " + outcome(got) + " (differ on " + r.Code() + ")"
		}
	}
	return ""
}
