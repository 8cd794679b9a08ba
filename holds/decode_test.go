package holds

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
)

// TestTransitionJSONRefusesImpossibleSteps: a decoded Transition is one
// step of the lifecycle (H3–H6), or decoding fails.
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
	assert.Equal(t, Transition{Reservation: 1, Action: ActionReserve, By: ByPatron, On: day(t, "2026-11-19"), To: Waiting, Place: atPrefectural}, tr)
}

// TestReservationJSONRefusesUnknownKeys: a misspelt key is an error, not
// a silently missing date.
func TestReservationJSONRefusesUnknownKeys(t *testing.T) {
	var r Reservation
	err := json.Unmarshal([]byte(`{"id":1,"patron":"p","item":"i","place":{"method":"home_delivery"},"state":"waiting","placed_on":"2026-11-16","securd":"2026-11-17"}`), &r)
	assert.ErrorContains(t, err, "securd")
}

// TestPolicyJSONRefusesUnknownKeys: a misspelt key of holds.Policy, or of
// the circulation policy inside it, is an error naming it.
func TestPolicyJSONRefusesUnknownKeys(t *testing.T) {
	b, err := json.Marshal(DefaultPolicy())
	require.NoError(t, err)
	var p Policy
	require.NoError(t, json.Unmarshal(b, &p))
	assert.Equal(t, DefaultPolicy(), p)

	for _, key := range []string{"shelf_dayz", "max_loan"} {
		var m map[string]any
		require.NoError(t, json.Unmarshal(b, &m))
		if key == "max_loan" {
			m["circulation"].(map[string]any)[key] = 3
		} else {
			m[key] = 3
		}
		bad, err := json.Marshal(m)
		require.NoError(t, err)
		assert.ErrorContains(t, json.Unmarshal(bad, &p), key)
	}
}

// TestPolicyJSONH4ShelfStart: shelf_start encodes by name, defaults to
// the first collectable day, and an unknown value or an invalid policy
// fails to decode.
func TestPolicyJSONH4(t *testing.T) {
	p := DefaultPolicy()
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"shelf_days":10`)
	var back Policy
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, p, back)

	// Keys left out keep the value decoded into.
	q := DefaultPolicy()
	require.NoError(t, json.Unmarshal([]byte(`{"shelf_days":7}`), &q))
	assert.Equal(t, 7, q.ShelfDays)
	assert.Equal(t, circulation.DefaultPolicy(), q.Circulation)

	for _, bad := range []string{`{"shelf_start":"first_collectable_day"}`, `{"shelf_days":0}`, `{"circulation":{"max_loans":0}}`, `[]`} {
		q := DefaultPolicy()
		assert.Error(t, json.Unmarshal([]byte(bad), &q), bad)
	}
}

// FuzzTransitionJSON checks that decoding never panics and that every
// accepted Transition is valid and encodes back to itself.
func FuzzTransitionJSON(f *testing.F) {
	f.Add(`{"reservation":1,"action":"reserve","by":"patron","on":"2026-11-19","to":"waiting","place":{"method":"prefectural_library"}}`)
	f.Add(`{"reservation":2,"action":"change_place","by":"staff","on":"2026-11-19","from":"ready","to":"secured","place":{"method":"partner_library","library":"江別"}}`)
	f.Add(`{"reservation":3,"action":"collect","on":"2026-11-19","from":"in_transit","to":"collected","place":{"method":"home_delivery"}}`)
	f.Add(`{}`)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, s string) {
		var tr Transition
		if err := json.Unmarshal([]byte(s), &tr); err != nil {
			return
		}
		if err := tr.Validate(); err != nil {
			t.Fatalf("accepted an invalid transition %+v: %v", tr, err)
		}
		b, err := json.Marshal(tr)
		if err != nil {
			t.Fatalf("cannot encode accepted %+v: %v", tr, err)
		}
		var back Transition
		if err := json.Unmarshal(b, &back); err != nil || back != tr {
			t.Fatalf("round trip of %s: %+v, %v", b, back, err)
		}
	})
}

// FuzzPolicyJSON checks that decoding never panics and that every
// accepted Policy is valid and round-trips.
func FuzzPolicyJSON(f *testing.F) {
	b, err := json.Marshal(DefaultPolicy())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add(`{"shelf_days":7,"shelf_start":"day_after_first_collectable_day"}`)
	f.Add(`{"shelf_dayz":7}`)
	f.Add(`{"circulation":{"due_on_closed_day":"next_open_day"}}`)
	f.Fuzz(func(t *testing.T, s string) {
		p := DefaultPolicy()
		if err := json.Unmarshal([]byte(s), &p); err != nil {
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("accepted an invalid policy %+v: %v", p, err)
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("cannot encode accepted %+v: %v", p, err)
		}
		var back Policy
		if err := json.Unmarshal(b, &back); err != nil || back != p {
			t.Fatalf("round trip of %s: %+v, %v", b, back, err)
		}
	})
}

// TestStepGivesValidTransitions: every Transition Step builds passes
// Validate, so that it decodes back.
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
			tr, err := before.Step(r, ByStaff, d)
			if err != nil {
				continue
			}
			assert.NoError(t, tr.Validate(), "%v → %v", before.State, s)
		}
	}
}

// prevState is the state before s on the usual way to place.
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
