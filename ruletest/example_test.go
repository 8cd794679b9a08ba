package ruletest_test

import (
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/ruletest"
)

// policy is the published circulation policy in force on the day the
// examples run under.
var policy = library.Default().CirculationPolicy(calendar.NewDate(2026, 4, 1))

// renewLoan stands for a host's renewal endpoint: it loads the patron's
// loans, calls the SDK and stores the result.
func renewLoan(r circulation.ExtendRequest) (circulation.Decision, error) {
	return policy.Extend(r)
}

// TestRenewalAgreesWithRules is a host's property test, as the example
// shows it: the renewal endpoint agrees with Extend on every generated
// loan.
func TestRenewalAgreesWithRules(t *testing.T) {
	ruletest.CheckExtend(t, policy, nil, renewLoan)
}

// TestCounterExtensionAgreesWithRules: L4 — the staff side, overrides
// and all.
func TestCounterExtensionAgreesWithRules(t *testing.T) {
	ruletest.CheckStaffExtend(t, policy, nil, policy.Extend)
}

// A host's property test is one call in a Test function of its own
// module: here, its renewal endpoint renewLoan must agree with
// circulation.Policy.Extend on every generated loan. Run it with go test;
// a failure prints the smallest failing case as JSON and the
// -rapid.seed flag that replays it.
func Example() {
	test := func(t *testing.T) {
		p := library.Default().CirculationPolicy(calendar.NewDate(2026, 4, 1))
		renew := func(r circulation.ExtendRequest) (circulation.Decision, error) {
			// The host's endpoint: load the patron's loans, decide, store.
			return p.Extend(r)
		}
		ruletest.CheckExtend(t, p, nil, renew)
	}
	_ = test // in a host's module: func TestRenewalAgreesWithRules(t *testing.T) { ... }
}
