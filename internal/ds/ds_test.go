package ds

import (
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// The structures against plain slices: a Fenwick tree's prefix sums are
// the sums of its slots, a heap gives back its values in order.

// TestFenwickPositionWithoutQueueScanH3: the tree behind a queue position
// (H3) agrees with the running sum of its slots, however it grew.
func TestFenwickPositionWithoutQueueScanH3(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start := rapid.IntRange(0, 40).Draw(t, "ones")
		f, plain := Ones(start), slices.Repeat([]int32{1}, start)
		for range rapid.IntRange(0, 100).Draw(t, "steps") {
			if len(plain) == 0 || rapid.Bool().Draw(t, "push") {
				v := int32(rapid.IntRange(0, 3).Draw(t, "v"))
				f.Push(v)
				plain = append(plain, v)
			} else {
				i := rapid.IntRange(0, len(plain)-1).Draw(t, "i")
				f.Add(i, -plain[i])
				plain[i] = 0
			}
			var sum int32
			for i, v := range plain {
				if sum += v; f.Prefix(i) != sum {
					t.Fatalf("Prefix(%d) = %d, want %d", i, f.Prefix(i), sum)
				}
			}
			if f.Prefix(-1) != 0 || f.Prefix(len(plain)+5) != sum {
				t.Fatalf("Prefix out of range: %d, %d (sum %d)", f.Prefix(-1), f.Prefix(len(plain)+5), sum)
			}
		}
	})
}

// TestFenwickZeroAndOutOfRange: the zero tree is empty, and indexes out
// of range neither panic nor change anything.
func TestFenwickZeroAndOutOfRange(t *testing.T) {
	var f Fenwick
	if f.Prefix(0) != 0 || f.Prefix(-3) != 0 {
		t.Fatal("the zero tree sums to 0")
	}
	f.Add(0, 1)
	f.Add(-1, 1)
	if len(f) != 0 {
		t.Fatal("Add grew the tree")
	}
	if got := Ones(-2); len(got) != 0 {
		t.Fatalf("Ones(-2) has %d slots", len(got))
	}
	g := Ones(5)
	g.Add(9, 4)
	if g.Prefix(4) != 5 {
		t.Fatalf("Prefix(4) = %d, want 5", g.Prefix(4))
	}
}

// TestMinHeapOrdersSecureNextWithoutScanH3: the heap behind SecureNext
// gives back its values in order, also after a filter and Heapify, as a
// queue's compaction does.
func TestMinHeapOrdersSecureNextWithoutScanH3(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		vs := rapid.SliceOf(rapid.Int32Range(0, 50)).Draw(t, "values")
		var h MinHeap
		for _, v := range vs {
			h.Push(v)
		}
		if len(vs) > 3 {
			h = slices.DeleteFunc(h, func(v int32) bool { return v%5 == 0 })
			h.Heapify()
			vs = slices.DeleteFunc(slices.Clone(vs), func(v int32) bool { return v%5 == 0 })
		}
		for _, w := range slices.Sorted(slices.Values(vs)) {
			if h[0] != w {
				t.Fatalf("min-heap gave %d, want %d", h[0], w)
			}
			if got, ok := h.Pop(); !ok || got != w {
				t.Fatalf("Pop gave %d, %v, want %d", got, ok, w)
			}
		}
		if _, ok := h.Pop(); ok {
			t.Fatal("Pop of an empty heap")
		}
	})
}

// TestMinHeapZero: the zero heap is empty and pops nothing.
func TestMinHeapZero(t *testing.T) {
	var h MinHeap
	if v, ok := h.Pop(); ok || v != 0 {
		t.Fatalf("Pop of the zero heap gave %d, %v", v, ok)
	}
	h.Heapify()
	h.Push(3)
	h.Push(1)
	if v, _ := h.Pop(); v != 1 {
		t.Fatalf("got %d, want 1", v)
	}
}

func BenchmarkFenwickPrefix(b *testing.B) {
	f := Ones(40_000)
	var s int32
	for b.Loop() {
		s += f.Prefix(39_999)
	}
	_ = s
}

func BenchmarkMinHeapPushPop(b *testing.B) {
	var h MinHeap
	b.ReportAllocs()
	for b.Loop() {
		for i := range int32(64) {
			h.Push(63 - i)
		}
		for range 64 {
			h.Pop()
		}
	}
}
