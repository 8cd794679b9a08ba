package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/kashidashi/kashidashi/holds"
)

// Entry is a stored reservation with its queue position (H3): 1 for the
// first in line, 0 once it is final.
type Entry struct {
	Reservation holds.Reservation `json:"reservation"`
	Position    int               `json:"position"`
}

// Reservation returns reservation id with its position and its audit
// trail, oldest step first; ErrNotFound when there is no such
// reservation.
func (s *Store) Reservation(ctx context.Context, id uint64) (Entry, []holds.Transition, error) {
	if id == 0 || id > 1<<63-1 {
		return Entry{}, nil, ErrNotFound
	}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Entry{}, nil, err
	}
	defer tx.Rollback()
	rs, err := selectEntries(ctx, tx, "SELECT data, "+positionOf+" FROM reservations r WHERE id = $1", int64(id))
	if err != nil {
		return Entry{}, nil, err
	}
	if len(rs) == 0 {
		return Entry{}, nil, ErrNotFound
	}
	trail, err := s.trail(ctx, tx, id)
	if err != nil {
		return Entry{}, nil, err
	}
	return rs[0], trail, tx.Commit()
}

// trail returns the transitions of reservation id, in order.
func (s *Store) trail(ctx context.Context, q querier, id uint64) ([]holds.Transition, error) {
	rows, err := q.QueryContext(ctx, "SELECT data FROM transitions WHERE reservation = $1 ORDER BY seq", int64(id))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []holds.Transition
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return nil, err
		}
		var t holds.Transition
		if err := json.Unmarshal(data, &t); err != nil {
			return nil, fmt.Errorf("store: a stored transition does not decode: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// positionOf is the column of a reservation r's queue position: the
// active reservations of its item up to it, 0 when it is final.
const positionOf = `CASE WHEN r.active THEN (SELECT count(*) FROM reservations q
	WHERE q.item = r.item AND q.active AND q.id <= r.id) ELSE 0 END`

// PatronReservations returns the active reservations of patron in ID
// order, each with its queue position, as My Page lists them (H3).
func (s *Store) PatronReservations(ctx context.Context, patron string) ([]Entry, error) {
	return selectEntries(ctx, s.r, "SELECT data, "+positionOf+
		" FROM reservations r WHERE patron = $1 AND active ORDER BY id", patron)
}

// Queue returns the active reservations of item in queue order, first
// come, first served (H3): position 1 first.
func (s *Store) Queue(ctx context.Context, item string) ([]Entry, error) {
	rs, err := selectReservations(ctx, s.r, selectQueue, item)
	if err != nil {
		return nil, err
	}
	out := make([]Entry, len(rs))
	for i, r := range rs {
		out[i] = Entry{Reservation: r, Position: i + 1}
	}
	return out, nil
}

// selectEntries runs query, whose columns are data and a position.
func selectEntries(ctx context.Context, q querier, query string, args ...any) ([]Entry, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		var (
			data []byte
			e    Entry
		)
		if err := rows.Scan(&data, &e.Position); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(data, &e.Reservation); err != nil {
			return nil, fmt.Errorf("store: a stored reservation does not decode: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
