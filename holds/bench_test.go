package holds

import (
	"runtime"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
)

var sinkDate calendar.Date

func BenchmarkShelfDeadline(b *testing.B) {
	p := DefaultPolicy()
	ready := mustDay("2026-12-25")
	b.ReportAllocs()
	for b.Loop() {
		sinkDate = p.ShelfDeadline(ready, prefectural)
	}
}

// BenchmarkShelfDeadlineMillion recomputes the deadlines of 1,000,000
// reservations ready on days spread over 2020–2035, per iteration.
func BenchmarkShelfDeadlineMillion(b *testing.B) {
	p := DefaultPolicy()
	ready := make([]calendar.Date, 1_000_000)
	first := calendar.NewDate(2020, 1, 1)
	for i := range ready {
		ready[i] = first.AddDays(i * 7 % (16 * 365))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range ready {
			sinkDate = p.ShelfDeadline(d, prefectural)
		}
	}
}

var sinkTimeline Timeline

func BenchmarkTimeline(b *testing.B) {
	p := DefaultPolicy()
	secured := mustDay("2026-12-25")
	for _, place := range []circulation.Place{atPrefectural, atAssembly, atEbetsu, atHome} {
		b.Run(place.Method.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var err error
				if sinkTimeline, err = p.Timeline(securedFor(place, secured), cals, 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDesk places, secures, readies and collects one reservation per
// iteration on a desk of growing size, through Do.
func BenchmarkDesk(b *testing.B) {
	d, err := NewDesk(fixed{DefaultPolicy(), cals}, nil)
	if err != nil {
		b.Fatal(err)
	}
	today := mustDay("2026-11-16")
	items := []circulation.Item{item("book", circulation.OnLoan)}
	b.ReportAllocs()
	for b.Loop() {
		ch, err := d.Do(Request{Action: ActionReserve, Cart: Cart{Patron: "A", Items: items, Place: atPrefectural, Ordering: Normal}, Today: today})
		if err != nil {
			b.Fatal(err)
		}
		id := ch.Reservations[0].ID
		for _, r := range []Request{
			{Action: ActionSecure, Item: "book", Today: today},
			{Action: ActionMakeReady, ID: id, Today: today},
			{Action: ActionCollect, ID: id, Today: today},
		} {
			if _, err := d.Do(r); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkDeskPopularItem places 40,000 reservations of one item, one
// checkout per patron, then asks the position of each (H3): the worst
// queue of a popular title.
func BenchmarkDeskPopularItem(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		d, err := NewDesk(fixed{DefaultPolicy(), cals}, nil)
		if err != nil {
			b.Fatal(err)
		}
		rs := popularQueue(b, d, 40_000)
		for i, r := range rs {
			if d.Position(r.ID) != i+1 {
				b.Fatal("wrong position")
			}
		}
	}
}

var sinkReservations []Reservation

// BenchmarkDeskReservationsMillion lists one patron's reservations (My
// Page) on a desk of 1,000,000.
func BenchmarkDeskReservationsMillion(b *testing.B) {
	d, err := NewDesk(fixed{DefaultPolicy(), cals}, storedDesk(b, 1_000_000))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		sinkReservations = d.Reservations("patron-4242")
	}
}

var sinkDesk *Desk

// BenchmarkNewDeskMillion rebuilds a desk from 1,000,000 stored
// reservations, in ID order as All returns them and shuffled.
func BenchmarkNewDeskMillion(b *testing.B) {
	stored := storedDesk(b, 1_000_000)
	for _, c := range []struct {
		name   string
		stored []Reservation
	}{{"sorted", stored}, {"shuffled", shuffled(stored)}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var err error
				if sinkDesk, err = NewDesk(fixed{DefaultPolicy(), cals}, c.stored); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDeskHeapPerReservation reports the heap a desk keeps per
// reservation (B/reservation) after NewDesk of 1,000,000, the stored
// strings being shared with the caller's slice.
func BenchmarkDeskHeapPerReservation(b *testing.B) {
	const n = 1_000_000
	stored := storedDesk(b, n)
	var perRes float64
	for b.Loop() {
		sinkDesk = nil
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		d, err := NewDesk(fixed{DefaultPolicy(), cals}, stored)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(d)
		perRes = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / n
	}
	b.ReportMetric(perRes, "B/reservation")
}

var sinkErr error

// BenchmarkCheckoutRefusesHugeCart refuses a cart of 40,000 items: over
// the limit of H1, every item checked.
func BenchmarkCheckoutRefusesHugeCart(b *testing.B) {
	d, err := NewDesk(fixed{DefaultPolicy(), cals}, nil)
	if err != nil {
		b.Fatal(err)
	}
	r := Request{Action: ActionReserve, Cart: bigCart(40_000), Today: mustDay("2026-11-16")}
	b.ReportAllocs()
	for b.Loop() {
		if _, sinkErr = d.Do(r); sinkErr == nil {
			b.Fatal("accepted")
		}
	}
}
