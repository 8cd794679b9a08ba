package store

import (
	"context"
	"flag"
	"strconv"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/examples/server/internal/pgtest"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/ruletest"
)

// storeDesk drives a Store as the test kit drives a desk: every request
// is one transaction on the rows it reads, no desk living between
// requests, and every read comes from the database.
type storeDesk struct {
	s *Store
}

var _ ruletest.ReservationDesk = storeDesk{}

func (d storeDesk) Do(r holds.Request) (holds.Change, error) {
	reply, err := d.s.Change(context.Background(), r, "", renderJSON)
	if err != nil {
		panic(err) // a storage failure, not an answer
	}
	return reply.Result.Change, reply.Result.Err
}

func (d storeDesk) ExpireDue(today calendar.Date) (holds.Change, error) {
	daily, err := d.s.Daily(context.Background(), today)
	return holds.Change{Reservations: daily.Expired, Transitions: daily.Transitions}, err
}

func (d storeDesk) All() []holds.Reservation {
	return must(all(context.Background(), d.s))
}

func (d storeDesk) Queue(item string) []holds.Reservation {
	return reservations(must(d.s.Queue(context.Background(), item)))
}

func (d storeDesk) Position(id uint64) int {
	e, _, err := d.s.Reservation(context.Background(), id)
	if err != nil {
		return 0
	}
	return e.Position
}

func (d storeDesk) Active(patron string) int {
	return len(must(d.s.PatronReservations(context.Background(), patron)))
}

func (d storeDesk) Reservations(patron string) []holds.Reservation {
	return reservations(must(d.s.PatronReservations(context.Background(), patron)))
}

// must panics on a storage failure.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// reservations returns the reservations of entries.
func reservations(es []Entry) []holds.Reservation {
	var out []holds.Reservation
	for _, e := range es {
		out = append(out, e.Reservation)
	}
	return out
}

// empty deletes every reservation, transition and key of s.
func empty(ctx context.Context, s *Store) error {
	for _, table := range []string{"reservations", "transitions", "idempotency_keys"} {
		if _, err := s.w.ExecContext(ctx, "DELETE FROM "+table); err != nil {
			return err
		}
	}
	reset := "UPDATE reservation_ids SET last = 0"
	if s.Driver() == "postgres" {
		reset = "ALTER SEQUENCE reservation_ids RESTART"
	}
	_, err := s.w.ExecContext(ctx, reset)
	return err
}

// TestStoreAgainstTheKitsModel runs the test kit's desk property
// (random checkouts, securing, shipping, collecting, expiring,
// cancelling and changes of place, the day moving on, a rebuild) against
// the store: a desk built for each request from the rows it reads gives
// the answers and stores the reservations the model and the in-memory
// desk do.
func TestStoreAgainstTheKitsModel(t *testing.T) {
	sqliteCases, postgresCases := 100, 40
	if raceDetector {
		sqliteCases, postgresCases = 30, 15
	}
	t.Run("sqlite", func(t *testing.T) {
		defer rapidChecks(sqliteCases)()
		// The model is about answers, not durability: commits need not
		// wait for the disk.
		sqliteSynchronous = "OFF"
		defer func() { sqliteSynchronous = "FULL" }()
		ruletest.CheckDesk(t, reopen(openSQLiteTest(t, lib)))
	})
	// The same store code on PostgreSQL's dialect (its locks, its
	// sequence): fewer cases, as each costs round trips to the server;
	// the model is about answers, not durability.
	t.Run("postgres", func(t *testing.T) {
		defer rapidChecks(postgresCases)()
		ruletest.CheckDesk(t, reopen(openPostgresURL(t, pgtest.Database(t)+"&synchronous_commit=off")))
	})
}

// reopen returns the kit's open over the database of base: emptied, then
// holding stored, decided under r.
func reopen(base *Store) func(r holds.Rules, stored []holds.Reservation) (ruletest.ReservationDesk, error) {
	return func(r holds.Rules, stored []holds.Reservation) (ruletest.ReservationDesk, error) {
		s := &Store{rules: r, d: base.d, w: base.w, r: base.r}
		if err := empty(context.Background(), s); err != nil {
			return nil, err
		}
		return storeDesk{s}, s.Import(context.Background(), stored)
	}
}

// rapidChecks sets rapid's number of cases to n, unless the command line
// set it (-rapid.checks), and returns the function that restores it.
func rapidChecks(n int) func() {
	fl := flag.Lookup("rapid.checks")
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "rapid.checks" })
	if fl == nil || set {
		return func() {}
	}
	old := fl.Value.String()
	_ = fl.Value.Set(strconv.Itoa(n))
	return func() { _ = fl.Value.Set(old) }
}
