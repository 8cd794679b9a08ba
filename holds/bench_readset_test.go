package holds

import (
	"fmt"
	"testing"

	"github.com/kashidashi/kashidashi/circulation"
)

// readSetCheckout is the checkout the read-set benchmarks and tests make:
// one item by patron-1, who has five active reservations in a store of
// storedDesk's shape, whatever its size.
func readSetCheckout() Request {
	return Request{
		Action: ActionReserve,
		Cart:   Cart{Patron: "patron-1", Items: []circulation.Item{item("new-item", circulation.OnLoan)}, Place: atPrefectural, Ordering: Normal},
		Today:  mustDay("2026-11-16"),
	}
}

// checkoutOnPartialDesk loads the read set of req from store, builds the
// partial desk and decides req, as a host does in one transaction, and
// returns the rows loaded.
func checkoutOnPartialDesk(tb testing.TB, store *HostStore, req Request) int {
	d, _, rows, err := store.PartialDesk(fixed{DefaultPolicy(), cals}, req)
	if err != nil {
		tb.Fatal(err)
	}
	ch, err := d.Do(req)
	if err != nil || len(ch.Reservations) != 1 || ch.Reservations[0].ID != store.NextID() {
		tb.Fatalf("checkout: %+v, %v", ch, err)
	}
	return len(rows)
}

// BenchmarkReadSetCheckout makes the same checkout on a partial desk over
// a host's store (HostStore, maps by ID, item and patron) of 1,000 and of
// 1,000,000 reservations: load the read set (two rounds), build the
// partial desk, decide. The change is not stored, so that every iteration
// is the same checkout.
func BenchmarkReadSetCheckout(b *testing.B) {
	for _, n := range []int{1_000, 1_000_000} {
		b.Run(fmt.Sprintf("stored=%d", n), func(b *testing.B) {
			store := NewHostStore(storedDesk(b, n))
			req := readSetCheckout()
			b.ReportAllocs()
			for b.Loop() {
				checkoutOnPartialDesk(b, store, req)
			}
		})
	}
}

// TestReadSetCheckoutCostIndependentOfStoreSizeH1: a checkout on a partial
// desk loads the patron's five active reservations and allocates as much
// over a store of 200,000 reservations as over one of 1,000: its cost
// does not grow with the reservations stored (BenchmarkReadSetCheckout
// times it).
func TestReadSetCheckoutCostIndependentOfStoreSizeH1(t *testing.T) {
	req := readSetCheckout()
	var allocs []float64
	for _, n := range []int{1_000, 200_000} {
		store := NewHostStore(storedDesk(t, n))
		if rows := checkoutOnPartialDesk(t, store, req); rows != 5 {
			t.Fatalf("%d stored: the checkout loaded %d rows, want the patron's 5", n, rows)
		}
		allocs = append(allocs, testing.AllocsPerRun(10, func() { checkoutOnPartialDesk(t, store, req) }))
	}
	if allocs[0] != allocs[1] {
		t.Fatalf("allocations per checkout: %v over 1,000 stored, %v over 200,000", allocs[0], allocs[1])
	}
}
