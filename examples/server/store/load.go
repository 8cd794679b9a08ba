package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/kashidashi/kashidashi/holds"
)

// maxID is the highest ID a reservation may have: the database stores
// IDs as signed 64-bit integers.
const maxID = 1<<63 - 1

// Queries of the reads.
const (
	selectQueue  = "SELECT data FROM reservations WHERE item = $1 AND active ORDER BY id"
	selectPatron = "SELECT data FROM reservations WHERE patron = $1 AND active ORDER BY id"
)

// load locks and loads the read set of req (holds.Request.Reads), the
// rows a partial desk needs to decide req as the desk of every
// reservation would, and returns the set and its rows:
//
//   - ActionReserve: the active reservations of the cart's patron (H1,
//     the items already reserved), under the locks of the patron and of
//     the cart's items, so that IDs rise in commit order within each
//     queue;
//   - ActionSecure: the item's queue, and the active reservations of
//     each patron waiting in it past the first item of a reading order
//     (H2), under the locks of the item and of those patrons;
//   - every other action: the reservation, and for ActionCollect its
//     item's queue (L4 b), under the locks of its item and its patron.
//
// Locks are taken items first, then patrons, each in sorted order: a
// first read without locks (by ID) or under the item locks (the queue)
// tells which. Then every row of the set is read again, on PostgreSQL
// with SELECT … FOR UPDATE in ID order.
func (s *Store) load(ctx context.Context, tx *sql.Tx, req holds.Request) (holds.ReadSet, []holds.Reservation, error) {
	set := req.Reads(nil)
	// The item and the patron of a reservation never change: read
	// without a lock, they name the locks to take.
	byID, err := s.selectSet(ctx, tx, holds.ReadSet{IDs: set.IDs}, false)
	if err != nil {
		return set, nil, err
	}
	items := slices.Clone(set.Items)
	for _, it := range req.Cart.Items {
		items = append(items, it.ID)
	}
	var patrons []string
	for _, r := range byID {
		items, patrons = append(items, r.Item), append(patrons, r.Patron)
	}
	if err := s.lockItems(ctx, tx, items...); err != nil {
		return set, nil, err
	}
	known := byID
	if len(set.Items) > 0 {
		queues, err := s.selectSet(ctx, tx, holds.ReadSet{Items: set.Items}, false)
		if err != nil {
			return set, nil, err
		}
		known = union(byID, queues)
	}
	set = req.Reads(known)
	if err := s.lockPatrons(ctx, tx, append(patrons, set.Patrons...)...); err != nil {
		return set, nil, err
	}
	rows, err := s.selectSet(ctx, tx, set, true)
	if err != nil {
		return set, nil, err
	}
	if !within(req.Reads(rows), set) {
		return set, nil, errors.New("store: the read set grew under its locks")
	}
	return set, rows, nil
}

// selectSet reads the rows of set in ID order, with lock on PostgreSQL
// locking them (FOR UPDATE).
func (s *Store) selectSet(ctx context.Context, tx *sql.Tx, set holds.ReadSet, lock bool) ([]holds.Reservation, error) {
	var (
		where []string
		vals  []any
	)
	add := func(cond string, vs []any) {
		if len(vs) > 0 {
			where = append(where, strings.Replace(cond, "?", placeholders(len(vals)+1, len(vs)), 1))
			vals = append(vals, vs...)
		}
	}
	var ids []any
	for _, id := range set.IDs {
		if id <= maxID {
			ids = append(ids, int64(id))
		}
	}
	add("id IN (?)", ids)
	add("(active AND item IN (?))", args(set.Items))
	add("(active AND patron IN (?))", args(set.Patrons))
	if !set.Due.IsZero() {
		add("(state = 'ready' AND deadline < ?)", []any{set.Due.String()})
	}
	if len(where) == 0 {
		return nil, nil
	}
	q := "SELECT data FROM reservations WHERE " + strings.Join(where, " OR ") + " ORDER BY id"
	if lock {
		q += s.d.forUpdate()
	}
	return selectReservations(ctx, tx, q, vals...)
}

// within reports whether every key of a is in b.
func within(a, b holds.ReadSet) bool {
	for _, id := range a.IDs {
		if !slices.Contains(b.IDs, id) {
			return false
		}
	}
	for _, it := range a.Items {
		if !slices.Contains(b.Items, it) {
			return false
		}
	}
	for _, p := range a.Patrons {
		if !slices.Contains(b.Patrons, p) {
			return false
		}
	}
	return a.Due.IsZero() || a.Due == b.Due
}

// lockItems locks the queues of items.
func (s *Store) lockItems(ctx context.Context, tx *sql.Tx, items ...string) error {
	return s.d.lock(ctx, tx, "item_locks", "item", keys(items))
}

// lockPatrons locks the reservations of patrons.
func (s *Store) lockPatrons(ctx context.Context, tx *sql.Tx, patrons ...string) error {
	return s.d.lock(ctx, tx, "patron_locks", "patron", keys(patrons))
}

// keys returns the non-empty values of v, sorted, without repeats.
func keys(v []string) []string {
	out := slices.DeleteFunc(slices.Clone(v), func(k string) bool { return k == "" })
	slices.Sort(out)
	return slices.Compact(out)
}

// union returns the reservations of sets, each once, in ID order.
func union(sets ...[]holds.Reservation) []holds.Reservation {
	var out []holds.Reservation
	for _, set := range sets {
		out = append(out, set...)
	}
	slices.SortFunc(out, func(a, b holds.Reservation) int {
		switch {
		case a.ID < b.ID:
			return -1
		case a.ID > b.ID:
			return 1
		}
		return 0
	})
	return slices.CompactFunc(out, func(a, b holds.Reservation) bool { return a.ID == b.ID })
}
