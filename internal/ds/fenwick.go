package ds

// Fenwick is a Fenwick (binary indexed) tree of counts over slots, from
// 0: node i holds the sum of slots i&(i+1) to i. It gives the sum of the
// slots up to one (a queue position) in O(log n), changes a slot in
// O(log n) and grows by one slot in O(log n). The zero Fenwick is an
// empty tree.
type Fenwick []int32

// Push appends a slot holding v.
func (f *Fenwick) Push(v int32) {
	t := *f
	n := len(t)
	// Node n covers slots n&(n+1) to n: add the nodes that tile the slots
	// before n in that range.
	for j := n - 1; j >= n&(n+1); j = j&(j+1) - 1 {
		v += t[j]
	}
	*f = append(t, v)
}

// Add adds v to slot i; a slot out of range changes nothing.
func (f Fenwick) Add(i int, v int32) {
	if i < 0 {
		return
	}
	for ; i < len(f); i |= i + 1 {
		f[i] += v
	}
}

// Prefix returns the sum of slots 0 to i: 0 for i below 0, the sum of
// every slot for i past the last.
func (f Fenwick) Prefix(i int) int32 {
	i = min(i, len(f)-1)
	var s int32
	for ; i >= 0; i = i&(i+1) - 1 {
		s += f[i]
	}
	return s
}

// Ones returns a tree of n slots each holding 1.
func Ones(n int) Fenwick {
	f := make(Fenwick, max(n, 0))
	f.FillOnes()
	return f
}

// FillOnes sets every slot of f to 1, in place: for a tree cut from a
// larger allocation.
func (f Fenwick) FillOnes() {
	for i := range f {
		f[i] = int32(i - i&(i+1) + 1)
	}
}
