package library

import (
	"fmt"
	"testing"

	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
)

// applyCase is a closure drawn near the start of 2027 and records
// around it: loans due near it at the Prefectural Library, a partner
// library and home delivery, and reservations secured, on their way or
// ready, every item its own.
type applyCase struct {
	l     *Library
	ch    Change
	loans []LoanRecord
	rs    []ReservationRecord
}

func drawApplyCase(t *rapid.T, libs []*Library) applyCase {
	l := rapid.SampledFrom(libs).Draw(t, "policy")
	from := day("2027-01-04").AddDays(rapid.IntRange(0, 60).Draw(t, "from"))
	to := from.AddDays(rapid.IntRange(0, 4).Draw(t, "days"))
	key := rapid.SampledFrom([]string{"prefectural", "ebetsu", "courier"}).Draw(t, "closed")
	ch, err := l.Closing(key, calendar.Closure{From: from, To: to, Name: "臨時休館", NameEn: "closed"})
	if err != nil {
		t.Fatal(err)
	}
	c := applyCase{l: l, ch: ch}
	places := []circulation.Place{atPrefectural, atEbetsu, atHome}
	near := func(label string) calendar.Date { return from.AddDays(rapid.IntRange(-20, 8).Draw(t, label)) }
	patrons := []string{"A", "B", "C", "D"}
	for i := range rapid.IntRange(0, 40).Draw(t, "loans") {
		due := near("due")
		c.loans = append(c.loans, LoanRecord{Patron: rapid.SampledFrom(patrons).Draw(t, "patron"),
			Loan: circulation.Loan{Item: fmt.Sprintf("loan-%d", i), Place: rapid.SampledFrom(places).Draw(t, "loan place"),
				Loaned: due.AddDays(-14), Due: due}})
	}
	hp := l.HoldPolicy(from)
	for i := range rapid.IntRange(0, 12).Draw(t, "reservations") {
		p := rapid.SampledFrom(places).Draw(t, "place")
		on := near("on")
		r := holds.Reservation{ID: uint64(i + 1), Patron: rapid.SampledFrom(patrons).Draw(t, "patron"), Item: fmt.Sprintf("res-%d", i),
			Place: p, PlacedOn: on.AddDays(-5), SecuredOn: on, State: holds.Secured}
		at, _ := ch.Before.At(p)
		switch rapid.IntRange(0, 2).Draw(t, "state") {
		case 1:
			if p.Method == circulation.HomeDelivery {
				break
			}
			r.State, r.ReadyOn = holds.Ready, on
			first := at.AddOpenDays(on, 1)
			if p.Method == circulation.PartnerLibrary {
				r.ShippedOn = on.AddDays(-1)
				first = at.NextOpen(r.ShippedOn.AddDays(2))
			}
			// A deadline the desk set, or one a host extended.
			r.Deadline = at.AddOpenDays(hp.ShelfDeadline(first, at), rapid.IntRange(0, 3).Draw(t, "extra"))
		case 2:
			if p.Method == circulation.PartnerLibrary {
				r.State, r.ShippedOn = holds.InTransit, on
			}
		}
		c.rs = append(c.rs, ReservationRecord{Reservation: r})
	}
	return c
}

// store returns the records with those a result applied replaced by the
// records it gives, as a host stores them.
func store(loans []LoanRecord, rs []ReservationRecord, a Applied) ([]LoanRecord, []ReservationRecord) {
	loans, rs = append([]LoanRecord(nil), loans...), append([]ReservationRecord(nil), rs...)
	for _, x := range a.Loans {
		loans[x.Index] = x.Record
	}
	for _, x := range a.Reservations {
		rs[x.Index] = x.Record
	}
	return loans, rs
}

// X5: applying a closure to the records it gave changes nothing, with
// or without spreading; every record it gives keeps its original date
// and names the closure; the input is not changed.
func TestApplyX5IdempotentProperty(t *testing.T) {
	libs := []*Library{mustNew(t, withPartners()), nextOpenDay(t),
		withRule(t, circulation.DueDatePreviousOpenDay), withRule(t, circulation.DueDateEndOfClosure)}
	rapid.Check(t, func(t *rapid.T) {
		c := drawApplyCase(t, libs)
		var opt ApplyOptions
		if rapid.Bool().Draw(t, "spread") {
			opt = ApplyOptions{SpreadDays: rapid.IntRange(1, 5).Draw(t, "N"), SpreadPerDay: rapid.IntRange(1, 4).Draw(t, "M")}
		}
		inLoans, inRs := append([]LoanRecord(nil), c.loans...), append([]ReservationRecord(nil), c.rs...)
		first, err := c.l.Apply(c.ch, c.loans, c.rs, opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range first.Loans {
			if a.Record.Mark != (Mark{From: c.ch.From, To: c.ch.To, Original: c.loans[a.Index].Loan.Due}) || a.Original != c.loans[a.Index].Loan.Due {
				t.Fatalf("loan %d: mark %+v, original %v, was due %v", a.Index, a.Record.Mark, a.Original, c.loans[a.Index].Loan.Due)
			}
			if a.Record.Loan.Due != a.New {
				t.Fatalf("loan %d: record due %v, new %v", a.Index, a.Record.Loan.Due, a.New)
			}
		}
		for _, a := range first.Reservations {
			if a.Record.Mark.From != c.ch.From || a.Record.Mark.To != c.ch.To {
				t.Fatalf("reservation %d: mark %+v", a.Index, a.Record.Mark)
			}
		}
		for i := range inLoans {
			if inLoans[i] != c.loans[i] {
				t.Fatalf("loan %d changed in the input", i)
			}
		}
		for i := range inRs {
			if inRs[i] != c.rs[i] {
				t.Fatalf("reservation %d changed in the input", i)
			}
		}
		loans, rs := store(c.loans, c.rs, first)
		second, err := c.l.Apply(c.ch, loans, rs, opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(second.Loans) != 0 || len(second.Reservations) != 0 {
			t.Fatalf("applied twice: %+v", second)
		}
	})
}

// X5, X1–X4: without spreading, Apply gives a loan the due date
// Consequences gives it; a ready reservation's shelf span keeps its
// number of open days (the deadline gains back what the closure took),
// which for a deadline the desk set is X2's; every other consequence of
// a reservation is listed with its dates.
func TestApplyX5AgreesWithConsequencesProperty(t *testing.T) {
	libs := []*Library{mustNew(t, withPartners()), nextOpenDay(t),
		withRule(t, circulation.DueDatePreviousOpenDay), withRule(t, circulation.DueDateEndOfClosure)}
	rapid.Check(t, func(t *rapid.T) {
		c := drawApplyCase(t, libs)
		got, err := c.l.Apply(c.ch, c.loans, c.rs, ApplyOptions{})
		if err != nil {
			t.Fatal(err)
		}
		loans := make([]circulation.Loan, len(c.loans))
		for i := range c.loans {
			loans[i] = c.loans[i].Loan
		}
		var rs []holds.Reservation
		for _, r := range c.rs {
			rs = append(rs, r.Reservation)
		}
		cs, err := c.l.Consequences(c.ch, loans, rs)
		if err != nil {
			t.Fatal(err)
		}
		k := 0
		for _, x := range cs {
			if x.Loan < 0 {
				break
			}
			a := got.Loans[k]
			if a.Index != x.Loan || a.Original != x.Old || a.New != x.New || a.Reason.Code() != x.Reason.Code() {
				t.Fatalf("loan %d: applied %+v, consequence %+v", x.Loan, a, x)
			}
			k++
		}
		if k != len(got.Loans) {
			t.Fatalf("%d loans applied, %d consequences", len(got.Loans), k)
		}
		byID := map[uint64][]Consequence{}
		for _, x := range cs[k:] {
			byID[x.Reservation] = append(byID[x.Reservation], x)
		}
		applied := map[uint64][]AppliedReservation{}
		for _, a := range got.Reservations {
			applied[a.Record.Reservation.ID] = append(applied[a.Record.Reservation.ID], a)
		}
		for _, rec := range c.rs {
			id := rec.Reservation.ID
			if rec.Reservation.State == holds.Ready {
				checkShelfSpan(t, c, rec.Reservation, applied[id], byID[id])
			} else {
				checkNoticeDates(t, id, applied[id], byID[id])
			}
		}
	})
}

// checkNoticeDates checks that what Apply lists of a reservation not on
// the shelf is what Consequences lists (X5, X2–X4).
func checkNoticeDates(t *rapid.T, id uint64, as []AppliedReservation, want []Consequence) {
	if len(as) != len(want) {
		t.Fatalf("reservation %d: applied %v, consequences %v", id, as, want)
	}
	for i := range as {
		if as[i].Original != want[i].Old || as[i].New != want[i].New || as[i].Reason.Code() != want[i].Reason.Code() {
			t.Fatalf("reservation %d: applied %+v, consequence %+v", id, as[i], want[i])
		}
	}
}

// checkShelfSpan checks that the shelf span of ready reservation r keeps
// its open days and ends on an open day, and that for a deadline the desk
// set the new one is X2's (X5, H4).
func checkShelfSpan(t *rapid.T, c applyCase, r holds.Reservation, as []AppliedReservation, want []Consequence) {
	b, _ := c.ch.Before.At(r.Place)
	af, _ := c.ch.After.At(r.Place)
	first := b.AddOpenDays(r.ReadyOn, 1)
	if r.Place.Method == circulation.PartnerLibrary {
		first = b.NextOpen(r.ShippedOn.AddDays(2))
	}
	deadline := r.Deadline
	if len(as) == 1 {
		deadline = as[0].New
	}
	if b.OpenDaysBetween(first.AddDays(-1), r.Deadline) != af.OpenDaysBetween(first.AddDays(-1), deadline) || !af.IsOpen(deadline) {
		t.Fatalf("reservation %d: span %v–%v became %v–%v", r.ID, first, r.Deadline, first, deadline)
	}
	standard := r.Deadline == c.l.HoldPolicy(r.SecuredOn).ShelfDeadline(first, b)
	if standard && len(want) == 1 && want[0].New != deadline {
		t.Fatalf("reservation %d: X5 gives %v, X2 %v", r.ID, deadline, want[0].New)
	}
	if standard && len(want) == 0 && len(as) != 0 {
		t.Fatalf("reservation %d: X5 moves it to %v, X2 not", r.ID, deadline)
	}
}
