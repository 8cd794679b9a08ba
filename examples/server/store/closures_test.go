package store

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/examples/server/internal/pgtest"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/reason"
)

// date parses YYYY-MM-DD.
func date(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// storm closes a place on Wednesday 2027-02-17 and Thursday 18.
var storm = calendar.Closure{From: date("2027-02-17"), To: date("2027-02-18"), Name: "臨時休館（大雪）", NameEn: "closed (snowstorm)"}

// nextOpen is the published configuration with due dates on a closed
// day moved to the next open day (L5), so that a closure moves loans.
var nextOpen = sync.OnceValue(func() *library.Library {
	cfg := library.Default().Config()
	cfg.Policies.Circulation.DueOnClosedDay = circulation.DueDateNextOpenDay
	l, err := library.New(cfg)
	if err != nil {
		panic(err)
	}
	return l
})

// renderClosure is a ClosureRender for the tests: the result as JSON,
// 200.
func renderClosure(r ClosureResult) (int, []byte) {
	b, err := json.Marshal(struct {
		Added   bool            `json:"added"`
		Applied library.Applied `json:"applied"`
	}{r.Added, r.Applied})
	if err != nil {
		panic(err)
	}
	return 200, b
}

// applyStorm applies req, the snowstorm unless it says otherwise, and
// returns the result.
func applyStorm(t testing.TB, s *Store, req ClosureRequest, key string) (Reply, ClosureResult) {
	t.Helper()
	if req.Place == "" {
		req.Place = "prefectural"
	}
	if req.Closure == (calendar.Closure{}) {
		req.Closure = storm
	}
	var got ClosureResult
	reply, err := s.ApplyClosure(context.Background(), req, key, func(r ClosureResult) (int, []byte) {
		got = r
		return renderClosure(r)
	})
	if err != nil {
		t.Fatalf("ApplyClosure: %v", err)
	}
	return reply, got
}

// idOf returns the ID of the first reservation a change stored.
func idOf(t testing.TB, r Reply) uint64 {
	t.Helper()
	if r.Result.Err != nil || len(r.Result.Change.Reservations) == 0 {
		t.Fatalf("the change stored nothing: %v", r.Result.Err)
	}
	return r.Result.Change.Reservations[0].ID
}

// stormStage places three reservations at the Prefectural Library: a,
// made ready on Tuesday 02-16 (deadline Sunday 02-28); b, secured that
// day (its notice's first pickup day, Wednesday 17, falls in the storm);
// c, waiting. It returns their IDs.
func stormStage(t testing.TB, s *Store) (ready, secured, waiting uint64) {
	t.Helper()
	ready = idOf(t, mustChange(t, s, checkoutOf("P1", date("2027-02-01"), "a"), ""))
	secured = idOf(t, mustChange(t, s, checkoutOf("P2", date("2027-02-01"), "b"), ""))
	waiting = idOf(t, mustChange(t, s, checkoutOf("P3", date("2027-02-01"), "c"), ""))
	mustChange(t, s, holds.Request{Action: holds.ActionSecure, Item: "a", Today: date("2027-02-15")}, "")
	made := mustChange(t, s, holds.Request{Action: holds.ActionMakeReady, ID: ready, Today: date("2027-02-16")}, "")
	if d := made.Result.Change.Reservations[0].Deadline; d != date("2027-02-28") {
		t.Fatalf("deadline %v before the storm, want 2027-02-28", d)
	}
	mustChange(t, s, holds.Request{Action: holds.ActionSecure, Item: "b", Today: date("2027-02-16")}, "")
	return ready, secured, waiting
}

// stored returns reservation id as stored, with its mark.
func stored(t testing.TB, s *Store, id uint64) (holds.Reservation, library.Mark) {
	t.Helper()
	e, _, err := s.Reservation(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.Mark(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return e.Reservation, m
}

// X5, H4: the snowstorm applied to the Prefectural Library gives the
// ready reservation back its two open days (deadline Wednesday 03-03,
// Monday 03-01 being closed), marked; lists the dates of the secured
// one's notice that move, marking it; leaves the waiting one alone;
// stores the closure with who applied it. Applying it again, under
// another key or none, changes nothing; the same key replays.
func TestApplyClosureMovesReadyDeadlinesX5(t *testing.T) {
	for _, d := range drivers {
		t.Run(d.name, func(t *testing.T) {
			s := d.open(t, lib)
			ready, secured, waiting := stormStage(t, s)
			reply, res := applyStorm(t, s, ClosureRequest{Staff: "k.sato"}, "k1")
			if !res.Added || len(res.Applied.Loans) != 0 {
				t.Fatalf("added %v, loans %v", res.Added, res.Applied.Loans)
			}
			moved := map[uint64]int{}
			for _, a := range res.Applied.Reservations {
				moved[a.Record.Reservation.ID]++
			}
			if moved[ready] != 1 || moved[secured] == 0 || moved[waiting] != 0 {
				t.Fatalf("changed %v", moved)
			}
			r, m := stored(t, s, ready)
			if r.Deadline != date("2027-03-03") || m != (library.Mark{From: storm.From, To: storm.To, Original: date("2027-02-28")}) {
				t.Fatalf("ready: deadline %v, mark %+v", r.Deadline, m)
			}
			if _, m := stored(t, s, secured); m != (library.Mark{From: storm.From, To: storm.To}) {
				t.Fatalf("secured: mark %+v", m)
			}
			if _, m := stored(t, s, waiting); m != (library.Mark{}) {
				t.Fatalf("waiting: mark %+v", m)
			}
			cs, err := s.Closures(context.Background())
			if err != nil || len(cs) != 1 || cs[0].Place != "prefectural" || cs[0].Closure != storm || cs[0].Staff != "k.sato" || cs[0].Reservations != 2 {
				t.Fatalf("closures %+v, %v", cs, err)
			}

			again, res := applyStorm(t, s, ClosureRequest{Place: "北海道立図書館", Staff: "k.sato"}, "k2")
			if res.Added || len(res.Applied.Reservations) != 0 || again.Replayed {
				t.Fatalf("again: added %v, %v", res.Added, res.Applied.Reservations)
			}
			if r, _ := stored(t, s, ready); r.Deadline != date("2027-03-03") {
				t.Fatalf("again: deadline %v", r.Deadline)
			}
			if n := count(t, s, "closures"); n != 1 {
				t.Fatalf("%d closures stored", n)
			}
			replayed, _ := applyStorm(t, s, ClosureRequest{Staff: "k.sato"}, "k1")
			if !replayed.Replayed || string(replayed.Body) != string(reply.Body) {
				t.Fatalf("the key did not replay: %s", replayed.Body)
			}
			if _, err := s.ApplyClosure(context.Background(), ClosureRequest{Place: "assembly", Closure: storm}, "k1", renderClosure); !errors.Is(err, ErrKeyReused) {
				t.Fatalf("key reused: %v", err)
			}
		})
	}
}

// X5, X7, L5: under "next open day" a loan due on the 17th comes back
// due on Friday 19 with its mark and reason; given back with that record
// it is left alone; spread over three open days, two a day, five loans
// due on the 17th share Friday 19 to Sunday 21.
func TestApplyClosureMovesLoansX5X7(t *testing.T) {
	for _, d := range drivers {
		t.Run(d.name, func(t *testing.T) {
			s := d.open(t, nextOpen())
			loan := func(patron string) library.LoanRecord {
				return library.LoanRecord{Patron: patron, Loan: circulation.Loan{Item: "i" + patron, Place: circulation.Place{Method: circulation.PrefecturalLibrary},
					Loaned: date("2027-02-03"), Due: storm.From}}
			}
			_, res := applyStorm(t, s, ClosureRequest{Loans: []library.LoanRecord{loan("A")}}, "")
			if len(res.Applied.Loans) != 1 {
				t.Fatalf("loans %+v", res.Applied.Loans)
			}
			a := res.Applied.Loans[0]
			if a.New != date("2027-02-19") || a.Record.Loan.Due != a.New || a.Record.Mark.Original != storm.From || !errors.Is(a.Reason, library.ErrDueMoved) {
				t.Fatalf("loan %+v", a)
			}
			if n := len(res.Library.ClosureNotices(res.Applied)); n != 1 {
				t.Fatalf("%d notices", n)
			}
			_, res = applyStorm(t, s, ClosureRequest{Loans: []library.LoanRecord{a.Record}}, "")
			if res.Added || len(res.Applied.Loans) != 0 {
				t.Fatalf("the loan applied again: %+v", res.Applied.Loans)
			}

			var loans []library.LoanRecord
			for _, p := range []string{"A", "B", "C", "D", "E"} {
				loans = append(loans, loan(p))
			}
			_, res = applyStorm(t, s, ClosureRequest{Loans: loans, Options: library.ApplyOptions{SpreadDays: 3, SpreadPerDay: 2}}, "")
			perDay := map[calendar.Date]int{}
			for _, a := range res.Applied.Loans {
				perDay[a.New]++
			}
			want := map[calendar.Date]int{date("2027-02-19"): 2, date("2027-02-20"): 2, date("2027-02-21"): 1}
			if !maps.Equal(perDay, want) {
				t.Fatalf("spread %v, want %v", perDay, want)
			}
		})
	}
}

// X5, H4: after the snowstorm is applied, a reservation made ready on
// its first day counts it: ten open days from Friday 19 end on
// Wednesday 03-03, not Tuesday 03-02; so does a store opened again on
// the database (a restart) and one open beside it (another instance),
// for its changes at once and for Library within refreshEvery.
func TestDecisionsAfterAClosureCountItX5(t *testing.T) {
	for _, d := range []struct {
		name string
		open func(t testing.TB) (a, b *Store, reopen func() *Store)
	}{
		{"sqlite", func(t testing.TB) (*Store, *Store, func() *Store) {
			path := filepath.Join(t.TempDir(), "k.db")
			open := func() *Store { return openPath(t, path) }
			return open(), open(), open
		}},
		{"postgres", func(t testing.TB) (*Store, *Store, func() *Store) {
			url := pgtest.Database(t)
			open := func() *Store { return openPostgresURL(t, url) }
			return open(), open(), open
		}},
	} {
		t.Run(d.name, func(t *testing.T) {
			a, b, reopen := d.open(t)
			_, secured, _ := stormStage(t, a)
			if !a.Library(context.Background()).Calendars(storm.From).Library.IsOpen(storm.From) || !b.Library(context.Background()).Calendars(storm.From).Library.IsOpen(storm.From) {
				t.Fatal("closed before the storm")
			}
			applyStorm(t, a, ClosureRequest{}, "")
			if a.Library(context.Background()).Calendars(storm.From).Library.IsOpen(storm.From) {
				t.Fatal("the store that applied the storm does not count it")
			}
			// b read the rules before: its next change reads them again.
			made := mustChange(t, b, holds.Request{Action: holds.ActionMakeReady, ID: secured, Today: storm.From}, "")
			if got := made.Result.Change.Reservations[0].Deadline; got != date("2027-03-03") {
				t.Fatalf("made ready on %v: deadline %v, want 2027-03-03", storm.From, got)
			}
			if b.Library(context.Background()).Calendars(storm.From).Library.IsOpen(storm.From) {
				t.Fatal("the other store does not count the storm after a change")
			}
			restarted := reopen()
			if restarted.Library(context.Background()).Calendars(storm.From).Library.IsOpen(storm.From) {
				t.Fatal("a store opened again does not count the storm")
			}
			other := reopen()
			applyStorm(t, a, ClosureRequest{Place: "assembly"}, "")
			stale := *other.cached()
			stale.read = time.Now().Add(-refreshEvery)
			other.cache.cur.Store(&stale)
			if other.Library(context.Background()).Calendars(storm.From).Assembly.IsOpen(storm.From) {
				t.Fatal("Library does not read the closures again when they are old")
			}
		})
	}
}

// openPath opens the SQLite file at path under lib.
func openPath(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path, lib)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// X5: a closure applied while reservations are made ready on another
// store counts for every one of them: each was either made ready under
// the closure, or made ready before and moved by it; so every deadline
// is the one the configuration with the closure gives.
func TestApplyClosureWhileMakingReadyX5(t *testing.T) {
	const n = 12
	for _, d := range []struct {
		name string
		open func(t testing.TB) (a, b *Store)
	}{
		{"sqlite", func(t testing.TB) (*Store, *Store) {
			path := filepath.Join(t.TempDir(), "k.db")
			return openPath(t, path), openPath(t, path)
		}},
		{"postgres", func(t testing.TB) (*Store, *Store) {
			url := pgtest.Database(t)
			return openPostgresURL(t, url), openPostgresURL(t, url)
		}},
	} {
		t.Run(d.name, func(t *testing.T) {
			a, b := d.open(t)
			var ids []uint64
			for i := range n {
				item := string(rune('a' + i))
				ids = append(ids, idOf(t, mustChange(t, a, checkoutOf("P"+item, date("2027-02-01"), item), "")))
				mustChange(t, a, holds.Request{Action: holds.ActionSecure, Item: item, Today: date("2027-02-15")}, "")
			}
			started, done := make(chan struct{}), make(chan error, 1)
			go func() {
				var err error
				for i, id := range ids {
					if i == 1 {
						close(started)
					}
					_, err = a.Change(context.Background(), holds.Request{Action: holds.ActionMakeReady, ID: id, Today: date("2027-02-16")}, "", renderJSON)
					if err != nil {
						break
					}
				}
				done <- err
			}()
			<-started
			applyStorm(t, b, ClosureRequest{}, "")
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			for _, id := range ids {
				if r, _ := stored(t, a, id); r.Deadline != date("2027-03-03") {
					t.Errorf("reservation %d: deadline %v, want 2027-03-03", id, r.Deadline)
				}
			}
		})
	}
}

// X5: bad input is refused before anything is stored, each problem at
// its path in the request.
func TestApplyClosureBadInput(t *testing.T) {
	for _, d := range drivers {
		t.Run(d.name, func(t *testing.T) {
			s := d.open(t, lib)
			for _, c := range []struct {
				req  ClosureRequest
				path string
			}{
				{ClosureRequest{Closure: storm}, "place"},
				{ClosureRequest{Place: "nowhere", Closure: storm}, "place"},
				{ClosureRequest{Place: "prefectural", Closure: calendar.Closure{From: storm.To, To: storm.From}}, "closure.to"},
				{ClosureRequest{Place: "prefectural", Closure: storm, Options: library.ApplyOptions{SpreadDays: 40, SpreadPerDay: 1}}, "options.spread_days"},
				{ClosureRequest{Place: "prefectural", Closure: storm, Options: library.ApplyOptions{SpreadDays: 3}}, "options.spread_per_day"},
			} {
				_, err := s.ApplyClosure(context.Background(), c.req, "", renderClosure)
				var ps reason.Problems
				if !errors.Is(err, reason.ErrBadInput) || !errors.As(err, &ps) || ps[0].Path != c.path {
					t.Errorf("%+v: %v, want a problem at %s", c.req, err, c.path)
				}
			}
			if n := count(t, s, "closures"); n != 0 {
				t.Fatalf("%d closures stored", n)
			}
		})
	}
}

// X5: a store rebuilds its rules from every closure stored, at once; a
// closure of a place its configuration no longer has is left out, and
// the others still count.
func TestClosuresOfAPlaceNoLongerConfiguredX5(t *testing.T) {
	cfg := library.Default().Config()
	cfg.Sites = append(cfg.Sites, library.Site{ID: "otaru", Name: "市立小樽図書館", NameEn: "Otaru City Library", Kind: library.Partner,
		Rules: cfg.Sites[0].Rules})
	withOtaru, err := library.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "k.db")
	s, err := Open(context.Background(), path, withOtaru)
	if err != nil {
		t.Fatal(err)
	}
	for _, place := range []string{"otaru", "prefectural", "courier"} {
		applyStorm(t, s, ClosureRequest{Place: place}, "")
	}
	if s.Library(context.Background()).Calendars(storm.From).Partners["市立小樽図書館"].IsOpen(storm.From) {
		t.Fatal("the partner's closure does not count")
	}
	s.Close()
	without := openPath(t, path) // lib: the published configuration, no Otaru
	cals := without.Library(context.Background()).Calendars(storm.From)
	if cals.Library.IsOpen(storm.From) || cals.Partners["市立小樽図書館"] != nil {
		t.Fatalf("reopened without Otaru: the Prefectural Library open %v, Otaru %v", cals.Library.IsOpen(storm.From), cals.Partners)
	}
	closures, err := without.Closures(context.Background())
	if err != nil || len(closures) != 3 {
		t.Fatalf("closures stored: %v %v", closures, err)
	}
}
