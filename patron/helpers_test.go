package patron

import (
	"errors"
	"os"
	"slices"
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

// parseCase is a row of a table test of a parser of typed input.
type parseCase struct {
	name, in string
	want     string   // accepted: the result as show gives it
	codes    []string // refused: the codes of the refusal; nil when accepted
	details  []string // refused: the English messages, when checked
	// positions are the position parameters of the reasons that carry
	// one, in order, when checked.
	positions []int
}

// positions returns the position parameters of the reasons of err that
// carry one, in order, as Localize gives them.
func positions(err error) []int {
	var out []int
	for _, m := range reason.Localize(err, reason.English) {
		if p, ok := m.Params.Get("position"); ok {
			out = append(out, p.Value().(int))
		}
	}
	return out
}

// runParseCases runs cases through parse: an accepted input must give
// want (as show gives the result), a refused one the zero value and a
// refusal of this package with the codes (and details) of the row.
func runParseCases[T interface{ IsZero() bool }](t *testing.T, cases []parseCase, parse func(string) (T, error), show func(T) string) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			v, err := parse(tt.in)
			if tt.codes == nil {
				if err != nil {
					t.Fatalf("%q: %v", tt.in, err)
				}
				if got := show(v); got != tt.want {
					t.Fatalf("%q gave %q, want %q", tt.in, got, tt.want)
				}
				return
			}
			checkRefusal(t, err)
			if !v.IsZero() {
				t.Errorf("refused %q gave a value that is not zero", tt.in)
			}
			if got := codes(err); !slices.Equal(got, tt.codes) {
				t.Errorf("%q: codes %v, want %v", tt.in, got, tt.codes)
			}
			if tt.details != nil && !slices.Equal(messages(err), tt.details) {
				t.Errorf("%q: messages %q, want %q", tt.in, messages(err), tt.details)
			}
			if tt.positions != nil && !slices.Equal(positions(err), tt.positions) {
				t.Errorf("%q: positions %v, want %v", tt.in, positions(err), tt.positions)
			}
		})
	}
}

// refused reports whether err refused the input, after checking that it
// is a proper refusal; a fuzz target stops there.
func refused(t testing.TB, err error) bool {
	t.Helper()
	if err == nil {
		return false
	}
	checkRefusal(t, err)
	return true
}

// timing reports whether tests check time budgets: only when
// KASHIDASHI_TIMING=1, since a busy or cold machine can miss a budget an
// idle one meets by far.
var timing = os.Getenv("KASHIDASHI_TIMING") == "1"
