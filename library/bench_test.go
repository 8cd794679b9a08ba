package library

import (
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
)

var sinkConsequences []Consequence

// benchData is n loans and n reservations spread over 2027, at the
// Prefectural Library, three partner libraries and home delivery, in
// every state: generated, deterministic.
func benchData(b *testing.B, l *Library, n int) ([]circulation.Loan, []holds.Reservation) {
	b.Helper()
	places := []circulation.Place{atPrefectural, atPrefectural, atEbetsu, atHome,
		{Method: circulation.PartnerLibrary, Library: "小樽市立図書館"},
		{Method: circulation.PartnerLibrary, Library: "旭川市中央図書館"},
		{Method: circulation.AssemblyLibrary}}
	start := day("2027-01-01")
	cals := l.Calendars(start)
	hp := l.HoldPolicy(start)
	loans := make([]circulation.Loan, n)
	rs := make([]holds.Reservation, n)
	x := uint64(42)
	next := func() int { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return int(x >> 1) }
	for i := range loans {
		p := places[next()%len(places)]
		loaned := start.AddDays(next() % 365)
		loans[i] = circulation.Loan{Item: "i", Place: p, Loaned: loaned, Due: loaned.AddDays(14)}
	}
	states := []holds.State{holds.Waiting, holds.Waiting, holds.Waiting, holds.Ready, holds.Secured, holds.InTransit, holds.Collected}
	for i := range rs {
		p := places[next()%len(places)]
		on := start.AddDays(next() % 365)
		r := holds.Reservation{ID: uint64(i + 1), Patron: "p", Item: "i", Place: p, State: states[next()%len(states)], PlacedOn: on, SecuredOn: on}
		switch {
		case r.State == holds.Ready && p.Method != circulation.HomeDelivery:
			at, _ := cals.At(p)
			r.ReadyOn = on
			r.Deadline = hp.ShelfDeadline(at.AddOpenDays(on, 1), at)
		case r.State == holds.InTransit:
			r.ShippedOn = on.AddDays(1)
		case r.State == holds.Waiting:
			r.SecuredOn = calendar.Date{}
		}
		rs[i] = r
	}
	return loans, rs
}

func benchLibrary(b *testing.B) *Library {
	c := withPartners()
	for _, name := range []string{"小樽市立図書館", "旭川市中央図書館"} {
		c.Sites = append(c.Sites, Site{ID: "p" + string(rune('a'+len(c.Sites))), Name: name, Kind: Partner, Rules: ebetsuRules()})
	}
	return mustNew(b, c)
}

// A snowstorm closes the Prefectural Library for two days: over a
// million loans and a million reservations (X1–X4).
func BenchmarkConsequencesSnowstorm(b *testing.B) {
	benchClosing(b, "prefectural", "2027-02-17", "2027-02-18", "臨時休館（大雪）", "closed (snowstorm)")
}

// One partner library closes for a day: few of the two million items
// are touched, and allocations follow them, not the input.
func BenchmarkConsequencesFew(b *testing.B) {
	benchClosing(b, "ebetsu", "2027-06-09", "2027-06-09", "臨時休館", "closed")
}

// benchClosing measures the consequences of closing the place key from
// from to to over a million loans and a million reservations.
func benchClosing(b *testing.B, key, from, to, name, nameEn string) {
	l := benchLibrary(b)
	loans, rs := benchData(b, l, 1_000_000)
	ch, err := l.Closing(key, calendar.Closure{From: day(from), To: day(to), Name: name, NameEn: nameEn})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if sinkConsequences, err = l.Consequences(ch, loans, rs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(sinkConsequences)), "consequences")
}

// Loading the default document: reading, checking and compiling four
// calendars over the span 1955–2100.
func BenchmarkLoadDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(defaultJSON); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDefault is the cost of Default after its first call: the
// embedded document is compiled once.
func BenchmarkDefault(b *testing.B) {
	Default()
	b.ReportAllocs()
	for b.Loop() {
		Default()
	}
}
