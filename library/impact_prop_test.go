package library

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
)

// X1–X4: Consequences, which tests each item against the changed days
// only, lists exactly what working every date out again before and after
// the change gives: holds.Policy.Timeline for secured reservations (its
// courier day, first collectable day and deadline), the shelf deadline
// for ready ones, the collectable day and the deadline for those on
// their way, the due date's day for loans.
func TestConsequencesMatchRecomputingX1X2X3X4(t *testing.T) {
	l := mustNew(t, withPartners())
	places := []circulation.Place{atPrefectural, atEbetsu, atHome}
	keys := []string{"prefectural", "ebetsu", "courier"}
	base := day("2027-01-04")
	rapid.Check(t, func(t *rapid.T) {
		from := base.AddDays(rapid.IntRange(0, 60).Draw(t, "from"))
		to := from.AddDays(rapid.IntRange(0, 4).Draw(t, "days"))
		key := rapid.SampledFrom(keys).Draw(t, "closed")
		ch, err := l.Closing(key, calendar.Closure{From: from, To: to, Name: "臨時休館", NameEn: "closed"})
		if err != nil {
			t.Fatal(err)
		}
		hp := l.HoldPolicy(from)
		dayNear := func(label string) calendar.Date { return from.AddDays(rapid.IntRange(-20, 8).Draw(t, label)) }

		var loans []circulation.Loan
		for range rapid.IntRange(0, 8).Draw(t, "loans") {
			p := rapid.SampledFrom(places).Draw(t, "loan place")
			due := dayNear("due")
			loans = append(loans, circulation.Loan{Item: "i", Place: p, Loaned: due.AddDays(-14), Due: due})
		}
		var rs []holds.Reservation
		for i := range rapid.IntRange(0, 8).Draw(t, "reservations") {
			p := rapid.SampledFrom(places).Draw(t, "place")
			on := dayNear("on")
			r := holds.Reservation{ID: uint64(i + 1), Patron: "A", Item: "i", Place: p, PlacedOn: on.AddDays(-5), SecuredOn: on}
			at, _ := ch.Before.At(p)
			switch rapid.IntRange(0, 2).Draw(t, "state") {
			case 0:
				r.State = holds.Secured
			case 1:
				if p.Method == circulation.HomeDelivery {
					continue
				}
				r.State, r.ReadyOn = holds.Ready, on
				first := at.AddOpenDays(on, 1)
				if p.Method == circulation.PartnerLibrary {
					r.ShippedOn = on.AddDays(-1)
					first = at.NextOpen(r.ShippedOn.AddDays(2))
				}
				r.Deadline = hp.ShelfDeadline(first, at)
			case 2:
				if p.Method != circulation.PartnerLibrary {
					continue
				}
				r.State, r.ShippedOn = holds.InTransit, on
			}
			rs = append(rs, r)
		}

		got, err := l.Consequences(ch, loans, rs)
		if err != nil {
			t.Fatal(err)
		}
		var want []Consequence
		note := func(loan int, id uint64, p circulation.Place, old, new calendar.Date) {
			if old != new {
				want = append(want, Consequence{Loan: loan, Reservation: id, Place: p, Old: old, New: new})
			}
		}
		for i, ln := range loans {
			b, _ := ch.Before.At(ln.Place)
			a, _ := ch.After.At(ln.Place)
			if b.IsOpen(ln.Due) && !a.IsOpen(ln.Due) {
				want = append(want, Consequence{Loan: i, Place: ln.Place, Old: ln.Due, New: ln.Due})
			}
		}
		for _, r := range rs {
			b, _ := ch.Before.At(r.Place)
			a, _ := ch.After.At(r.Place)
			switch r.State {
			case holds.Secured:
				tb, err1 := hp.Timeline(r, ch.Before, 0)
				ta, err2 := hp.Timeline(r, ch.After, 0)
				if err1 != nil || err2 != nil {
					t.Fatal(err1, err2)
				}
				note(-1, r.ID, r.Place, tb.Sent, ta.Sent)
				if r.Place.Method == circulation.PartnerLibrary {
					note(-1, r.ID, r.Place, tb.FirstPickup, ta.FirstPickup)
				}
				note(-1, r.ID, r.Place, tb.Deadline, ta.Deadline) // the deadline the notice gave (V1)
			case holds.Ready:
				first := a.AddOpenDays(r.ReadyOn, 1)
				if r.Place.Method == circulation.PartnerLibrary {
					first = a.NextOpen(r.ShippedOn.AddDays(2))
				}
				note(-1, r.ID, r.Place, r.Deadline, hp.ShelfDeadline(first, a))
			case holds.InTransit:
				fb, fa := ch.Before.Courier.Collectable(r.ShippedOn, b), ch.After.Courier.Collectable(r.ShippedOn, a)
				note(-1, r.ID, r.Place, fb, fa)
				note(-1, r.ID, r.Place, hp.ShelfDeadline(fb, b), hp.ShelfDeadline(fa, a))
			}
		}
		if len(got) != len(want) {
			t.Fatalf("got %d consequences, want %d:\n%v\n%v", len(got), len(want), got, want)
		}
		for i := range got {
			g := got[i]
			g.Reason = nil
			if g != want[i] {
				t.Fatalf("consequence %d: got %+v, want %+v", i, g, want[i])
			}
		}
	})
}
