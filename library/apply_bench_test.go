package library

import (
	"fmt"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
)

var sinkApplied Applied

// applyRecords is n loans and n reservations outstanding on the day
// before a closure from from: loans made in the 30 days before it (due
// within the month after), reservations secured, on their way or ready
// in the two weeks before it, at the Prefectural Library, the Assembly
// Library, three partner libraries and home delivery, every item its
// own, 200,000 patrons: generated, deterministic.
func applyRecords(b *testing.B, l *Library, from calendar.Date, n int) ([]LoanRecord, []ReservationRecord) {
	b.Helper()
	places := []circulation.Place{atPrefectural, atPrefectural, atEbetsu, atHome,
		{Method: circulation.PartnerLibrary, Library: "小樽市立図書館"},
		{Method: circulation.PartnerLibrary, Library: "旭川市中央図書館"},
		{Method: circulation.AssemblyLibrary}}
	cals := l.Calendars(from)
	hp := l.HoldPolicy(from)
	x := uint64(42)
	next := func() int { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return int(x >> 1) }
	patrons := make([]string, 200_000)
	for i := range patrons {
		patrons[i] = fmt.Sprintf("p%06d", i)
	}
	loans := make([]LoanRecord, n)
	for i := range loans {
		p := places[next()%len(places)]
		ln := circulation.Loan{Item: fmt.Sprintf("i%07d", i), Place: p, Loaned: from.AddDays(-1 - next()%30)}
		at, _ := cals.At(p)
		due, err := l.CirculationPolicy(ln.Loaned).DueDate(ln, at)
		if err != nil {
			b.Fatal(err)
		}
		ln.Due = due
		loans[i] = LoanRecord{Patron: patrons[next()%len(patrons)], Loan: ln}
	}
	states := []holds.State{holds.Waiting, holds.Secured, holds.InTransit, holds.Ready, holds.Ready, holds.Collected}
	rs := make([]ReservationRecord, n)
	for i := range rs {
		p := places[next()%len(places)]
		on := from.AddDays(-1 - next()%14)
		r := holds.Reservation{ID: uint64(i + 1), Patron: patrons[next()%len(patrons)], Item: fmt.Sprintf("r%07d", i), Place: p,
			State: states[next()%len(states)], PlacedOn: on.AddDays(-7), SecuredOn: on}
		switch {
		case r.State == holds.Ready && p.Method != circulation.HomeDelivery:
			at, _ := cals.At(p)
			r.ReadyOn = on
			r.Deadline = hp.ShelfDeadline(at.AddOpenDays(on, 1), at)
		case r.State == holds.Ready || r.State == holds.InTransit:
			r.State, r.ShippedOn = holds.InTransit, on
		case r.State == holds.Waiting:
			r.SecuredOn = calendar.Date{}
		}
		rs[i] = ReservationRecord{Reservation: r}
	}
	return loans, rs
}

// A snowstorm closes the Prefectural Library on Wednesday 2027-02-17 and
// Thursday 2027-02-18 (X5), under the published rules: due dates stand.
func BenchmarkApplySnowstorm(b *testing.B) {
	benchApply(b, circulation.DueDateStands, ApplyOptions{})
}

// The same under "next open day", the moved due dates spread over five
// open days at most 8,000 a day (X5, X7).
func BenchmarkApplySnowstormSpread(b *testing.B) {
	benchApply(b, circulation.DueDateNextOpenDay, ApplyOptions{SpreadDays: 5, SpreadPerDay: 8000})
}

// benchApply measures applying the snowstorm to a million loans and a
// million reservations under closed-day rule r.
func benchApply(b *testing.B, r circulation.DueDateRule, opt ApplyOptions) {
	c := withPartners()
	c.Policies.Circulation.DueOnClosedDay = r
	for _, name := range []string{"小樽市立図書館", "旭川市中央図書館"} {
		c.Sites = append(c.Sites, Site{ID: "p" + string(rune('a'+len(c.Sites))), Name: name, Kind: Partner, Rules: ebetsuRules()})
	}
	l := mustNew(b, c)
	from := day("2027-02-17")
	loans, rs := applyRecords(b, l, from, 1_000_000)
	ch, err := l.Closing("prefectural", calendar.Closure{From: from, To: day("2027-02-18"), Name: "臨時休館（大雪）", NameEn: "closed (snowstorm)"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if sinkApplied, err = l.Apply(ch, loans, rs, opt); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(sinkApplied.Loans)), "loans")
	b.ReportMetric(float64(len(sinkApplied.Reservations)), "reservations")
}
