package holds

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
)

// Desk is an in-memory reservation desk: every reservation, the queue of
// each item (first come, first served, H3), each patron's count of
// reservations (H1) and the reading orders (H2). A host rebuilds it from
// storage with NewDesk, applies one change, and stores the reservations
// the change returns.
//
// A Desk is not safe for concurrent mutation: a host that shares one
// between goroutines must hold a lock around every call (reads included,
// as they may run alongside a change). The Reservation values it returns
// are copies, safe to keep and share.
type Desk struct {
	policy Policy
	byID   map[uint64]Reservation
	queues map[string][]uint64 // item → active reservations, in ID order
	count  map[string]int      // patron → active reservations
	groups map[uint64][]uint64 // group → members, in reading order
	next   uint64
}

// NewDesk returns a desk with policy p holding the stored reservations,
// in any order. Each must pass Reservation.Validate, IDs must be unique,
// and the members of a reading order must share a patron and have
// distinct orders. The limit of H1 is not checked for stored
// reservations: a host may have lowered it since.
func NewDesk(p Policy, stored []Reservation) (*Desk, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	d := &Desk{
		policy: p,
		byID:   make(map[uint64]Reservation, len(stored)),
		queues: make(map[string][]uint64),
		count:  make(map[string]int),
		groups: make(map[uint64][]uint64),
		next:   1,
	}
	sorted := slices.Clone(stored)
	slices.SortFunc(sorted, func(a, b Reservation) int { return cmp.Compare(a.ID, b.ID) })
	for _, r := range sorted {
		if err := r.Validate(); err != nil {
			return nil, err
		}
		if _, dup := d.byID[r.ID]; dup {
			return nil, fmt.Errorf("holds: reservation %d is stored twice", r.ID)
		}
		d.byID[r.ID] = r
		d.next = r.ID + 1
		if r.State.Active() {
			d.queues[r.Item] = append(d.queues[r.Item], r.ID)
			d.count[r.Patron]++
		}
		if r.Group != 0 {
			d.groups[r.Group] = append(d.groups[r.Group], r.ID)
		}
	}
	for g, ids := range d.groups {
		slices.SortFunc(ids, func(a, b uint64) int { return cmp.Compare(d.byID[a].Order, d.byID[b].Order) })
		for i, id := range ids {
			r := d.byID[id]
			if r.Patron != d.byID[ids[0]].Patron {
				return nil, fmt.Errorf("holds: reading order %d mixes patrons", g)
			}
			if i > 0 && r.Order == d.byID[ids[i-1]].Order {
				return nil, fmt.Errorf("holds: reading order %d has two items at order %d", g, r.Order)
			}
		}
	}
	return d, nil
}

// Policy returns the desk's policy.
func (d *Desk) Policy() Policy { return d.policy }

// Get returns the reservation with the given ID.
func (d *Desk) Get(id uint64) (Reservation, bool) {
	r, ok := d.byID[id]
	return r, ok
}

// All returns every reservation, final ones included, in ID order: what a
// host stores.
func (d *Desk) All() []Reservation {
	out := make([]Reservation, 0, len(d.byID))
	for _, r := range d.byID {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Reservation) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// Queue returns the active reservations of item in queue order (first
// come, first served): position 1 first.
func (d *Desk) Queue(item string) []Reservation {
	ids := d.queues[item]
	out := make([]Reservation, len(ids))
	for i, id := range ids {
		out[i] = d.byID[id]
	}
	return out
}

// Position returns the queue position of reservation id as My Page shows
// it (予約の順位, H3): 1 for the first in line. Every active reservation
// of the item holds a place, those already secured or ready included,
// until it is collected, expires or is cancelled; then everyone behind
// moves up. Position returns 0 for a final or unknown reservation.
func (d *Desk) Position(id uint64) int {
	r, ok := d.byID[id]
	if !ok || !r.State.Active() {
		return 0
	}
	return slices.Index(d.queues[r.Item], id) + 1
}

// Active returns the number of active reservations of patron: the ones
// that count towards the limit (H1).
func (d *Desk) Active(patronID string) int { return d.count[patronID] }

// Reservations returns the active reservations of patron in ID order, as
// My Page lists them (H3).
func (d *Desk) Reservations(patronID string) []Reservation {
	var out []Reservation
	for _, r := range d.byID {
		if r.Patron == patronID && r.State.Active() {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b Reservation) int { return cmp.Compare(a.ID, b.ID) })
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
// Reservations are numbered in cart order; with ReadingOrder they form
// one group, in that order. An empty patron or item identifier, an
// invalid status, a negative loan count or a zero today is an error, not
// a refusal.
func (d *Desk) Checkout(c Cart, today calendar.Date) ([]Reservation, error) {
	if err := checkCartInput(c, today); err != nil {
		return nil, err
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
		cart = append(cart, patron.ErrNotPartnerRegistered.Detail(c.Place.Library, c.Place.Library))
	}
	cp := d.policy.Circulation
	if have := d.count[c.Patron]; have+len(c.Items) > cp.MaxReservations {
		most, h, n := strconv.Itoa(cp.MaxReservations), strconv.Itoa(have), strconv.Itoa(len(c.Items))
		cart = append(cart, circulation.ErrReservationLimit.Detail(
			"at most "+most+" items; you have "+h+" and the cart holds "+n,
			most+"冊まで。予約中"+h+"冊、カート"+n+"冊"))
	}
	if cp.HideReserveAtLoanLimit && c.Loans >= cp.MaxLoans {
		most := strconv.Itoa(cp.MaxLoans)
		cart = append(cart, circulation.ErrLoanLimit.Detail("at most "+most+" items", most+"冊まで"))
	}
	var items []ItemRefusal
	for i, it := range c.Items {
		var rs []reason.Coded
		if !it.Status.Loanable() {
			rs = append(rs, circulation.ErrNotLoanable)
		}
		if d.holding(c.Patron, it.Item) || slices.ContainsFunc(c.Items[:i], func(e CartItem) bool { return e.Item == it.Item }) {
			rs = append(rs, ErrAlreadyReserved)
		}
		if rs != nil {
			items = append(items, ItemRefusal{Index: i, Item: it.Item, Reasons: rs})
		}
	}
	if err := newCartRefusal(cart, items); err != nil {
		return nil, err
	}
	placed := make([]Reservation, len(c.Items))
	group := uint64(0)
	if c.Ordering == ReadingOrder {
		group = d.next
	}
	for i, it := range c.Items {
		r := Reservation{
			ID: d.next, Patron: c.Patron, Item: it.Item, Place: c.Place,
			Collection: it.Collection, State: Waiting, Placed: today,
		}
		if group != 0 {
			r.Group, r.Order = group, i+1
			d.groups[group] = append(d.groups[group], r.ID)
		}
		d.next++
		d.byID[r.ID] = r
		d.queues[r.Item] = append(d.queues[r.Item], r.ID)
		d.count[r.Patron]++
		placed[i] = r
	}
	return placed, nil
}

func checkCartInput(c Cart, today calendar.Date) error {
	switch {
	case c.Patron == "":
		return errors.New("holds: checkout needs a patron")
	case today.IsZero():
		return errors.New("holds: checkout needs today's date")
	case c.Loans < 0:
		return fmt.Errorf("holds: checkout: negative loan count %d", c.Loans)
	}
	for i, it := range c.Items {
		if it.Item == "" {
			return fmt.Errorf("holds: checkout: cart item %d has no identifier", i)
		}
		if !it.Status.Valid() {
			return fmt.Errorf("holds: checkout: item %q: %w", it.Item, circulation.ErrUnknownStatus)
		}
		if !it.Collection.Valid() {
			return fmt.Errorf("holds: checkout: item %q has an unknown collection", it.Item)
		}
	}
	return nil
}

// holding reports whether patron has an active reservation for item.
func (d *Desk) holding(patronID, item string) bool {
	for _, id := range d.queues[item] {
		if d.byID[id].Patron == patronID {
			return true
		}
	}
	return false
}

// mayGoAhead reports whether the reading order of r lets it be secured:
// no earlier item of its group is still waiting (H2). A reservation
// placed normally always may.
func (d *Desk) mayGoAhead(r Reservation) bool {
	if r.Group == 0 {
		return true
	}
	for _, id := range d.groups[r.Group] {
		e := d.byID[id]
		if e.Order < r.Order && e.State == Waiting {
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
func (d *Desk) SecureNext(item string, today calendar.Date) (Reservation, error) {
	pending := false
	for _, id := range d.queues[item] {
		r := d.byID[id]
		if r.State != Waiting {
			continue
		}
		if !d.mayGoAhead(r) {
			if d.policy.HoldForReadingOrder {
				return Reservation{}, ErrOrderPending
			}
			pending = true
			continue
		}
		s, err := r.Secure(today)
		if err != nil {
			return Reservation{}, err
		}
		d.byID[id] = s
		return s, nil
	}
	if pending {
		return Reservation{}, ErrOrderPending
	}
	return Reservation{}, ErrNobodyWaiting
}

// Ship sends the item of reservation id today; see Reservation.Ship.
// loans is the number of items the patron has on loan (R-HD4, R-PT5).
func (d *Desk) Ship(id uint64, today calendar.Date, loans int) (Reservation, error) {
	return d.apply(id, func(r Reservation) (Reservation, error) { return r.Ship(today, loans, d.policy) })
}

// MakeReady puts the item of reservation id on the hold shelf of its
// pickup place today; at is that place's calendar. today is the notice
// day at the Prefectural and Assembly Libraries and the arrival day at a
// partner library; the deadline then matches Policy.Timeline (H4). See
// Reservation.MakeReady.
func (d *Desk) MakeReady(id uint64, today calendar.Date, at *calendar.Calendar) (Reservation, error) {
	return d.apply(id, func(r Reservation) (Reservation, error) { return r.MakeReady(today, at, d.policy) })
}

// Collect makes reservation id a loan today; see Reservation.Collect
// (a loan that travels is dated the day it left, L2). The
// loan is marked Reserved when other reservations of the item remain in
// its queue, since such a loan cannot be extended (L4 b).
func (d *Desk) Collect(id uint64, today calendar.Date, short bool, returnTo *calendar.Calendar) (Reservation, circulation.Loan, error) {
	var loan circulation.Loan
	r, err := d.apply(id, func(r Reservation) (Reservation, error) {
		var err error
		r, loan, err = r.Collect(today, short, returnTo, d.policy)
		return r, err
	})
	if err != nil {
		return r, circulation.Loan{}, err
	}
	loan.Reserved = len(d.queues[r.Item]) > 0
	return r, loan, nil
}

// Expire expires reservation id today, after its hold-shelf deadline
// (H4); see Reservation.Expire.
func (d *Desk) Expire(id uint64, today calendar.Date) (Reservation, error) {
	return d.apply(id, func(r Reservation) (Reservation, error) { return r.Expire(today) })
}

// ExpireDue expires every ready reservation whose deadline is before today
// (H4) and returns them in ID order.
func (d *Desk) ExpireDue(today calendar.Date) []Reservation {
	var ids []uint64
	for id, r := range d.byID {
		if r.Expired(today) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	out := make([]Reservation, 0, len(ids))
	for _, id := range ids {
		if r, err := d.Expire(id, today); err == nil {
			out = append(out, r)
		}
	}
	return out
}

// Cancel cancels reservation id today on behalf of by (H5: the patron
// only while it is waiting); see Reservation.Cancel. Everyone behind it in the queue moves up, and in a
// reading order the next item may go ahead.
func (d *Desk) Cancel(id uint64, by Actor, today calendar.Date) (Reservation, error) {
	return d.apply(id, func(r Reservation) (Reservation, error) { return r.Cancel(by, today) })
}

// ChangePlace changes the pickup place of reservation id on behalf of by
// (H5: the patron only while it is waiting); see Reservation.ChangePlace.
func (d *Desk) ChangePlace(id uint64, by Actor, to circulation.Place, partnerLibraries []string) (Reservation, error) {
	return d.apply(id, func(r Reservation) (Reservation, error) { return r.ChangePlace(by, to, partnerLibraries) })
}

// apply runs a transition on reservation id and, when it succeeds, stores
// the result, taking a reservation that became final out of its queue
// and its patron's count.
func (d *Desk) apply(id uint64, f func(Reservation) (Reservation, error)) (Reservation, error) {
	r, ok := d.byID[id]
	if !ok {
		return Reservation{}, ErrUnknownReservation
	}
	n, err := f(r)
	if err != nil {
		return r, err
	}
	d.byID[id] = n
	if r.State.Active() && n.State.Final() {
		q := d.queues[n.Item]
		if i := slices.Index(q, id); i >= 0 {
			q = slices.Delete(q, i, i+1)
		}
		if len(q) == 0 {
			delete(d.queues, n.Item)
		} else {
			d.queues[n.Item] = q
		}
		if d.count[n.Patron]--; d.count[n.Patron] == 0 {
			delete(d.count, n.Patron)
		}
	}
	return n, nil
}
