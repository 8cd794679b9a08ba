package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/examples/server/internal/pgtest"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/reason"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.StopShared()
	if crashRemove != nil {
		crashRemove()
	}
	os.Exit(code)
}

// opener opens a fresh, empty store under rules.
type opener func(t testing.TB, rules holds.Rules) *Store

// drivers are the two databases every store test runs on.
var drivers = []struct {
	name string
	open opener
}{
	{"sqlite", openSQLiteTest},
	{"postgres", openPostgresTest},
}

// openSQLiteTest opens a store on a new SQLite file.
func openSQLiteTest(t testing.TB, rules holds.Rules) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "kashidashi.db"), rules)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// openPostgresTest opens a store on a new PostgreSQL database.
func openPostgresTest(t testing.TB, rules holds.Rules) *Store {
	t.Helper()
	s, err := Open(context.Background(), pgtest.Database(t), rules)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// day is a date of November 2026.
func day(d int) calendar.Date { return calendar.NewDate(2026, 11, d) }

// checkoutOf is patron's checkout of items, normally, at the
// Prefectural Library, on today.
func checkoutOf(patron string, today calendar.Date, items ...string) holds.Request {
	c := holds.Cart{Patron: patron, Place: circulation.Place{Method: circulation.PrefecturalLibrary}, Ordering: holds.Normal}
	for _, it := range items {
		c.Items = append(c.Items, circulation.Item{ID: it, Status: circulation.OnLoan})
	}
	return holds.Request{Action: holds.ActionReserve, Cart: c, Today: today}
}

// answer is the body renderJSON writes.
type answer struct {
	Reservations []holds.Reservation  `json:"reservations,omitempty"`
	Transitions  []holds.Transition   `json:"transitions,omitempty"`
	Positions    []int                `json:"positions,omitempty"`
	Loan         *circulation.Loan    `json:"loan,omitempty"`
	Override     circulation.Override `json:"override,omitzero"`
	Error        string               `json:"error,omitempty"`
}

// renderJSON is a Render for the tests: 201 for a checkout, 200 for
// another change, 422 for a refusal, 400 for bad input.
func renderJSON(r Result) (int, []byte) {
	var status int
	a := answer{Reservations: r.Change.Reservations, Transitions: r.Change.Transitions, Positions: r.Positions, Override: r.Change.Override}
	if r.Change.Loan != (circulation.Loan{}) {
		a.Loan = &r.Change.Loan
	}
	var refusal *reason.Refusal
	switch {
	case errors.As(r.Err, &refusal):
		status, a.Error = 422, r.Err.Error()
	case r.Err != nil:
		status, a.Error = 400, r.Err.Error()
	case r.Request.Action == holds.ActionReserve:
		status = 201
	default:
		status = 200
	}
	b, err := json.Marshal(a)
	if err != nil {
		panic(err)
	}
	return status, b
}

// mustChange runs a change and fails the test on a storage error.
func mustChange(t testing.TB, s *Store, req holds.Request, key string) Reply {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := s.Change(ctx, req, key, renderJSON)
	if err != nil {
		t.Fatalf("Change(%s): %v", req.Action, err)
	}
	return r
}

// count returns the rows of table.
func count(t testing.TB, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.r.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// all returns every stored reservation, in ID order.
func all(ctx context.Context, s *Store) ([]holds.Reservation, error) {
	return selectReservations(ctx, s.r, "SELECT data FROM reservations ORDER BY id")
}

// checkQueue checks the invariants of item's queue: one active
// reservation per patron, positions 1..n in ID order.
func checkQueue(ctx context.Context, s *Store, item string) ([]Entry, error) {
	q, err := s.Queue(ctx, item)
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool)
	for i, e := range q {
		if seen[e.Reservation.Patron] {
			return q, fmt.Errorf("patron %s twice in the queue of %s", e.Reservation.Patron, item)
		}
		seen[e.Reservation.Patron] = true
		if i > 0 && q[i-1].Reservation.ID >= e.Reservation.ID {
			return q, fmt.Errorf("queue of %s not in ID order at %d", item, i)
		}
		one, _, err := s.Reservation(ctx, e.Reservation.ID)
		if err != nil {
			return q, err
		}
		if one.Position != i+1 {
			return q, fmt.Errorf("reservation %d at index %d has position %d", e.Reservation.ID, i, one.Position)
		}
	}
	return q, nil
}

// lib is the published configuration.
var lib = library.Default()
