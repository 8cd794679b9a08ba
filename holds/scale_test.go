package holds

import (
	"errors"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/circulation"
)

// The scale tests run the desk at library scale and check its answers.
// With KASHIDASHI_TIMING=1 they also time it against budgets some ten
// times what it needs, so that an operation that scans a queue or the
// desk fails (before the indexes, each took seconds); by default they
// only log the time, since a busy or cold machine may take longer. The
// benchmarks (bench_test.go) measure the same operations.

// fastest returns the shortest of n runs of f: the machine's load only
// ever adds time.
func fastest(n int, f func()) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range n {
		start := time.Now()
		f()
		best = min(best, time.Since(start))
	}
	return best
}

// within logs how long what took and, with KASHIDASHI_TIMING=1 only,
// fails t when took exceeds budget (times the race detector's slowdown).
func within(t *testing.T, what string, took, budget time.Duration) {
	t.Helper()
	budget *= slowdown
	t.Logf("%s took %v, budget %v", what, took, budget)
	if os.Getenv("KASHIDASHI_TIMING") == "1" && took > budget {
		t.Errorf("%s took %v, budget %v", what, took, budget)
	}
}

func TestPopularItemQueueScanQuadraticH3(t *testing.T) {
	// 40,000 reservations of one item, two in three cancelled (the queue
	// compacts itself on the way) and the first hundred left secured:
	// each position is still right (H3), and placing them, cancelling and
	// asking each position does not cost a scan of the queue each.
	const n = 40_000
	kept := func(i int) bool { return i%3 == 1 }
	var rs []Reservation
	d := newDesk(t)
	today := mustDay("2026-11-16")
	took := fastest(1, func() {
		rs = popularQueue(t, d.Desk, n)
		for i, r := range rs {
			if !kept(i) {
				if _, _, err := d.Cancel(r.ID, ByStaff, today, staffOverride); err != nil {
					t.Fatal(err)
				}
			}
		}
		for range 100 {
			if _, err := d.SecureNext("popular", today); err != nil {
				t.Fatal(err)
			}
		}
		want := 0
		for i, r := range rs {
			got := d.Position(r.ID)
			if !kept(i) {
				if got != 0 {
					t.Fatalf("cancelled reservation %d at position %d", r.ID, got)
				}
				continue
			}
			if want++; got != want {
				t.Fatalf("reservation %d at position %d, want %d", r.ID, got, want)
			}
		}
	})
	within(t, "placing, cancelling and positioning 40,000 reservations of one item", took, 1500*time.Millisecond)
	q := d.Queue("popular")
	require.Len(t, q, n/3)
	for k, r := range q {
		assert.Equal(t, k < 100, r.State == Secured, "H3 first come, first served: %d", k)
	}
	// Newcomers queue up behind, and the next copy goes to the first
	// still waiting.
	late := reserve(t, d, "late", "popular", "2026-11-17")
	assert.Equal(t, n/3+1, d.Position(late.ID))
	s, err := d.SecureNext("popular", today)
	require.NoError(t, err)
	assert.Equal(t, q[100].ID, s.ID)
}

func TestReservationsOfPatronScanWholeDeskH3(t *testing.T) {
	// My Page lists a patron's reservations without reading the other
	// 199,995 of the desk.
	d, err := NewDesk(fixed{DefaultPolicy(), cals}, storedDesk(t, 200_000))
	require.NoError(t, err)
	var got []Reservation
	took := fastest(5, func() {
		for range 100 {
			got = d.Reservations("patron-4242")
		}
	})
	within(t, "100 listings of one patron's reservations", took, 5*time.Millisecond)
	require.Len(t, got, 5)
	for k, r := range got {
		assert.Equal(t, "patron-4242", r.Patron)
		assert.True(t, r.State.Active())
		if k > 0 {
			assert.Less(t, got[k-1].ID, r.ID, "in ID order")
		}
	}
	assert.Equal(t, 5, d.Active("patron-4242"))
	assert.Empty(t, d.Reservations("patron-4243"), "all five collected")
}

func TestCheckoutHugeCartQuadraticDuplicates(t *testing.T) {
	// A cart of 40,000 items is refused at once (H1), each item checked
	// against the others and the patron's reservations in linear time
	// (BenchmarkCheckoutRefusesHugeCart measures it).
	d := newDesk(t)
	reserve(t, d, "A", "item-7", "2026-11-15")
	c := bigCart(40_000)
	c.Items = append(c.Items, c.Items[123])
	var err error
	took := fastest(5, func() { _, _, err = d.Checkout(c, mustDay("2026-11-16"), circulation.Override{}) })
	within(t, "refusing a cart of 40,000 items", took, 10*time.Millisecond)
	assert.ErrorIs(t, err, circulation.ErrReservationLimit)
	assert.Equal(t, []string{"reservation.limit", "reservation.duplicate item-7", "reservation.duplicate item-123"}, reasonsOf(t, err),
		"already reserved, and twice in the cart")
}

// TestCheckoutHugeCartOfDuplicatesStaysSmall: a cart of 40,000 items the
// patron already reserved is refused with a refusal of bounded size: 16
// reasons listed, each with its item, and the rest counted.
func TestCheckoutHugeCartOfDuplicatesStaysSmall(t *testing.T) {
	d := newDesk(t)
	c := bigCart(40_000)
	_, err := d.Do(Request{Action: ActionReserve, Cart: c, Today: mustDay("2026-11-16"),
		Override: circulation.Override{Staff: "s", Codes: circulation.CodesOf(circulation.ErrReservationLimit)}})
	require.NoError(t, err, "H1 let go by staff")
	_, _, err = d.Checkout(c, mustDay("2026-11-17"), circulation.Override{})
	got := reasonsOf(t, err)
	assert.Len(t, got, 18, "the limit, 16 duplicates and the entry counting the rest")
	assert.Equal(t, "reservation.duplicate item-0", got[1])
	assert.Less(t, len(err.Error()), 200)
}

func TestSecureNextWalksHeldBackReadingOrdersH2(t *testing.T) {
	// 10,000 patrons reserve their own first volume and then a popular
	// second one in reading order (H2): every reservation of the second
	// is held back. Asking for the next in line does not walk them all.
	const n = 10_000
	d := newDesk(t)
	today := mustDay("2026-11-16")
	for i := range n {
		items := []circulation.Item{item("first-"+strconv.Itoa(i), circulation.OnLoan), item("second", circulation.OnLoan)}
		_, _, err := d.Checkout(Cart{Patron: "p" + strconv.Itoa(i), Items: items, Place: atPrefectural, Ordering: ReadingOrder}, today, circulation.Override{})
		require.NoError(t, err)
	}
	took := fastest(1, func() {
		for range n {
			if _, err := d.SecureNext("second", today); !errors.Is(err, ErrOrderPending) {
				t.Fatalf("got %v, want ErrOrderPending", err)
			}
		}
	})
	within(t, "10,000 calls with 10,000 held back", took, 200*time.Millisecond)
	// The last patron's first volume comes in: their second volume may go
	// ahead of the 9,999 before them, who keep their places (H2, H3).
	last := "p" + strconv.Itoa(n-1)
	_, err := d.SecureNext("first-"+strconv.Itoa(n-1), today)
	require.NoError(t, err)
	s, err := d.SecureNext("second", today)
	require.NoError(t, err)
	assert.Equal(t, last, s.Patron)
	assert.Equal(t, n, d.Position(s.ID))
	_, err = d.SecureNext("second", today)
	assert.ErrorIs(t, err, ErrOrderPending)
	// Cancelling the first volume of p7 lets its second go ahead (H2).
	first7 := d.Reservations("p7")[0]
	_, _, err = d.Cancel(first7.ID, ByPatron, today, circulation.Override{})
	require.NoError(t, err)
	s, err = d.SecureNext("second", today)
	require.NoError(t, err)
	assert.Equal(t, "p7", s.Patron)
}

func TestSecureNextWalksSecuredQueueQuadraticH3(t *testing.T) {
	// A copy at a time, 20,000 reservations of one item are secured in
	// queue order (H3) without walking past the ones already secured each
	// time; with the item held for reading orders, as the cursor serves
	// that policy.
	const n = 20_000
	p := DefaultPolicy()
	p.HoldForReadingOrder = true
	d := newDeskWith(t, p)
	rs := popularQueue(t, d.Desk, n)
	today := mustDay("2026-11-17")
	took := fastest(1, func() {
		for i := range n {
			s, err := d.SecureNext("popular", today)
			if err != nil || s.ID != rs[i].ID {
				t.Fatalf("secured %d (%v), want %d", s.ID, err, rs[i].ID)
			}
		}
	})
	within(t, "securing 20,000 reservations one by one", took, 300*time.Millisecond)
	_, err := d.SecureNext("popular", today)
	assert.ErrorIs(t, err, ErrNobodyWaiting)
	assert.Equal(t, n, d.Position(rs[n-1].ID), "secured ones keep their places")
}
