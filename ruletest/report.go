package ruletest

import (
	"encoding/json"
	"errors"
	"slices"

	"github.com/kashidashi/kashidashi/reason"
	"pgregory.net/rapid"
)

// logCase logs v as JSON, so that the failing case rapid shrinks to is
// printed in a form a host can read and paste into a table test.
func logCase(t *rapid.T, what string, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Logf("%s: %+v", what, v)
		return
	}
	t.Logf("%s: %s", what, b)
}

// reasonCodes returns the sorted codes of err's refusal reasons, nil for a
// nil error or an error with no reasons.
func reasonCodes(err error) []string {
	var ref *reason.Refusal
	if !errors.As(err, &ref) {
		return nil
	}
	var cs []string
	for _, r := range ref.Reasons {
		cs = append(cs, r.Code())
	}
	slices.Sort(cs)
	return cs
}

// outcome describes an error for a comparison: "ok", "refused [codes]" or
// "error: text".
func outcome(err error) string {
	var ref *reason.Refusal
	switch {
	case err == nil:
		return "ok"
	case errors.As(err, &ref):
		b, _ := json.Marshal(reasonCodes(err))
		return "refused " + string(b)
	default:
		return "error: " + err.Error()
	}
}
