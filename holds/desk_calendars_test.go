package holds

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// The desk takes the calendars from its rules: the deadline and the due
// date use the calendar of each reservation's own place, so that a host
// cannot hand one the wrong calendar. A partner library closed on
// Thursdays gets its own deadline (H4, R-PT3) and due date (L2, L5), as
// Timeline gives.
func TestDeskOwnsCalendarsH4PartnerDeadline(t *testing.T) {
	p := DefaultPolicy()
	p.Circulation.DueOnClosedDay = circulation.DueDateNextOpenDay
	d := newDeskWith(t, p)
	rs, _, err := d.Checkout(Cart{Patron: "A", Items: []circulation.Item{item("book", circulation.OnShelf)},
		Place: atThursdays, Ordering: Normal, PartnerLibraries: []string{atThursdays.Library}}, mustDay("2026-11-16"), circulation.Override{})
	require.NoError(t, err)
	s, err := d.SecureNext("book", mustDay("2026-11-16"))
	require.NoError(t, err)
	tl, err := p.Timeline(s, cals, 0)
	require.NoError(t, err)
	_, err = d.Ship(rs[0].ID, tl.Sent, 0)
	require.NoError(t, err)
	r, err := d.MakeReady(rs[0].ID, tl.Sent.AddDays(1))
	require.NoError(t, err)
	assert.Equal(t, tl.Deadline, r.Deadline)
	_, loan, err := d.Collect(rs[0].ID, tl.FirstPickup)
	require.NoError(t, err)
	assert.Equal(t, tl.Due, loan.Due)
}

// A stored reservation for a partner library the rules have no calendar
// for (one they no longer know) cannot be made ready: bad input naming
// the place, not a deadline on some other calendar; nor a Prefectural
// Library reservation under rules without its calendar. (A new one is
// refused at checkout: TestDefectCheckoutToAPlaceWithoutCalendar.)
func TestDeskWithoutCalendarsRefused(t *testing.T) {
	unknown := circulation.Place{Method: circulation.PartnerLibrary, Library: "どこか"}
	on := mustDay("2026-11-16")
	stored := []Reservation{
		{ID: 1, Patron: "A", Item: "book", Place: unknown, State: InTransit, PlacedOn: on, SecuredOn: on, ShippedOn: mustDay("2026-11-17")},
		{ID: 2, Patron: "A", Item: "atlas", Place: atPrefectural, State: Secured, PlacedOn: on, SecuredOn: on},
	}
	dk, err := NewDesk(fixed{DefaultPolicy(), cals}, stored)
	require.NoError(t, err, "the rules are read request by request")
	d := testDesk{dk, t}
	_, err = d.MakeReady(1, mustDay("2026-11-18"))
	assert.Equal(t, []string{"place"}, pathsOf(t, err))
	got, _ := d.Get(1)
	assert.Equal(t, InTransit, got.State, "a refused step leaves the reservation as it was")

	bare, err := NewDesk(fixed{DefaultPolicy(), Calendars{}}, stored)
	require.NoError(t, err, "the rules are read request by request")
	e := testDesk{bare, t}
	_, err = e.MakeReady(2, mustDay("2026-11-16"))
	assert.ErrorIs(t, err, reason.ErrBadInput)
	assert.Equal(t, stored, e.All())
}

// TestDeskServesEveryDayV1: one desk, never rebuilt, decides each request
// under the rules of its own day (V1): the hold shelf shortens and the
// reservation limit falls from 2026-12-01, and a partner library gets a
// calendar from that day; requests before it keep the old rules.
func TestDeskServesEveryDayV1(t *testing.T) {
	from := mustDay("2026-12-01")
	after := DefaultPolicy()
	after.ShelfDays, after.Circulation.MaxReservations = 5, 2
	later := cals
	later.Partners = map[string]*calendar.Calendar{"新しい図書館": thursdays}
	rules := changing{from: from, before: fixed{DefaultPolicy(), cals}, after: fixed{after, later}}
	dk, err := NewDesk(rules, nil)
	require.NoError(t, err)
	d := testDesk{dk, t}

	// Before: 10 open days on the shelf, 10 reservations allowed.
	a := reserve(t, d, "A", "a", "2026-11-16")
	reserve(t, d, "A", "b", "2026-11-16")
	reserve(t, d, "A", "c", "2026-11-16")
	_, err = d.SecureNext("a", mustDay("2026-11-19"))
	require.NoError(t, err)
	r, err := d.MakeReady(a.ID, mustDay("2026-11-19"))
	require.NoError(t, err)
	assert.Equal(t, "2026-12-02", r.Deadline.String(), "H4 ShelfDays 10 before the change")

	// After: 5 open days, and A's 2 left are the limit.
	b := reserve(t, d, "B", "b2", "2026-12-01")
	_, err = d.SecureNext("b2", mustDay("2026-12-01"))
	require.NoError(t, err)
	r, err = d.MakeReady(b.ID, mustDay("2026-12-01"))
	require.NoError(t, err)
	assert.Equal(t, prefectural.AddOpenDays(mustDay("2026-12-01"), 5).String(), r.Deadline.String(), "H4 ShelfDays 5 from the change")
	_, _, err = d.Checkout(Cart{Patron: "B", Items: volumes(2, circulation.OnLoan), Place: atHome, Ordering: Normal}, from, circulation.Override{})
	assert.ErrorIs(t, err, circulation.ErrReservationLimit, "H1 the limit of the day")
	_, _, err = d.Checkout(Cart{Patron: "B", Items: volumes(2, circulation.OnLoan), Place: atHome, Ordering: Normal}, from.AddDays(-1), circulation.Override{})
	require.NoError(t, err, "H1 the day before, under the old limit")

	// A partner library known from the change: a reservation for it is
	// refused before (the rules of that day have no calendar for it) and
	// placed from the change on; one the rules stop knowing at the change
	// can be placed and sent before, and no longer made ready after.
	newPlace := circulation.Place{Method: circulation.PartnerLibrary, Library: "新しい図書館"}
	cart := Cart{Patron: "C", Items: []circulation.Item{item("atlas", circulation.OnLoan)}, Place: newPlace, Ordering: Normal,
		PartnerLibraries: []string{newPlace.Library, atEbetsu.Library}}
	_, _, err = d.Checkout(cart, from.AddDays(-1), circulation.Override{})
	assert.Equal(t, []string{"place.invalid"}, reasonsOf(t, err), "no calendar before the change")
	rs, _, err := d.Checkout(cart, from, circulation.Override{})
	require.NoError(t, err, "its calendar from the change")
	_, err = d.SecureNext("atlas", from)
	require.NoError(t, err)
	_, err = d.Ship(rs[0].ID, from.AddDays(3), 0)
	require.NoError(t, err)
	r, err = d.MakeReady(rs[0].ID, from.AddDays(4))
	require.NoError(t, err)
	assert.Equal(t, after.ShelfDeadline(thursdays.NextOpen(from.AddDays(5)), thursdays), r.Deadline)

	cart.Items, cart.Place = []circulation.Item{item("map", circulation.OnLoan)}, atEbetsu
	rs, _, err = d.Checkout(cart, mustDay("2026-11-20"), circulation.Override{})
	require.NoError(t, err)
	_, err = d.SecureNext("map", mustDay("2026-11-20"))
	require.NoError(t, err)
	_, err = d.Ship(rs[0].ID, mustDay("2026-11-24"), 0)
	require.NoError(t, err)
	_, err = d.MakeReady(rs[0].ID, from)
	assert.Equal(t, []string{"place"}, pathsOf(t, err), "no calendar after the change")
}

// TestDeskRefusesAnInvalidPolicyOfTheDay: rules whose policy of a day
// fails Validate make every request of that day bad input, naming the
// policy's field, and change nothing.
func TestDeskRefusesAnInvalidPolicyOfTheDay(t *testing.T) {
	bad := DefaultPolicy()
	bad.ShelfDays = 0
	dk, err := NewDesk(changing{from: mustDay("2026-12-01"), before: fixed{DefaultPolicy(), cals}, after: fixed{bad, cals}}, nil)
	require.NoError(t, err)
	d := testDesk{dk, t}
	reserve(t, d, "A", "a", "2026-11-30")
	_, _, err = d.Checkout(Cart{Patron: "A", Items: volumes(1, circulation.OnLoan), Place: atHome, Ordering: Normal}, mustDay("2026-12-01"), circulation.Override{})
	assert.Equal(t, []string{"policy.shelf_days"}, pathsOf(t, err))
	assert.Equal(t, 1, d.Active("A"))
}
