package holds_test

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/ruletest"
)

// TestReadSetPartialDeskModel: H1, H2, H3, H4, H5, L2, L4 b, R-HD4,
// R-PT5, V1 — a host that keeps its reservations in its own store and
// decides every request on a partial desk of the request's read set
// (Request.Reads, NewPartialDesk) agrees with the kit's model over random
// histories (ruletest.CheckDesk), and at every step with a desk of every
// reservation: the same Change or the same error, the same store after
// the partial desk's Change is stored, the same reads. At every step the
// read set is complete after two rounds and stable, and the partial desk
// refuses the request with ErrIncompleteReadSet when any one key is taken
// out of it (with the rows only that key selects), or, for a checkout,
// when it lacks the next ID.
func TestReadSetPartialDeskModel(t *testing.T) {
	ruletest.CheckDesk(t, func(r holds.Rules, stored []holds.Reservation) (ruletest.ReservationDesk, error) {
		return newPartialHost(r, stored)
	})
}

// partialHost is a host that stores reservations in a holds.HostStore and
// decides each request on a partial desk, with a desk of every
// reservation, full, alongside to compare with. A difference is an error
// of Do or ExpireDue that matches no refusal, which CheckDesk reports, or
// a panic in a read, which rapid reports.
type partialHost struct {
	rules holds.Rules
	store *holds.HostStore
	full  *holds.Desk
}

func newPartialHost(r holds.Rules, stored []holds.Reservation) (*partialHost, error) {
	full, err := holds.NewDesk(r, stored)
	if err != nil {
		return nil, err
	}
	return &partialHost{rules: r, store: holds.NewHostStore(stored), full: full}, nil
}

// Do decides req on a partial desk and on the full desk, and stores the
// partial desk's Change.
func (h *partialHost) Do(req holds.Request) (holds.Change, error) {
	set, rows := h.store.ReadFor(req)
	if again := req.Reads(rows); !reflect.DeepEqual(again, set) {
		return holds.Change{}, fmt.Errorf("read set of %+v not stable: %+v, then %+v", req, set, again)
	}
	if err := h.eachKeyNeeded(set, req.Action == holds.ActionReserve, func(d *holds.Desk) error {
		_, err := d.Do(req)
		return err
	}); err != nil {
		return holds.Change{}, fmt.Errorf("%v: %v", req.Action, err)
	}
	d, err := holds.NewPartialDesk(h.rules, set, rows, h.store.NextID())
	if err != nil {
		return holds.Change{}, fmt.Errorf("partial desk of %+v: %v", set, err)
	}
	got, gotErr := d.Do(req)
	want, wantErr := h.full.Do(req)
	return got, h.compare(fmt.Sprintf("%+v with read set %+v", req, set), got, gotErr, want, wantErr)
}

// ExpireDue expires on a partial desk of ReadSet{Due: today} and on the
// full desk, and stores the partial desk's Change.
func (h *partialHost) ExpireDue(today calendar.Date) (holds.Change, error) {
	set := holds.ReadSet{Due: today}
	if err := h.eachKeyNeeded(set, false, func(d *holds.Desk) error {
		_, err := d.ExpireDue(today)
		return err
	}); err != nil {
		return holds.Change{}, fmt.Errorf("ExpireDue: %v", err)
	}
	d, err := holds.NewPartialDesk(h.rules, set, h.store.Load(set), 0)
	if err != nil {
		return holds.Change{}, fmt.Errorf("partial desk of %+v: %v", set, err)
	}
	got, gotErr := d.ExpireDue(today)
	want, wantErr := h.full.ExpireDue(today)
	return got, h.compare(fmt.Sprintf("ExpireDue(%v)", today), got, gotErr, want, wantErr)
}

// compare returns the partial desk's error, having stored its Change,
// when it answered as the full desk did and the store then holds what the
// full desk holds; otherwise an error saying how they differ.
func (h *partialHost) compare(what string, got holds.Change, gotErr error, want holds.Change, wantErr error) error {
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotErr, wantErr) {
		return fmt.Errorf("%s: partial desk gives %+v, %v; full desk %+v, %v", what, got, gotErr, want, wantErr)
	}
	h.store.Apply(got)
	if stored, all := h.store.All(), h.full.All(); !reflect.DeepEqual(stored, all) {
		return fmt.Errorf("%s: the store after the partial desk's change holds %+v, the full desk %+v", what, stored, all)
	}
	return gotErr
}

// eachKeyNeeded checks that a partial desk refuses with
// ErrIncompleteReadSet, in op, when one key is taken out of set (and the
// rows only it selects), and, when checkout, without the next ID.
func (h *partialHost) eachKeyNeeded(set holds.ReadSet, checkout bool, op func(*holds.Desk) error) error {
	var less []holds.ReadSet
	for i := range set.IDs {
		s := set
		s.IDs = slices.Delete(slices.Clone(set.IDs), i, i+1)
		less = append(less, s)
	}
	for i := range set.Items {
		s := set
		s.Items = slices.Delete(slices.Clone(set.Items), i, i+1)
		less = append(less, s)
	}
	for i := range set.Patrons {
		s := set
		s.Patrons = slices.Delete(slices.Clone(set.Patrons), i, i+1)
		less = append(less, s)
	}
	if !set.Due.IsZero() {
		less = append(less, holds.ReadSet{}, holds.ReadSet{Due: set.Due.AddDays(-1)})
	}
	next := h.store.NextID()
	for k, s := range slices.Concat(less, []holds.ReadSet{set}) {
		if k == len(less) && !checkout {
			break // the complete set, given no next ID, for a checkout only
		} else if k == len(less) {
			next = 0
		}
		d, err := holds.NewPartialDesk(h.rules, s, h.store.Load(s), next)
		if err != nil {
			return fmt.Errorf("partial desk of %+v: %v", s, err)
		}
		if err := op(d); !errors.Is(err, holds.ErrIncompleteReadSet) {
			return fmt.Errorf("a partial desk of %+v (of %+v), next ID %d, answers: %v", s, set, next, err)
		}
	}
	return nil
}

// All returns every reservation stored.
func (h *partialHost) All() []holds.Reservation { return h.store.All() }

// partial returns a partial desk of the rows set selects, as a host's
// read endpoints build one.
func (h *partialHost) partial(set holds.ReadSet) *holds.Desk {
	d, err := holds.NewPartialDesk(h.rules, set, h.store.Load(set), 0)
	if err != nil {
		panic(fmt.Sprintf("partial desk of %+v: %v", set, err))
	}
	return d
}

// agree returns got, panicking unless it is want.
func agree[T any](what string, got, want T) T {
	if !reflect.DeepEqual(got, want) {
		panic(fmt.Sprintf("%s: partial desk gives %+v, full desk %+v", what, got, want))
	}
	return got
}

// Queue reads the item's queue (H3) on a partial desk of it.
func (h *partialHost) Queue(item string) []holds.Reservation {
	return agree("queue of "+item, h.partial(holds.ReadSet{Items: []string{item}}).Queue(item), h.full.Queue(item))
}

// Position reads reservation id and then its item's queue (H3), as My
// Page does for one reservation.
func (h *partialHost) Position(id uint64) int {
	set := holds.ReadSet{IDs: []uint64{id}}
	for _, r := range h.store.Load(set) {
		set.Items = []string{r.Item}
	}
	return agree(fmt.Sprint("position of ", id), h.partial(set).Position(id), h.full.Position(id))
}

// Active reads the patron's active reservations (H1).
func (h *partialHost) Active(patronID string) int {
	set := holds.ReadSet{Patrons: []string{patronID}}
	return agree("active reservations of "+patronID, h.partial(set).Active(patronID), h.full.Active(patronID))
}

// Reservations reads the patron's active reservations (H3, My Page).
func (h *partialHost) Reservations(patronID string) []holds.Reservation {
	set := holds.ReadSet{Patrons: []string{patronID}}
	return agree("reservations of "+patronID, h.partial(set).Reservations(patronID), h.full.Reservations(patronID))
}
