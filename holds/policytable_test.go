package holds_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/reason"
)

// asked is one question a desk put to its PolicyTable.
type asked struct {
	item string
	day  calendar.Date
}

// recording is a PolicyTable that gives the default policy with the
// shelf days of the item asked about, and records every question.
type recording struct {
	holds.Rules
	shelf map[string]int
	log   *[]asked
}

func (r recording) CartPolicy(c holds.Cart, day calendar.Date) holds.Policy {
	return r.PolicyFor(holds.Reservation{Item: "cart of " + c.Patron}, day)
}

func (r recording) LoanPolicy(ln circulation.Loan, day calendar.Date) circulation.Policy {
	return r.PolicyFor(holds.Reservation{Item: ln.Item}, day).Circulation
}

func (r recording) PolicyFor(res holds.Reservation, day calendar.Date) holds.Policy {
	*r.log = append(*r.log, asked{res.Item, day})
	p := r.Rules.HoldPolicy(day)
	if n, ok := r.shelf[res.Item]; ok {
		p.ShelfDays = n
	}
	p.ShelfExtensionDays = 2
	return p
}

// d is the day of 2026 of the given month and day.
func d(month, day int) calendar.Date { return calendar.NewDate(2026, time.Month(month), day) }

// V7: a desk whose Rules are a PolicyTable asks it about the cart as a
// whole (no item) on Today, and about a reservation on the day its step
// reads: make-ready on the day it was secured, the shelf extension on
// the day it was made ready, the others on Today; securing keeps the
// day's HoldPolicy.
func TestV7DeskAsksThePolicyTable(t *testing.T) {
	cals, err := holds.DefaultCalendars()
	require.NoError(t, err)
	var log []asked
	rules := recording{Rules: holds.Fixed(holds.DefaultPolicy(), cals), shelf: map[string]int{"a": 3}, log: &log}
	desk, err := holds.NewDesk(rules, nil)
	require.NoError(t, err)
	at := circulation.Place{Method: circulation.PrefecturalLibrary}
	placed, err := desk.Do(holds.Request{Action: holds.ActionReserve, Today: d(6, 1),
		Cart: holds.Cart{Patron: "p", Place: at, Ordering: holds.Normal, Items: []circulation.Item{{ID: "a", Status: circulation.OnShelf}}}})
	require.NoError(t, err)
	id := placed.Reservations[0].ID
	steps := []holds.Request{
		{Action: holds.ActionSecure, Item: "a", Today: d(6, 2)},
		{Action: holds.ActionMakeReady, ID: id, Today: d(6, 4)},
		{Action: holds.ActionExtendShelf, ID: id, Today: d(6, 5), By: holds.ByPatron},
	}
	var ready holds.Reservation
	for _, s := range steps {
		ch, err := desk.Do(s)
		require.NoError(t, err, s.Action)
		if s.Action == holds.ActionMakeReady {
			ready = ch.Reservations[0]
		}
	}
	assert.Equal(t, []asked{{"cart of p", d(6, 1)}, {"a", d(6, 2)}, {"a", d(6, 4)}}, log)
	p := holds.DefaultPolicy()
	p.ShelfDays = 3
	assert.Equal(t, p.ShelfDeadline(cals.Library.AddOpenDays(ready.ReadyOn, 1), cals.Library), ready.Deadline, "the table's three shelf days for item a")
}

// V7: a policy the table gives that fails validation is bad input at
// "policy", and the desk changes nothing.
func TestV7InvalidTablePolicyIsBadInput(t *testing.T) {
	cals, err := holds.DefaultCalendars()
	require.NoError(t, err)
	var log []asked
	rules := recording{Rules: holds.Fixed(holds.DefaultPolicy(), cals), shelf: map[string]int{"cart of p": -1}, log: &log}
	desk, err := holds.NewDesk(rules, nil)
	require.NoError(t, err)
	_, err = desk.Do(holds.Request{Action: holds.ActionReserve, Today: d(6, 1),
		Cart: holds.Cart{Patron: "p", Place: circulation.Place{Method: circulation.PrefecturalLibrary}, Ordering: holds.Normal,
			Items: []circulation.Item{{ID: "a", Status: circulation.OnShelf}}}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "policy")
	assert.Empty(t, desk.All())
}

// V7: a stored reservation's patron category is checked as the cart's.
func TestV7ReservationPatronCategoryChecked(t *testing.T) {
	r := holds.Reservation{ID: 1, Patron: "p", Item: "a", Place: circulation.Place{Method: circulation.PrefecturalLibrary},
		State: holds.Waiting, PlacedOn: d(6, 1), PatronCategory: "student"}
	require.NoError(t, r.Validate())
	for _, bad := range []string{" student", "student\n", string(make([]rune, 65)), "\xff"} {
		r.PatronCategory = bad
		err := r.Validate()
		require.ErrorIs(t, err, reason.ErrBadInput, "%q", bad)
		assert.Contains(t, err.Error(), "patron_category")
	}
}
