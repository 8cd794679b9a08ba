package holds_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/reason"
)

func ExamplePolicy_ShelfDeadline() {
	lib := calendar.MustNew(calendar.PrefecturalLibraryRules())
	p := holds.DefaultPolicy()
	// The first day the patron can collect is day 1 of the 10 (H4).
	for _, first := range []calendar.Date{calendar.NewDate(2026, 11, 20), calendar.NewDate(2026, 12, 25)} {
		fmt.Println(first, "→", p.ShelfDeadline(first, lib))
	}
	// Output:
	// 2026-11-20 → 2026-12-02
	// 2026-12-25 → 2027-01-11
}

func ExamplePolicy_Timeline() {
	cals, err := holds.DefaultCalendars()
	if err != nil {
		panic(err)
	}
	// A partner library closed on Mondays, holidays and at the year-end.
	cals.Partners = map[string]*calendar.Calendar{"江別市情報図書館": calendar.MustNew(calendar.Rules{
		Name:             "江別市情報図書館",
		ClosedWeekdays:   calendar.WeekdaysOf(time.Monday),
		ClosedOnHolidays: true,
		YearEnd:          true,
	})}
	place := circulation.Place{Method: circulation.PartnerLibrary, Library: "江別市情報図書館"}
	tl, err := holds.DefaultPolicy().Timeline(calendar.NewDate(2026, 12, 25), cals, place, 0, false)
	if err != nil {
		panic(err)
	}
	for _, row := range tl.Rows() {
		fmt.Printf("%s  %s\n", row.Date, row.Label(reason.English))
	}
	// Output:
	// 2026-12-25  Notice email: item secured
	// 2027-01-05  Sent by courier to the partner library: day of loan
	// 2027-01-07  Ready for pickup from
	// 2027-01-17  Hold-shelf deadline
	// 2027-02-03  Due date
}

func ExampleDesk_Checkout() {
	cals, err := holds.DefaultCalendars()
	if err != nil {
		panic(err)
	}
	desk, err := holds.NewDesk(holds.DefaultPolicy(), cals, nil)
	if err != nil {
		panic(err)
	}
	today := calendar.NewDate(2026, 11, 16)
	cart := holds.Cart{
		Patron: "0123456789",
		Items: []holds.CartItem{
			{Item: "vol1", Status: circulation.OnLoan},
			{Item: "vol2", Status: circulation.OnShelf},
			{Item: "vol3", Status: circulation.Reference},
		},
		Place:    circulation.Place{Method: circulation.PartnerLibrary, Library: "江別市情報図書館"},
		Ordering: holds.ReadingOrder,
	}
	_, _, err = desk.Checkout(cart, today, circulation.Override{})
	var refusal *holds.CartRefusal
	if errors.As(err, &refusal) {
		for _, c := range refusal.Cart {
			fmt.Println("cart:", c.Code())
		}
		for _, it := range refusal.Items {
			for _, c := range it.Reasons {
				fmt.Println(it.Item+":", c.Code())
			}
		}
	}

	cart.Items = cart.Items[:2]
	cart.PartnerLibraries = []string{"江別市情報図書館"}
	rs, _, err := desk.Checkout(cart, today, circulation.Override{})
	if err != nil {
		panic(err)
	}
	for _, r := range rs {
		fmt.Println(r.ID, r.Item, r.State, "order", r.Order, "position", desk.Position(r.ID))
	}
	// Output:
	// cart: eligibility.partner_not_registered
	// vol3: reservation.not_loanable
	// 1 vol1 waiting order 1 position 1
	// 2 vol2 waiting order 2 position 1
}

// A reservation from the queue to the loan, with a refusal on the way.
func ExampleDesk() {
	// The desk owns the calendars: MakeReady and Collect take the pickup
	// place's from them.
	cals, err := holds.DefaultCalendars()
	if err != nil {
		panic(err)
	}
	desk, err := holds.NewDesk(holds.DefaultPolicy(), cals, nil)
	if err != nil {
		panic(err)
	}
	place := circulation.Place{Method: circulation.PrefecturalLibrary}
	for _, who := range []string{"A", "B"} {
		_, _, err := desk.Checkout(holds.Cart{Patron: who, Place: place, Ordering: holds.Normal,
			Items: []holds.CartItem{{Item: "book", Status: circulation.OnLoan}}}, calendar.NewDate(2026, 11, 2), circulation.Override{})
		if err != nil {
			panic(err)
		}
	}
	r, _ := desk.SecureNext("book", calendar.NewDate(2026, 11, 19)) // notice email (H6)
	fmt.Println(r.Patron, r.State, "B is at position", desk.Position(2))
	// On the notice day My Page shows 貸出可能 and the deadline; pickup
	// starts the next open day (R-PL1, H4).
	r, _ = desk.MakeReady(r.ID, calendar.NewDate(2026, 11, 19))
	fmt.Println(r.State, r.State.Label(reason.Japanese), "until", r.Deadline)
	_, _, err = desk.Cancel(r.ID, holds.ByPatron, calendar.NewDate(2026, 11, 20), circulation.Override{})
	fmt.Println(err)
	r, loan, _ := desk.Collect(r.ID, calendar.NewDate(2026, 11, 21), false)
	fmt.Println(r.State, "due", loan.Due, "reserved", loan.Reserved)
	fmt.Println("B is at position", desk.Position(2))
	// Output:
	// A secured B is at position 2
	// ready 貸出可能 until 2026-12-02
	// holds: change.needs_staff
	// collected due 2026-12-05 reserved true
	// B is at position 1
}

// Three volumes in reading order to a partner library: each is secured in
// turn, and each gets its own timeline (H2, H6, R-PT2, R-PT3, H4, L2).
func Example_partnerCart() {
	cals, err := holds.DefaultCalendars()
	if err != nil {
		panic(err)
	}
	cals.Partners = map[string]*calendar.Calendar{"江別市情報図書館": calendar.MustNew(calendar.Rules{
		Name: "江別市情報図書館", ClosedWeekdays: calendar.WeekdaysOf(time.Monday),
		ClosedOnHolidays: true, YearEnd: true,
	})}
	p := holds.DefaultPolicy()
	desk, err := holds.NewDesk(p, cals, nil)
	if err != nil {
		panic(err)
	}
	place := circulation.Place{Method: circulation.PartnerLibrary, Library: "江別市情報図書館"}
	rs, _, err := desk.Checkout(holds.Cart{
		Patron: "0123456789",
		Items: []holds.CartItem{
			{Item: "vol1", Status: circulation.OnLoan},
			{Item: "vol2", Status: circulation.OnShelf},
			{Item: "vol3", Status: circulation.OnShelf},
		},
		Place:            place,
		Ordering:         holds.ReadingOrder,
		PartnerLibraries: []string{"江別市情報図書館"},
	}, calendar.NewDate(2026, 12, 1), circulation.Override{})
	if err != nil {
		panic(err)
	}
	// Volumes 2 and 3 are on the shelf, but wait for volume 1.
	_, err = desk.SecureNext("vol2", calendar.NewDate(2026, 12, 1))
	fmt.Println("vol2:", reason.Localize(err, reason.English)[0].Code)
	for i, secured := range []calendar.Date{
		calendar.NewDate(2026, 12, 22), calendar.NewDate(2026, 12, 25), calendar.NewDate(2026, 12, 25),
	} {
		r, err := desk.SecureNext(rs[i].Item, secured)
		if err != nil {
			panic(err)
		}
		tl, err := p.Timeline(r.SecuredOn, cals, place, 0, false)
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
