package holds

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/circulation"
)

// H3–H6: every step of a lifecycle is recorded as a Transition that
// round-trips through JSON.
func TestStepRecordsTheLifecycle(t *testing.T) {
	p := DefaultPolicy()
	lib := prefectural
	place := circulation.Place{Method: circulation.PrefecturalLibrary}
	d := day(t, "2026-11-19")
	r0 := Reservation{ID: 7, Patron: "p", Item: "i", Place: place, State: Waiting, PlacedOn: d}
	r1, err := r0.Secure(d)
	require.NoError(t, err)
	r2, err := r1.MakeReady(d.AddDays(1), lib, p)
	require.NoError(t, err)
	r3, _, err := r2.Collect(d.AddDays(2), false, lib, p)
	require.NoError(t, err)

	var log []Transition
	for _, s := range []struct {
		before, after Reservation
		want          Action
	}{
		{Reservation{}, r0, ActionReserve},
		{r0, r1, ActionSecure},
		{r1, r2, ActionMakeReady},
		{r2, r3, ActionCollect},
	} {
		tr, err := s.before.Step(s.after, ByPatron, d)
		require.NoError(t, err)
		assert.Equal(t, s.want, tr.Action)
		assert.Equal(t, s.after.State, tr.To)
		log = append(log, tr)
	}
	b, err := json.Marshal(log)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"action":"make_ready"`)
	var back []Transition
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, log, back)
}

func TestStepRefusesWhatIsNotOneStep(t *testing.T) {
	d := day(t, "2026-11-19")
	place := circulation.Place{Method: circulation.PrefecturalLibrary}
	waiting := Reservation{ID: 1, Place: place, State: Waiting}
	for _, after := range []Reservation{
		{ID: 1, Place: place, State: Collected}, // skips secured and ready
		{ID: 2, Place: place, State: Secured},   // another reservation
		waiting,                                 // nothing changed
	} {
		_, err := waiting.Step(after, ByStaff, d)
		assert.Error(t, err, "%v → %v", waiting.State, after.State)
	}
	moved := waiting
	moved.Place = circulation.Place{Method: circulation.AssemblyLibrary}
	tr, err := waiting.Step(moved, ByPatron, d)
	require.NoError(t, err)
	assert.Equal(t, ActionChangePlace, tr.Action)
	cancelled := waiting
	cancelled.State = Cancelled
	tr, err = waiting.Step(cancelled, ByStaff, d)
	require.NoError(t, err)
	assert.Equal(t, ActionCancel, tr.Action)
}
