package holds

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// The defects of issue 17's second review that concern package holds,
// each named after the defect.

// placeRefused checks that err refuses action with ErrPlace alone,
// naming library.
func placeRefused(t *testing.T, err error, library string) {
	t.Helper()
	require.Equal(t, []string{ErrPlace.Code()}, reasonsOf(t, err))
	for _, l := range []reason.Lang{reason.English, reason.Japanese} {
		m := reason.Localize(err, l)[0]
		got, ok := m.Params.Get("library")
		require.True(t, ok, "ErrPlace carries the library")
		assert.Equal(t, library, got.Value())
		assert.Contains(t, m.Message, library)
	}
}

// TestDefectCheckoutToAPlaceWithoutCalendar: a cart for a partner library
// the rules of the day have no calendar for — a typo of a configured one,
// or none at all — is refused with ErrPlace naming it, before anything is
// placed: the item would otherwise be secured and shipped, and stuck
// (M1, R-PT1). The patron's registration there does not help. A place of
// the library itself under rules without its calendar is the host's
// fault: bad input at "cart.place".
func TestDefectCheckoutToAPlaceWithoutCalendar(t *testing.T) {
	today := mustDay("2026-11-16")
	d := newDesk(t)
	for _, name := range []string{"江別市情報図書", "江別市情報図書館 ", "どこか"} {
		typo := circulation.Place{Method: circulation.PartnerLibrary, Library: name}
		_, _, err := d.Checkout(Cart{Patron: "A", Items: volumes(2, circulation.OnLoan), Place: typo, Ordering: Normal,
			PartnerLibraries: []string{name}}, today, circulation.Override{})
		placeRefused(t, err, name)
		_, _, err = d.Checkout(Cart{Patron: "A", Items: volumes(2, circulation.OnLoan), Place: typo, Ordering: Normal}, today, circulation.Override{})
		placeRefused(t, err, name) // not a place at all, so not "not registered there"
	}
	_, _, err := d.Checkout(Cart{Patron: "A", Place: circulation.Place{Method: circulation.PartnerLibrary, Library: "どこか"}},
		today, circulation.Override{})
	assert.Equal(t, []string{"cart.empty", "cart.method", "place.invalid"}, reasonsOf(t, err), "every reason at once")
	assert.Empty(t, d.All(), "nothing placed")

	_, _, err = d.Checkout(Cart{Patron: "A", Items: volumes(1, circulation.OnLoan), Place: atEbetsu, Ordering: Normal,
		PartnerLibraries: []string{atEbetsu.Library}}, today, circulation.Override{})
	require.NoError(t, err, "a configured partner library")

	bare, err := NewDesk(fixed{DefaultPolicy(), Calendars{}}, nil)
	require.NoError(t, err)
	for _, place := range []circulation.Place{atPrefectural, atAssembly, atHome} {
		_, err := bare.Do(Request{Action: ActionReserve, Today: today,
			Cart: Cart{Patron: "A", Items: volumes(1, circulation.OnLoan), Place: place, Ordering: Normal}})
		assert.Equal(t, []string{"cart.place"}, pathsOf(t, err), "%v", place)
	}
	assert.Empty(t, bare.All())
}

// TestDefectChangePlaceToAPlaceWithoutCalendar: a change of pickup place
// to a partner library the rules of the day have no calendar for is
// refused with ErrPlace naming it, whoever asks, and leaves the
// reservation as it was; under rules without the library's own
// calendar, a change to it is bad input at "place".
func TestDefectChangePlaceToAPlaceWithoutCalendar(t *testing.T) {
	d := newDesk(t)
	typo := circulation.Place{Method: circulation.PartnerLibrary, Library: "江別市情報図書"}
	w := reserve(t, d, "A", "book", "2026-11-16")
	_, _, err := d.ChangePlace(w.ID, ByPatron, mustDay("2026-11-17"), typo, []string{typo.Library}, circulation.Override{})
	placeRefused(t, err, typo.Library)
	s := reserve(t, d, "B", "atlas", "2026-11-16")
	_, err = d.SecureNext("atlas", mustDay("2026-11-17"))
	require.NoError(t, err)
	before := d.All()
	_, _, err = d.ChangePlace(s.ID, ByStaff, mustDay("2026-11-18"), typo, []string{typo.Library}, staffOverride)
	placeRefused(t, err, typo.Library)
	assert.Equal(t, before, d.All(), "nothing changed")
	r, _, err := d.ChangePlace(s.ID, ByStaff, mustDay("2026-11-18"), atEbetsu, []string{atEbetsu.Library}, staffOverride)
	require.NoError(t, err)
	assert.Equal(t, atEbetsu, r.Place)

	stored := Reservation{ID: 1, Patron: "A", Item: "i", Place: atEbetsu, State: Waiting, PlacedOn: mustDay("2026-11-16")}
	bare, err := NewDesk(fixed{DefaultPolicy(), Calendars{Partners: map[string]*calendar.Calendar{atEbetsu.Library: ebetsu}}}, []Reservation{stored})
	require.NoError(t, err)
	_, err = bare.Do(Request{Action: ActionChangePlace, ID: 1, By: ByPatron, Place: atPrefectural, Today: mustDay("2026-11-17")})
	assert.Equal(t, []string{"place"}, pathsOf(t, err))
	assert.Equal(t, []Reservation{stored}, bare.All())
}

// TestDefectDeskKeepsNoMapOfItsRules: the desk reads what its Rules give
// request by request and keeps none of it, so a change the host makes to
// the map its rules hand out shows from the next request, and nothing
// the desk hands out is shared with it.
func TestDefectDeskKeepsNoMapOfItsRules(t *testing.T) {
	partners := map[string]*calendar.Calendar{atEbetsu.Library: ebetsu}
	c := cals
	c.Partners = partners
	d, err := NewDesk(fixed{DefaultPolicy(), c}, nil)
	require.NoError(t, err)
	today := mustDay("2026-11-16")
	registered := []string{atEbetsu.Library, atThursdays.Library}
	cart := Cart{Patron: "A", Items: volumes(1, circulation.OnLoan), Place: atEbetsu, Ordering: Normal, PartnerLibraries: registered}
	ch, err := d.Do(Request{Action: ActionReserve, Cart: cart, Today: today})
	require.NoError(t, err)
	ch.Reservations[0].Patron = "X"
	registered[0] = "changed"
	got, _ := d.Get(1)
	assert.Equal(t, "A", got.Patron, "the change is the host's copy")

	delete(partners, atEbetsu.Library)
	cart = Cart{Patron: "B", Items: volumes(1, circulation.OnLoan), Place: atEbetsu, Ordering: Normal, PartnerLibraries: []string{atEbetsu.Library}}
	_, err = d.Do(Request{Action: ActionReserve, Cart: cart, Today: today})
	placeRefused(t, err, atEbetsu.Library)
	partners[atThursdays.Library] = thursdays
	cart.Place, cart.PartnerLibraries = atThursdays, []string{atThursdays.Library}
	_, err = d.Do(Request{Action: ActionReserve, Cart: cart, Today: today})
	require.NoError(t, err)
}

// TestDefectNewDeskReadingOrderNumberedAfterNoMember: a reading order is
// numbered after its first reservation (order 1), as the desk numbers
// it. Stored reservations whose group number is not their first
// member's ID, or is the ID of a reservation outside the group, are bad
// input at the member's "group"; a group whose first member a host has
// purged is kept.
func TestDefectNewDeskReadingOrderNumberedAfterNoMember(t *testing.T) {
	w := func(id, group uint64, order int) Reservation {
		return Reservation{ID: id, Patron: "A", Item: "i" + string(rune('0'+id)), Place: atPrefectural, State: Waiting,
			PlacedOn: mustDay("2026-11-16"), Group: group, Order: order}
	}
	for _, tt := range []struct {
		name   string
		stored []Reservation
		want   []string
	}{
		{"numbered after none of its members", []Reservation{w(2, 1, 1), w(3, 1, 2)}, []string{"[0].group"}},
		{"numbered after another reservation", []Reservation{w(1, 0, 0), w(2, 1, 2), w(3, 1, 3)}, []string{"[1].group"}},
		{"numbered after its second member", []Reservation{w(3, 2, 1), w(2, 2, 2)}, []string{"[0].group"}},
		{"numbered after a member of another order", []Reservation{w(1, 1, 1), w(2, 1, 2), w(3, 1, 1)}, []string{"[2].order"}},
		{"numbered after a reservation of another order", []Reservation{w(1, 1, 1), w(2, 1, 2), w(3, 1, 3), w(4, 3, 2), w(5, 3, 3)}, []string{"[3].group"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewDesk(fixed{DefaultPolicy(), cals}, tt.stored)
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			assert.Equal(t, tt.want, pathsOf(t, err))
		})
	}
	_, err := NewDesk(fixed{DefaultPolicy(), cals}, []Reservation{w(1, 1, 1), w(2, 1, 2), w(3, 3, 1), w(4, 3, 2)})
	require.NoError(t, err, "each numbered after its first")
	d, err := NewDesk(fixed{DefaultPolicy(), cals}, []Reservation{w(2, 1, 2), w(3, 1, 3)})
	require.NoError(t, err, "the first member purged")
	assert.Equal(t, 2, d.Active("A"))
}

// TestDefectStructuralReasonsNeverSoftHolds: only the reasons safe to
// waive may be soft (Waivable: ErrNeedsStaff, H5); a policy naming a
// reason of the cart, the queue or the lifecycle in Overridable fails
// Validate, and so is refused when decoded and, as the policy of a day,
// makes every request of that day bad input: staff cannot place a
// duplicate or an invalid place the desk would refuse to rebuild.
func TestDefectStructuralReasonsNeverSoftHolds(t *testing.T) {
	assert.Equal(t, []string{"change.needs_staff"}, Waivable().List())
	for _, r := range Reasons() {
		if Waivable().Has(r.Code()) {
			continue
		}
		p := DefaultPolicy()
		p.Overridable = circulation.CodesOf(r)
		assert.Equal(t, []string{"overridable[0]"}, pathsOf(t, p.Validate()), r.Code())
	}
	p := DefaultPolicy()
	p.Circulation.Overridable = circulation.CodesOf(circulation.ErrNotLoanable)
	assert.Equal(t, []string{"circulation.overridable[0]"}, pathsOf(t, p.Validate()))
	var back Policy
	err := json.Unmarshal([]byte(`{"shelf_days":10,"circulation":{"loan_days":15,"short_loan_days":8,"remote_loan_days":30,
		"remote_short_loan_days":15,"extension_days":14,"short_extension_days":7,"max_extensions":1,"max_loans":10,
		"max_reservations":10,"overridable":[]},"overridable":["place.invalid","reservation.duplicate"]}`), &back)
	assert.Equal(t, []string{"overridable[0]", "overridable[1]"}, pathsOf(t, err))

	bad := DefaultPolicy()
	bad.Overridable = circulation.CodesOf(ErrNeedsStaff, ErrPlace, ErrAlreadyReserved)
	dk, err := NewDesk(fixed{bad, cals}, nil)
	require.NoError(t, err)
	ov := circulation.Override{Staff: "s.tanaka", Codes: circulation.CodesOf(ErrPlace, ErrAlreadyReserved)}
	_, err = dk.Do(Request{Action: ActionReserve, Today: mustDay("2026-11-16"), Override: ov,
		Cart: Cart{Patron: "A", Items: []circulation.Item{item("x", circulation.OnLoan), item("x", circulation.OnLoan)}, Ordering: Normal}})
	assert.Equal(t, []string{"policy.overridable[1]", "policy.overridable[2]"}, pathsOf(t, err))
	assert.Empty(t, dk.All())
}

// TestDefectStepCancelAfterNoticeH5: once the notice has gone out, only
// staff cancel or change the pickup place, with an override letting
// ErrNeedsStaff go (H5). Step and Transition.Validate refuse such a step
// recorded without that override, or by the patron; while the
// reservation waits, nobody needs one.
func TestDefectStepCancelAfterNoticeH5(t *testing.T) {
	on := mustDay("2026-11-19")
	waiting := Reservation{ID: 1, Patron: "p", Item: "i", Place: atPrefectural, State: Waiting, PlacedOn: on}
	secured := securedFor(atPrefectural, on)
	inTransit := securedFor(atEbetsu, on)
	inTransit.State, inTransit.ShippedOn = InTransit, on
	for _, before := range []Reservation{secured, inTransit} {
		cancelled := before
		cancelled.State, cancelled.EndedOn, cancelled.CancelledBy = Cancelled, on, ByStaff
		moved := before
		moved.Place = atAssembly
		if before.State == InTransit {
			moved.State, moved.ShippedOn = Secured, calendar.Date{}
		}
		for _, after := range []Reservation{cancelled, moved} {
			for _, tt := range []struct {
				name string
				by   Actor
				ov   circulation.Override
			}{
				{"staff without an override", ByStaff, circulation.Override{}},
				{"nobody named", 0, circulation.Override{}},
				{"the patron", ByPatron, circulation.Override{}},
				{"an override of another reason", ByStaff, circulation.Override{Staff: "s", Codes: circulation.CodesOf(circulation.ErrReservationLimit)}},
			} {
				_, err := before.Step(after, tt.by, on, tt.ov)
				assert.ErrorIs(t, err, reason.ErrBadInput, "%v → %v: %s", before.State, after.State, tt.name)
			}
			tr, err := before.Step(after, ByStaff, on, staffOverride)
			require.NoError(t, err, "%v → %v with staff's override", before.State, after.State)
			b, err := json.Marshal(tr)
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal(b, new(Transition)))
			tr.Override, tr.By = circulation.Override{}, ByStaff
			b, err = json.Marshal(tr)
			require.NoError(t, err)
			assert.Error(t, json.Unmarshal(b, new(Transition)), "decoded without the override: %s", b)
		}
	}
	cancelled := waiting
	cancelled.State, cancelled.EndedOn, cancelled.CancelledBy = Cancelled, on, ByPatron
	_, err := waiting.Step(cancelled, ByPatron, on, circulation.Override{})
	require.NoError(t, err, "the patron cancels while waiting")
	err = Transition{Reservation: 1, Action: ActionCancel, By: ByPatron, On: on, From: Ready, To: Cancelled, Place: atPrefectural}.Validate()
	assert.True(t, strings.Contains(err.Error(), "H5"), "%v", err)
}

// TestDefectEnumCodeWithSpaces: codes on the wire are exact: one with
// surrounding spaces is refused (internal/enum, UnmarshalText); the code
// or a label as it is still decodes.
func TestDefectEnumCodeWithSpaces(t *testing.T) {
	for _, tt := range []struct {
		v    any
		text string
	}{
		{new(State), `" waiting"`}, {new(State), `"waiting "`}, {new(Actor), `"staff "`}, {new(Action), `"\u3000cancel"`},
		{new(Ordering), `"normal "`}, {new(Ordering), `" reading_order"`},
	} {
		assert.ErrorIs(t, json.Unmarshal([]byte(tt.text), tt.v), reason.ErrBadInput, "%T %s", tt.v, tt.text)
	}
	var s State
	require.NoError(t, json.Unmarshal([]byte(`"予約中"`), &s))
	assert.Equal(t, Waiting, s)
	require.NoError(t, json.Unmarshal([]byte(`"in_transit"`), &s))
	assert.Equal(t, InTransit, s)
	err := json.Unmarshal([]byte(`{"reservation":1,"action":"secure","on":"2026-11-19","from":"waiting","to":"secured ",`+
		`"place":{"method":"prefectural_library"}}`), new(Transition))
	assert.ErrorIs(t, err, reason.ErrBadInput)
}
