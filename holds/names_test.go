package holds

import (
	"encoding"
	"errors"
	"fmt"
	"testing"

	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// textName is a small enum with stable text names, as Actor, Ordering and
// Action are.
type textName interface {
	comparable
	fmt.Stringer
	encoding.TextMarshaler
}

// checkNames checks that every valid value round-trips through its text
// name, that an unknown name and an invalid value are errors, and that an
// invalid value still prints.
func checkNames[T textName, P interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, valid []T, invalid T, unknown string) {
	t.Helper()
	for _, v := range valid {
		b, err := v.MarshalText()
		require.NoError(t, err)
		var back T
		require.NoError(t, P(&back).UnmarshalText(b))
		assert.Equal(t, v, back)
	}
	var x T
	assert.Error(t, P(&x).UnmarshalText([]byte(unknown)))
	_, err := invalid.MarshalText()
	assert.Error(t, err)
	assert.NotEmpty(t, invalid.String())
}

func TestNames(t *testing.T) {
	checkNames(t, []State{Waiting, Secured, InTransit, Ready, Collected, Expired, Cancelled}, State(8), "lost")
	checkNames(t, []Actor{ByPatron, ByStaff}, Actor(3), "librarian")
	checkNames(t, []Ordering{Normal, ReadingOrder}, Ordering(0), "random")
	checkNames(t, []Action{ActionReserve, ActionSecure, ActionShip, ActionMakeReady, ActionCollect, ActionExpire, ActionCancel, ActionChangePlace}, Action(0), "teleport")
	assert.Equal(t, "actor(3)", Actor(3).String())
	assert.Equal(t, "ordering(0)", Ordering(0).String())
	assert.Equal(t, "make_ready", ActionMakeReady.String())
	assert.Equal(t, "貸出可能", Ready.Label(reason.Japanese), "H3: My Page shows 貸出可能")
	assert.Equal(t, "読みたい順", ReadingOrder.Label(reason.Japanese))
	assert.Equal(t, "patron", ByPatron.String())
}

// FuzzNames checks that decoding any text as a state, actor, ordering or
// action never panics, that an error wraps reason.ErrBadInput, and that
// every accepted text gives a value that round-trips by its stable code.
func FuzzNames(f *testing.F) {
	for _, s := range []string{"waiting", "secured", "in_transit", "ready", "collected", "expired", "cancelled",
		"patron", "staff", "normal", "reading_order", "make_ready", "", "貸出可能", "ready ", "State(1)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fuzzName[State](t, s)
		fuzzName[Actor](t, s)
		fuzzName[Ordering](t, s)
		fuzzName[Action](t, s)
	})
}

func fuzzName[T textName, P interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, s string) {
	var v T
	if err := P(&v).UnmarshalText([]byte(s)); err != nil {
		if !errors.Is(err, reason.ErrBadInput) {
			t.Fatalf("%q: %v does not wrap reason.ErrBadInput", s, err)
		}
		return
	}
	b, err := v.MarshalText()
	var back T
	if err != nil || string(b) != v.String() || P(&back).UnmarshalText(b) != nil || back != v {
		t.Fatalf("%q gives %v, which does not round-trip", s, v)
	}
}
