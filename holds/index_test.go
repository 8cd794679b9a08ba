package holds

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
)

// TestShelfOrdersExpireDueWithoutScanH4: the hold shelf's heap gives
// back its entries by deadline, then dense index (the Fenwick tree and
// the queue's heap are internal/ds's, tested there).
func TestShelfOrdersExpireDueWithoutScanH4(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		vs := rapid.SliceOf(rapid.Int32Range(0, 50)).Draw(t, "values")
		var s shelf
		first := calendar.NewDate(2026, 1, 1)
		for _, v := range vs {
			s.push(shelfEntry{first.AddDays(int(v % 7)), v})
		}
		var last shelfEntry
		n := 0
		for k := 0; len(s) > 0; k++ {
			e := s.pop()
			if k > 0 && e.less(last) {
				t.Fatalf("shelf gave %v after %v", e, last)
			}
			last = e
			n++
		}
		if n != len(vs) {
			t.Fatalf("shelf gave %d entries of %d", n, len(vs))
		}
	})
}
