package ruletest_test

import (
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/ruletest"
)

// renewLoan stands for a host's renewal endpoint: it loads the patron's
// loans, calls the SDK and stores the result.
func renewLoan(l circulation.Loan, others []circulation.Loan, today calendar.Date) (circulation.Loan, error) {
	extended, _, err := circulation.DefaultPolicy().Extend(l, others, today, nil, circulation.Override{})
	return extended, err
}

// TestRenewalAgreesWithRules is a host's property test, as the example
// shows it: the renewal endpoint agrees with Extend on every generated
// loan.
func TestRenewalAgreesWithRules(t *testing.T) {
	ruletest.CheckExtend(t, circulation.DefaultPolicy(), nil, renewLoan)
}

// TestCounterExtensionAgreesWithRules: L4 — the staff side, overrides
// and all.
func TestCounterExtensionAgreesWithRules(t *testing.T) {
	p := circulation.DefaultPolicy()
	ruletest.CheckStaffExtend(t, p, nil, func(l circulation.Loan, others []circulation.Loan, today calendar.Date, ov circulation.Override) (circulation.Loan, circulation.Override, error) {
		return p.Extend(l, others, today, nil, ov)
	})
}

// A host's property test is one call in a Test function of its own
// module: here, its renewal endpoint renewLoan must agree with
// circulation.Policy.Extend on every generated loan. Run it with go test;
// a failure prints the smallest failing case as JSON and the
// -rapid.seed flag that replays it.
func Example() {
	test := func(t *testing.T) {
		ruletest.CheckExtend(t, circulation.DefaultPolicy(), nil, renewLoan)
	}
	_ = test // in a host's module: func TestRenewalAgreesWithRules(t *testing.T) { ... }
}
