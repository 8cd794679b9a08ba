package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/examples/server/internal/pgtest"
	"github.com/kashidashi/kashidashi/holds"
)

func TestOpenAppliesMigrationsOnce(t *testing.T) {
	for _, d := range drivers {
		t.Run(d.name, func(t *testing.T) {
			s := d.open(t, lib)
			if got := count(t, s, "schema_migrations"); got != Version() || got < 1 {
				t.Fatalf("schema_migrations has %d rows, want %d", got, Version())
			}
			if err := s.migrate(context.Background()); err != nil {
				t.Fatalf("migrating again: %v", err)
			}
			if got := count(t, s, "schema_migrations"); got != Version() {
				t.Fatalf("after a second migration, schema_migrations has %d rows, want %d", got, Version())
			}
		})
	}
}

func TestMigrationsOfBothDatabasesAgree(t *testing.T) {
	lite, err1 := migrations("sqlite")
	pg, err2 := migrations("postgres")
	if err1 != nil || err2 != nil || len(lite) != len(pg) {
		t.Fatalf("sqlite: %d migrations (%v), postgres: %d (%v)", len(lite), err1, len(pg), err2)
	}
	for i := range lite {
		if lite[i].name != pg[i].name {
			t.Fatalf("migration %d is %s on SQLite, %s on PostgreSQL", i+1, lite[i].name, pg[i].name)
		}
	}
}

func TestOpenRefusesANewerSchema(t *testing.T) {
	s := openSQLiteTest(t, lib)
	if _, err := s.w.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, 'future', 'now')", Version()+1); err != nil {
		t.Fatal(err)
	}
	if err := s.migrate(context.Background()); err == nil {
		t.Fatal("a database at a newer schema version was accepted")
	}
}

func TestOpenConcurrentlyOnOnePostgresDatabase(t *testing.T) {
	url := pgtest.Database(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			s, err := Open(context.Background(), url, lib)
			if err == nil {
				err = s.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	s := openPostgresURL(t, url)
	if got := count(t, s, "schema_migrations"); got != Version() {
		t.Fatalf("schema_migrations has %d rows, want %d", got, Version())
	}
}

// openPostgresURL opens a store on an existing database.
func openPostgresURL(t testing.TB, url string) *Store {
	t.Helper()
	s, err := Open(context.Background(), url, lib)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestCheckoutsQueueAndAuditTrail(t *testing.T) {
	for _, d := range drivers {
		t.Run(d.name, func(t *testing.T) {
			ctx := context.Background()
			s := d.open(t, lib)
			first := mustChange(t, s, checkoutOf("p1", day(2), "b1", "b2"), "")
			second := mustChange(t, s, checkoutOf("p2", day(2), "b1"), "")
			if first.Status != 201 || second.Status != 201 {
				t.Fatalf("statuses %d %d, want 201: %s %s", first.Status, second.Status, first.Body, second.Body)
			}
			if got := second.Result.Positions; len(got) != 1 || got[0] != 2 {
				t.Fatalf("second patron's position %v, want [2]", got)
			}
			q, err := checkQueue(ctx, s, "b1")
			if err != nil {
				t.Fatal(err)
			}
			if len(q) != 2 || q[0].Reservation.Patron != "p1" || q[1].Reservation.Patron != "p2" {
				t.Fatalf("queue of b1: %+v", q)
			}
			mine, err := s.PatronReservations(ctx, "p1")
			if err != nil || len(mine) != 2 || mine[0].Position != 1 || mine[1].Position != 1 {
				t.Fatalf("p1's reservations %+v, %v", mine, err)
			}
			id := q[0].Reservation.ID
			secured := mustChange(t, s, holds.Request{Action: holds.ActionSecure, Item: "b1", Today: day(3)}, "")
			if secured.Status != 200 || secured.Result.Change.Reservations[0].ID != id {
				t.Fatalf("secure: %d %s", secured.Status, secured.Body)
			}
			cancel := holds.Request{Action: holds.ActionCancel, ID: id, By: holds.ByPatron, Today: day(3)}
			if r := mustChange(t, s, cancel, ""); r.Status != 422 {
				t.Fatalf("a patron cancelled after the notice: %d %s", r.Status, r.Body)
			}
			e, trail, err := s.Reservation(ctx, id)
			if err != nil || e.Position != 1 || e.Reservation.State != holds.Secured || len(trail) != 2 ||
				trail[0].Action != holds.ActionReserve || trail[1].Action != holds.ActionSecure {
				t.Fatalf("reservation %d: %+v %+v %v", id, e, trail, err)
			}
			if _, _, err := s.Reservation(ctx, 999); !errors.Is(err, ErrNotFound) {
				t.Fatalf("unknown reservation: %v", err)
			}
		})
	}
}

func TestIdempotencyKey(t *testing.T) {
	for _, d := range drivers {
		t.Run(d.name, func(t *testing.T) {
			s := d.open(t, lib)
			req := checkoutOf("p1", day(2), "b1")
			first := mustChange(t, s, req, "key-1")
			again := mustChange(t, s, req, "key-1")
			if !again.Replayed || again.Status != first.Status || !bytes.Equal(again.Body, first.Body) {
				t.Fatalf("retry: %+v, first %+v", again, first)
			}
			if n := count(t, s, "reservations"); n != 1 {
				t.Fatalf("%d reservations after a retry, want 1", n)
			}
			if n := count(t, s, "transitions"); n != 1 {
				t.Fatalf("%d transitions after a retry, want 1", n)
			}
			other := checkoutOf("p1", day(2), "b2")
			if _, err := s.Change(context.Background(), other, "key-1", renderJSON); !errors.Is(err, ErrKeyReused) {
				t.Fatalf("another request under a used key: %v", err)
			}
			if _, err := s.Change(context.Background(), other, "bad\nkey", renderJSON); !errors.Is(err, ErrKeyInvalid) {
				t.Fatalf("a key with a newline: %v", err)
			}
			// A refusal is an answer: recorded, replayed.
			dup := mustChange(t, s, req, "key-2")
			if dup.Status != 422 {
				t.Fatalf("a second reservation of b1: %d %s", dup.Status, dup.Body)
			}
			if again := mustChange(t, s, req, "key-2"); !again.Replayed || !bytes.Equal(again.Body, dup.Body) {
				t.Fatalf("refusal replay: %+v", again)
			}
		})
	}
}

func TestConcurrentRetriesOfOneKeyStoreOnce(t *testing.T) {
	for _, d := range drivers {
		t.Run(d.name, func(t *testing.T) {
			s := d.open(t, lib)
			req := checkoutOf("p1", day(2), "b1")
			var wg sync.WaitGroup
			replies := make([]Reply, 8)
			for i := range replies {
				wg.Go(func() { replies[i] = mustChange(t, s, req, "same") })
			}
			wg.Wait()
			for _, r := range replies {
				if r.Status != 201 || !bytes.Equal(r.Body, replies[0].Body) {
					t.Fatalf("replies differ: %d %s / %s", r.Status, r.Body, replies[0].Body)
				}
			}
			if n := count(t, s, "reservations"); n != 1 {
				t.Fatalf("%d reservations, want 1", n)
			}
		})
	}
}

func TestDailyExpiresOnceAndListsNotices(t *testing.T) {
	for _, d := range drivers {
		t.Run(d.name, func(t *testing.T) {
			ctx := context.Background()
			s := d.open(t, lib)
			mustChange(t, s, checkoutOf("p1", day(2), "b1"), "")
			home := checkoutOf("p2", day(2), "b2")
			home.Cart.Place = circulation.Place{Method: circulation.HomeDelivery}
			mustChange(t, s, home, "")
			mustChange(t, s, holds.Request{Action: holds.ActionSecure, Item: "b1", Today: day(4)}, "")
			mustChange(t, s, holds.Request{Action: holds.ActionSecure, Item: "b2", Today: day(4)}, "")
			ready := mustChange(t, s, holds.Request{Action: holds.ActionMakeReady, ID: 1, Today: day(4)}, "")
			deadline := ready.Result.Change.Reservations[0].Deadline
			notices, err := s.Daily(ctx, day(4))
			if err != nil || len(notices.Expired) != 0 || len(notices.Notices) != 2 ||
				notices.Notices[0].Kind != NoticeSecured || notices.Notices[1].Kind != NoticeSecured {
				t.Fatalf("Daily on the notice day: %+v %v", notices, err)
			}
			after := deadline.AddDays(1)
			first, err := s.Daily(ctx, after)
			if err != nil || len(first.Expired) != 1 || first.Expired[0].ID != 1 {
				t.Fatalf("Daily after the deadline: %+v %v", first, err)
			}
			kinds := map[NoticeKind]int{}
			for _, n := range first.Notices {
				kinds[n.Kind]++
			}
			if kinds[NoticeExpired] != 1 || kinds[NoticeHeldBack] != 1 {
				t.Fatalf("notices after the deadline: %+v", first.Notices)
			}
			second, err := s.Daily(ctx, after)
			if err != nil || len(second.Expired) != 0 || !sameJSON(second.Notices, first.Notices) {
				t.Fatalf("Daily again: %+v %v", second, err)
			}
			if n := count(t, s, "transitions"); n != 6 {
				t.Fatalf("%d transitions, want 6", n)
			}
		})
	}
}

// sameJSON reports whether a and b have the same JSON form.
func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

func TestPurgeKeysForgetsOldAnswers(t *testing.T) {
	for _, d := range drivers {
		t.Run(d.name, func(t *testing.T) {
			s := d.open(t, lib)
			req := checkoutOf("p1", day(2), "b1")
			mustChange(t, s, req, "old")
			if n, err := s.PurgeKeys(context.Background(), time.Now().Add(-time.Hour)); err != nil || n != 0 {
				t.Fatalf("purging keys older than an hour: %d, %v", n, err)
			}
			if n, err := s.PurgeKeys(context.Background(), time.Now().Add(time.Minute)); err != nil || n != 1 {
				t.Fatalf("purging every key: %d, %v", n, err)
			}
			if r := mustChange(t, s, req, "old"); r.Replayed || r.Status != 422 {
				t.Fatalf("a purged key replayed: %+v", r)
			}
		})
	}
}

func TestImportRefusesInconsistentReservations(t *testing.T) {
	s := openSQLiteTest(t, lib)
	r := holds.Reservation{ID: 7, Patron: "p1", Item: "b1", Place: circulation.Place{Method: circulation.PrefecturalLibrary},
		State: holds.Waiting, PlacedOn: day(1)}
	twice := r
	twice.ID = 8
	if err := s.Import(context.Background(), []holds.Reservation{r, twice}); err == nil {
		t.Fatal("two active reservations of one item by one patron were imported")
	}
	if n := count(t, s, "reservations"); n != 0 {
		t.Fatalf("%d reservations stored after a refused import", n)
	}
	if err := s.Import(context.Background(), []holds.Reservation{r}); err != nil {
		t.Fatal(err)
	}
	placed := mustChange(t, s, checkoutOf("p2", day(2), "b1"), "")
	if got := placed.Result.Change.Reservations[0].ID; got != 8 {
		t.Fatalf("the first reservation after an import of ID 7 has ID %d", got)
	}
}
