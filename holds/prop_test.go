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

// TestDeskModel: H1, H2, H3, H4, H5, L2, R-HD4, R-PT5 — the desk agrees
// with the kit's model of the reservation rules over random sequences of
// steps.
func TestDeskModel(t *testing.T) {
	ruletest.CheckDesk(t, func(p holds.Policy, cals holds.Calendars, stored []holds.Reservation) (ruletest.ReservationDesk, error) {
		return holds.NewDesk(p, cals, stored)
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
		a, err := p.Timeline(secured, cals, place, loans, short)
		if err != nil {
			t.Fatal(err)
		}
		b, err := p.Timeline(later, cals, place, loans, short)
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
		if tl != (holds.Timeline{Method: tl.Method, Notice: tl.Notice, HeldBack: true}) {
			t.Fatalf("R-HD4 R-PT5 a held-back timeline invents dates: %+v", tl)
		}
		return
	}
	seq := []calendar.Date{tl.Notice, tl.Sent, tl.FirstPickup, tl.Deadline}
	last := calendar.Date{}
	for _, d := range seq {
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
	switch tl.Method {
	case circulation.HomeDelivery:
		if !tl.FirstPickup.IsZero() || !tl.Deadline.IsZero() || tl.Loaned != tl.Sent || !prefectural.IsOpen(tl.Sent) {
			t.Fatalf("R-HD2 %+v", tl)
		}
	case circulation.PartnerLibrary:
		if !courier.IsCourierDay(tl.Sent) || tl.FirstPickup.DaysSince(tl.Sent) < 2 || !at.IsOpen(tl.FirstPickup) {
			t.Fatalf("R-PT2 R-PT3 %+v", tl)
		}
	default:
		if !tl.Sent.IsZero() || !at.IsOpen(tl.FirstPickup) || at.OpenDaysBetween(tl.Notice, tl.FirstPickup.AddDays(-1)) != 0 {
			t.Fatalf("R-PL1 R-AL2 %+v", tl)
		}
	}
	switch tl.Method {
	case circulation.PartnerLibrary:
		if tl.Loaned != tl.Sent {
			t.Fatalf("L2 a partner loan is dated the courier day: %+v", tl)
		}
	case circulation.PrefecturalLibrary, circulation.AssemblyLibrary:
		if tl.Loaned != tl.FirstPickup {
			t.Fatalf("L2 %+v", tl)
		}
	}
	if tl.Method != circulation.HomeDelivery {
		// H4: ShelfDays open days, Ready the first.
		if n := at.OpenDaysBetween(tl.FirstPickup.AddDays(-1), tl.Deadline); n != p.ShelfDays || !at.IsOpen(tl.Deadline) {
			t.Fatalf("H4 %+v", tl)
		}
	}
}

// TestDeskAgreesWithTimelineH4L2: for any route and secured day, a desk
// that follows the timeline (make ready on the notice day at the
// Prefectural and Assembly Libraries, on arrival at a partner library,
// collect on the first collectable day) gets the timeline's deadline,
// loan day and due date, under both shelf readings (10 and 11 days).
func TestDeskAgreesWithTimelineH4L2(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := holds.DefaultPolicy()
		p.ShelfDays = rapid.IntRange(10, 11).Draw(t, "shelf days")
		place := ruletest.PickupPlace().Draw(t, "place")
		short := rapid.Bool().Draw(t, "short")
		at, err := cals.At(place)
		if err != nil {
			t.Fatal(err)
		}
		secured := anyDay.Draw(t, "secured")
		tl, err := p.Timeline(secured, cals, place, 0, short)
		if err != nil {
			t.Fatal(err)
		}
		d, err := holds.NewDesk(p, cals, nil)
		if err != nil {
			t.Fatal(err)
		}
		rs, _, err := d.Checkout(holds.Cart{Patron: "p", Items: []holds.CartItem{{Item: "i", Status: circulation.OnLoan}},
			Place: place, Ordering: holds.Normal, PartnerLibraries: partners}, secured, circulation.Override{})
		if err != nil {
			t.Fatal(err)
		}
		id := rs[0].ID
		if _, err := d.SecureNext("i", secured); err != nil {
			t.Fatal(err)
		}
		collect := tl.FirstPickup
		switch place.Method {
		case circulation.PrefecturalLibrary, circulation.AssemblyLibrary:
			if _, err := d.MakeReady(id, secured); err != nil {
				t.Fatal(err)
			}
		case circulation.PartnerLibrary:
			if _, err := d.Ship(id, tl.Sent, 0); err != nil {
				t.Fatal(err)
			}
			arrival := tl.Sent.AddDays(rapid.IntRange(0, tl.FirstPickup.DaysSince(tl.Sent)).Draw(t, "arrival"))
			if _, err := d.MakeReady(id, arrival); err != nil {
				t.Fatal(err)
			}
		case circulation.HomeDelivery:
			if _, err := d.Ship(id, tl.Sent, 0); err != nil {
				t.Fatal(err)
			}
			collect = tl.Sent.AddDays(rapid.IntRange(0, 5).Draw(t, "delivered"))
		}
		if r, _ := d.Get(id); r.Deadline != tl.Deadline {
			t.Fatalf("H4 desk deadline %v, timeline %v (%+v)", r.Deadline, tl.Deadline, tl)
		}
		if place.Method != circulation.HomeDelivery && p.ShelfDeadline(tl.FirstPickup, at) != tl.Deadline {
			t.Fatalf("H4 ShelfDeadline %v, timeline %v", p.ShelfDeadline(tl.FirstPickup, at), tl.Deadline)
		}
		_, loan, err := d.Collect(id, collect, short)
		if err != nil {
			t.Fatal(err)
		}
		if loan.Loaned != tl.Loaned || loan.Due != tl.Due {
			t.Fatalf("L2 desk loan %v due %v, timeline %v due %v", loan.Loaned, loan.Due, tl.Loaned, tl.Due)
		}
	})
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
		d, err := holds.NewDesk(p, cals, stored)
		if err != nil {
			return nil, err
		}
		return d.ExpireDue(today)
	})
}
