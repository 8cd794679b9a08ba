package holds

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReservationJSON(t *testing.T) {
	r := reach(t, atEbetsu, Ready)
	r.Group, r.Order = 1, 1
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"id": 1, "patron": "0000000001", "item": "B1",
		"place": {"method": "partner_library", "library": "江別市情報図書館"},
		"group": 1, "order": 1, "state": "ready",
		"placed_on": "2026-11-16", "secured_on": "2026-11-17", "shipped_on": "2026-11-18",
		"ready_on": "2026-11-19", "deadline": "2026-12-01"}`, string(b))
	var back Reservation
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, r, back)

	for _, s := range []State{Waiting, Secured, InTransit, Ready, Collected, Expired, Cancelled} {
		place := atAssembly
		r := reach(t, place, s)
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var back Reservation
		require.NoError(t, json.Unmarshal(b, &back), string(b))
		assert.Equal(t, r, back)
	}
}

func TestReservationJSONRefused(t *testing.T) {
	for _, tt := range []struct{ name, json string }{
		{"unknown state", `{"id":1,"patron":"p","item":"i","place":{"method":"home_delivery"},"state":"lost","placed_on":"2026-11-16"}`},
		{"no ID", `{"patron":"p","item":"i","place":{"method":"home_delivery"},"state":"waiting","placed_on":"2026-11-16"}`},
		{"no patron", `{"id":1,"item":"i","place":{"method":"home_delivery"},"state":"waiting","placed_on":"2026-11-16"}`},
		{"no item", `{"id":1,"patron":"p","place":{"method":"home_delivery"},"state":"waiting","placed_on":"2026-11-16"}`},
		{"no place", `{"id":1,"patron":"p","item":"i","state":"waiting","placed_on":"2026-11-16"}`},
		{"no day placed", `{"id":1,"patron":"p","item":"i","place":{"method":"home_delivery"},"state":"waiting"}`},
		{"secured without the day", `{"id":1,"patron":"p","item":"i","place":{"method":"home_delivery"},"state":"secured","placed_on":"2026-11-16"}`},
		{"waiting with a secured day", `{"id":1,"patron":"p","item":"i","place":{"method":"home_delivery"},"state":"waiting","placed_on":"2026-11-16","secured_on":"2026-11-17"}`},
		{"days backwards", `{"id":1,"patron":"p","item":"i","place":{"method":"home_delivery"},"state":"secured","placed_on":"2026-11-16","secured_on":"2026-11-15"}`},
		{"R-HD2 home delivery on a hold shelf", `{"id":1,"patron":"p","item":"i","place":{"method":"home_delivery"},"state":"ready","placed_on":"2026-11-16","secured_on":"2026-11-17","shipped_on":"2026-11-18","ready_on":"2026-11-19","deadline":"2026-12-01"}`},
		{"R-PL1 Prefectural Library in transit", `{"id":1,"patron":"p","item":"i","place":{"method":"prefectural_library"},"state":"in_transit","placed_on":"2026-11-16","secured_on":"2026-11-17","shipped_on":"2026-11-18"}`},
		{"R-PT2 ready at a partner without shipping", `{"id":1,"patron":"p","item":"i","place":{"method":"partner_library","library":"x"},"state":"ready","placed_on":"2026-11-16","secured_on":"2026-11-17","ready_on":"2026-11-19","deadline":"2026-12-01"}`},
		{"H4 expired on the deadline", `{"id":1,"patron":"p","item":"i","place":{"method":"prefectural_library"},"state":"expired","placed_on":"2026-11-16","secured_on":"2026-11-17","ready_on":"2026-11-19","deadline":"2026-12-01","ended_on":"2026-12-01"}`},
		{"ready without a deadline", `{"id":1,"patron":"p","item":"i","place":{"method":"prefectural_library"},"state":"ready","placed_on":"2026-11-16","secured_on":"2026-11-17","ready_on":"2026-11-19"}`},
		{"cancelled by nobody", `{"id":1,"patron":"p","item":"i","place":{"method":"prefectural_library"},"state":"cancelled","placed_on":"2026-11-16","ended_on":"2026-11-19"}`},
		{"cancelled_by on an active one", `{"id":1,"patron":"p","item":"i","place":{"method":"prefectural_library"},"state":"waiting","placed_on":"2026-11-16","cancelled_by":"staff"}`},
		{"order without a group", `{"id":1,"patron":"p","item":"i","place":{"method":"prefectural_library"},"state":"waiting","placed_on":"2026-11-16","order":2}`},
		{"group after the reservation", `{"id":1,"patron":"p","item":"i","place":{"method":"prefectural_library"},"state":"waiting","placed_on":"2026-11-16","group":5,"order":2}`},
		{"unknown collection", `{"id":1,"patron":"p","item":"i","place":{"method":"prefectural_library"},"collection":"rare","state":"waiting","placed_on":"2026-11-16"}`},
		{"not an object", `[1]`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var r Reservation
			assert.Error(t, json.Unmarshal([]byte(tt.json), &r))
		})
	}
}

// FuzzReservationJSON checks that decoding never panics and that every
// accepted reservation is valid and encodes back to itself.
func FuzzReservationJSON(f *testing.F) {
	f.Add(`{"id":1,"patron":"p","item":"i","place":{"method":"home_delivery"},"state":"waiting","placed_on":"2026-11-16"}`)
	f.Add(`{"id":3,"patron":"p","item":"i","place":{"method":"partner_library","library":"江別"},"group":2,"order":2,"state":"ready","placed_on":"2026-11-16","secured_on":"2026-11-17","shipped_on":"2026-11-20","ready_on":"2026-11-22","deadline":"2026-12-04"}`)
	f.Add(`{"id":9,"patron":"p","item":"i","place":{"method":"home_delivery"},"state":"collected","placed_on":"2026-11-16","secured_on":"2026-11-17","shipped_on":"2026-11-18","collected_on":"2026-11-20"}`)
	f.Add(`{"id":4,"patron":"p","item":"i","place":{"method":"assembly_library"},"collection":"hokkaido","state":"cancelled","placed_on":"2026-11-16","secured_on":"2026-11-17","ended_on":"2026-11-18","cancelled_by":"patron"}`)
	f.Add(`{"id":5,"patron":"p","item":"i","place":{"method":"prefectural_library"},"state":"expired","placed_on":"2026-11-16","secured_on":"2026-11-17","ready_on":"2026-11-18","deadline":"2026-12-01","ended_on":"2026-12-02"}`)
	f.Add(`{"state":"in_transit"}`)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, s string) { checkJSON(t, s, Reservation{}) })
}

func TestReservationJSONRefusesUnknownKeys(t *testing.T) {
	var r Reservation
	err := json.Unmarshal([]byte(`{"id":1,"patron":"p","item":"i","place":{"method":"home_delivery"},"state":"waiting","placed_on":"2026-11-16","securd":"2026-11-17"}`), &r)
	assert.ErrorContains(t, err, "securd")
}

func FuzzTransitionJSON(f *testing.F) {
	f.Add(`{"reservation":1,"action":"reserve","by":"patron","on":"2026-11-19","to":"waiting","place":{"method":"prefectural_library"}}`)
	f.Add(`{"reservation":2,"action":"change_place","by":"staff","on":"2026-11-19","from":"ready","to":"secured","place":{"method":"partner_library","library":"江別"}}`)
	f.Add(`{"reservation":3,"action":"collect","on":"2026-11-19","from":"in_transit","to":"collected","place":{"method":"home_delivery"}}`)
	f.Add(`{"reservation":4,"action":"cancel","by":"staff","on":"2026-11-19","from":"ready","to":"cancelled","place":{"method":"prefectural_library"},"override":{"staff":"s.tanaka","codes":["change.needs_staff"],"note":"telephoned"}}`)
	f.Add(`{"reservation":5,"action":"cancel","by":"patron","on":"2026-11-19","from":"waiting","to":"cancelled","place":{"method":"home_delivery"},"override":{"staff":"x","codes":["no.such"]}}`)
	f.Add(`{}`)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, s string) { checkJSON(t, s, Transition{}) })
}

// checkJSON is the law of every JSON decoder of the package: decoding s
// onto start never panics, and a value it accepts is valid and encodes
// back to itself.
func checkJSON[T interface {
	comparable
	Validate() error
}](t *testing.T, s string, start T) {
	v := start
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return
	}
	if err := v.Validate(); err != nil {
		t.Fatalf("accepted an invalid %T %+v: %v", v, v, err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("cannot encode accepted %+v: %v", v, err)
	}
	var back T
	if err := json.Unmarshal(b, &back); err != nil || back != v {
		t.Fatalf("round trip of %s: %+v, %v", b, back, err)
	}
}
