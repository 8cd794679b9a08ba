package holds

import "github.com/kashidashi/kashidashi/calendar"

// shelfEntry is a ready reservation and the deadline it had when it went
// on the shelf.
type shelfEntry struct {
	deadline calendar.Date
	i        int32
}

func (a shelfEntry) less(b shelfEntry) bool {
	return a.deadline.Before(b.deadline) || a.deadline == b.deadline && a.i < b.i
}

// shelf is a min-heap of the ready reservations by hold-shelf deadline
// (H4), so that ExpireDue finds the ones due without scanning the desk.
// An entry is pushed whenever a reservation becomes ready or its deadline
// changes; entries whose reservation has since moved on are stale and
// dropped when they come out.
type shelf []shelfEntry

func (h *shelf) push(e shelfEntry) {
	*h = append(*h, e)
	t := *h
	for i := len(t) - 1; i > 0; {
		p := (i - 1) / 2
		if !t[i].less(t[p]) {
			break
		}
		t[p], t[i] = t[i], t[p]
		i = p
	}
}

func (h *shelf) pop() shelfEntry {
	t := *h
	top, last := t[0], len(t)-1
	t[0] = t[last]
	t = t[:last]
	*h = t
	for i := 0; ; {
		c := 2*i + 1
		if c >= len(t) {
			break
		}
		if c+1 < len(t) && t[c+1].less(t[c]) {
			c++
		}
		if !t[c].less(t[i]) {
			break
		}
		t[i], t[c] = t[c], t[i]
		i = c
	}
	return top
}
