package store

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/examples/server/internal/pgtest"
	"github.com/kashidashi/kashidashi/holds"
)

// hot is the traffic of the two-instance test, and what it was told.
type hot struct {
	mu        sync.Mutex
	placed    map[uint64]string // granted checkouts: ID → patron
	cancelled map[uint64]bool   // granted cancels
	secured   []uint64          // reservation secured by each granted SecureNext
}

// Sizes of the two-instance test: bounded in count, not in time.
const (
	hotPatrons = 40 // each checks out, maybe cancels, up to 3 times
	hotSecures = 30 // SecureNext calls per instance
)

// TestTwoInstancesOnOneHotItem runs two stores on one database, as two
// instances of the service, with concurrent checkouts, cancels and
// SecureNext on one item, every request retried on the other instance
// under its key: the retry gets the first answer; the queue holds one
// reservation per patron, positions 1..n in ID order; no copy is
// secured twice (each granted SecureNext secured a different
// reservation, and each reservation has at most one secure step); every
// answer given is what is stored, and every reservation's state is the
// last step of its audit trail. PostgreSQL is the one that serves
// several instances; SQLite is run too (two writers on one file take
// turns).
func TestTwoInstancesOnOneHotItem(t *testing.T) {
	t.Run("postgres", func(t *testing.T) {
		url := pgtest.Database(t)
		hotItem(t, openPostgresURL(t, url), openPostgresURL(t, url))
	})
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "k.db")
		a := openSQLiteTest(t, lib)
		a.Close()
		open := func() *Store {
			s, err := Open(context.Background(), path, lib)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		}
		hotItem(t, open(), open())
	})
}

// hotItem runs the traffic on the two stores and checks the invariants.
func hotItem(t *testing.T, a, b *Store) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	stores := [2]*Store{a, b}
	h := &hot{placed: map[uint64]string{}, cancelled: map[uint64]bool{}}
	var wg sync.WaitGroup
	errs := make(chan error, hotPatrons+2)
	for i := range hotPatrons {
		wg.Go(func() { errs <- h.patron(ctx, stores, i) })
	}
	for i := range stores {
		wg.Go(func() { errs <- h.secureNext(ctx, stores, i) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := h.check(ctx, a); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d checkouts, %d cancels, %d secured", len(h.placed), len(h.cancelled), len(h.secured))
}

// ask sends req under key to one store and its retry to the other, and
// returns the answer after checking that the retry got it too.
func ask(ctx context.Context, stores [2]*Store, first int, req holds.Request, key string) (Reply, error) {
	r, err := stores[first].Change(ctx, req, key, renderJSON)
	if err != nil {
		return r, err
	}
	again, err := stores[1-first].Change(ctx, req, key, renderJSON)
	if err != nil {
		return r, err
	}
	if !again.Replayed || again.Status != r.Status || !bytes.Equal(again.Body, r.Body) {
		return r, fmt.Errorf("retry of %s on the other instance answered %d %s, first %d %s", key, again.Status, again.Body, r.Status, r.Body)
	}
	return r, nil
}

// patron checks the hot item out up to three times, cancelling between
// while it may.
func (h *hot) patron(ctx context.Context, stores [2]*Store, i int) error {
	patron := fmt.Sprintf("p%02d", i)
	for round := range 3 {
		r, err := ask(ctx, stores, (i+round)%2, checkoutOf(patron, day(2), "hot"), fmt.Sprintf("%s-checkout-%d", patron, round))
		if err != nil || r.Status != 201 {
			return fmt.Errorf("%s's checkout: %v %d %s", patron, err, r.Status, r.Body)
		}
		id := r.Result.Change.Reservations[0].ID
		h.mu.Lock()
		h.placed[id] = patron
		h.mu.Unlock()
		if round == 2 || rand.IntN(3) == 0 {
			return nil
		}
		req := holds.Request{Action: holds.ActionCancel, ID: id, By: holds.ByPatron, Today: day(2)}
		r, err = ask(ctx, stores, (i+round+1)%2, req, fmt.Sprintf("%s-cancel-%d", patron, round))
		switch {
		case err != nil:
			return err
		case r.Status == 422: // secured meanwhile: only staff may cancel it now
			return nil
		case r.Status != 200:
			return fmt.Errorf("%s's cancel: %d %s", patron, r.Status, r.Body)
		}
		h.mu.Lock()
		h.cancelled[id] = true
		h.mu.Unlock()
	}
	return nil
}

// secureNext secures the next in line, hotSecures times, on store i.
func (h *hot) secureNext(ctx context.Context, stores [2]*Store, i int) error {
	for n := range hotSecures {
		req := holds.Request{Action: holds.ActionSecure, Item: "hot", Today: day(2)}
		r, err := ask(ctx, stores, i, req, fmt.Sprintf("secure-%d-%d", i, n))
		switch {
		case err != nil:
			return err
		case r.Status == 422: // nobody waiting, now
		case r.Status == 200:
			h.mu.Lock()
			h.secured = append(h.secured, r.Result.Change.Reservations[0].ID)
			h.mu.Unlock()
		default:
			return fmt.Errorf("secure: %d %s", r.Status, r.Body)
		}
		time.Sleep(time.Duration(rand.IntN(2000)) * time.Microsecond)
	}
	return nil
}

// check checks the invariants of the hot item's reservations as stored.
func (h *hot) check(ctx context.Context, s *Store) error {
	if _, err := checkQueue(ctx, s, "hot"); err != nil {
		return err
	}
	secured := make(map[uint64]bool)
	for _, id := range h.secured {
		if secured[id] {
			return fmt.Errorf("reservation %d secured twice", id)
		}
		secured[id] = true
	}
	stored, err := all(ctx, s)
	if err != nil {
		return err
	}
	if len(stored) != len(h.placed) {
		return fmt.Errorf("%d reservations stored, %d checkouts granted", len(stored), len(h.placed))
	}
	for _, r := range stored {
		if err := h.checkOne(ctx, s, r, secured[r.ID]); err != nil {
			return err
		}
	}
	return nil
}

// checkOne checks one stored reservation against the answers given and
// its audit trail.
func (h *hot) checkOne(ctx context.Context, s *Store, r holds.Reservation, secured bool) error {
	if h.placed[r.ID] != r.Patron {
		return fmt.Errorf("reservation %d of %s stored, the checkout answered %q", r.ID, r.Patron, h.placed[r.ID])
	}
	if h.cancelled[r.ID] != (r.State == holds.Cancelled) {
		return fmt.Errorf("reservation %d is %s; a cancel was granted: %v", r.ID, r.State, h.cancelled[r.ID])
	}
	_, trail, err := s.Reservation(ctx, r.ID)
	if err != nil {
		return err
	}
	secures := 0
	for _, tr := range trail {
		if tr.Action == holds.ActionSecure {
			secures++
		}
	}
	if want := map[bool]int{true: 1, false: 0}[secured]; secures != want {
		return fmt.Errorf("reservation %d has %d secure steps; SecureNext answered it %d times", r.ID, secures, want)
	}
	if len(trail) == 0 || trail[len(trail)-1].To != r.State {
		return fmt.Errorf("reservation %d is %s; its audit trail %+v", r.ID, r.State, trail)
	}
	return nil
}
