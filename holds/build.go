package holds

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/kashidashi/kashidashi/internal/ds"
	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// NewDesk returns a desk under the rules r holding the stored
// reservations, in any order. The desk asks r for the policy and the
// calendars of each request's day (Rules): it serves every day, and a
// change of the rules applies from its day without a rebuild. Each
// stored reservation must pass Reservation.Validate, IDs must be unique,
// a patron may have only one active reservation of an item, and the
// members of a reading order must share a patron, have distinct orders
// and bear the group number the desk gave them: the ID of the group's
// first reservation (order 1), or, once a host has purged that one, an
// ID no stored reservation has. The limit of H1 is not checked for
// stored reservations: a host may have lowered it since. The errors are
// reason.Problems whose paths name the reservation by its index in
// stored ("[3].patron").
//
// NewDesk costs O(N) for N stored in ID order, as All returns them, and
// O(N log N) otherwise.
func NewDesk(r Rules, stored []Reservation) (*Desk, error) {
	if r == nil {
		return nil, reason.BadInput("rules", "a desk needs the rules of each day (holds.Rules, such as a *library.Library)")
	}
	if len(stored) > math.MaxInt32 {
		return nil, reason.BadInput("", "%d reservations are more than a desk holds (%d)", len(stored), math.MaxInt32)
	}
	for i := range stored {
		if err := stored[i].Validate(); err != nil {
			return nil, under(fmt.Sprintf("[%d]", i), err)
		}
	}
	table, _ := r.(PolicyTable)
	d := &Desk{
		rules:  r,
		table:  table,
		rs:     inIDOrder(stored),
		queues: make(map[string]*queue),
		groups: make(map[uint64][]int32),
	}
	for i := range d.rs {
		res := &d.rs[i]
		if i > 0 && res.ID == d.rs[i-1].ID {
			return nil, reason.BadInput(pathOf(stored, res.ID, 1, "id"), "reservation %d is stored twice", res.ID)
		}
		if res.Group != 0 {
			d.groups[res.Group] = append(d.groups[res.Group], int32(i))
		}
	}
	if len(d.rs) > 0 {
		d.last = d.rs[len(d.rs)-1].ID
	}
	if err := d.checkGroups(stored); err != nil {
		return nil, err
	}
	if err := d.index(stored); err != nil {
		return nil, err
	}
	return d, nil
}

// pathOf returns the path of field of the (skip+1)-th reservation of
// stored with the given ID, "[3].id", for an error about it: a scan, on
// the error's path only.
func pathOf(stored []Reservation, id uint64, skip int, field string) string {
	for i := range stored {
		if stored[i].ID != id {
			continue
		}
		if skip == 0 {
			return fmt.Sprintf("[%d].%s", i, field)
		}
		skip--
	}
	return field
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
// they share a patron, have distinct orders and are numbered after their
// first (numbered).
func (d *Desk) checkGroups(stored []Reservation) error {
	for g, members := range d.groups {
		slices.SortFunc(members, func(a, b int32) int { return cmp.Compare(d.rs[a].Order, d.rs[b].Order) })
		first := d.rs[members[0]]
		for k, i := range members {
			r := d.rs[i]
			if r.Patron != first.Patron {
				return reason.BadInput(pathOf(stored, r.ID, 0, "patron"), "reading order %d mixes patrons", g)
			}
			if k > 0 && r.Order == d.rs[members[k-1]].Order {
				return reason.BadInput(pathOf(stored, r.ID, 0, "order"), "reading order %d has two items at order %d", g, r.Order)
			}
		}
		if err := d.numbered(g, first, stored); err != nil {
			return err
		}
	}
	return nil
}

// numbered checks that reading order g, whose member of lowest order is
// first, bears the number the desk gave it: the ID of its first
// reservation, the one of order 1 (ActionReserve). When that member is
// stored its ID must be g; when a host has purged it, no reservation
// stored may have the ID g, since that one would be the group's first.
// A group numbered otherwise could take the number, and so the members,
// of another, and is bad input at the "group" of its first member.
func (d *Desk) numbered(g uint64, first Reservation, stored []Reservation) error {
	switch _, taken := d.find(g); {
	case first.Order == 1 && first.ID != g:
		return reason.BadInput(pathOf(stored, first.ID, 0, "group"),
			"reading order %d is not numbered after its first reservation, %d", g, first.ID)
	case first.Order != 1 && taken:
		return reason.BadInput(pathOf(stored, first.ID, 0, "group"),
			"reading order %d is numbered after reservation %d, which is not its first", g, g)
	}
	return nil
}

// census is what index counts in its first pass over the reservations.
type census struct {
	inQueue []int32  // reservation → 1 + its queue number, 0 when final
	who     []int32  // reservation → patron number
	free    []bool   // waiting and may go ahead (H2)
	queues  []*queue // queue number → queue
	names   []string // patron number → patron
	count   []int32  // patron number → active reservations
	active  int
	waiting int
}

// census counts the active reservations of each item and patron, makes
// the queues (empty), and puts the ready reservations on the shelf.
func (d *Desk) census() census {
	c := census{inQueue: make([]int32, len(d.rs)), who: make([]int32, len(d.rs)), free: make([]bool, len(d.rs))}
	number := make(map[string]int32) // patron → patron number
	for i := range d.rs {
		r := &d.rs[i]
		if !r.State.Active() {
			continue
		}
		c.active++
		q := d.queues[r.Item]
		if q == nil {
			q = &queue{num: int32(len(c.queues))}
			d.queues[r.Item] = q
			c.queues = append(c.queues, q)
		}
		c.inQueue[i] = q.num + 1
		q.live++
		if r.State == Waiting {
			q.waiting++
			c.waiting++
			c.free[i] = d.mayGoAhead(*r)
		}
		n, ok := number[r.Patron]
		if !ok {
			n = int32(len(c.count))
			number[r.Patron] = n
			c.names = append(c.names, r.Patron)
			c.count = append(c.count, 0)
		}
		c.count[n]++
		c.who[i] = n
		if r.State == Ready {
			d.shelf.push(shelfEntry{r.Deadline, int32(i)})
		}
	}
	return c
}

// index builds the queues, the patrons' lists and the shelf from the
// reservations, the reading orders being complete, and checks that no
// patron has two active reservations of one item. It counts first and
// then fills lists cut from one allocation each, so that a million
// reservations cost a few allocations per item and patron rather than a
// growing slice each (a list that grows later moves to its own).
func (d *Desk) index(stored []Reservation) error {
	c := d.census()
	slots, tree, frees := make([]int32, c.active), make(ds.Fenwick, c.active), make(ds.MinHeap, c.waiting)
	for _, q := range c.queues {
		n, w := int(q.live), int(q.waiting)
		q.slots, slots = slots[:0:n], slots[n:]
		q.active, tree = tree[:n:n], tree[n:]
		q.active.FillOnes() // every slot is active
		q.free, frees = frees[:0:w], frees[w:]
	}
	// Each patron's list, and alongside it the queue of each of its
	// reservations, to find two of one item without reading the items.
	lists, items := make([][]int32, len(c.count)), make([][]int32, len(c.count))
	mine, their := make([]int32, c.active), make([]int32, c.active)
	for n, k := range c.count {
		lists[n], mine = mine[:0:k], mine[k:]
		items[n], their = their[:0:k], their[k:]
	}
	for i, in := range c.inQueue {
		if in == 0 {
			continue
		}
		q := c.queues[in-1]
		q.slots = append(q.slots, int32(i))
		if c.free[i] {
			q.free = append(q.free, int32(i)) // in ID order: a heap already
		}
		n := c.who[i]
		lists[n] = append(lists[n], int32(i))
		items[n] = append(items[n], in)
	}
	for n, list := range lists {
		if k, l, dup := twice(items[n]); dup {
			a, b := d.rs[list[k]], d.rs[list[l]]
			return reason.BadInput(pathOf(stored, b.ID, 0, "item"), "patron %s has two active reservations of item %s (%d and %d)",
				text.Quote(c.names[n]), text.Quote(a.Item), a.ID, b.ID)
		}
	}
	d.mine = make(map[string][]int32, len(c.names))
	for n, p := range c.names {
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
