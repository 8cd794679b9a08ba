package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// dialect is what differs between SQLite and PostgreSQL: the locks of a
// change, the allocation of IDs, and which errors are worth a retry.
type dialect interface {
	name() string
	// lock locks the rows of table (item_locks or patron_locks) for
	// keys, sorted and without repeats, creating those missing.
	lock(ctx context.Context, tx *sql.Tx, table, column string, keys []string) error
	// migrationLock serialises the migrations of instances starting
	// together.
	migrationLock(ctx context.Context, tx *sql.Tx) error
	// nextIDs allocates n new reservation IDs, in increasing order.
	nextIDs(ctx context.Context, tx *sql.Tx, n int) ([]uint64, error)
	// retryable reports an error after which the whole transaction may
	// be tried again: a serialisation failure, a deadlock, a busy
	// database, a key inserted meanwhile by a concurrent retry.
	retryable(err error) bool
	// forUpdate is the clause that locks the rows a query selects.
	forUpdate() string
	// moveIDs makes the next reservation ID greater than last.
	moveIDs(ctx context.Context, q querier, last uint64) error
	// timeArg encodes a time for a comparison with the created column.
	timeArg(t time.Time) any
	// closureLock locks the closures against the other write
	// transactions: shared by a change, exclusive while a closure is
	// applied (rules.go).
	closureLock(ctx context.Context, tx *sql.Tx, exclusive bool) error
	// dateText is the expression of date column col as text,
	// YYYY-MM-DD, NULL when it is.
	dateText(col string) string
}

// sqliteDialect is SQLite's: one writing connection, whose transactions
// begin IMMEDIATE (the driver's _txlock), so locks are implicit.
type sqliteDialect struct{}

func (sqliteDialect) name() string { return "sqlite" }

func (sqliteDialect) lock(context.Context, *sql.Tx, string, string, []string) error { return nil }

func (sqliteDialect) forUpdate() string { return "" }

func (sqliteDialect) migrationLock(context.Context, *sql.Tx) error { return nil }

// closureLock is the write transaction's own: SQLite has one writer.
func (sqliteDialect) closureLock(context.Context, *sql.Tx, bool) error { return nil }

// dateText is col: SQLite keeps dates as text.
func (sqliteDialect) dateText(col string) string { return col }

func (sqliteDialect) nextIDs(ctx context.Context, tx *sql.Tx, n int) ([]uint64, error) {
	var last uint64
	if err := tx.QueryRowContext(ctx, "UPDATE reservation_ids SET last = last + $1 RETURNING last", n).Scan(&last); err != nil {
		return nil, err
	}
	ids := make([]uint64, n)
	for i := range ids {
		ids[i] = last - uint64(n-1-i)
	}
	return ids, nil
}

func (sqliteDialect) retryable(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	switch e.Code() & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return true
	}
	return false
}

func (sqliteDialect) timeArg(t time.Time) any {
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}

// sqliteSynchronous is SQLite's synchronous setting: FULL, so that a
// committed change survives a power loss. Tests about answers rather
// than durability set it OFF.
var sqliteSynchronous = "FULL"

// openSQLite opens the SQLite file at path: one writing connection, in
// WAL mode, synchronous=FULL (a committed change survives a power
// loss), with a busy timeout; and a few read-only ones, which WAL lets
// read while the writer writes.
func openSQLite(path string) (*Store, error) {
	if path == "" || strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("store: %q is not a SQLite file path (no ? or #) nor a postgres:// URL", path)
	}
	common := "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)"
	w, err := sql.Open("sqlite", "file:"+path+"?"+common+
		"&_pragma=journal_mode(WAL)&_pragma=synchronous("+sqliteSynchronous+")&_txlock=immediate")
	if err != nil {
		return nil, err
	}
	w.SetMaxOpenConns(1) // one writer
	w.SetConnMaxIdleTime(0)
	r, err := sql.Open("sqlite", "file:"+path+"?"+common+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, err
	}
	r.SetMaxOpenConns(4)
	return &Store{d: sqliteDialect{}, w: w, r: r}, nil
}

// postgresDialect is PostgreSQL's: READ COMMITTED transactions that lock
// rows of item_locks and patron_locks before reading, and a sequence.
type postgresDialect struct{}

// migrationKey is the advisory lock that serialises migrations.
const migrationKey = 0x6b617368 // "kash"

// closureKey is the advisory lock of the closures (rules.go): every
// write transaction holds it shared, ApplyClosure exclusively.
const closureKey = 0x636c6f73 // "clos"

func (postgresDialect) name() string { return "postgres" }

func (postgresDialect) lock(ctx context.Context, tx *sql.Tx, table, column string, keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	// Both statements name their own table and column, never input.
	sel := "SELECT " + column + " FROM " + table + " WHERE " + column + " = ANY($1) ORDER BY " + column + " FOR UPDATE"
	n, err := countRows(ctx, tx, sel, keys)
	if err != nil || n == len(keys) {
		return err
	}
	ins := "INSERT INTO " + table + " (" + column + ") SELECT unnest($1::text[]) ON CONFLICT DO NOTHING"
	if _, err := tx.ExecContext(ctx, ins, keys); err != nil {
		return err
	}
	_, err = countRows(ctx, tx, sel, keys)
	return err
}

// countRows runs query and counts the rows it returns.
func countRows(ctx context.Context, tx *sql.Tx, query string, args ...any) (int, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

func (postgresDialect) forUpdate() string { return " FOR UPDATE" }

func (postgresDialect) migrationLock(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1)", int64(migrationKey))
	return err
}

func (postgresDialect) closureLock(ctx context.Context, tx *sql.Tx, exclusive bool) error {
	lock := "SELECT pg_advisory_xact_lock_shared($1)"
	if exclusive {
		lock = "SELECT pg_advisory_xact_lock($1)"
	}
	_, err := tx.ExecContext(ctx, lock, int64(closureKey))
	return err
}

func (postgresDialect) dateText(col string) string { return "to_char(" + col + ", 'YYYY-MM-DD')" }

func (postgresDialect) nextIDs(ctx context.Context, tx *sql.Tx, n int) ([]uint64, error) {
	rows, err := tx.QueryContext(ctx, "SELECT nextval('reservation_ids') FROM generate_series(1, $1::int)", n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := make([]uint64, 0, n)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, uint64(id))
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(ids) != n {
		return nil, fmt.Errorf("store: %d reservation IDs allocated, %d asked", len(ids), n)
	}
	slices.Sort(ids)
	return ids, nil
}

func (postgresDialect) retryable(err error) bool {
	var e *pgconn.PgError
	if !errors.As(err, &e) {
		return false
	}
	switch e.Code {
	case "40001", "40P01", "55P03": // serialization_failure, deadlock_detected, lock_not_available
		return true
	case "23505": // unique_violation: a key a concurrent request stored first
		return e.ConstraintName == "idempotency_keys_pkey"
	}
	return false
}

func (postgresDialect) timeArg(t time.Time) any { return t }

// openPostgres opens the PostgreSQL database of url with pgx.
func openPostgres(url string) (*Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(16)
	db.SetConnMaxIdleTime(5 * time.Minute)
	return &Store{d: postgresDialect{}, w: db, r: db}, nil
}

// moveIDs makes the next reservation ID greater than last.
func (sqliteDialect) moveIDs(ctx context.Context, q querier, last uint64) error {
	_, err := q.ExecContext(ctx, "UPDATE reservation_ids SET last = max(last, $1)", int64(last))
	return err
}

// moveIDs makes the next reservation ID greater than last.
func (postgresDialect) moveIDs(ctx context.Context, q querier, last uint64) error {
	if last == 0 {
		return nil
	}
	_, err := q.ExecContext(ctx, `SELECT setval('reservation_ids', GREATEST($1::bigint,
		(SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM reservation_ids)))`, int64(last))
	return err
}
