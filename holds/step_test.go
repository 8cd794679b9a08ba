package holds

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
)

// H3–H6: every step of a lifecycle is recorded as a Transition that
// round-trips through JSON; Reservation.Step, given the values before
// and after, gives the Transition the desk returned.
func TestStepRecordsTheLifecycle(t *testing.T) {
	d := newDesk(t)
	day := mustDay("2026-11-19")
	var log []Transition
	before := Reservation{}
	for _, r := range []Request{
		{Action: ActionReserve, Cart: Cart{Patron: "p", Items: []circulation.Item{item("i", circulation.OnLoan)}, Place: atPrefectural, Ordering: Normal}, Today: day},
		{Action: ActionSecure, Item: "i", Today: day},
		{Action: ActionMakeReady, ID: 1, Today: day.AddDays(1)},
		{Action: ActionCollect, ID: 1, Today: day.AddDays(2)},
	} {
		ch, err := d.do(r)
		require.NoError(t, err)
		require.Len(t, ch.Transitions, 1)
		tr := ch.Transitions[0]
		assert.Equal(t, r.Action, tr.Action)
		step, err := before.Step(ch.Reservations[0], tr.By, tr.On, tr.Override)
		require.NoError(t, err)
		assert.Equal(t, tr, step)
		log = append(log, tr)
		before = ch.Reservations[0]
	}
	b, err := json.Marshal(log)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"action":"make_ready"`)
	var back []Transition
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, log, back)
}

func TestStepRefusesWhatIsNotOneStep(t *testing.T) {
	d := mustDay("2026-11-19")
	place := circulation.Place{Method: circulation.PrefecturalLibrary}
	waiting := Reservation{ID: 1, Place: place, State: Waiting}
	for _, after := range []Reservation{
		{ID: 1, Place: place, State: Collected}, // skips secured and ready
		{ID: 2, Place: place, State: Secured},   // another reservation
		waiting,                                 // nothing changed
	} {
		_, err := waiting.Step(after, ByStaff, d, circulation.Override{})
		assert.Error(t, err, "%v → %v", waiting.State, after.State)
	}
	moved := waiting
	moved.Place = circulation.Place{Method: circulation.AssemblyLibrary}
	tr, err := waiting.Step(moved, ByPatron, d, circulation.Override{})
	require.NoError(t, err)
	assert.Equal(t, ActionChangePlace, tr.Action)
	cancelled := waiting
	cancelled.State = Cancelled
	tr, err = waiting.Step(cancelled, ByStaff, d, circulation.Override{})
	require.NoError(t, err)
	assert.Equal(t, ActionCancel, tr.Action)
}

func TestTransitionJSONRefusesImpossibleSteps(t *testing.T) {
	const place = `"place":{"method":"prefectural_library"}`
	for _, tt := range []struct{ name, json string }{
		{"empty", `{}`},
		{"no reservation", `{"action":"secure","on":"2026-11-19","from":"waiting","to":"secured",` + place + `}`},
		{"no day", `{"reservation":1,"action":"secure","from":"waiting","to":"secured",` + place + `}`},
		{"no action", `{"reservation":1,"on":"2026-11-19","from":"waiting","to":"secured",` + place + `}`},
		{"invalid action", `{"reservation":1,"action":"steal","on":"2026-11-19","from":"waiting","to":"secured",` + place + `}`},
		{"waiting to collected", `{"reservation":1,"action":"collect","on":"2026-11-19","from":"waiting","to":"collected",` + place + `}`},
		{"secure from ready", `{"reservation":1,"action":"secure","on":"2026-11-19","from":"ready","to":"secured",` + place + `}`},
		{"ship to ready", `{"reservation":1,"action":"ship","on":"2026-11-19","from":"secured","to":"ready",` + place + `}`},
		{"reserve from waiting", `{"reservation":1,"action":"reserve","on":"2026-11-19","from":"waiting","to":"waiting",` + place + `}`},
		{"cancel a cancelled one", `{"reservation":1,"action":"cancel","on":"2026-11-19","from":"cancelled","to":"cancelled",` + place + `}`},
		{"no place", `{"reservation":1,"action":"secure","on":"2026-11-19","from":"waiting","to":"secured"}`},
		{"unknown key", `{"reservation":1,"action":"secure","on":"2026-11-19","from":"waiting","to":"secured",` + place + `,"extra":1}`},
		{"invalid actor", `{"reservation":1,"action":"secure","by":"robot","on":"2026-11-19","from":"waiting","to":"secured",` + place + `}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var tr Transition
			assert.Error(t, json.Unmarshal([]byte(tt.json), &tr))
		})
	}
	var tr Transition
	require.NoError(t, json.Unmarshal([]byte(`{"reservation":1,"action":"reserve","by":"patron","on":"2026-11-19","to":"waiting",`+place+`}`), &tr))
	assert.Equal(t, Transition{Reservation: 1, Action: ActionReserve, By: ByPatron, On: mustDay("2026-11-19"), To: Waiting, Place: atPrefectural}, tr)
}

func TestStepGivesValidTransitions(t *testing.T) {
	d := calendar.NewDate(2026, 11, 19)
	for _, s := range []State{Waiting, Secured, InTransit, Ready, Collected, Expired, Cancelled} {
		for _, place := range []circulation.Place{atAssembly, atEbetsu, atHome} {
			if place == atHome && (s == Ready || s == Expired || s == Cancelled) {
				continue
			}
			r := reach(t, place, s)
			var before Reservation
			if s != Waiting {
				before = r
				before.State = prevState(s, place)
			}
			tr, err := before.Step(r, ByStaff, d, circulation.Override{})
			if err != nil {
				continue
			}
			assert.NoError(t, tr.Validate(), "%v → %v", before.State, s)
		}
	}
}

func prevState(s State, place circulation.Place) State {
	switch s {
	case Secured:
		return Waiting
	case InTransit:
		return Secured
	case Ready:
		return InTransit
	case Collected:
		if place.Method == circulation.HomeDelivery {
			return InTransit
		}
		return Ready
	}
	return Ready
}
