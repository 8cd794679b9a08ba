package holds

import (
	"slices"

	"github.com/kashidashi/kashidashi/internal/ds"
)

// queue is the line of one item (H3). It keeps the dense indexes of the
// item's reservations in ID order (first come, first served), appended as
// they are placed; a reservation that becomes final stays as a tombstone
// until tombstones outnumber the active ones, when the queue is compacted
// (amortised O(1) per removal). A Fenwick tree of active flags gives a
// position as a prefix sum in O(log n).
//
// For ActionSecure, head is a cursor before which no slot is waiting: it
// moves forward as reservations stop waiting, and back only for one that
// waits again (no transition does so today). free holds the waiting
// reservations that their reading order lets go ahead (H2), possibly with
// stale entries that are dropped when they reach the top.
type queue struct {
	slots   []int32    // dense indexes, ascending
	active  ds.Fenwick // 1 for an active slot, 0 for a tombstone
	live    int32      // active slots
	waiting int32      // waiting reservations
	head    int32      // no slot before head is waiting
	free    ds.MinHeap // waiting reservations that may go ahead (H2)
	num     int32      // a number for NewDesk's own use
}

// push appends reservation i, active, placed after every other of the
// queue. free reports whether it is waiting and may go ahead.
func (q *queue) push(i int32, waiting, free bool) {
	q.slots = append(q.slots, i)
	q.active.Push(1)
	q.live++
	if waiting {
		q.waiting++
	}
	if free {
		q.free.Push(i)
	}
}

// slot returns the slot of reservation i, or -1.
func (q *queue) slot(i int32) int {
	s, ok := slices.BinarySearch(q.slots, i)
	if !ok {
		return -1
	}
	return s
}

// position returns the queue position of reservation i, active and in
// the queue: the number of active reservations up to it.
func (q *queue) position(i int32) int {
	s := q.slot(i)
	if s < 0 {
		return 0
	}
	return int(q.active.Prefix(s))
}

// remove makes reservation i, which became final, a tombstone, and
// compacts the queue when tombstones outnumber the active slots.
func (q *queue) remove(i int32, rs []Reservation) {
	s := q.slot(i)
	if s < 0 {
		return
	}
	q.active.Add(s, -1)
	q.live--
	if dead := int32(len(q.slots)) - q.live; dead > q.live {
		q.compact(rs)
	}
}

// compact drops the tombstones and the stale free entries: O(n) for the n
// slots, after more than n/2 removals.
func (q *queue) compact(rs []Reservation) {
	slots := make([]int32, 0, q.live)
	for _, i := range q.slots {
		if rs[i].State.Active() {
			slots = append(slots, i)
		}
	}
	free := make(ds.MinHeap, 0, len(q.free)/2)
	for _, i := range q.free {
		if rs[i].State == Waiting {
			free = append(free, i)
		}
	}
	free.Heapify()
	q.slots, q.active, q.head, q.free = slots, ds.Ones(len(slots)), 0, free
}

// rewait records that active reservation i is waiting again; free
// reports whether its reading order lets it go ahead.
func (q *queue) rewait(i int32, free bool) {
	q.waiting++
	if s := q.slot(i); s >= 0 && int32(s) < q.head {
		q.head = int32(s)
	}
	if free {
		q.free.Push(i)
	}
}

// firstWaiting returns the first waiting reservation, or -1. The cursor
// passes each slot once between compactions: amortised O(1).
func (q *queue) firstWaiting(rs []Reservation) int32 {
	if q.waiting == 0 {
		return -1
	}
	for ; int(q.head) < len(q.slots); q.head++ {
		if i := q.slots[q.head]; rs[i].State == Waiting {
			return i
		}
	}
	return -1
}

// firstFree returns the first waiting reservation that may go ahead
// (H2), or -1; mayGoAhead checks its reading order, which only an
// earlier item waiting again can have closed. An entry is pushed once
// each time its reservation becomes free to go ahead and popped once:
// amortised O(log n), plus the check.
func (q *queue) firstFree(rs []Reservation, mayGoAhead func(Reservation) bool) int32 {
	for len(q.free) > 0 {
		if i := q.free[0]; rs[i].State == Waiting && mayGoAhead(rs[i]) {
			return i
		}
		q.free.Pop()
	}
	return -1
}

// each calls f with every active reservation in queue order.
func (q *queue) each(rs []Reservation, f func(Reservation)) {
	for _, i := range q.slots {
		if rs[i].State.Active() {
			f(rs[i])
		}
	}
}
