package holds

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
)

// Desk is an in-memory reservation desk: every reservation, the queue of
// each item (first come, first served, H3), each patron's active
// reservations (H1) and the reading orders (H2). A host rebuilds it from
// storage with NewDesk, applies one change, and stores the reservations
// the change returns.
//
// A Desk is not safe for concurrent mutation: a host that shares one
// between goroutines must hold a lock around every call (reads included,
// as they may run alongside a change). The Reservation values it returns
// are copies, safe to keep and share.
//
// A desk scales to millions of reservations and to queues of tens of
// thousands. Finding a reservation by ID costs O(1) while the IDs have no
// gaps, as the desk numbers them, and O(log N) for N reservations once a
// host has purged some. Beyond that, with n the active reservations of
// one item and k those of one patron or one reading order: Active is
// O(1); Position O(log n); Reservations O(k); Checkout O(k + c) for a
// cart of c items; SecureNext and the changes (Cancel, Collect, ...)
// O(log n + k) amortised; ExpireDue O(log R) for each reservation it
// expires or finds stale, R the ready ones. Queue is O(n) and All O(N),
// by nature.
type Desk struct {
	policy Policy
	cals   Calendars // the calendars of the places and the courier, owned
	// rs holds every reservation in ID order; its index, the dense index,
	// is what the other structures keep, and find maps an ID to it.
	rs     []Reservation
	queues map[string]*queue  // item → its queue; none when empty (H3)
	mine   map[string][]int32 // patron → active reservations, in ID order (H1)
	groups map[uint64][]int32 // reading order → members, in order (H2)
	shelf  shelf              // ready reservations by deadline (H4)
	last   uint64             // highest ID so far
}

// enqueue adds active reservation i to its item's queue and its patron's
// list; its reading order, if any, must be complete.
func (d *Desk) enqueue(i int32) {
	r := &d.rs[i]
	q := d.queues[r.Item]
	if q == nil {
		q = &queue{}
		d.queues[r.Item] = q
	}
	waiting := r.State == Waiting
	q.push(i, waiting, waiting && d.mayGoAhead(*r))
	d.mine[r.Patron] = append(d.mine[r.Patron], i)
}

// Policy returns the desk's policy.
func (d *Desk) Policy() Policy { return d.policy }

// Calendars returns the calendars the desk was built with, for
// Policy.Timeline.
func (d *Desk) Calendars() Calendars { return d.cals }

// Get returns the reservation with the given ID.
func (d *Desk) Get(id uint64) (Reservation, bool) {
	i, ok := d.find(id)
	if !ok {
		return Reservation{}, false
	}
	return d.rs[i], true
}

// find returns the dense index of reservation id: O(1) when the IDs
// have no gaps, as the desk numbers them, and O(log N) by binary search
// otherwise (a host may have purged old reservations).
func (d *Desk) find(id uint64) (int32, bool) {
	if len(d.rs) == 0 || id < d.rs[0].ID {
		return 0, false
	}
	if g := id - d.rs[0].ID; g < uint64(len(d.rs)) && d.rs[g].ID == id {
		return int32(g), true
	}
	i, ok := slices.BinarySearchFunc(d.rs, id, func(r Reservation, id uint64) int { return cmp.Compare(r.ID, id) })
	return int32(i), ok
}

// All returns every reservation, final ones included, in ID order: what a
// host stores.
func (d *Desk) All() []Reservation { return append(make([]Reservation, 0, len(d.rs)), d.rs...) }

// Queue returns the active reservations of item in queue order (first
// come, first served): position 1 first.
func (d *Desk) Queue(item string) []Reservation {
	q := d.queues[item]
	if q == nil {
		return []Reservation{}
	}
	out := make([]Reservation, 0, q.live)
	q.each(d.rs, func(r Reservation) { out = append(out, r) })
	return out
}

// Position returns the queue position of reservation id as My Page shows
// it (予約の順位, H3): 1 for the first in line. Every active reservation
// of the item holds a place, those already secured or ready included,
// until it is collected, expires or is cancelled; then everyone behind
// moves up. Position returns 0 for a final or unknown reservation.
func (d *Desk) Position(id uint64) int {
	i, ok := d.find(id)
	if !ok || !d.rs[i].State.Active() {
		return 0
	}
	return d.queues[d.rs[i].Item].position(i)
}

// Active returns the number of active reservations of patron: the ones
// that count towards the limit (H1). It is len(Reservations(patronID))
// without building the list.
func (d *Desk) Active(patronID string) int { return len(d.mine[patronID]) }

// Reservations returns the active reservations of patron in ID order, as
// My Page lists them (H3).
func (d *Desk) Reservations(patronID string) []Reservation {
	mine := d.mine[patronID]
	if len(mine) == 0 {
		return nil
	}
	out := make([]Reservation, len(mine))
	for k, i := range mine {
		out[k] = d.rs[i]
	}
	return out
}

// Checkout places a reservation for every item of c, placed today, or
// none (H2). It refuses with a *CartRefusal listing every reason that
// applies:
//
//   - about the cart: ErrCartEmpty; ErrCartMethod; ErrPlace;
//     patron.ErrNotPartnerRegistered for a partner library not in
//     c.PartnerLibraries (P1, R-PT1); circulation.ErrReservationLimit
//     when the patron's active reservations and the cart together exceed
//     MaxReservations (H1); circulation.ErrLoanLimit when the circulation
//     policy hides the Reserve button at the loan limit and c.Loans
//     reaches it (I2);
//   - about each item: circulation.ErrNotLoanable for an item that is
//     never lent (I1, I2); ErrAlreadyReserved for an item the patron
//     already has an active reservation for, or that is twice in the
//     cart.
//
// Staff placing reservations for a patron may let the soft reasons go
// with ov (circulation.Override): by default the limits (H1, and L1 when
// the Reserve button hides at the loan limit); the other reasons are
// hard. Checkout returns the override used, for the reservations' audit
// Steps; a patron's checkout on My Page passes the zero Override.
//
// Reservations are numbered in cart order; with ReadingOrder they form
// one group, in that order. An empty patron or item identifier, an
// invalid status, a negative loan count or a zero today is an error, not
// a refusal; so is a desk that has run out of IDs.
func (d *Desk) Checkout(c Cart, today calendar.Date, ov circulation.Override) ([]Reservation, circulation.Override, error) {
	if err := checkCartInput(c, today); err != nil {
		return nil, circulation.Override{}, err
	}
	var cart []reason.Coded
	if len(c.Items) == 0 {
		cart = append(cart, ErrCartEmpty)
	}
	if !c.Ordering.Valid() {
		cart = append(cart, ErrCartMethod)
	}
	if err := c.Place.Validate(); err != nil {
		cart = append(cart, ErrPlace)
	} else if c.Place.Method == circulation.PartnerLibrary && !slices.Contains(c.PartnerLibraries, c.Place.Library) {
		cart = append(cart, patron.ErrNotPartnerRegistered.With(reason.LibraryName(c.Place.Library)))
	}
	cp := d.policy.Circulation
	if have := d.Active(c.Patron); have+len(c.Items) > cp.MaxReservations {
		// The count is what the patron would hold with the cart.
		cart = append(cart, circulation.ErrReservationLimit.With(
			reason.Limit(cp.MaxReservations), reason.Count(have+len(c.Items))))
	}
	if cp.HideReserveAtLoanLimit && c.Loans >= cp.MaxLoans {
		cart = append(cart, circulation.ErrLoanLimit.With(reason.Limit(cp.MaxLoans)))
	}
	var items []ItemRefusal
	var buf [smallSet]bool
	dup := d.alreadyReserved(c, buf[:0])
	for i, it := range c.Items {
		var rs []reason.Coded
		if !it.Status.Loanable() {
			rs = append(rs, circulation.ErrNotLoanable)
		}
		if dup[i] {
			rs = append(rs, ErrAlreadyReserved)
		}
		if rs != nil {
			items = append(items, ItemRefusal{Index: i, Item: it.Item, Reasons: rs})
		}
	}
	cart, items, used, err := d.policy.overrideCart(ov, cart, items)
	if err != nil {
		return nil, circulation.Override{}, err
	}
	if err := newCartRefusal(cart, items); err != nil {
		return nil, circulation.Override{}, err
	}
	if d.last > math.MaxUint64-uint64(len(c.Items)) {
		return nil, circulation.Override{}, fmt.Errorf("%w: checkout: the desk has run out of reservation IDs", ErrInconsistentInput)
	}
	if len(d.rs) > math.MaxInt32-len(c.Items) {
		return nil, circulation.Override{}, fmt.Errorf("%w: checkout: a desk holds at most %d reservations", ErrInconsistentInput, math.MaxInt32)
	}
	placed := make([]Reservation, len(c.Items))
	group := uint64(0)
	if c.Ordering == ReadingOrder {
		group = d.last + 1
	}
	for k, it := range c.Items {
		d.last++
		r := Reservation{
			ID: d.last, Patron: c.Patron, Item: it.Item, Place: c.Place,
			Collection: it.Collection, State: Waiting, PlacedOn: today,
		}
		i := int32(len(d.rs))
		if group != 0 {
			r.Group, r.Order = group, k+1
			d.groups[group] = append(d.groups[group], i)
		}
		d.rs = append(d.rs, r)
		d.enqueue(i)
		placed[k] = r
	}
	return placed, used, nil
}

// mayGoAhead reports whether the reading order of r lets it be secured:
// no earlier item of its group is still waiting (H2). A reservation
// placed normally always may. O(k) for a group of k.
func (d *Desk) mayGoAhead(r Reservation) bool {
	if r.Group == 0 {
		return true
	}
	for _, i := range d.groups[r.Group] {
		e := &d.rs[i]
		if e.Order >= r.Order {
			break // members are in order
		}
		if e.State == Waiting {
			return false
		}
	}
	return true
}

// SecureNext secures a copy of item that has become available for the
// first reservation in its queue that may go ahead (first come, first
// served, H3), today: the notice email goes out that day (H6), and the
// reservation is returned.
//
// A reservation in reading order may not go ahead while an earlier item
// of its order is still waiting (H2). By default it keeps its place and
// the item goes to the next in line; with Policy.HoldForReadingOrder the
// item waits for it and SecureNext returns ErrOrderPending. With no
// reservation that may go ahead, SecureNext returns ErrNobodyWaiting, or
// ErrOrderPending when some are held back by their reading order.
//
// The desk does not count copies: the host calls SecureNext once per
// copy that becomes free for the queue.
//
// SecureNext does not walk the queue. The reservations free to go ahead
// are kept in a heap: each enters it when it becomes free (placed, or the
// earlier items of its reading order no longer waiting) and leaves it
// once, so a call costs O(log n + k) amortised for a queue of n and a
// reading order of k, however many reservations ahead of it are secured
// or held back. With Policy.HoldForReadingOrder a cursor past the
// reservations no longer waiting finds the first in line, amortised O(1).
func (d *Desk) SecureNext(item string, today calendar.Date) (Reservation, error) {
	q := d.queues[item]
	if q == nil || q.waiting == 0 {
		return Reservation{}, ErrNobodyWaiting
	}
	var i int32
	if d.policy.HoldForReadingOrder {
		if i = q.firstWaiting(d.rs); i < 0 {
			return Reservation{}, ErrNobodyWaiting
		}
		if !d.mayGoAhead(d.rs[i]) {
			return Reservation{}, ErrOrderPending
		}
	} else if i = q.firstFree(d.rs, d.mayGoAhead); i < 0 {
		return Reservation{}, ErrOrderPending
	}
	r := d.rs[i]
	s, err := r.Secure(today)
	if err != nil {
		return Reservation{}, err
	}
	d.store(i, r, s)
	return s, nil
}

// Ship is Reservation.Ship applied through the desk to reservation id,
// with the desk's policy; loans is the number of items the patron has on
// loan (R-HD4, R-PT5).
func (d *Desk) Ship(id uint64, today calendar.Date, loans int) (Reservation, error) {
	return d.apply(id, func(r Reservation) (Reservation, error) { return r.Ship(today, loans, d.policy) })
}

// MakeReady is Reservation.MakeReady applied through the desk to
// reservation id, with the desk's policy and the calendar of the
// reservation's pickup place (Calendars.At), which also puts it on the
// desk's shelf so that ExpireDue finds it after its deadline (H4).
func (d *Desk) MakeReady(id uint64, today calendar.Date) (Reservation, error) {
	return d.apply(id, func(r Reservation) (Reservation, error) {
		at, err := d.cals.At(r.Place)
		if err != nil {
			return r, err
		}
		return r.MakeReady(today, at, d.policy)
	})
}

// Collect is Reservation.Collect applied through the desk to reservation
// id, with the desk's policy, which also lets everyone behind it in the
// queue move up (H3) and marks the loan Reserved when other reservations
// of the item remain in its queue, since such a loan cannot be extended
// (L4 b). The due date is worked out on the calendar of the place the
// item goes back to (Calendars.At: the pickup place, the Prefectural
// Library for home delivery; L5).
func (d *Desk) Collect(id uint64, today calendar.Date, short bool) (Reservation, circulation.Loan, error) {
	var loan circulation.Loan
	r, err := d.apply(id, func(r Reservation) (Reservation, error) {
		returnTo, err := d.cals.At(r.Place)
		if err != nil {
			return r, err
		}
		r, loan, err = r.Collect(today, short, returnTo, d.policy)
		return r, err
	})
	if err != nil {
		return r, circulation.Loan{}, err
	}
	loan.Reserved = d.queues[r.Item] != nil // empty queues are dropped
	return r, loan, nil
}

// Expire is Reservation.Expire applied through the desk to reservation
// id, which also lets everyone behind it in the queue move up (H3, H4).
func (d *Desk) Expire(id uint64, today calendar.Date) (Reservation, error) {
	return d.apply(id, func(r Reservation) (Reservation, error) { return r.Expire(today) })
}

// ExpireDue expires every ready reservation whose deadline is before today
// (H4) and returns them in ID order. A reservation that cannot be expired
// is left ready and reported in the error, the others being expired all
// the same. It costs O(log N) for each of the N ready reservations it
// expires or finds stale, not a scan of the desk.
func (d *Desk) ExpireDue(today calendar.Date) ([]Reservation, error) {
	var due []int32
	for len(d.shelf) > 0 && today.After(d.shelf[0].deadline) {
		e := d.shelf.pop()
		if r := &d.rs[e.i]; r.State == Ready && r.Deadline == e.deadline {
			due = append(due, e.i)
		}
	}
	slices.Sort(due)
	due = slices.Compact(due) // a reservation made ready twice with one deadline
	out := make([]Reservation, 0, len(due))
	var failed []error
	for _, i := range due {
		r, err := d.Expire(d.rs[i].ID, today)
		if err != nil {
			failed = append(failed, err)
			d.shelf.push(shelfEntry{d.rs[i].Deadline, i}) // still ready: try again next time
			continue
		}
		out = append(out, r)
	}
	return out, joinFailures("holds: ExpireDue", failed)
}

// maxJoined is the most errors joinFailures lists one by one.
const maxJoined = 8

// joinFailures joins the errors of one call, listing the first maxJoined
// and counting the rest, so that the message stays bounded.
func joinFailures(what string, errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	if len(errs) > maxJoined {
		rest := fmt.Errorf("%s: %d more failures, such as: %w", what, len(errs)-maxJoined, errs[maxJoined])
		errs = append(errs[:maxJoined:maxJoined], rest)
	}
	return errors.Join(errs...)
}

// Cancel is Reservation.Cancel applied through the desk to reservation
// id, with the desk's policy, which also lets everyone behind it in the
// queue move up (H3) and, in a reading order, the next item go ahead
// (H2).
func (d *Desk) Cancel(id uint64, by Actor, today calendar.Date, ov circulation.Override) (Reservation, circulation.Override, error) {
	var used circulation.Override
	r, err := d.apply(id, func(r Reservation) (Reservation, error) {
		var err error
		r, used, err = r.Cancel(by, today, d.policy, ov)
		return r, err
	})
	if err != nil {
		return r, circulation.Override{}, err
	}
	return r, used, nil
}

// ChangePlace is Reservation.ChangePlace applied through the desk to
// reservation id, with the desk's policy, which also takes an item sent
// back to secured off the desk's shelf (H5).
func (d *Desk) ChangePlace(id uint64, by Actor, to circulation.Place, partnerLibraries []string, ov circulation.Override) (Reservation, circulation.Override, error) {
	var used circulation.Override
	r, err := d.apply(id, func(r Reservation) (Reservation, error) {
		var err error
		r, used, err = r.ChangePlace(by, to, partnerLibraries, d.policy, ov)
		return r, err
	})
	if err != nil {
		return r, circulation.Override{}, err
	}
	return r, used, nil
}

// apply runs a transition on reservation id and, when it succeeds, stores
// the result.
func (d *Desk) apply(id uint64, f func(Reservation) (Reservation, error)) (Reservation, error) {
	i, ok := d.find(id)
	if !ok {
		return Reservation{}, ErrUnknownReservation
	}
	r := d.rs[i]
	n, err := f(r)
	if err != nil {
		return r, err
	}
	if err := storable(r, n); err != nil {
		return r, err
	}
	d.store(i, r, n)
	return n, nil
}

// storable checks that a transition from r to n keeps what the desk's
// indexes rely on: who, what and the reading order unchanged, and no way
// out of a final state (a final reservation has left its queue for
// good). The lifecycle has no such transition; the check keeps a future
// one from corrupting the desk.
func storable(r, n Reservation) error {
	switch {
	case n.ID != r.ID || n.Patron != r.Patron || n.Item != r.Item || n.Group != r.Group || n.Order != r.Order:
		return fmt.Errorf("%w: reservation %d: a transition may not change its ID, patron, item or reading order", ErrInconsistentInput, r.ID)
	case !n.State.Valid(), r.State.Final() && n.State != r.State:
		return fmt.Errorf("%w: reservation %d: the desk cannot take it from %v to %v", ErrInconsistentInput, r.ID, r.State, n.State)
	}
	return nil
}

// store records that reservation i went from r to n: a reservation that
// stops waiting may let the next item of its reading order go ahead (H2);
// one that becomes final leaves its queue and its patron's list (H1, H3);
// one that becomes ready, or gets a new deadline, goes on the shelf (H4).
// O(log n + k) amortised.
func (d *Desk) store(i int32, r, n Reservation) {
	d.rs[i] = n
	if r.State == Waiting && n.State != Waiting {
		d.queues[r.Item].waiting--
		d.letNextGoAhead(r)
	}
	if r.State != Waiting && n.State == Waiting {
		d.queues[r.Item].rewait(i, d.mayGoAhead(n))
	}
	if r.State.Active() && n.State.Final() {
		q := d.queues[r.Item]
		if q.remove(i, d.rs); q.live == 0 {
			delete(d.queues, r.Item)
		}
		mine := d.mine[r.Patron]
		if k, ok := slices.BinarySearch(mine, i); ok {
			mine = slices.Delete(mine, k, k+1)
		}
		if len(mine) == 0 {
			delete(d.mine, r.Patron)
		} else {
			d.mine[r.Patron] = mine
		}
	}
	if n.State == Ready && (r.State != Ready || r.Deadline != n.Deadline) {
		d.shelf.push(shelfEntry{n.Deadline, i})
	}
}

// letNextGoAhead is called when r, in a reading order, stopped waiting:
// if it was the first waiting item of its order, the next waiting one may
// now go ahead (H2) and becomes free in its queue.
func (d *Desk) letNextGoAhead(r Reservation) {
	if r.Group == 0 || !d.mayGoAhead(r) {
		return
	}
	for _, j := range d.groups[r.Group] {
		if e := &d.rs[j]; e.State == Waiting {
			d.queues[e.Item].free.push(j)
			return
		}
	}
}
