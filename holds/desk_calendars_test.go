package holds

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/circulation"
)

// The desk owns its calendars (issue 11): MakeReady and Collect use the
// calendar of each reservation's own place, so that a host cannot hand
// one the wrong calendar. A partner library closed on Thursdays gets its
// own deadline (H4, R-PT3) and due date (L2, L5), as Timeline gives.
func TestDeskOwnsCalendarsH4PartnerDeadline(t *testing.T) {
	p := DefaultPolicy()
	p.Circulation.DueOnClosedDay = circulation.DueDateNextOpenDay
	d, err := NewDesk(p, cals, nil)
	require.NoError(t, err)
	rs, _, err := d.Checkout(Cart{Patron: "A", Items: []CartItem{{Item: "book", Status: circulation.OnShelf}},
		Place: atThursdays, Ordering: Normal, PartnerLibraries: []string{atThursdays.Library}}, mustDay("2026-11-16"), circulation.Override{})
	require.NoError(t, err)
	s, err := d.SecureNext("book", mustDay("2026-11-16"))
	require.NoError(t, err)
	tl, err := p.Timeline(s.SecuredOn, cals, atThursdays, 0, false)
	require.NoError(t, err)
	_, err = d.Ship(rs[0].ID, tl.Sent, 0)
	require.NoError(t, err)
	r, err := d.MakeReady(rs[0].ID, tl.Sent.AddDays(1))
	require.NoError(t, err)
	assert.Equal(t, tl.Deadline, r.Deadline)
	_, loan, err := d.Collect(rs[0].ID, tl.FirstPickup, false)
	require.NoError(t, err)
	assert.Equal(t, tl.Due, loan.Due)
	assert.Equal(t, cals, d.Calendars())
}

// A desk without the Prefectural Library's calendar is refused, and a
// reservation for a partner library the desk has no calendar for cannot
// be made ready: an error, not a deadline on some other calendar.
func TestDeskWithoutCalendarsRefused(t *testing.T) {
	_, err := NewDesk(DefaultPolicy(), Calendars{}, nil)
	assert.ErrorIs(t, err, ErrInconsistentInput)

	unknown := circulation.Place{Method: circulation.PartnerLibrary, Library: "どこか"}
	d, err := NewDesk(DefaultPolicy(), cals, nil)
	require.NoError(t, err)
	rs, _, err := d.Checkout(Cart{Patron: "A", Items: []CartItem{{Item: "book", Status: circulation.OnShelf}},
		Place: unknown, Ordering: Normal, PartnerLibraries: []string{unknown.Library}}, mustDay("2026-11-16"), circulation.Override{})
	require.NoError(t, err)
	_, err = d.SecureNext("book", mustDay("2026-11-16"))
	require.NoError(t, err)
	_, err = d.Ship(rs[0].ID, mustDay("2026-11-17"), 0)
	require.NoError(t, err)
	_, err = d.MakeReady(rs[0].ID, mustDay("2026-11-18"))
	assert.ErrorIs(t, err, ErrInconsistentInput)
	got, _ := d.Get(rs[0].ID)
	assert.Equal(t, InTransit, got.State, "a refused step leaves the reservation as it was")
}
