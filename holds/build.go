package holds

import (
	"cmp"
	"fmt"
	"github.com/kashidashi/kashidashi/internal/text"
	"math"
	"slices"
)

// NewDesk returns a desk with policy p and the calendars cals holding
// the stored reservations, in any order. The desk owns cals: MakeReady
// and Collect take the calendar of each reservation's place from it
// (Calendars.At), so that no call can be handed the wrong one. cals must
// hold the Prefectural Library's calendar at least; a reservation whose
// place has no calendar in cals is refused by MakeReady and Collect, not
// by NewDesk. Each must pass Reservation.Validate, IDs must be unique,
// a patron may have only one active reservation of an item, and the
// members of a reading order must share a patron and have distinct
// orders. The limit of H1 is not checked for stored reservations: a host
// may have lowered it since.
//
// NewDesk costs O(N) for N stored in ID order, as All returns them, and
// O(N log N) otherwise.
func NewDesk(p Policy, cals Calendars, stored []Reservation) (*Desk, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if cals.Library == nil {
		return nil, fmt.Errorf("%w: a desk needs the Prefectural Library's calendar (Calendars.Library)", ErrInconsistentInput)
	}
	if len(stored) > math.MaxInt32 {
		return nil, fmt.Errorf("%w: %d reservations are more than a desk holds (%d)", ErrInconsistentInput, len(stored), math.MaxInt32)
	}
	d := &Desk{
		policy: p,
		cals:   cals,
		rs:     inIDOrder(stored),
		queues: make(map[string]*queue),
		groups: make(map[uint64][]int32),
	}
	for i := range d.rs {
		r := &d.rs[i]
		if err := r.Validate(); err != nil {
			return nil, err
		}
		if i > 0 && r.ID == d.rs[i-1].ID {
			return nil, fmt.Errorf("%w: reservation %d is stored twice", ErrInconsistentInput, r.ID)
		}
		if r.Group != 0 {
			d.groups[r.Group] = append(d.groups[r.Group], int32(i))
		}
	}
	if len(d.rs) > 0 {
		d.last = d.rs[len(d.rs)-1].ID
	}
	if err := d.checkGroups(); err != nil {
		return nil, err
	}
	if err := d.index(); err != nil {
		return nil, err
	}
	return d, nil
}

// inIDOrder returns a copy of stored in ID order. Sorting the 128-byte
// reservations themselves would move too much memory: it sorts their IDs
// and copies each reservation once.
func inIDOrder(stored []Reservation) []Reservation {
	if slices.IsSortedFunc(stored, func(a, b Reservation) int { return cmp.Compare(a.ID, b.ID) }) {
		return slices.Clone(stored)
	}
	type key struct {
		id uint64
		at int32
	}
	keys := make([]key, len(stored))
	for i, r := range stored {
		keys[i] = key{r.ID, int32(i)}
	}
	slices.SortFunc(keys, func(a, b key) int { return cmp.Compare(a.id, b.id) })
	out := make([]Reservation, len(stored))
	for i, k := range keys {
		out[i] = stored[k.at]
	}
	return out
}

// checkGroups puts the members of each reading order in order and checks
// they share a patron and have distinct orders.
func (d *Desk) checkGroups() error {
	for g, members := range d.groups {
		slices.SortFunc(members, func(a, b int32) int { return cmp.Compare(d.rs[a].Order, d.rs[b].Order) })
		first := d.rs[members[0]]
		for k, i := range members {
			r := d.rs[i]
			if r.Patron != first.Patron {
				return fmt.Errorf("%w: reading order %d mixes patrons", ErrInconsistentInput, g)
			}
			if k > 0 && r.Order == d.rs[members[k-1]].Order {
				return fmt.Errorf("%w: reading order %d has two items at order %d", ErrInconsistentInput, g, r.Order)
			}
		}
	}
	return nil
}

// index builds the queues, the patrons' lists and the shelf from the
// reservations, the reading orders being complete, and checks that no
// patron has two active reservations of one item. It counts first and
// then fills lists cut from one allocation each, so that a million
// reservations cost a few allocations per item and patron rather than a
// growing slice each (a list that grows later moves to its own).
func (d *Desk) index() error {
	var (
		inQueue = make([]int32, len(d.rs)) // reservation → 1 + its queue number, 0 when final
		who     = make([]int32, len(d.rs)) // reservation → patron number
		free    = make([]bool, len(d.rs))  // waiting and may go ahead (H2)
		queues  []*queue                   // queue number → queue
		number  = make(map[string]int32)   // patron → patron number
		names   []string                   // patron number → patron
		count   []int32                    // patron number → active reservations
		active  int
		waiting int
	)
	for i := range d.rs {
		r := &d.rs[i]
		if !r.State.Active() {
			continue
		}
		active++
		q := d.queues[r.Item]
		if q == nil {
			q = &queue{num: int32(len(queues))}
			d.queues[r.Item] = q
			queues = append(queues, q)
		}
		inQueue[i] = q.num + 1
		q.live++
		if r.State == Waiting {
			q.waiting++
			waiting++
			free[i] = d.mayGoAhead(*r)
		}
		n, ok := number[r.Patron]
		if !ok {
			n = int32(len(count))
			number[r.Patron] = n
			names = append(names, r.Patron)
			count = append(count, 0)
		}
		count[n]++
		who[i] = n
		if r.State == Ready {
			d.shelf.push(shelfEntry{r.Deadline, int32(i)})
		}
	}
	slots, tree, frees := make([]int32, active), make(fenwick, active), make(minHeap, waiting)
	for _, q := range queues {
		n, w := int(q.live), int(q.waiting)
		q.slots, slots = slots[:0:n], slots[n:]
		q.active, tree = tree[:n:n], tree[n:]
		for j := range q.active {
			q.active[j] = int32(j - j&(j+1) + 1) // every slot is active
		}
		q.free, frees = frees[:0:w], frees[w:]
	}
	// Each patron's list, and alongside it the queue of each of its
	// reservations, to find two of one item without reading the items.
	lists, items := make([][]int32, len(count)), make([][]int32, len(count))
	mine, their := make([]int32, active), make([]int32, active)
	for n, c := range count {
		lists[n], mine = mine[:0:c], mine[c:]
		items[n], their = their[:0:c], their[c:]
	}
	for i, in := range inQueue {
		if in == 0 {
			continue
		}
		q := queues[in-1]
		q.slots = append(q.slots, int32(i))
		if free[i] {
			q.free = append(q.free, int32(i)) // in ID order: a heap already
		}
		n := who[i]
		lists[n] = append(lists[n], int32(i))
		items[n] = append(items[n], in)
	}
	for n, list := range lists {
		if k, l, dup := twice(items[n]); dup {
			a, b := d.rs[list[k]], d.rs[list[l]]
			return fmt.Errorf("%w: patron %s has two active reservations of item %s (%d and %d)", ErrInconsistentInput,
				text.Quote(names[n]), text.Quote(a.Item), a.ID, b.ID)
		}
	}
	d.mine = make(map[string][]int32, len(names))
	for n, p := range names {
		d.mine[p] = lists[n]
	}
	return nil
}

// twice returns the positions k < l of two equal values in vs, if any:
// O(n²) for the n ≤ smallSet usual, O(n log n) beyond.
func twice(vs []int32) (k, l int, found bool) {
	if len(vs) <= smallSet {
		for l := range vs {
			for k := range l {
				if vs[k] == vs[l] {
					return k, l, true
				}
			}
		}
		return 0, 0, false
	}
	at := make([]int, len(vs))
	for i := range at {
		at[i] = i
	}
	slices.SortFunc(at, func(a, b int) int { return cmp.Or(cmp.Compare(vs[a], vs[b]), cmp.Compare(a, b)) })
	for j := 1; j < len(at); j++ {
		if vs[at[j]] == vs[at[j-1]] {
			return at[j-1], at[j], true
		}
	}
	return 0, 0, false
}
