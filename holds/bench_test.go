package holds

import (
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
		r := route(b, place, 0)
		b.Run(place.Method.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var err error
				if sinkTimeline, err = p.Timeline(secured, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDesk places, secures, readies and collects one reservation per
// iteration on a desk of growing size.
func BenchmarkDesk(b *testing.B) {
	d, err := NewDesk(DefaultPolicy(), nil)
	if err != nil {
		b.Fatal(err)
	}
	today := mustDay("2026-11-16")
	items := []CartItem{{Item: "book", Status: circulation.OnLoan}}
	b.ReportAllocs()
	for b.Loop() {
		rs, err := d.Checkout(Cart{Patron: "A", Items: items, Place: atPrefectural, Ordering: Normal}, today)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := d.SecureNext("book", today); err != nil {
			b.Fatal(err)
		}
		if _, err := d.MakeReady(rs[0].ID, today, prefectural); err != nil {
			b.Fatal(err)
		}
		if _, _, err := d.Collect(rs[0].ID, today, false, prefectural); err != nil {
			b.Fatal(err)
		}
	}
}
