package holds

import (
	"cmp"
	"slices"
)

// Desk is an in-memory reservation desk: every reservation, the queue of
// each item (first come, first served, H3), each patron's active
// reservations (H1) and the reading orders (H2). A host builds it from
// storage with NewDesk, changes reservations with Do and ExpireDue, the
// one way to change them, and stores the reservations each Change
// returns. Each request is decided under the policy and calendars its
// Rules give for the request's Today, so one desk serves every day; when
// the Rules are a PolicyTable, under the policy of what the request
// concerns (V7).
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
// O(1); Position O(log n); Reservations O(k); a checkout (ActionReserve)
// O(k + c) for a cart of c items; securing the next in line
// (ActionSecure) and the other changes O(log n + k) amortised; ExpireDue
// O(log R) for each reservation it expires or finds stale, R the ready
// ones. Queue is O(n) and All O(N), by nature.
//
// The zero Desk, and a nil *Desk, hold nothing and have no rules: their
// reads give empty answers, ExpireDue expires nothing, and Do returns an
// error. NewDesk makes a desk that works.
//
// A host that keeps its reservations in a database need not hold them
// all: NewPartialDesk makes a desk of the few rows one change reads
// (Request.Reads, ReadSet), which decides it as a desk of every
// reservation does, and refuses (ErrIncompleteReadSet) a change that
// reads more than it was given.
type Desk struct {
	rules Rules
	// table is rules as a PolicyTable, nil when it is not one (V7).
	table PolicyTable
	// valid holds the last policies of the rules that passed Validate,
	// the newest at valid[next-1], so that a request under a policy seen
	// lately does not check it again; nvalid are filled.
	valid        [maxValid]Policy
	nvalid, next int
	// rs holds every reservation in ID order; its index, the dense index,
	// is what the other structures keep, and find maps an ID to it.
	rs     []Reservation
	queues map[string]*queue  // item → its queue; none when empty (H3)
	mine   map[string][]int32 // patron → active reservations, in ID order (H1)
	groups map[uint64][]int32 // reading order → members, in order (H2)
	shelf  shelf              // ready reservations by deadline (H4)
	last   uint64             // highest ID so far
	// held is what a partial desk (NewPartialDesk) holds whole, nil for
	// a desk of every stored reservation.
	held *held
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
	if d == nil || len(d.rs) == 0 || id < d.rs[0].ID {
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
func (d *Desk) All() []Reservation {
	if d == nil {
		return []Reservation{}
	}
	return append(make([]Reservation, 0, len(d.rs)), d.rs...)
}

// Queue returns the active reservations of item in queue order (first
// come, first served): position 1 first.
func (d *Desk) Queue(item string) []Reservation {
	if d == nil || d.queues[item] == nil || !d.held.holdsItem(item) {
		return []Reservation{}
	}
	q := d.queues[item]
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
	if !ok || !d.rs[i].State.Active() || !d.held.holdsItem(d.rs[i].Item) {
		return 0
	}
	return d.queues[d.rs[i].Item].position(i)
}

// Active returns the number of active reservations of patron: the ones
// that count towards the limit (H1). It is len(Reservations(patronID))
// without building the list.
func (d *Desk) Active(patronID string) int {
	if d == nil || !d.held.holdsPatron(patronID) {
		return 0
	}
	return len(d.mine[patronID])
}

// Reservations returns the active reservations of patron in ID order, as
// My Page lists them (H3).
func (d *Desk) Reservations(patronID string) []Reservation {
	if d == nil || len(d.mine[patronID]) == 0 || !d.held.holdsPatron(patronID) {
		return nil
	}
	mine := d.mine[patronID]
	out := make([]Reservation, len(mine))
	for k, i := range mine {
		out[k] = d.rs[i]
	}
	return out
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
			d.queues[e.Item].free.Push(j)
			return
		}
	}
}
