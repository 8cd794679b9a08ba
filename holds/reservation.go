package holds

import (
	"errors"
	"fmt"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
)

// Reservation is one reservation (予約) of one item by one patron, as a
// host stores it: who, what, where, where it is in its lifecycle, and the
// day of each step taken so far.
//
// Reservation is an immutable-style value: every transition (Secure,
// Ship, MakeReady, Collect, Expire, Cancel, ChangePlace) checks its
// precondition and returns a new value, leaving the receiver unchanged, so
// a Reservation is safe for concurrent use. The transitions check the
// reservation alone; Desk also checks the queue, the reading order and
// the limits that involve other reservations.
//
// The queue position (H3) is not stored: it depends on the other
// reservations of the item, and Desk.Position derives it, so it is never
// stale.
//
// The lifecycle, by pickup place (M1):
//
//	Prefectural Library: waiting → secured → ready → collected
//	Assembly Library:    waiting → secured → [in_transit →] ready → collected
//	partner library:     waiting → secured → in_transit → ready → collected
//	home delivery:       waiting → secured → in_transit → collected
//
// and ready → expired after the deadline (H4); any active state →
// cancelled (H5: by the patron only while waiting, by staff at any time).
type Reservation struct {
	// ID identifies the reservation. Desk numbers reservations in the
	// order they are placed, so the queue of an item is in ID order (first
	// come, first served).
	ID uint64 `json:"id"`
	// Patron and Item are the host's identifiers of the patron and of the
	// item reserved.
	Patron string `json:"patron"`
	Item   string `json:"item"`
	// Place is where the patron receives (and later returns, M2) the item.
	Place circulation.Place `json:"place"`
	// Collection is the item's collection, which decides the counter at
	// the Prefectural Library (R-PL1).
	Collection circulation.Collection `json:"collection,omitzero"`
	// Group and Order place the reservation in a reading order (読みたい順,
	// H2): Group is the ID of the group's first reservation and Order is
	// 1-based. Both are zero for a reservation placed normally.
	Group uint64 `json:"group,omitzero"`
	Order int    `json:"order,omitzero"`
	// State is the step of the lifecycle reached.
	State State `json:"state"`
	// Placed is the day the reservation was made.
	Placed calendar.Date `json:"placed"`
	// Secured is the day the item was set aside and the notice email sent
	// (H6).
	Secured calendar.Date `json:"secured,omitzero"`
	// Shipped is the day the item left: by courier (R-PT2), by post
	// (R-HD2), or to the Assembly Library.
	Shipped calendar.Date `json:"shipped,omitzero"`
	// Ready is the day the item was made ready (貸出可能, H3): the notice
	// day at the Prefectural and Assembly Libraries, the arrival day at a
	// partner library (see MakeReady). Deadline is the last day it stays
	// on the hold shelf (H4).
	Ready    calendar.Date `json:"ready,omitzero"`
	Deadline calendar.Date `json:"deadline,omitzero"`
	// Collected is the day the reservation became a loan.
	Collected calendar.Date `json:"collected,omitzero"`
	// Ended is the day the reservation expired or was cancelled, and
	// CancelledBy who cancelled it.
	Ended       calendar.Date `json:"ended,omitzero"`
	CancelledBy Actor         `json:"cancelled_by,omitzero"`
}

// Expired reports whether r is ready and today is after its hold-shelf
// deadline (H4): the item stays on the shelf all through the deadline
// day and the reservation may be expired from the next day.
func (r Reservation) Expired(today calendar.Date) bool {
	return r.State == Ready && !r.Deadline.IsZero() && today.After(r.Deadline)
}

// Method returns the method of r's place.
func (r Reservation) Method() circulation.Method { return r.Place.Method }

// latest returns the latest day a step of r was taken (the deadline, a
// day to come, is not a step).
func (r Reservation) latest() calendar.Date {
	d := r.Placed
	for _, e := range [...]calendar.Date{r.Secured, r.Shipped, r.Ready, r.Collected, r.Ended} {
		if e.After(d) {
			d = e
		}
	}
	return d
}

// patronMayChange reports whether H5 lets the patron change the place of
// r or cancel it on My Page: only before the notice, while r is waiting.
// The notice email goes out when the item is secured (H6), on every
// route; from then on only staff can.
func (r Reservation) patronMayChange() bool { return r.State == Waiting }

// Validate reports whether r is consistent: identifiers present, a valid
// place and state, a reading order with both group and order or neither,
// and exactly the dates its state and place call for, in order.
func (r Reservation) Validate() error {
	if err := r.validateIdentity(); err != nil {
		return err
	}
	return r.validateDates()
}

func (r Reservation) validateIdentity() error {
	switch {
	case r.ID == 0:
		return errors.New("holds: reservation has no ID")
	case r.Patron == "":
		return fmt.Errorf("holds: reservation %d has no patron", r.ID)
	case r.Item == "":
		return fmt.Errorf("holds: reservation %d has no item", r.ID)
	case !r.State.Valid():
		return fmt.Errorf("holds: reservation %d has no valid state", r.ID)
	case !r.Collection.Valid():
		return fmt.Errorf("holds: reservation %d has an unknown collection %d", r.ID, r.Collection)
	case (r.Group == 0) != (r.Order == 0) || r.Order < 0:
		return fmt.Errorf("holds: reservation %d must have both a reading-order group and a positive order, or neither", r.ID)
	case r.Group > r.ID:
		return fmt.Errorf("holds: reservation %d belongs to a group numbered after it (%d)", r.ID, r.Group)
	case (r.State == Cancelled) != r.CancelledBy.Valid() || (r.CancelledBy != 0 && !r.CancelledBy.Valid()):
		return fmt.Errorf("holds: reservation %d: cancelled_by must name who cancelled, and only for a cancelled reservation", r.ID)
	}
	if err := r.Place.Validate(); err != nil {
		return fmt.Errorf("holds: reservation %d: %w", r.ID, err)
	}
	return nil
}

// The dates each state calls for, as a bit set.
const (
	hasSecured = 1 << iota
	hasShipped
	hasReady // Ready and Deadline together
	hasCollected
	hasEnded
)

func (r Reservation) dateMask() int {
	m := 0
	if !r.Secured.IsZero() {
		m |= hasSecured
	}
	if !r.Shipped.IsZero() {
		m |= hasShipped
	}
	if !r.Ready.IsZero() || !r.Deadline.IsZero() {
		m |= hasReady
	}
	if !r.Collected.IsZero() {
		m |= hasCollected
	}
	if !r.Ended.IsZero() {
		m |= hasEnded
	}
	return m
}

func (r Reservation) validateDates() error {
	bad := func(what string) error {
		return fmt.Errorf("holds: reservation %d (%v, %v): %s", r.ID, r.State, r.Place.Method, what)
	}
	if r.Placed.IsZero() {
		return bad("no day placed")
	}
	if r.Ready.IsZero() != r.Deadline.IsZero() {
		return bad("a ready day needs a deadline and a deadline a ready day")
	}
	m := r.dateMask()
	method := r.Place.Method
	// What the route after securing must show, by how far it got.
	shipped := m&hasShipped != 0
	switch {
	case shipped && method == circulation.PrefecturalLibrary:
		return bad("an item picked up at the Prefectural Library is never shipped")
	case m&hasReady != 0 && method == circulation.HomeDelivery:
		return bad("an item for home delivery is never on a hold shelf")
	case m&hasReady != 0 && method == circulation.PartnerLibrary && !shipped:
		return bad("an item is ready at a partner library only after it was shipped")
	case m&(hasShipped|hasReady) != 0 && m&hasSecured == 0:
		return bad("shipped or ready without being secured")
	}
	var want, allowed int
	switch r.State {
	case Waiting:
		want, allowed = 0, 0
	case Secured:
		want, allowed = hasSecured, hasSecured
	case InTransit:
		want, allowed = hasSecured|hasShipped, hasSecured|hasShipped
		if method == circulation.PrefecturalLibrary {
			return bad("an item picked up at the Prefectural Library is never in transit")
		}
	case Ready:
		want, allowed = hasSecured|hasReady, hasSecured|hasShipped|hasReady
	case Collected:
		if method == circulation.HomeDelivery {
			want = hasSecured | hasShipped | hasCollected
		} else {
			want = hasSecured | hasReady | hasCollected
		}
		allowed = hasSecured | hasShipped | hasReady | hasCollected
	case Expired:
		want, allowed = hasSecured|hasReady|hasEnded, hasSecured|hasShipped|hasReady|hasEnded
	case Cancelled:
		want, allowed = hasEnded, hasSecured|hasShipped|hasReady|hasEnded
	}
	if m&want != want || m&^allowed != 0 {
		return bad("the days recorded do not match the state")
	}
	steps := [...]calendar.Date{r.Placed, r.Secured, r.Shipped, r.Ready}
	last := calendar.Date{}
	for _, d := range steps {
		if d.IsZero() {
			continue
		}
		if d.Before(last) {
			return bad("the days go backwards")
		}
		last = d
	}
	if r.Deadline.Before(r.Ready) {
		return bad("the deadline is before the ready day")
	}
	for _, d := range [...]calendar.Date{r.Collected, r.Ended} {
		if !d.IsZero() && d.Before(last) {
			return bad("the days go backwards")
		}
	}
	if r.State == Expired && !r.Ended.After(r.Deadline) {
		return bad("expired on or before the deadline")
	}
	return nil
}

// UnmarshalJSON decodes a Reservation and validates it, so that a host
// reading its storage gets either a consistent reservation or an error.
// Unknown keys are refused, by name.
func (r *Reservation) UnmarshalJSON(b []byte) error {
	type plain Reservation
	var v plain
	if err := decodeStrict(b, &v); err != nil {
		return fmt.Errorf("holds: reservation: %w", err)
	}
	if err := Reservation(v).Validate(); err != nil {
		return err
	}
	*r = Reservation(v)
	return nil
}
