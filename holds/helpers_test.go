package holds

import (
	"errors"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

// Calendars shared by the tests: compiled once, immutable.
var (
	prefectural = calendar.MustNew(prefecturalRules())
	assembly    = calendar.MustNew(assemblyRules())
	courier, _  = shipping.NewCourier(courierRules()) // the published rules always compile
	// ebetsu is a partner library closed on Mondays, on public holidays
	// and at the year-end.
	ebetsu = calendar.MustNew(calendar.Rules{
		Name:             "江別市情報図書館",
		ClosedWeekdays:   calendar.WeekdaysOf(time.Monday),
		ClosedOnHolidays: true,
		YearEnd:          true,
	})
	// thursdays is a partner library closed on Thursdays and at the
	// year-end.
	thursdays = calendar.MustNew(calendar.Rules{
		Name:           "木曜休館図書館",
		ClosedWeekdays: calendar.WeekdaysOf(time.Thursday),
		YearEnd:        true,
	})
	cals = Calendars{
		Library:  prefectural,
		Assembly: assembly,
		Partners: map[string]*calendar.Calendar{"江別市情報図書館": ebetsu, "木曜休館図書館": thursdays},
		Courier:  courier,
	}
)

var (
	atPrefectural = circulation.Place{Method: circulation.PrefecturalLibrary}
	atAssembly    = circulation.Place{Method: circulation.AssemblyLibrary}
	atEbetsu      = circulation.Place{Method: circulation.PartnerLibrary, Library: "江別市情報図書館"}
	atThursdays   = circulation.Place{Method: circulation.PartnerLibrary, Library: "木曜休館図書館"}
	atHome        = circulation.Place{Method: circulation.HomeDelivery}
)

// mustDay parses YYYY-MM-DD, in tests and in tables built outside them.
func mustDay(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// staffOverride is what staff give to cancel or change the place after
// the notice (H5): an override letting ErrNeedsStaff go.
var staffOverride = circulation.Override{Staff: "s.tanaka", Codes: circulation.CodesOf(ErrNeedsStaff), Note: "telephoned"}

// noOv drops the override a decision used, for tests that look only at
// the reservation.
func noOv(r Reservation, _ circulation.Override, err error) (Reservation, error) { return r, err }

// item is a cart line of id with status s.
func item(id string, s circulation.Status) circulation.Item {
	return circulation.Item{ID: id, Status: s}
}

// newDeskWith returns an empty desk under policy p and the test
// calendars on every day.
func newDeskWith(t testing.TB, p Policy) testDesk {
	t.Helper()
	d, err := NewDesk(fixed{p, cals}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return testDesk{d, t}
}

// newDesk returns an empty desk under the published policy.
func newDesk(t testing.TB) testDesk {
	t.Helper()
	return newDeskWith(t, DefaultPolicy())
}

// testDesk is a desk under test: its helpers ask it one Request each,
// through Do, and check the Change it returns: one valid Transition per
// reservation, recording the request's action, day, actor and override,
// and the reservations as the desk now holds them.
type testDesk struct {
	*Desk
	t testing.TB
}

// do asks d r and checks the Change.
func (d testDesk) do(r Request) (Change, error) {
	d.t.Helper()
	ch, err := d.Do(r)
	if err != nil {
		if len(ch.Reservations) != 0 || len(ch.Transitions) != 0 {
			d.t.Fatalf("%v: an error with a change: %+v", r.Action, ch)
		}
		return ch, err
	}
	checkChange(d.t, d.Desk, r, ch)
	return ch, nil
}

// checkChange checks what Do returned for r.
func checkChange(t testing.TB, d *Desk, r Request, ch Change) {
	t.Helper()
	if len(ch.Transitions) != len(ch.Reservations) {
		t.Fatalf("%v: %d reservations, %d transitions", r.Action, len(ch.Reservations), len(ch.Transitions))
	}
	for k, res := range ch.Reservations {
		tr := ch.Transitions[k]
		if err := tr.Validate(); err != nil {
			t.Fatalf("%v: transition %+v: %v", r.Action, tr, err)
		}
		if err := res.Validate(); err != nil {
			t.Fatalf("%v: reservation %+v: %v", r.Action, res, err)
		}
		if got, _ := d.Get(res.ID); got != res {
			t.Fatalf("%v: the change holds %+v, the desk %+v", r.Action, res, got)
		}
		by := r.By
		if r.Action == ActionReserve && !ch.Override.IsZero() {
			by = ByStaff
		}
		if tr.Reservation != res.ID || tr.Action != r.Action || tr.On != r.Today || tr.To != res.State ||
			tr.Place != res.Place || tr.By != by || tr.Override != ch.Override {
			t.Fatalf("%v: transition %+v for %+v", r.Action, tr, res)
		}
		if k > 0 && ch.Reservations[k-1].ID >= res.ID {
			t.Fatalf("%v: reservations not in ID order", r.Action)
		}
	}
}

// one returns the one reservation of ch, or the zero Reservation.
func one(ch Change) Reservation {
	if len(ch.Reservations) != 1 {
		return Reservation{}
	}
	return ch.Reservations[0]
}

// Checkout places the reservations of cart c today (ActionReserve).
func (d testDesk) Checkout(c Cart, today calendar.Date, ov circulation.Override) ([]Reservation, circulation.Override, error) {
	d.t.Helper()
	return d.CheckoutLoans(c, 0, today, ov)
}

// CheckoutLoans is Checkout for a patron with loans items on loan.
func (d testDesk) CheckoutLoans(c Cart, loans int, today calendar.Date, ov circulation.Override) ([]Reservation, circulation.Override, error) {
	d.t.Helper()
	ch, err := d.do(Request{Action: ActionReserve, Cart: c, Loans: loans, Today: today, Override: ov})
	return ch.Reservations, ch.Override, err
}

// SecureNext secures item for the next in line (ActionSecure).
func (d testDesk) SecureNext(item string, today calendar.Date) (Reservation, error) {
	d.t.Helper()
	ch, err := d.do(Request{Action: ActionSecure, Item: item, Today: today})
	return one(ch), err
}

// Ship sends reservation id's item (ActionShip).
func (d testDesk) Ship(id uint64, today calendar.Date, loans int) (Reservation, error) {
	d.t.Helper()
	ch, err := d.do(Request{Action: ActionShip, ID: id, Today: today, Loans: loans})
	return one(ch), err
}

// MakeReady puts reservation id's item on the shelf (ActionMakeReady).
func (d testDesk) MakeReady(id uint64, today calendar.Date) (Reservation, error) {
	d.t.Helper()
	ch, err := d.do(Request{Action: ActionMakeReady, ID: id, Today: today})
	return one(ch), err
}

// Collect lends reservation id's item (ActionCollect).
func (d testDesk) Collect(id uint64, today calendar.Date) (Reservation, circulation.Loan, error) {
	d.t.Helper()
	ch, err := d.do(Request{Action: ActionCollect, ID: id, Today: today})
	return one(ch), ch.Loan, err
}

// Expire expires reservation id (ActionExpire).
func (d testDesk) Expire(id uint64, today calendar.Date) (Reservation, error) {
	d.t.Helper()
	ch, err := d.do(Request{Action: ActionExpire, ID: id, Today: today})
	return one(ch), err
}

// ExpireDue expires what is due today and checks the Change.
func (d testDesk) ExpireDue(today calendar.Date) ([]Reservation, error) {
	d.t.Helper()
	ch, err := d.Desk.ExpireDue(today)
	checkChange(d.t, d.Desk, Request{Action: ActionExpire, Today: today}, ch)
	return ch.Reservations, err
}

// Cancel cancels reservation id (ActionCancel).
func (d testDesk) Cancel(id uint64, by Actor, today calendar.Date, ov circulation.Override) (Reservation, circulation.Override, error) {
	d.t.Helper()
	ch, err := d.do(Request{Action: ActionCancel, ID: id, By: by, Today: today, Override: ov})
	return one(ch), ch.Override, err
}

// ChangePlace changes the pickup place of reservation id
// (ActionChangePlace).
func (d testDesk) ChangePlace(id uint64, by Actor, today calendar.Date, to circulation.Place, partners []string, ov circulation.Override) (Reservation, circulation.Override, error) {
	d.t.Helper()
	ch, err := d.do(Request{Action: ActionChangePlace, ID: id, By: by, Today: today, Place: to, PartnerLibraries: partners, Override: ov})
	return one(ch), ch.Override, err
}

// reasonsOf returns the reasons of the refusal err, in order, each as
// its code followed by its item when it carries one ("reservation.duplicate
// dup"); it fails t unless err is a *reason.Refusal of holds.
func reasonsOf(t testing.TB, err error) []string {
	t.Helper()
	var r *reason.Refusal
	if !errors.As(err, &r) || r.Package != pkg {
		t.Fatalf("got %v, want a refusal of holds", err)
	}
	var out []string
	for _, m := range reason.Localize(err, reason.English) {
		s := m.Code
		if it, ok := m.Params.Get("item"); ok {
			s += " " + it.Value().(string)
		}
		out = append(out, s)
	}
	return out
}

// pathsOf returns the paths of the bad input err, in order; it fails t
// unless err is reason.Problems matching reason.ErrBadInput.
func pathsOf(t testing.TB, err error) []string {
	t.Helper()
	var ps reason.Problems
	if !errors.As(err, &ps) || !errors.Is(err, reason.ErrBadInput) {
		t.Fatalf("got %v, want bad input", err)
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Path
	}
	return out
}

// securedFor returns a reservation at place secured on day on: what
// Policy.Timeline reads.
func securedFor(place circulation.Place, on calendar.Date) Reservation {
	return Reservation{ID: 1, Patron: "p", Item: "i", Place: place, State: Secured, PlacedOn: on, SecuredOn: on}
}
