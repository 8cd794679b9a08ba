package store

import (
	"context"
	"fmt"

	"github.com/kashidashi/kashidashi/holds"
)

// Import stores reservations a host kept elsewhere, as they are, in one
// transaction, and moves the ID sequence past them: the way in for a
// library moving to the service. They must be consistent together, and
// with those already stored: Import checks them as holds.NewDesk does
// and refuses them all, storing nothing, when they are not (an ID
// already stored is replaced). No audit row is written: their history
// is the host's.
func (s *Store) Import(ctx context.Context, rs []holds.Reservation) error {
	if _, err := holds.NewDesk(s.rules, rs); err != nil {
		return fmt.Errorf("store: import: %w", err)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := s.d.closureLock(ctx, tx, false); err != nil {
		return err
	}
	var last uint64
	for _, r := range rs {
		if err := writeReservation(ctx, tx, r); err != nil {
			return fmt.Errorf("store: import: %w", err)
		}
		last = max(last, r.ID)
	}
	if err := s.d.moveIDs(ctx, tx, last); err != nil {
		return fmt.Errorf("store: import: %w", err)
	}
	return tx.Commit()
}
