package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
)

// The rules a Store decides under are the configuration it was opened
// with plus every closure stored in the table closures
// (library.Library.WithClosure, X5), rebuilt when that table changes.
// The closures table only grows, so its row count and greatest ID,
// together its version, tell whether it changed.
//
// Every write transaction (Change, Daily's expiries, Import,
// ApplyClosure) reads the version first, and rebuilds the rules when it
// is not the one they were built at: each decision stored counts every
// closure committed before it, whichever instance stored it. On
// PostgreSQL a write transaction first takes an advisory lock shared
// with the others, and ApplyClosure takes it exclusively, so that no
// change decides under the rules before a closure while the closure is
// being applied: it waits, and then reads the new version. SQLite runs
// one write transaction at a time anyway.
//
// Decisions that store nothing (Library: the service's due dates,
// timelines, calendars) use the rules as last read, read again when
// they are more than refreshEvery old: a closure another instance
// applied counts there within seconds, and at once on the instance that
// applied it.

// courier is the key of the courier among the places a closure closes
// (library.Library.Closing).
const courier = "courier"

// refreshEvery is how old the rules Library returns may be before it
// reads the closures table again.
const refreshEvery = 5 * time.Second

// refreshTimeout bounds Library's reading of the closures table.
const refreshTimeout = 2 * time.Second

// closuresVersion is the version of the closures table: its rows and its
// greatest ID, both 0 for an empty table.
type closuresVersion struct{ rows, last int64 }

// ruleSet is the rules of one version of the closures table.
type ruleSet struct {
	// rules decide: lib, or the Store's rules when they are no
	// *library.Library (then no closure can be stored).
	rules holds.Rules
	lib   *library.Library
	v     closuresVersion
	// read is when the version was last read.
	read time.Time
}

// rulesCache holds the rules of the closures table as last read.
type rulesCache struct {
	cur        atomic.Pointer[ruleSet]
	refreshing sync.Mutex // one refresh at a time
}

// cached returns the rules as last read: at first, the Store's own.
func (s *Store) cached() *ruleSet {
	if rs := s.cache.cur.Load(); rs != nil {
		return rs
	}
	lib, _ := s.rules.(*library.Library)
	return &ruleSet{rules: s.rules, lib: lib}
}

// publish makes rs the rules as last read, unless they are already
// those of a later version (the table only grows).
func (s *Store) publish(rs *ruleSet) {
	for {
		old := s.cache.cur.Load()
		if old != nil && (rs.v.rows < old.v.rows || rs.v.last < old.v.last) {
			return
		}
		if s.cache.cur.CompareAndSwap(old, rs) {
			return
		}
	}
}

// Library returns the configuration the Store was opened with plus
// every closure stored (ApplyClosure), for decisions that store
// nothing: as last read, and read again when that was more than a few
// seconds ago (another instance may have stored one); when the database
// does not answer, as last read. It is nil when the Store's rules are no
// *library.Library.
func (s *Store) Library(ctx context.Context) *library.Library {
	return s.current(ctx).lib
}

// current returns the rules as last read, read again when that was more
// than refreshEvery ago and no other call is reading them; as last read
// when the database does not answer.
func (s *Store) current(ctx context.Context) *ruleSet {
	cur := s.cached()
	if time.Since(cur.read) < refreshEvery || !s.cache.refreshing.TryLock() {
		return cur
	}
	defer s.cache.refreshing.Unlock()
	ctx, cancel := context.WithTimeout(ctx, refreshTimeout)
	defer cancel()
	rs, err := s.refresh(ctx)
	if err != nil {
		return cur
	}
	return rs
}

// refresh reads the closures table, outside any write transaction, and
// publishes its rules.
func (s *Store) refresh(ctx context.Context) (*ruleSet, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rs, err := s.rulesIn(ctx, tx)
	if err != nil {
		return nil, err
	}
	return rs, tx.Commit()
}

// rulesIn returns the rules of the closures table as q sees it, rebuilt
// when its version is not the one last read, and publishes them.
func (s *Store) rulesIn(ctx context.Context, q querier) (*ruleSet, error) {
	var v closuresVersion
	if err := q.QueryRowContext(ctx, "SELECT count(*), COALESCE(MAX(id), 0) FROM closures").Scan(&v.rows, &v.last); err != nil {
		return nil, fmt.Errorf("store: reading the closures: %w", err)
	}
	rs := *s.cached()
	rs.read = time.Now()
	if rs.v != v {
		lib, err := s.build(ctx, q, 0)
		if err != nil {
			return nil, err
		}
		rs.rules, rs.lib, rs.v = lib, lib, v
		if lib == nil {
			rs.rules = s.rules
		}
	}
	s.publish(&rs)
	return &rs, nil
}

// errNotALibrary reports closures stored for a Store whose rules are no
// *library.Library, which cannot count them.
var errNotALibrary = errors.New("store: closures need the rules of a *library.Library")

// build returns the Store's configuration plus every closure stored but
// the one with ID except (0: none), in ID order, compiled once
// (library.Library.WithClosures); nil when there is none and the Store's
// rules are no *library.Library. A closure of a place the configuration
// no longer has is left out: it closes nothing.
func (s *Store) build(ctx context.Context, q querier, except int64) (*library.Library, error) {
	cs, err := selectClosures(ctx, q, s.d)
	if err != nil {
		return nil, err
	}
	lib, _ := s.rules.(*library.Library)
	var add []library.Closed
	for _, c := range cs {
		if c.ID == except {
			continue
		}
		if lib == nil {
			return nil, errNotALibrary
		}
		if _, err := lib.Site(c.Place); err != nil && c.Place != courier {
			continue
		}
		add = append(add, library.Closed{Place: c.Place, Closure: c.Closure})
	}
	if len(add) == 0 {
		return lib, nil
	}
	next, err := lib.WithClosures(add...)
	if err != nil {
		return nil, fmt.Errorf("store: the closures: %w", err)
	}
	return next, nil
}

// StoredClosure is a closure as the Store keeps it: its ID, the place
// closed (a place's ID, or "courier"), the days, who applied it, and how
// many stored reservations it changed.
type StoredClosure struct {
	ID           int64
	Place        string
	Closure      calendar.Closure
	Staff        string
	Reservations int
}

// selectClosures returns every closure stored, in ID order.
func selectClosures(ctx context.Context, q querier, d dialect) ([]StoredClosure, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, place, "+d.dateText("from_day")+", "+d.dateText("to_day")+
		", name, name_en, staff, reservations FROM closures ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("store: reading the closures: %w", err)
	}
	defer rows.Close()
	var out []StoredClosure
	for rows.Next() {
		var (
			c        StoredClosure
			from, to string
		)
		if err := rows.Scan(&c.ID, &c.Place, &from, &to, &c.Closure.Name, &c.Closure.NameEn, &c.Staff, &c.Reservations); err != nil {
			return nil, err
		}
		if c.Closure.From, err = calendar.ParseDate(from); err == nil {
			c.Closure.To, err = calendar.ParseDate(to)
		}
		if err != nil {
			return nil, fmt.Errorf("store: closure %d: %w", c.ID, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Closures returns every closure stored, in the order they were
// applied.
func (s *Store) Closures(ctx context.Context) ([]StoredClosure, error) {
	return selectClosures(ctx, s.r, s.d)
}
