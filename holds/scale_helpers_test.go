package holds

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/kashidashi/kashidashi/circulation"
)

// storedDesk returns n stored reservations as a host at library scale
// keeps them: five per patron, ten per item, one in ten collected and one
// in ten cancelled, the rest waiting. The identifier strings are built
// once and shared, so that a measure of the desk's memory counts only the
// desk's own overhead.
func storedDesk(tb testing.TB, n int) []Reservation {
	tb.Helper()
	patrons := make([]string, max(n/5, 10))
	for i := range patrons {
		patrons[i] = "patron-" + strconv.Itoa(i)
	}
	items := make([]string, n/10+1)
	for i := range items {
		items[i] = "item-" + strconv.Itoa(i)
	}
	placed, secured, ready := mustDay("2026-11-02"), mustDay("2026-11-04"), mustDay("2026-11-05")
	deadline, ended := mustDay("2026-11-18"), mustDay("2026-11-10")
	rs := make([]Reservation, n)
	for i := range rs {
		r := Reservation{
			ID: uint64(i + 1), Patron: patrons[i%len(patrons)], Item: items[i/10],
			Place: atPrefectural, State: Waiting, PlacedOn: placed,
		}
		switch i % 10 {
		case 3:
			r.State, r.SecuredOn, r.ReadyOn, r.Deadline, r.CollectedOn = Collected, secured, ready, deadline, ended
		case 7:
			r.State, r.EndedOn, r.CancelledBy = Cancelled, ended, ByPatron
		}
		rs[i] = r
	}
	return rs
}

// shuffled returns a copy of rs in a fixed pseudo-random order.
func shuffled(rs []Reservation) []Reservation {
	out := append([]Reservation(nil), rs...)
	rng := rand.New(rand.NewPCG(1, 2))
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// popularQueue places n reservations of one item, by n patrons, one
// checkout each, and returns them.
func popularQueue(tb testing.TB, d *Desk, n int) []Reservation {
	tb.Helper()
	today := mustDay("2026-11-16")
	items := []circulation.Item{item("popular", circulation.OnLoan)}
	out := make([]Reservation, n)
	for i := range out {
		ch, err := d.Do(Request{Action: ActionReserve, Cart: Cart{Patron: "p" + strconv.Itoa(i), Items: items, Place: atPrefectural, Ordering: Normal}, Today: today})
		if err != nil {
			tb.Fatal(err)
		}
		out[i] = ch.Reservations[0]
	}
	return out
}

// bigCart returns a cart of n distinct items.
func bigCart(n int) Cart {
	items := make([]circulation.Item, n)
	for i := range items {
		items[i] = item("item-"+strconv.Itoa(i), circulation.OnLoan)
	}
	return Cart{Patron: "A", Items: items, Place: atPrefectural, Ordering: Normal}
}
