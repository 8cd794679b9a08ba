package holds

// fenwick is a Fenwick (binary indexed) tree of counts over the slots of a
// queue, 0-based: node i holds the sum of slots i&(i+1) to i. It gives the
// number of active reservations up to a slot, the queue position of H3,
// in O(log n), and grows by one slot in O(log n).
type fenwick []int32

// push appends a slot holding v.
func (f *fenwick) push(v int32) {
	t := *f
	n := len(t)
	// Node n covers slots n&(n+1) to n: add the nodes that tile the slots
	// before n in that range.
	for j := n - 1; j >= n&(n+1); j = j&(j+1) - 1 {
		v += t[j]
	}
	*f = append(t, v)
}

// add adds v to slot i.
func (f fenwick) add(i int, v int32) {
	for ; i < len(f); i |= i + 1 {
		f[i] += v
	}
}

// prefix returns the sum of slots 0 to i.
func (f fenwick) prefix(i int) int32 {
	var s int32
	for ; i >= 0; i = i&(i+1) - 1 {
		s += f[i]
	}
	return s
}

// ones returns a tree of n slots each holding 1.
func ones(n int) fenwick {
	f := make(fenwick, n)
	for i := range f {
		f[i] = int32(i - i&(i+1) + 1)
	}
	return f
}
