package ds

// MinHeap is a binary min-heap of int32 values, such as the dense indexes
// of reservations, where the smallest is the earliest placed: h[0] is the
// smallest. The zero MinHeap is an empty heap. A caller may filter the
// slice in place and call Heapify to restore the order.
type MinHeap []int32

// Push adds v in O(log n).
func (h *MinHeap) Push(v int32) {
	*h = append(*h, v)
	t := *h
	for i := len(t) - 1; i > 0; {
		p := (i - 1) / 2
		if t[p] <= t[i] {
			break
		}
		t[p], t[i] = t[i], t[p]
		i = p
	}
}

// Pop removes the smallest value in O(log n) and returns it, or returns
// false when h is empty.
func (h *MinHeap) Pop() (int32, bool) {
	t := *h
	if len(t) == 0 {
		return 0, false
	}
	top, last := t[0], len(t)-1
	t[0] = t[last]
	*h = t[:last]
	h.down(0)
	return top, true
}

// down moves the value at i down to its place.
func (h MinHeap) down(i int) {
	for {
		c := 2*i + 1
		if c >= len(h) {
			return
		}
		if c+1 < len(h) && h[c+1] < h[c] {
			c++
		}
		if h[i] <= h[c] {
			return
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}

// Heapify restores the heap order of h in O(n), after its values were
// filtered or set in any order.
func (h MinHeap) Heapify() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}
