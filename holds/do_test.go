package holds

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// TestDoRequestFieldsNeededAndUnused: every action takes exactly its
// fields; one it needs and lacks, or one it does not use, is bad input
// naming it, and nothing changes.
func TestDoRequestFieldsNeededAndUnused(t *testing.T) {
	d := newDesk(t)
	w := reserve(t, d, "A", "book", "2026-11-16")
	today := mustDay("2026-11-17")
	cart := Cart{Patron: "B", Items: volumes(1, circulation.OnLoan), Place: atHome, Ordering: Normal}
	for _, tt := range []struct {
		name string
		r    Request
		want []string
	}{
		{"no action", Request{Today: today}, []string{"action"}},
		{"an unknown action", Request{Action: 42, Today: today}, []string{"action"}},
		{"reserve without a cart", Request{Action: ActionReserve, Today: today}, []string{"cart"}},
		{"reserve with an item", Request{Action: ActionReserve, Cart: cart, Item: "x", Today: today}, []string{"item"}},
		{"reserve with an actor", Request{Action: ActionReserve, Cart: cart, By: ByStaff, Today: today}, []string{"by"}},
		{"reserve with partner libraries outside the cart", Request{Action: ActionReserve, Cart: cart, PartnerLibraries: []string{"x"}, Today: today}, []string{"partner_libraries"}},
		{"secure without an item", Request{Action: ActionSecure, Today: today}, []string{"item"}},
		{"secure with an ID", Request{Action: ActionSecure, Item: "book", ID: w.ID, Today: today}, []string{"id"}},
		{"secure with loans", Request{Action: ActionSecure, Item: "book", Loans: 3, Today: today}, []string{"loans"}},
		{"secure without a day", Request{Action: ActionSecure, Item: "book"}, []string{"today"}},
		{"ship without an ID", Request{Action: ActionShip, Today: today}, []string{"id"}},
		{"ship with a place", Request{Action: ActionShip, ID: w.ID, Place: atHome, Today: today}, []string{"place"}},
		{"ship with negative loans", Request{Action: ActionShip, ID: w.ID, Loans: -1, Today: today}, []string{"loans"}},
		{"make ready with an override", Request{Action: ActionMakeReady, ID: w.ID, Override: staffOverride, Today: today}, []string{"override"}},
		{"collect with loans", Request{Action: ActionCollect, ID: w.ID, Loans: 1, Today: today}, []string{"loans"}},
		{"expire with a cart", Request{Action: ActionExpire, ID: w.ID, Cart: cart, Today: today}, []string{"cart"}},
		{"cancel without an actor", Request{Action: ActionCancel, ID: w.ID, Today: today}, []string{"by"}},
		{"cancel by nobody known", Request{Action: ActionCancel, ID: w.ID, By: 7, Today: today}, []string{"by"}},
		{"cancel with a place", Request{Action: ActionCancel, ID: w.ID, By: ByPatron, Place: atHome, Today: today}, []string{"place"}},
		{"change place without a place", Request{Action: ActionChangePlace, ID: w.ID, By: ByPatron, Today: today}, []string{"place"}},
		{"change place lacking everything", Request{Action: ActionChangePlace, Today: today}, []string{"id", "by", "place"}},
		{"change place with loans", Request{Action: ActionChangePlace, ID: w.ID, By: ByPatron, Place: atHome, Loans: 2, Today: today}, []string{"loans"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := d.All()
			ch, err := d.Do(tt.r)
			assert.Equal(t, tt.want, pathsOf(t, err))
			assert.Equal(t, Change{}, ch)
			assert.Equal(t, before, d.All(), "bad input changes nothing")
		})
	}
}

// TestDoRequestJSON: a request and a change cross an API boundary as
// JSON with snake_case keys, the fields an action does not use left out.
func TestDoRequestJSON(t *testing.T) {
	r := Request{Action: ActionCancel, ID: 7, By: ByStaff, Today: mustDay("2026-11-18"), Override: staffOverride}
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, `{"action":"cancel","id":7,"by":"staff","today":"2026-11-18",
		"override":{"staff":"s.tanaka","codes":["change.needs_staff"],"note":"telephoned"}}`, string(b))
	var back Request
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, r.ID, back.ID)
	assert.Equal(t, r.Override, back.Override)

	d := newDesk(t)
	ch, err := d.do(Request{Action: ActionReserve, Today: mustDay("2026-11-16"),
		Cart: Cart{Patron: "A", Items: []circulation.Item{item("book", circulation.OnShelfShort)}, Place: atPrefectural, Ordering: Normal}})
	require.NoError(t, err)
	b, err = json.Marshal(ch)
	require.NoError(t, err)
	assert.JSONEq(t, `{"reservations":[{"id":1,"patron":"A","item":"book","place":{"method":"prefectural_library"},
		"short":true,"state":"waiting","placed_on":"2026-11-16"}],
		"transitions":[{"reservation":1,"action":"reserve","on":"2026-11-16","to":"waiting","place":{"method":"prefectural_library"}}]}`, string(b))
}

// TestDoCollectLoanReservedL4b: collecting gives the loan, marked
// Reserved while others wait for the item (L4 b), and its audit record.
func TestDoCollectLoanReservedL4b(t *testing.T) {
	d := newDesk(t)
	a := reserve(t, d, "A", "book", "2026-11-16")
	reserve(t, d, "B", "book", "2026-11-16")
	_, err := d.SecureNext("book", mustDay("2026-11-19"))
	require.NoError(t, err)
	_, err = d.MakeReady(a.ID, mustDay("2026-11-19"))
	require.NoError(t, err)
	ch, err := d.do(Request{Action: ActionCollect, ID: a.ID, Today: mustDay("2026-11-20")})
	require.NoError(t, err)
	assert.Equal(t, circulation.Loan{Item: "book", Place: atPrefectural, Loaned: mustDay("2026-11-20"), Due: mustDay("2026-12-04"), Reserved: true}, ch.Loan)
	assert.Equal(t, Transition{Reservation: a.ID, Action: ActionCollect, On: mustDay("2026-11-20"), From: Ready, To: Collected, Place: atPrefectural}, ch.Transitions[0])
}

// TestDoRefusalsAreRefusals: every refusal of Do is a *reason.Refusal of
// holds whose What is the action, and marshals in the module's one
// bilingual shape.
func TestDoRefusalsAreRefusals(t *testing.T) {
	d := newDesk(t)
	w := reserve(t, d, "A", "book", "2026-11-16")
	today := mustDay("2026-11-17")
	for _, tt := range []struct {
		r    Request
		want *reason.Reason
	}{
		{Request{Action: ActionSecure, Item: "nothing", Today: today}, ErrNobodyWaiting},
		{Request{Action: ActionShip, ID: w.ID, Today: today}, ErrNoStep},
		{Request{Action: ActionExpire, ID: 99, Today: today}, ErrUnknownReservation},
		{Request{Action: ActionChangePlace, ID: w.ID, By: ByPatron, Place: circulation.Place{Method: circulation.PartnerLibrary}, Today: today}, ErrPlace},
	} {
		t.Run(tt.r.Action.String(), func(t *testing.T) {
			_, err := d.Do(tt.r)
			var refusal *reason.Refusal
			require.ErrorAs(t, err, &refusal)
			assert.Equal(t, tt.r.Action.String(), refusal.What)
			assert.ErrorIs(t, err, tt.want)
			b, jerr := json.Marshal(err)
			require.NoError(t, jerr)
			assert.Contains(t, string(b), `"code":"`+tt.want.Code()+`"`)
			assert.Contains(t, string(b), `"ja":`)
		})
	}
	_, err := d.Do(Request{Action: ActionSecure, Item: "nothing", Today: today})
	it, _ := reason.Localize(err, reason.English)[0].Params.Get("item")
	assert.Equal(t, "nothing", it.Value(), "the item asked for")
}

// TestDoPatronNeverOverridesH5: an override with the patron as actor is
// bad input naming the override and matching circulation.ErrNotStaff,
// on a checkout without staff too.
func TestDoPatronNeverOverridesH5(t *testing.T) {
	d := newDesk(t)
	w := reserve(t, d, "A", "book", "2026-11-16")
	_, err := d.Do(Request{Action: ActionCancel, ID: w.ID, By: ByPatron, Today: mustDay("2026-11-17"), Override: staffOverride})
	assert.ErrorIs(t, err, circulation.ErrNotStaff)
	assert.Equal(t, []string{"override"}, pathsOf(t, err))
	_, err = d.Do(Request{Action: ActionReserve, Today: mustDay("2026-11-17"),
		Cart:     Cart{Patron: "A", Items: volumes(1, circulation.OnLoan), Place: atHome, Ordering: Normal},
		Override: circulation.Override{Codes: circulation.CodesOf(circulation.ErrReservationLimit)}})
	assert.ErrorIs(t, err, circulation.ErrNotStaff)
	assert.Equal(t, []string{"override.staff"}, pathsOf(t, err))
	_, err = d.Do(Request{Action: ActionReserve, Today: mustDay("2026-11-17"),
		Cart:     Cart{Patron: "A", Items: volumes(1, circulation.OnLoan), Place: atHome, Ordering: Normal},
		Override: circulation.Override{Staff: "s", Codes: circulation.CodesOf(fakeCode{})}})
	assert.Equal(t, []string{"override.codes[0]"}, pathsOf(t, err), "an unknown code")
	assert.Equal(t, 1, d.Active("A"))
}

// TestZeroDeskNeverPanics: a zero or nil Desk holds nothing: its reads
// give empty answers, ExpireDue expires nothing, and Do is bad input
// naming the rules: no zero value panics.
func TestZeroDeskNeverPanics(t *testing.T) {
	today := mustDay("2026-11-16")
	for name, d := range map[string]*Desk{"zero": {}, "nil": nil} {
		t.Run(name, func(t *testing.T) {
			_, ok := d.Get(1)
			assert.False(t, ok)
			assert.Empty(t, d.All())
			assert.Empty(t, d.Queue("book"))
			assert.Zero(t, d.Position(1))
			assert.Zero(t, d.Active("A"))
			assert.Empty(t, d.Reservations("A"))
			ch, err := d.ExpireDue(today)
			require.NoError(t, err)
			assert.Empty(t, ch.Reservations)
			_, err = d.ExpireDue(calendar.Date{})
			assert.Equal(t, []string{"today"}, pathsOf(t, err))
			for _, r := range []Request{
				{Action: ActionReserve, Cart: Cart{Patron: "A", Items: volumes(1, circulation.OnLoan), Place: atHome, Ordering: Normal}, Today: today},
				{Action: ActionSecure, Item: "book", Today: today},
				{Action: ActionCancel, ID: 1, By: ByPatron, Today: today},
				{},
			} {
				_, err := d.Do(r)
				assert.Equal(t, []string{"rules"}, pathsOf(t, err))
			}
		})
	}
}

// TestExpireDueChangeH4: ExpireDue returns the expired reservations with
// their audit records, in ID order.
func TestExpireDueChangeH4(t *testing.T) {
	d := newDesk(t)
	var ids []uint64
	for _, it := range []string{"b", "a"} {
		r := reserve(t, d, "A", it, "2026-11-16")
		_, err := d.SecureNext(it, mustDay("2026-11-19"))
		require.NoError(t, err)
		_, err = d.MakeReady(r.ID, mustDay("2026-11-19"))
		require.NoError(t, err)
		ids = append(ids, r.ID)
	}
	ch, err := d.Desk.ExpireDue(mustDay("2026-12-03"))
	require.NoError(t, err)
	require.Len(t, ch.Reservations, 2)
	for k, tr := range ch.Transitions {
		assert.Equal(t, Transition{Reservation: ids[k], Action: ActionExpire, On: mustDay("2026-12-03"), From: Ready, To: Expired, Place: atPrefectural}, tr)
		assert.Equal(t, Expired, ch.Reservations[k].State)
	}
	ch, err = d.Desk.ExpireDue(mustDay("2026-12-04"))
	require.NoError(t, err)
	assert.Equal(t, Change{Reservations: []Reservation{}, Transitions: []Transition{}}, ch)
}

// TestNewDeskNeedsRules: a desk without rules is bad input, and a stored
// reservation that fails Validate is named by its index and field.
func TestNewDeskNeedsRules(t *testing.T) {
	_, err := NewDesk(nil, nil)
	assert.Equal(t, []string{"rules"}, pathsOf(t, err))
	bad := waitingFor(3, "A", "book")
	bad.SecuredOn = mustDay("2026-11-17")
	_, err = NewDesk(fixed{DefaultPolicy(), cals}, []Reservation{waitingFor(1, "B", "x"), bad})
	assert.Equal(t, []string{"[1].state"}, pathsOf(t, err))
	var refusal *reason.Refusal
	assert.False(t, errors.As(err, &refusal))
}

// TestRequestJSONRefusesUnknownKeys: a misspelt key of a request, or of
// its cart, is an error naming it, not a field silently left zero.
func TestRequestJSONRefusesUnknownKeys(t *testing.T) {
	var r Request
	require.NoError(t, json.Unmarshal([]byte(`{"action":"reserve","today":"2026-11-16","loans":2,
		"cart":{"patron":"A","items":[{"item":"b","status":"on_loan"}],"place":{"method":"home_delivery"},"ordering":"normal"}}`), &r))
	assert.Equal(t, Request{Action: ActionReserve, Today: mustDay("2026-11-16"), Loans: 2,
		Cart: Cart{Patron: "A", Items: []circulation.Item{item("b", circulation.OnLoan)}, Place: atHome, Ordering: Normal}}, r)
	for _, bad := range []string{
		`{"action":"cancel","id":1,"by":"staff","today":"2026-11-16","overide":{}}`,
		`{"action":"reserve","today":"2026-11-16","cart":{"patron":"A","itemz":[]}}`,
		`{"action":"teleport"}`,
	} {
		before := r
		assert.Error(t, json.Unmarshal([]byte(bad), &r), bad)
		assert.Equal(t, before, r, "unchanged on error")
	}
}
