// Package reasontest holds the module's own test checks of refusals, shared
// by the packages' tests so that each does not write them again. It uses
// only the standard library, so that nothing a production binary links
// reaches a test framework.
package reasontest

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/kashidashi/kashidashi/reason"
)

// CheckParams checks that the reasons of err carry want, one Params per
// reason, in both languages, and that err, a *reason.Refusal, survives
// JSON with its codes, parameters and messages.
func CheckParams(t testing.TB, err error, want ...reason.Params) {
	t.Helper()
	for _, l := range []reason.Lang{reason.English, reason.Japanese} {
		ms := reason.Localize(err, l)
		if len(ms) != len(want) {
			t.Fatalf("%s: %d reasons %v, want %d", l, len(ms), ms, len(want))
		}
		for i, m := range ms {
			if !reflect.DeepEqual(want[i], m.Params) {
				t.Errorf("%s reason %d (%s): params %v, want %v", l, i, m.Code, m.Params, want[i])
			}
		}
	}
	CheckRoundTrip(t, err)
}

// CheckRoundTrip checks that err, a *reason.Refusal, survives JSON with
// its codes, parameters and messages in both languages.
func CheckRoundTrip(t testing.TB, err error) {
	t.Helper()
	var ref *reason.Refusal
	if !errors.As(err, &ref) {
		t.Fatalf("%v is not a refusal", err)
	}
	b, err2 := json.Marshal(ref)
	if err2 != nil {
		t.Fatal(err2)
	}
	var back reason.Refusal
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	if ref.Error() != back.Error() {
		t.Errorf("round trip: %q, want %q", back.Error(), ref.Error())
	}
	for _, l := range []reason.Lang{reason.English, reason.Japanese} {
		if got, want := reason.Localize(&back, l), reason.Localize(err, l); !reflect.DeepEqual(got, want) {
			t.Errorf("%s round trip of %s:\n got %v\nwant %v", l, b, got, want)
		}
	}
}

// Fataler is what Codes needs of a *testing.T or a *rapid.T.
type Fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

// Codes returns the codes of the reasons of err, a *reason.Refusal, in
// order; nil for a nil err. Any other error fails t.
func Codes(t Fataler, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var ref *reason.Refusal
	if !errors.As(err, &ref) {
		t.Fatalf("want a *reason.Refusal, got %T: %v", err, err)
	}
	cs := make([]string, len(ref.Reasons))
	for i, r := range ref.Reasons {
		cs[i] = r.Code()
	}
	return cs
}
