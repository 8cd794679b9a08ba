package holds_test

import (
	"maps"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/ruletest"
)

// The property tests of the package, on the kit's generators, models and
// the calendars of the places they draw.
var (
	cals        = ruletest.PlaceCalendars()
	prefectural = cals.Library
	courier     = cals.Courier
	partners    = slices.Sorted(maps.Keys(cals.Partners))
	anyDay      = ruletest.DateIn(calendar.NewDate(2020, 1, 1), calendar.NewDate(2035, 12, 31))
)

// TestDeskModel: H1, H2, H3, H4, H5, L2, R-HD4, R-PT5, V1 — the desk
// agrees with the kit's model of the reservation rules over random
// sequences of steps, under rules that change on a day.
func TestDeskModel(t *testing.T) {
	ruletest.CheckDesk(t, func(r holds.Rules, stored []holds.Reservation) (ruletest.ReservationDesk, error) {
		return holds.NewDesk(r, stored)
	})
}

// H4: the deadline is an open day with exactly ShelfDays open days in
// [first, deadline], and a
// later first collectable day never gives an earlier deadline.
func TestShelfDeadlineProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := holds.DefaultPolicy()
		p.ShelfDays = rapid.IntRange(1, 30).Draw(t, "shelfDays")
		at := ruletest.CompiledCalendar().Draw(t, "at")
		ready := anyDay.Draw(t, "first")
		later := ready.AddDays(rapid.IntRange(0, 40).Draw(t, "later"))
		d := p.ShelfDeadline(ready, at)
		if !at.IsOpen(d) {
			t.Fatalf("H4 deadline %v is closed at %s", d, at.Name())
		}
		from := ready.AddDays(-1)
		if n := at.OpenDaysBetween(from, d); n != p.ShelfDays {
			t.Fatalf("H4 %d open days in (%v, %v], want %d", n, from, d, p.ShelfDays)
		}
		if at.OpenDaysBetween(from, d.AddDays(-1)) != p.ShelfDays-1 {
			t.Fatalf("H4 %v is not the first day reaching the count", d)
		}
		if e := p.ShelfDeadline(later, at); e.Before(d) {
			t.Fatalf("H4 ready %v gives %v, earlier than %v for ready %v", later, e, d, ready)
		}
	})
}

// The timeline's dates never go backwards, and a later secured day never
// gives earlier dates (H4, R-PL1, R-AL2, R-HD2, R-PT2, R-PT3).
func TestTimelineProperties(t *testing.T) {
	p := holds.DefaultPolicy()
	rapid.Check(t, func(t *rapid.T) {
		place := ruletest.PickupPlace().Draw(t, "place")
		loans, short := rapid.IntRange(0, 12).Draw(t, "loans"), rapid.Bool().Draw(t, "short")
		at, err := cals.At(place)
		if err != nil {
			t.Fatal(err)
		}
		secured := anyDay.Draw(t, "secured")
		later := secured.AddDays(rapid.IntRange(0, 30).Draw(t, "later"))
		a, err := p.Timeline(securedOn(place, secured, short), cals, loans)
		if err != nil {
			t.Fatal(err)
		}
		b, err := p.Timeline(securedOn(place, later, short), cals, loans)
		if err != nil {
			t.Fatal(err)
		}
		for _, tl := range []holds.Timeline{a, b} {
			checkTimeline(t, p, at, tl)
		}
		if a.HeldBack != b.HeldBack {
			t.Fatalf("hold-back depends on the day")
		}
		pairs := [][2]calendar.Date{{a.Sent, b.Sent}, {a.FirstPickup, b.FirstPickup}, {a.Deadline, b.Deadline}, {a.Due, b.Due}}
		for _, pr := range pairs {
			if pr[1].Before(pr[0]) {
				t.Fatalf("secured %v gives %v, earlier than %v for secured %v", later, pr[1], pr[0], secured)
			}
		}
	})
}

// checkTimeline checks the laws of one timeline.
func checkTimeline(t *rapid.T, p holds.Policy, at *calendar.Calendar, tl holds.Timeline) {
	if tl.HeldBack {
		if tl != (holds.Timeline{Place: tl.Place, Notice: tl.Notice, HeldBack: true, LoanLimit: p.Circulation.MaxLoans}) {
			t.Fatalf("R-HD4 R-PT5 a held-back timeline invents dates: %+v", tl)
		}
		return
	}
	if tl.LoanLimit != 0 || (tl.Counter != 0) != (tl.Place.Method == circulation.PrefecturalLibrary) {
		t.Fatalf("R-PL1 the counter is the Prefectural Library's only, and no loan limit unless held back: %+v", tl)
	}
	last := calendar.Date{}
	for _, d := range []calendar.Date{tl.Notice, tl.Sent, tl.FirstPickup, tl.Deadline} {
		if d.IsZero() {
			continue
		}
		if d.Before(last) {
			t.Fatalf("dates go backwards: %+v", tl)
		}
		last = d
	}
	if !tl.Notice.Before(tl.Loaned) || tl.Due.Before(tl.Loaned) {
		t.Fatalf("loan before the notice or due before the loan: %+v", tl)
	}
	checkRoute(t, at, tl)
	if tl.Place.Method != circulation.HomeDelivery {
		// H4: ShelfDays open days, Ready the first.
		if n := at.OpenDaysBetween(tl.FirstPickup.AddDays(-1), tl.Deadline); n != p.ShelfDays || !at.IsOpen(tl.Deadline) {
			t.Fatalf("H4 %+v", tl)
		}
	}
}

// checkRoute checks the days of a timeline that is not held back against
// its route: sending (R-HD2, R-PT2), first pickup (R-PL1, R-AL2, R-PT3)
// and the day of the loan (L2).
func checkRoute(t *rapid.T, at *calendar.Calendar, tl holds.Timeline) {
	switch tl.Place.Method {
	case circulation.HomeDelivery:
		if !tl.FirstPickup.IsZero() || !tl.Deadline.IsZero() || tl.Loaned != tl.Sent || !prefectural.IsOpen(tl.Sent) {
			t.Fatalf("R-HD2 L2 %+v", tl)
		}
	case circulation.PartnerLibrary:
		if !courier.IsCourierDay(tl.Sent) || tl.FirstPickup.DaysSince(tl.Sent) < 2 || !at.IsOpen(tl.FirstPickup) {
			t.Fatalf("R-PT2 R-PT3 %+v", tl)
		}
		if tl.Loaned != tl.Sent {
			t.Fatalf("L2 a partner loan is dated the courier day: %+v", tl)
		}
	default:
		if !tl.Sent.IsZero() || !at.IsOpen(tl.FirstPickup) || at.OpenDaysBetween(tl.Notice, tl.FirstPickup.AddDays(-1)) != 0 {
			t.Fatalf("R-PL1 R-AL2 %+v", tl)
		}
		if tl.Loaned != tl.FirstPickup {
			t.Fatalf("L2 %+v", tl)
		}
	}
}

// TestDeskAgreesWithTimelineH4L2: for any route and secured day, a desk
// that follows the timeline (make ready on the notice day at the
// Prefectural and Assembly Libraries, on arrival at a partner library,
// collect on the first collectable day) gets the timeline's deadline,
// loan day and due date, under both shelf readings (10 and 11 days), for
// short loans too.
func TestDeskAgreesWithTimelineH4L2(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := holds.DefaultPolicy()
		p.ShelfDays = rapid.IntRange(10, 11).Draw(t, "shelf days")
		place := ruletest.PickupPlace().Draw(t, "place")
		status := rapid.SampledFrom([]circulation.Status{circulation.OnLoan, circulation.OnShelfShort}).Draw(t, "status")
		at, err := cals.At(place)
		if err != nil {
			t.Fatal(err)
		}
		secured := anyDay.Draw(t, "secured")
		d, err := holds.NewDesk(holds.Fixed(p, cals), nil)
		if err != nil {
			t.Fatal(err)
		}
		do := func(r holds.Request) holds.Change {
			ch, err := d.Do(r)
			if err != nil {
				t.Fatalf("%v: %v", r.Action, err)
			}
			return ch
		}
		id := do(holds.Request{Action: holds.ActionReserve, Today: secured, Cart: holds.Cart{Patron: "p",
			Items: []circulation.Item{{ID: "i", Status: status}}, Place: place, Ordering: holds.Normal, PartnerLibraries: partners}}).Reservations[0].ID
		r := do(holds.Request{Action: holds.ActionSecure, Item: "i", Today: secured}).Reservations[0]
		tl, err := p.Timeline(r, cals, 0)
		if err != nil {
			t.Fatal(err)
		}
		collect := tl.FirstPickup
		switch place.Method {
		case circulation.PrefecturalLibrary, circulation.AssemblyLibrary:
			do(holds.Request{Action: holds.ActionMakeReady, ID: id, Today: secured})
		case circulation.PartnerLibrary:
			do(holds.Request{Action: holds.ActionShip, ID: id, Today: tl.Sent})
			arrival := tl.Sent.AddDays(rapid.IntRange(0, tl.FirstPickup.DaysSince(tl.Sent)).Draw(t, "arrival"))
			do(holds.Request{Action: holds.ActionMakeReady, ID: id, Today: arrival})
		case circulation.HomeDelivery:
			do(holds.Request{Action: holds.ActionShip, ID: id, Today: tl.Sent})
			collect = tl.Sent.AddDays(rapid.IntRange(0, 5).Draw(t, "delivered"))
		}
		if r, _ := d.Get(id); r.Deadline != tl.Deadline {
			t.Fatalf("H4 desk deadline %v, timeline %v (%+v)", r.Deadline, tl.Deadline, tl)
		}
		if place.Method != circulation.HomeDelivery && p.ShelfDeadline(tl.FirstPickup, at) != tl.Deadline {
			t.Fatalf("H4 ShelfDeadline %v, timeline %v", p.ShelfDeadline(tl.FirstPickup, at), tl.Deadline)
		}
		loan := do(holds.Request{Action: holds.ActionCollect, ID: id, Today: collect}).Loan
		if loan.Loaned != tl.Loaned || loan.Due != tl.Due || loan.Short != status.Short() {
			t.Fatalf("L2 desk loan %v due %v (short %v), timeline %v due %v", loan.Loaned, loan.Due, loan.Short, tl.Loaned, tl.Due)
		}
	})
}

// securedOn returns a reservation at place secured on day, a short loan
// or not: what Policy.Timeline reads.
func securedOn(place circulation.Place, day calendar.Date, short bool) holds.Reservation {
	return holds.Reservation{ID: 1, Patron: "p", Item: "i", Place: place, Short: short,
		State: holds.Secured, PlacedOn: day, SecuredOn: day}
}

// TestShelfDeadlineH4KitProperty: H4 — on the published calendars and a
// partner library's, ShelfDeadline passes the kit's ready property: the
// deadline has exactly ShelfDays days the place's rules open.
func TestShelfDeadlineH4KitProperty(t *testing.T) {
	for _, at := range []*calendar.Calendar{cals.Library, cals.Assembly, cals.Partners[partners[0]]} {
		t.Run(at.Name(), func(t *testing.T) {
			p := holds.DefaultPolicy()
			ruletest.CheckShelfDeadline(t, p, at, func(first calendar.Date) calendar.Date { return p.ShelfDeadline(first, at) })
		})
	}
}

// TestExpireDueH4KitProperty: H4 — a nightly job built on Desk.ExpireDue
// expires exactly what the kit's expiry property expects.
func TestExpireDueH4KitProperty(t *testing.T) {
	p := holds.DefaultPolicy()
	ruletest.CheckExpiry(t, p, func(stored []holds.Reservation, today calendar.Date) ([]holds.Reservation, error) {
		d, err := holds.NewDesk(holds.Fixed(p, cals), stored)
		if err != nil {
			return nil, err
		}
		ch, err := d.ExpireDue(today)
		return ch.Reservations, err
	})
}
