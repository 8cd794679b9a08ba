package holds

// minHeap is a binary min-heap of dense reservation indexes: the smallest
// is the earliest placed.
type minHeap []int32

func (h *minHeap) push(v int32) {
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

func (h *minHeap) pop() {
	t := *h
	last := len(t) - 1
	t[0] = t[last]
	*h = t[:last]
	h.down(0)
}

func (h minHeap) down(i int) {
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

// heapify restores the heap order after the entries were filtered.
func (h minHeap) heapify() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}
