package holds

import (
	"encoding"
	"fmt"
	"testing"

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
	checkNames(t, []Actor{Patron, Staff}, Actor(3), "librarian")
	checkNames(t, []Ordering{Normal, ReadingOrder}, Ordering(0), "random")
	checkNames(t, []Action{Reserve, Secure, Ship, MakeReady, Collect, Expire, Cancel, ChangePlace}, Action(0), "teleport")
	checkNames(t, []ShelfStart{ShelfFromFirstCollectable, ShelfFromDayAfter}, ShelfStart(2), "ready_day")
	assert.Equal(t, "ShelfStart(2)", ShelfStart(2).String())
	assert.Equal(t, "Actor(3)", Actor(3).String())
	assert.Equal(t, "Ordering(0)", Ordering(0).String())
	assert.Equal(t, "make_ready", MakeReady.String())
}
