package main

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"slices"
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
	// closures are the closures applied, in order (ApplyClosure), and
	// closed is lib with them; marks are the reservations' marks.
	closures []memClosure
	closed   *library.Library
	marks    map[uint64]library.Mark
}

// memClosure is a closure applied: the place's ID (or "courier") and
// the closure.
type memClosure struct {
	place string
	c     calendar.Closure
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
	return &memStore{lib: lib, closed: lib, desk: desk, trail: map[uint64][]holds.Transition{}, keys: map[string]keyed{},
		marks: map[uint64]library.Mark{}}
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
	if reply, ok, err := m.replay(key, hash); ok || err != nil {
		return reply, err
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

// replay returns the answer recorded under key, if any: ok when the key
// was used for the request of hash, store.ErrKeyReused for another.
func (m *memStore) replay(key string, hash [sha256.Size]byte) (store.Reply, bool, error) {
	k, ok := m.keys[key]
	switch {
	case !ok || key == "":
		return store.Reply{}, false, nil
	case k.request != hash:
		return store.Reply{}, false, store.ErrKeyReused
	}
	return store.Reply{Status: k.status, Body: k.body, Replayed: true}, true, nil
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
	t, err := m.closed.Timeline(r, 0)
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

func (m *memStore) Library(context.Context) *library.Library {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.closed
}

// ApplyClosure is store.Store.ApplyClosure on the desk: the closure kept
// once, the reservations it moves changed, marked, and the desk built
// again under the configuration with the closure.
func (m *memStore) ApplyClosure(_ context.Context, req store.ClosureRequest, key string, render store.ClosureRender) (store.Reply, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return store.Reply{}, m.fail
	}
	place, err := store.CheckClosure(m.lib, req)
	if err != nil {
		return store.Reply{}, err
	}
	b, err := json.Marshal(req)
	if err != nil {
		return store.Reply{}, err
	}
	hash := sha256.Sum256(append([]byte("closure\n"), b...))
	if reply, ok, err := m.replay(key, hash); ok || err != nil {
		return reply, err
	}
	res, err := m.applyClosure(place, req)
	if err != nil {
		return store.Reply{}, err
	}
	status, body := render(res)
	if key != "" {
		m.keys[key] = keyed{request: hash, status: status, body: body}
	}
	return store.Reply{Status: status, Body: body}, nil
}

// applyClosure applies req to place and keeps what it changed.
func (m *memStore) applyClosure(place string, req store.ClosureRequest) (store.ClosureResult, error) {
	c := req.Closure
	at := slices.IndexFunc(m.closures, func(k memClosure) bool { return k.place == place && k.c.From == c.From && k.c.To == c.To })
	res := store.ClosureResult{Request: req, Added: at < 0, Library: m.closed}
	prev := m.closed
	var (
		rs  []library.ReservationRecord
		err error
	)
	if res.Added {
		next, err := m.closed.WithClosure(place, c)
		if err != nil {
			return res, err
		}
		res.Library = next
		for _, r := range m.desk.All() {
			if r.State == holds.Ready && !r.Deadline.Before(c.From) ||
				(r.State == holds.Secured || r.State == holds.InTransit) && !r.SecuredOn.After(c.To) {
				rs = append(rs, library.ReservationRecord{Reservation: r, Mark: m.marks[r.ID]})
			}
		}
	} else if prev, err = m.without(at); err != nil {
		return res, err
	}
	ch, err := prev.Closing(place, c)
	if err == nil {
		res.Applied, err = prev.Apply(ch, req.Loans, rs, req.Options)
	}
	if err != nil || !res.Added {
		return res, err
	}
	return res, m.keep(place, c, res)
}

// Closures returns the closures applied, numbered from 1.
func (m *memStore) Closures(context.Context) ([]store.StoredClosure, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return nil, m.fail
	}
	out := make([]store.StoredClosure, len(m.closures))
	for i, k := range m.closures {
		out[i] = store.StoredClosure{ID: int64(i + 1), Place: k.place, Closure: k.c}
	}
	return out, nil
}

// without returns the configuration with every closure applied but the
// one at index at.
func (m *memStore) without(at int) (*library.Library, error) {
	var cs []library.Closed
	for i, k := range m.closures {
		if i != at {
			cs = append(cs, library.Closed{Place: k.place, Closure: k.c})
		}
	}
	return m.lib.WithClosures(cs...)
}

// keep keeps the closure and the reservations res changed, and builds
// the desk again under the configuration with the closure.
func (m *memStore) keep(place string, c calendar.Closure, res store.ClosureResult) error {
	changed := map[uint64]holds.Reservation{}
	for _, a := range res.Applied.Reservations {
		changed[a.Record.Reservation.ID] = a.Record.Reservation
		m.marks[a.Record.Reservation.ID] = a.Record.Mark
	}
	all := m.desk.All()
	for i, r := range all {
		if n, ok := changed[r.ID]; ok {
			all[i] = n
		}
	}
	desk, err := holds.NewDesk(res.Library, all)
	if err != nil {
		return err
	}
	m.desk, m.closed = desk, res.Library
	m.closures = append(m.closures, memClosure{place: place, c: c})
	return nil
}
