package main

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"sync"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/examples/server/store"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
)

// memStore is a reservationStore in memory, for the handlers' tests: one
// desk under a lock plays the database, each Change one "transaction",
// with store.Store's contract (the answer recorded under the key and
// replayed, refusals included; the audit trail; the notices of a day).
// The store's own tests prove the databases keep it. fail, when set,
// makes every call fail as a database that is down.
type memStore struct {
	mu    sync.Mutex
	lib   *library.Library
	desk  *holds.Desk
	trail map[uint64][]holds.Transition
	keys  map[string]keyed
	fail  error
}

// keyed is the first answer given under an idempotency key.
type keyed struct {
	request [sha256.Size]byte
	status  int
	body    []byte
}

// newMemStore returns an empty store under the rules of lib.
func newMemStore(lib *library.Library) *memStore {
	desk, err := lib.NewDesk(nil)
	if err != nil {
		panic(err)
	}
	return &memStore{lib: lib, desk: desk, trail: map[uint64][]holds.Transition{}, keys: map[string]keyed{}}
}

func (m *memStore) Change(_ context.Context, req holds.Request, key string, render store.Render) (store.Reply, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return store.Reply{}, m.fail
	}
	b, err := json.Marshal(req)
	if err != nil {
		return store.Reply{}, err
	}
	hash := sha256.Sum256(b)
	if k, ok := m.keys[key]; ok && key != "" {
		if k.request != hash {
			return store.Reply{}, store.ErrKeyReused
		}
		return store.Reply{Status: k.status, Body: k.body, Replayed: true}, nil
	}
	res := store.Result{Request: req}
	res.Change, res.Err = m.desk.Do(req)
	for _, r := range res.Change.Reservations {
		res.Positions = append(res.Positions, m.desk.Position(r.ID))
	}
	m.record(res.Change.Transitions)
	status, body := render(res)
	if key != "" {
		m.keys[key] = keyed{request: hash, status: status, body: body}
	}
	return store.Reply{Status: status, Body: body, Result: res}, nil
}

// record appends transitions to the audit trail.
func (m *memStore) record(ts []holds.Transition) {
	for _, t := range ts {
		m.trail[t.Reservation] = append(m.trail[t.Reservation], t)
	}
}

func (m *memStore) Daily(_ context.Context, day calendar.Date) (store.Daily, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return store.Daily{}, m.fail
	}
	ch, err := m.desk.ExpireDue(day)
	m.record(ch.Transitions)
	d := store.Daily{Day: day, Expired: ch.Reservations, Transitions: ch.Transitions}
	var held, expired []store.Notice
	for _, r := range m.desk.All() {
		switch {
		case r.State == holds.Secured && r.SecuredOn == day:
			d.Notices = append(d.Notices, store.Notice{Kind: store.NoticeSecured, Reservation: r})
		case r.State == holds.Secured && m.heldBack(r, day):
			held = append(held, store.Notice{Kind: store.NoticeHeldBack, Reservation: r})
		case r.State == holds.Expired && r.EndedOn == day:
			expired = append(expired, store.Notice{Kind: store.NoticeExpired, Reservation: r})
		}
	}
	d.Notices = append(append(d.Notices, held...), expired...)
	return d, err
}

// heldBack reports whether r, secured for a partner library or home,
// should have left before day (its timeline at no loan) and has not.
func (m *memStore) heldBack(r holds.Reservation, day calendar.Date) bool {
	if r.Place.Method != circulation.PartnerLibrary && r.Place.Method != circulation.HomeDelivery {
		return false
	}
	t, err := m.lib.Timeline(r, 0)
	return err == nil && !t.Sent.IsZero() && t.Sent.Before(day)
}

func (m *memStore) PatronReservations(_ context.Context, patron string) ([]store.Entry, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return nil, m.fail
	}
	return m.positions(m.desk.Reservations(patron)), nil
}

func (m *memStore) Queue(_ context.Context, item string) ([]store.Entry, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return nil, m.fail
	}
	return m.positions(m.desk.Queue(item)), nil
}

// positions returns rs with their queue positions.
func (m *memStore) positions(rs []holds.Reservation) []store.Entry {
	out := make([]store.Entry, len(rs))
	for i, r := range rs {
		out[i] = store.Entry{Reservation: r, Position: m.desk.Position(r.ID)}
	}
	return out
}

func (m *memStore) Reservation(_ context.Context, id uint64) (store.Entry, []holds.Transition, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return store.Entry{}, nil, m.fail
	}
	r, ok := m.desk.Get(id)
	if !ok {
		return store.Entry{}, nil, store.ErrNotFound
	}
	return store.Entry{Reservation: r, Position: m.desk.Position(id)}, append([]holds.Transition(nil), m.trail[id]...), nil
}

func (m *memStore) Ping(context.Context) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.fail
}
