// Package store keeps the reference service's reservations in a
// database: SQLite, a file on one machine (the embedded default), or
// PostgreSQL, which several instances of the service share.
//
// No desk lives across requests. Each change is one transaction
// (Store.Change): it locks and loads the request's read set
// (holds.Request.Reads: the item's queue, the patron's active
// reservations, the reservation by ID, as the action needs), builds a
// partial desk of exactly those rows (holds.NewPartialDesk), decides with
// holds.Desk.Do, writes the reservations the decision returns with one
// audit row (holds.Transition, with its override) each, records the
// answer under the request's Idempotency-Key, and commits. A retry with
// the same key gets the first answer and changes nothing.
//
// On PostgreSQL a change first locks a row per item and per patron it
// concerns (tables item_locks and patron_locks, SELECT … FOR UPDATE),
// items before patrons, each in sorted order, so that two changes never
// wait for each other in a cycle; such a row exists before the first
// reservation of its item or patron does, so a queue with no reservation
// yet is locked too. Then it reads the read set's rows with SELECT … FOR
// UPDATE, in ID order. Transactions are READ COMMITTED: each read after
// the locks sees every change committed before. A deadlock or a
// serialisation failure the database reports is retried, a bounded
// number of times. SQLite has one writer: each change runs in a write
// transaction (BEGIN IMMEDIATE) of the one writing connection, in WAL
// mode with synchronous=FULL, so that an acknowledged change survives a
// crash of the process or of the machine; reads use other connections.
//
// Closures applied (ApplyClosure, X5) are kept in the table closures,
// and each reservation a closure changed keeps its mark (mark_from,
// mark_to, mark_original: library.Mark). Every write transaction reads
// the table's version (its row count and greatest ID) first, and decides
// under the rules it was opened with plus every closure stored
// (library.Library.WithClosure), rebuilt when the version changed; on
// PostgreSQL it first takes an advisory lock shared with the other
// write transactions, which ApplyClosure takes exclusively, so that no
// decision misses a closure committed before it (rules.go).
//
// Reservation IDs come from the database (a sequence on PostgreSQL, a
// counter row on SQLite), taken once the decision is made, under the
// locks: IDs within one item's queue rise in the order the changes
// commit, and the queue is in ID order (first come, first served, H3). A
// refused checkout takes no ID.
//
// The schema is created and brought up to date by Open from the
// migrations embedded in the package (migrations/DRIVER/NNNN_name.sql),
// recorded in the table schema_migrations: opening a database again
// applies nothing, and instances starting together on one PostgreSQL
// database take turns under an advisory lock.
package store

import (
	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL driver "pgx"
	_ "modernc.org/sqlite"             // SQLite driver "sqlite", pure Go
)
