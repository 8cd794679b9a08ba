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
// Page (no staff override), on every case LoanCases(p) draws: both succeed with the same loan, or both refuse with the same
// set of reasons (compared with errors.Is against circulation.Reasons()).
// Each case is logged as JSON before it is checked, so that the failing
// case rapid shrinks to is printed in full.
func CheckExtend(t *testing.T, p circulation.Policy, returnTo *calendar.Calendar, host func(l circulation.Loan, others []circulation.Loan, today calendar.Date) (circulation.Loan, error)) {
	t.Helper()
	if err := p.Validate(); err != nil {
		t.Fatalf("ruletest: CheckExtend: %v", err)
	}
	rapid.Check(t, func(t *rapid.T) {
		c := LoanCases(p).Draw(t, "case")
		logCase(t, "case", c)
		d, wantErr := p.Extend(circulation.ExtendRequest{Loan: c.Loan, Others: slices.Clone(c.Others), Today: c.Today, ReturnTo: returnTo})
		want := d.Loan
		got, gotErr := host(c.Loan, slices.Clone(c.Others), c.Today)
		if diff := disagree(wantErr, gotErr, circulation.Reasons()); diff != "" {
			t.Fatalf("L4 extension: %s", diff)
		}
		if wantErr == nil && got != want {
			logCase(t, "Extend gives", want)
			logCase(t, "host gives", got)
			t.Fatalf("L3 extension: host's loan differs from Extend's")
		}
	})
}

// CheckStaffExtend checks host, a host's extension at the counter (staff
// may let soft reasons go with an override), against
// circulation.Policy.Extend under policy p and returnTo on every case
// LoanCases(p) draws with an override from Overrides of the extension
// reasons: both succeed with the same loan and the same override used,
// or both refuse with the same reasons (an override that is not staff's
// included).
func CheckStaffExtend(t *testing.T, p circulation.Policy, returnTo *calendar.Calendar, host func(l circulation.Loan, others []circulation.Loan, today calendar.Date, ov circulation.Override) (circulation.Loan, circulation.Override, error)) {
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
		d, wantErr := p.Extend(circulation.ExtendRequest{Loan: c.Loan, Others: slices.Clone(c.Others), Today: c.Today, ReturnTo: returnTo, Override: c.Override})
		want, wantUsed := d.Loan, d.Override
		got, gotUsed, gotErr := host(c.Loan, slices.Clone(c.Others), c.Today, c.Override)
		if diff := disagree(wantErr, gotErr, circulation.Reasons()); diff != "" {
			t.Fatalf("L4 extension with %v: %s", c.Override, diff)
		}
		if wantErr == nil && (got != want || gotUsed != wantUsed) {
			logCase(t, "Extend gives", want)
			logCase(t, "host gives", got)
			t.Fatalf("L3 extension: host's loan or override used (%v) differs from Extend's (%v)", gotUsed, wantUsed)
		}
	})
}

// extensionReasons are the reasons Policy.Extend refuses with (L2, L4).
var extensionReasons = []*reason.Reason{
	circulation.ErrPartnerPickup, circulation.ErrHomeDelivery, circulation.ErrReserved,
	circulation.ErrAlreadyExtended, circulation.ErrInterlibraryLoan, circulation.ErrOverdue,
}

// CheckDueDate checks that host, a host's own due-date computation,
// agrees with circulation.Policy.DueDate under policy p and the return
// calendar returnTo (L2, L5) for every method, short or not, on every day
// DateIn draws in 2020 to 2035.
func CheckDueDate(t *testing.T, p circulation.Policy, returnTo *calendar.Calendar, host func(m circulation.Method, short bool, loaned calendar.Date) (calendar.Date, error)) {
	t.Helper()
	if err := p.Validate(); err != nil {
		t.Fatalf("ruletest: CheckDueDate: %v", err)
	}
	type dueCase struct {
		Method circulation.Method `json:"method"`
		Short  bool               `json:"short"`
		Loaned calendar.Date      `json:"loaned"`
	}
	rapid.Check(t, func(t *rapid.T) {
		c := dueCase{
			Method: PickupPlace().Draw(t, "place").Method,
			Short:  rapid.Bool().Draw(t, "short"),
			Loaned: DateIn(spanFirst, spanLast).Draw(t, "loaned"),
		}
		logCase(t, "case", c)
		want, wantErr := p.DueDate(circulation.Loan{Place: circulation.Place{Method: c.Method}, Short: c.Short, Loaned: c.Loaned}, returnTo)
		got, gotErr := host(c.Method, c.Short, c.Loaned)
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
