package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/kashidashi/kashidashi/holds"
)

// Errors a Store returns besides the database's own.
var (
	// ErrNotFound reports a reservation the store does not hold.
	ErrNotFound = errors.New("store: no such reservation")
	// ErrKeyReused reports an Idempotency-Key already used for another
	// request: nothing changed. The service answers 422 (the IETF
	// draft "The Idempotency-Key HTTP Header Field" names 422 for a
	// key reused with a different payload).
	ErrKeyReused = errors.New("store: the Idempotency-Key was used for another request")
	// ErrKeyInvalid reports an Idempotency-Key that is longer than
	// MaxKeyBytes or not printable ASCII: the service answers 400.
	ErrKeyInvalid = errors.New("store: an Idempotency-Key is 1 to 255 printable ASCII characters")
)

// MaxKeyBytes is the longest Idempotency-Key a Store accepts.
const MaxKeyBytes = 255

// Store keeps reservations, their audit trail and the answers given to
// idempotency keys in a database. It is safe for concurrent use; several
// Stores (in one process or in several) may share one PostgreSQL
// database. Open one with Open and close it with Close.
type Store struct {
	// rules are the rules Open was given; cache has them with every
	// closure stored (rules.go).
	rules holds.Rules
	cache rulesCache
	d     dialect
	w     *sql.DB // the connections that change
	r     *sql.DB // the connections that only read (w on PostgreSQL)
}

// Open opens the database dsn names and brings its schema up to date:
// a PostgreSQL URL (postgres://… or postgresql://…, pgx's syntax) or
// else the path of a SQLite file, created with its schema if missing
// (its directory must exist). Decisions are made under rules, such as a
// *library.Library, plus every closure stored (ApplyClosure, which
// needs a *library.Library): Open reads them. The context bounds the
// opening, the migrations and that reading.
func Open(ctx context.Context, dsn string, rules holds.Rules) (*Store, error) {
	if rules == nil {
		return nil, errors.New("store: Open needs the rules of each day (holds.Rules, such as a *library.Library)")
	}
	var (
		s   *Store
		err error
	)
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		s, err = openPostgres(dsn)
	} else {
		s, err = openSQLite(dsn)
	}
	if err != nil {
		return nil, err
	}
	s.rules = rules
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if _, err := s.refresh(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Driver returns "sqlite" or "postgres".
func (s *Store) Driver() string { return s.d.name() }

// Ping reports whether the database answers and holds the schema, for
// a readiness probe.
func (s *Store) Ping(ctx context.Context) error {
	var n int
	return s.r.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations").Scan(&n)
}

// Close closes the database connections.
func (s *Store) Close() error {
	err := s.w.Close()
	if s.r != s.w {
		err = errors.Join(err, s.r.Close())
	}
	return err
}

// PurgeKeys deletes the idempotency records made before before, and
// returns how many: a retry with a purged key is a new request. A host
// keeps keys longer than any client retries (a day is common) and purges
// the rest daily.
func (s *Store) PurgeKeys(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.w.ExecContext(ctx, "DELETE FROM idempotency_keys WHERE created < $1", s.d.timeArg(before))
	if err != nil {
		return 0, fmt.Errorf("store: purging keys: %w", err)
	}
	return res.RowsAffected()
}

// validKey reports whether key may be an Idempotency-Key.
func validKey(key string) bool {
	if len(key) == 0 || len(key) > MaxKeyBytes {
		return false
	}
	for i := 0; i < len(key); i++ {
		if key[i] < 0x20 || key[i] > 0x7e {
			return false
		}
	}
	return true
}
