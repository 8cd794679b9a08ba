package holds_test

import (
	"fmt"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/reason"
)

func ExamplePolicy_ShelfDeadline() {
	lib := library.Default() // the rules as published
	day := calendar.NewDate(2026, 11, 20)
	p, at := lib.HoldPolicy(day), lib.Calendars(day).Library
	// The first day the patron can collect is day 1 of the 10 (H4).
	for _, first := range []calendar.Date{day, calendar.NewDate(2026, 12, 25)} {
		fmt.Println(first, "→", p.ShelfDeadline(first, at))
	}
	// Output:
	// 2026-11-20 → 2026-12-02
	// 2026-12-25 → 2027-01-11
}

// withEbetsu is the published rules with a partner library, closed on
// Mondays, holidays and at the year-end: a host's own holds.Rules.
type withEbetsu struct{ *library.Library }

var ebetsu = calendar.MustNew(calendar.Rules{
	Name:             "江別市情報図書館",
	ClosedWeekdays:   calendar.WeekdaysOf(time.Monday),
	ClosedOnHolidays: true,
	YearEnd:          true,
})

// Calendars returns the published calendars and Ebetsu's.
func (w withEbetsu) Calendars(day calendar.Date) holds.Calendars {
	c := w.Library.Calendars(day)
	c.Partners["江別市情報図書館"] = ebetsu
	return c
}

func ExamplePolicy_Timeline() {
	rules := withEbetsu{library.Default()}
	day := calendar.NewDate(2026, 12, 25)
	r := holds.Reservation{ID: 1, Patron: "0123456789", Item: "vol1", State: holds.Secured, PlacedOn: day, SecuredOn: day,
		Place: circulation.Place{Method: circulation.PartnerLibrary, Library: "江別市情報図書館"}}
	tl, err := rules.HoldPolicy(day).Timeline(r, rules.Calendars(day), 0)
	if err != nil {
		panic(err)
	}
	fmt.Println("notice", tl.Notice)
	fmt.Println("sent by courier, day of loan", tl.Sent)
	fmt.Println("ready for pickup from", tl.FirstPickup)
	fmt.Println("hold-shelf deadline", tl.Deadline)
	fmt.Println("due", tl.Due)
	// Output:
	// notice 2026-12-25
	// sent by courier, day of loan 2027-01-05
	// ready for pickup from 2027-01-07
	// hold-shelf deadline 2027-01-17
	// due 2027-02-03
}

func ExampleDesk_Do() {
	desk, err := holds.NewDesk(withEbetsu{library.Default()}, nil)
	if err != nil {
		panic(err)
	}
	today := calendar.NewDate(2026, 11, 16)
	cart := holds.Cart{
		Patron: "0123456789",
		Items: []circulation.Item{
			{ID: "vol1", Status: circulation.OnLoan},
			{ID: "vol2", Status: circulation.OnShelf},
			{ID: "vol3", Status: circulation.Reference},
		},
		Place:    circulation.Place{Method: circulation.PartnerLibrary, Library: "江別市情報図書館"},
		Ordering: holds.ReadingOrder,
	}
	_, err = desk.Do(holds.Request{Action: holds.ActionReserve, Cart: cart, Today: today})
	for _, m := range reason.Localize(err, reason.English) {
		fmt.Print(m.Code)
		for _, p := range m.Params {
			fmt.Print(" ", p.Name(), "=", p.Value())
		}
		fmt.Println()
	}

	cart.Items = cart.Items[:2]
	cart.PartnerLibraries = []string{"江別市情報図書館"}
	ch, err := desk.Do(holds.Request{Action: holds.ActionReserve, Cart: cart, Today: today})
	if err != nil {
		panic(err)
	}
	for _, r := range ch.Reservations {
		fmt.Println(r.ID, r.Item, r.State, "order", r.Order, "position", desk.Position(r.ID))
	}
	// Output:
	// eligibility.partner_not_registered library=江別市情報図書館
	// reservation.not_loanable item=vol3
	// 1 vol1 waiting order 1 position 1
	// 2 vol2 waiting order 2 position 1
}

// A reservation from the queue to the loan, with a refusal on the way.
func ExampleDesk() {
	// The desk asks its rules for the policy and calendars of each
	// request's day.
	desk, err := holds.NewDesk(library.Default(), nil)
	if err != nil {
		panic(err)
	}
	place := circulation.Place{Method: circulation.PrefecturalLibrary}
	for _, who := range []string{"A", "B"} {
		_, err := desk.Do(holds.Request{Action: holds.ActionReserve, Today: calendar.NewDate(2026, 11, 2),
			Cart: holds.Cart{Patron: who, Place: place, Ordering: holds.Normal,
				Items: []circulation.Item{{ID: "book", Status: circulation.OnLoan}}}})
		if err != nil {
			panic(err)
		}
	}
	ch, _ := desk.Do(holds.Request{Action: holds.ActionSecure, Item: "book", Today: calendar.NewDate(2026, 11, 19)}) // notice email (H6)
	r := ch.Reservations[0]
	fmt.Println(r.Patron, r.State, "B is at position", desk.Position(2))
	// On the notice day My Page shows 貸出可能 and the deadline; pickup
	// starts the next open day (R-PL1, H4).
	ch, _ = desk.Do(holds.Request{Action: holds.ActionMakeReady, ID: r.ID, Today: calendar.NewDate(2026, 11, 19)})
	r = ch.Reservations[0]
	fmt.Println(r.State, r.State.Label(reason.Japanese), "until", r.Deadline)
	_, err = desk.Do(holds.Request{Action: holds.ActionCancel, ID: r.ID, By: holds.ByPatron, Today: calendar.NewDate(2026, 11, 20)})
	fmt.Println(err)
	ch, _ = desk.Do(holds.Request{Action: holds.ActionCollect, ID: r.ID, Today: calendar.NewDate(2026, 11, 21)})
	fmt.Println(ch.Reservations[0].State, "due", ch.Loan.Due, "reserved", ch.Loan.Reserved)
	fmt.Println("audit:", ch.Transitions[0].Action, ch.Transitions[0].From, "→", ch.Transitions[0].To)
	fmt.Println("B is at position", desk.Position(2))
	// Output:
	// A secured B is at position 2
	// ready 貸出可能 until 2026-12-02
	// holds: cancel refused: change.needs_staff
	// collected due 2026-12-05 reserved true
	// audit: collect ready → collected
	// B is at position 1
}

// Three volumes in reading order to a partner library: each is secured in
// turn, and each gets its own timeline (H2, H6, R-PT2, R-PT3, H4, L2).
func Example_partnerCart() {
	rules := withEbetsu{library.Default()}
	desk, err := holds.NewDesk(rules, nil)
	if err != nil {
		panic(err)
	}
	place := circulation.Place{Method: circulation.PartnerLibrary, Library: "江別市情報図書館"}
	_, err = desk.Do(holds.Request{Action: holds.ActionReserve, Today: calendar.NewDate(2026, 12, 1), Cart: holds.Cart{
		Patron: "0123456789",
		Items: []circulation.Item{
			{ID: "vol1", Status: circulation.OnLoan},
			{ID: "vol2", Status: circulation.OnShelf},
			{ID: "vol3", Status: circulation.OnShelf},
		},
		Place:            place,
		Ordering:         holds.ReadingOrder,
		PartnerLibraries: []string{"江別市情報図書館"},
	}})
	if err != nil {
		panic(err)
	}
	// Volumes 2 and 3 are on the shelf, but wait for volume 1.
	_, err = desk.Do(holds.Request{Action: holds.ActionSecure, Item: "vol2", Today: calendar.NewDate(2026, 12, 1)})
	fmt.Println("vol2:", reason.Localize(err, reason.English)[0].Code)
	for i, secured := range []calendar.Date{
		calendar.NewDate(2026, 12, 22), calendar.NewDate(2026, 12, 25), calendar.NewDate(2026, 12, 25),
	} {
		ch, err := desk.Do(holds.Request{Action: holds.ActionSecure, Item: fmt.Sprint("vol", i+1), Today: secured})
		if err != nil {
			panic(err)
		}
		r := ch.Reservations[0]
		tl, err := rules.HoldPolicy(secured).Timeline(r, rules.Calendars(secured), 0)
		if err != nil {
			panic(err)
		}
		fmt.Println(r.Item, "notice", tl.Notice, "sent", tl.Sent, "first pickup", tl.FirstPickup, "deadline", tl.Deadline, "due", tl.Due)
	}
	// Output:
	// vol2: order.earlier_pending
	// vol1 notice 2026-12-22 sent 2026-12-25 first pickup 2026-12-27 deadline 2027-01-14 due 2027-01-23
	// vol2 notice 2026-12-25 sent 2027-01-05 first pickup 2027-01-07 deadline 2027-01-17 due 2027-02-03
	// vol3 notice 2026-12-25 sent 2027-01-05 first pickup 2027-01-07 deadline 2027-01-17 due 2027-02-03
}

// homeShelf is a host's own rules with a policy table of its own (V7):
// the published rules, with three shelf days for a reservation sent
// home. Embedding *library.Library forwards CartPolicy, which a wrapper
// must not lose.
type homeShelf struct{ *library.Library }

// PolicyFor gives a home delivery three shelf days.
func (h homeShelf) PolicyFor(r holds.Reservation, day calendar.Date) holds.Policy {
	p := h.Library.PolicyFor(r, day)
	if r.Place.Method == circulation.HomeDelivery {
		p.ShelfDays = 3
	}
	return p
}

// A desk whose rules are a holds.PolicyTable asks it about each
// reservation (V7): the host's table decides, not the day's one policy.
func ExamplePolicyTable() {
	var rules holds.PolicyTable = homeShelf{library.Default()}
	day := calendar.NewDate(2026, 12, 1)
	home := holds.Reservation{Item: "0012345678", Place: circulation.Place{Method: circulation.HomeDelivery}}
	counter := holds.Reservation{Item: "0012345678", Place: circulation.Place{Method: circulation.PrefecturalLibrary}}
	fmt.Println(rules.PolicyFor(home, day).ShelfDays, rules.PolicyFor(counter, day).ShelfDays)
	// Output: 3 10
}
