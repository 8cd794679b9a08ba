package holds

import (
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
)

// The desk's index structures against plain slices: a Fenwick tree's
// prefix sums are the sums of its slots, heaps give back their entries in
// order.

func TestFenwickPositionWithoutQueueScanH3(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start := rapid.IntRange(0, 40).Draw(t, "ones")
		f, plain := ones(start), slices.Repeat([]int32{1}, start)
		for range rapid.IntRange(0, 100).Draw(t, "steps") {
			if len(plain) == 0 || rapid.Bool().Draw(t, "push") {
				v := int32(rapid.IntRange(0, 3).Draw(t, "v"))
				f.push(v)
				plain = append(plain, v)
			} else {
				i := rapid.IntRange(0, len(plain)-1).Draw(t, "i")
				f.add(i, -plain[i])
				plain[i] = 0
			}
			var sum int32
			for i, v := range plain {
				if sum += v; f.prefix(i) != sum {
					t.Fatalf("prefix(%d) = %d, want %d", i, f.prefix(i), sum)
				}
			}
		}
	})
}

func TestHeapsOrderSecureNextAndExpireDueWithoutScanH3H4(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		vs := rapid.SliceOf(rapid.Int32Range(0, 50)).Draw(t, "values")
		var h minHeap
		var s shelf
		first := calendar.NewDate(2026, 1, 1)
		for _, v := range vs {
			h.push(v)
			s.push(shelfEntry{first.AddDays(int(v % 7)), v})
		}
		if len(vs) > 3 { // filtered and heapified, as a compaction does
			h = slices.DeleteFunc(h, func(v int32) bool { return v%5 == 0 })
			h.heapify()
			vs = slices.DeleteFunc(slices.Clone(vs), func(v int32) bool { return v%5 == 0 })
		}
		want := slices.Sorted(slices.Values(vs))
		for _, w := range want {
			if h[0] != w {
				t.Fatalf("min-heap gave %d, want %d", h[0], w)
			}
			h.pop()
		}
		var last shelfEntry
		for k := 0; len(s) > 0; k++ {
			e := s.pop()
			if k > 0 && e.less(last) {
				t.Fatalf("shelf gave %v after %v", e, last)
			}
			last = e
		}
	})
}
