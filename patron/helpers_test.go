package patron

import (
	"errors"
	"testing"

	"github.com/kashidashi/kashidashi/reason"
)

// codes returns the codes of the reasons of err, a refusal, in order.
func codes(err error) []string {
	var r *reason.Refusal
	if !errors.As(err, &r) {
		return nil
	}
	cs := make([]string, len(r.Reasons))
	for i, c := range r.Reasons {
		cs[i] = c.Code()
	}
	return cs
}

// messages returns the English messages of the reasons of err.
func messages(err error) []string {
	ms := reason.Localize(err, reason.English)
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Message
	}
	return out
}

// checkRefusal fails t unless err is a *reason.Refusal of this package
// whose every reason is one of Reasons.
func checkRefusal(t testing.TB, err error) {
	t.Helper()
	var r *reason.Refusal
	if !errors.As(err, &r) {
		t.Fatalf("error %v (%T) is not a *reason.Refusal", err, err)
	}
	if r.Package != pkg || len(r.Reasons) == 0 {
		t.Fatalf("refusal %#v: want package %q and at least one reason", r, pkg)
	}
	for _, c := range r.Reasons {
		found := false
		for _, s := range Reasons() {
			if errors.Is(c, s) {
				found = true
				break
			}
		}
		if !found {
			t.Fatalf("reason %v (%s) is not in Reasons()", c, c.Code())
		}
	}
}
