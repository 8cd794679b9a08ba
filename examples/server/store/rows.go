package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/holds"
)

// querier is what both *sql.DB and *sql.Tx do.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// upsertReservation is the statement that stores one reservation.
const upsertReservation = `INSERT INTO reservations
	(id, patron, item, state, active, grp, secured_on, deadline, ended_on, data)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
	ON CONFLICT (id) DO UPDATE SET state = excluded.state, active = excluded.active,
	grp = excluded.grp, secured_on = excluded.secured_on, deadline = excluded.deadline,
	ended_on = excluded.ended_on, data = excluded.data`

// writeReservation stores r, new or changed.
func writeReservation(ctx context.Context, q querier, r holds.Reservation) error {
	data, err := json.Marshal(r)
	if err != nil {
		return err
	}
	var grp any
	if r.Group != 0 {
		grp = int64(r.Group)
	}
	_, err = q.ExecContext(ctx, upsertReservation, int64(r.ID), r.Patron, r.Item, r.State.String(),
		r.State.Active(), grp, dateArg(r.SecuredOn), dateArg(r.Deadline), dateArg(r.EndedOn), string(data))
	return err
}

// writeTransition appends t to the audit log.
func writeTransition(ctx context.Context, q querier, t holds.Transition) error {
	data, err := json.Marshal(t)
	if err != nil {
		return err
	}
	_, err = q.ExecContext(ctx, "INSERT INTO transitions (reservation, action, on_day, data) VALUES ($1, $2, $3, $4)",
		int64(t.Reservation), t.Action.String(), t.On.String(), string(data))
	return err
}

// dateArg is a date column's value: NULL for the zero Date.
func dateArg(d calendar.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// scanReservations decodes the reservations the first column of rows
// holds (the data column); each is validated as it is decoded.
func scanReservations(rows *sql.Rows) ([]holds.Reservation, error) {
	defer rows.Close()
	var out []holds.Reservation
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return nil, err
		}
		var r holds.Reservation
		if err := json.Unmarshal(data, &r); err != nil {
			return nil, fmt.Errorf("store: a stored reservation does not decode: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// selectReservations runs query and decodes the reservations it returns.
func selectReservations(ctx context.Context, q querier, query string, args ...any) ([]holds.Reservation, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return scanReservations(rows)
}

// placeholders returns "$from, $from+1, …", n of them.
func placeholders(from, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("$" + strconv.Itoa(from+i))
	}
	return b.String()
}

// args converts values to query arguments.
func args[T any](values []T) []any {
	out := make([]any, len(values))
	for i, v := range values {
		out[i] = v
	}
	return out
}
