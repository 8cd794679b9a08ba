package holds

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
)

func volumes(n int, status circulation.Status) []circulation.Item {
	items := make([]circulation.Item, n)
	for i := range items {
		items[i] = item("vol"+string(rune('1'+i)), status)
	}
	return items
}

func TestCheckoutNormal(t *testing.T) {
	// H2: three volumes, one place, placed together.
	d := newDesk(t)
	today := mustDay("2026-11-16")
	rs, _, err := d.Checkout(Cart{Patron: "A", Items: volumes(3, circulation.OnLoan), Place: atEbetsu,
		Ordering: Normal, PartnerLibraries: []string{"江別市情報図書館"}}, today, circulation.Override{})
	require.NoError(t, err)
	require.Len(t, rs, 3)
	for i, r := range rs {
		assert.Equal(t, uint64(i+1), r.ID)
		assert.Equal(t, Waiting, r.State)
		assert.Equal(t, atEbetsu, r.Place)
		assert.Equal(t, today, r.PlacedOn)
		assert.Zero(t, r.Group)
		assert.Equal(t, 1, d.Position(r.ID))
	}
	assert.Equal(t, 3, d.Active("A"))
}

func TestCheckoutReadingOrder(t *testing.T) {
	// H2 [reading]: the group is the first reservation's ID, orders 1..n.
	d := newDesk(t)
	_, _, err := d.Checkout(Cart{Patron: "B", Items: volumes(1, circulation.OnShelf), Place: atHome, Ordering: Normal}, mustDay("2026-11-16"), circulation.Override{})
	require.NoError(t, err)
	rs, _, err := d.Checkout(Cart{Patron: "A", Items: volumes(3, circulation.OnShelf)[1:], Place: atPrefectural, Ordering: ReadingOrder}, mustDay("2026-11-16"), circulation.Override{})
	require.NoError(t, err)
	for i, r := range rs {
		assert.Equal(t, uint64(2), r.Group)
		assert.Equal(t, i+1, r.Order)
	}
}

func TestCheckoutRefusesWithEveryReason(t *testing.T) {
	// H1 H2 I2 R-PT1: every reason, for the cart and per item, each item
	// reason carrying its item, in one *reason.Refusal.
	d := newDesk(t)
	today := mustDay("2026-11-16")
	_, _, err := d.Checkout(Cart{Patron: "A", Items: []circulation.Item{
		item("x1", circulation.OnLoan), item("x2", circulation.OnLoan),
		item("x3", circulation.OnLoan), item("x4", circulation.OnLoan),
		item("x5", circulation.OnLoan), item("x6", circulation.OnLoan),
		item("x7", circulation.OnLoan), item("dup", circulation.OnLoan),
	}, Place: atPrefectural, Ordering: Normal}, today, circulation.Override{})
	require.NoError(t, err)

	_, _, err = d.Checkout(Cart{Patron: "A", Items: []circulation.Item{
		item("ref", circulation.Reference),
		item("ok", circulation.OnShelfShort),
		item("dup", circulation.OnLoan),
		item("ok", circulation.LibraryUseOnly),
	}, Place: atEbetsu, Ordering: ReadingOrder, PartnerLibraries: []string{"other"}}, today, circulation.Override{})
	assert.Equal(t, []string{
		"eligibility.partner_not_registered", "reservation.limit",
		"reservation.not_loanable ref", "reservation.not_loanable ok",
		"reservation.duplicate dup", "reservation.duplicate ok",
	}, reasonsOf(t, err))
	for _, want := range []error{patron.ErrNotPartnerRegistered, circulation.ErrReservationLimit, circulation.ErrNotLoanable, ErrAlreadyReserved} {
		assert.ErrorIs(t, err, want)
	}
	ms := reason.Localize(err, reason.Japanese)
	require.Len(t, ms, 6)
	assert.Contains(t, ms[4].Message, "dup", "the item is in the patron's message")
	it, ok := ms[4].Params.Get("item")
	assert.True(t, ok)
	assert.Equal(t, "dup", it.Value())
	assert.Equal(t, "holds: reserve refused: eligibility.partner_not_registered, reservation.limit, reservation.not_loanable, reservation.duplicate", err.Error())
	assert.Equal(t, 8, d.Active("A"), "a refused cart places nothing")

	_, _, err = d.Checkout(Cart{Patron: "B", Place: circulation.Place{Method: 9}}, today, circulation.Override{})
	assert.Equal(t, []string{"cart.empty", "cart.method", "place.invalid"}, reasonsOf(t, err))
}

// TestCheckoutRefusalJSONBilingual: a refused checkout encodes as every
// refusal of the module does: snake_case, both languages, the item as a
// parameter, and decodes back matching its sentinels.
func TestCheckoutRefusalJSONBilingual(t *testing.T) {
	d := newDesk(t)
	_, _, err := d.Checkout(Cart{Patron: "A", Items: []circulation.Item{item("atlas", circulation.Reference)},
		Place: atPrefectural, Ordering: Normal}, mustDay("2026-11-16"), circulation.Override{})
	b, jerr := json.Marshal(err)
	require.NoError(t, jerr)
	assert.Contains(t, string(b), `"package":"holds","what":"reserve"`)
	assert.Contains(t, string(b), `"params":{"item":"atlas"}`)
	assert.Contains(t, string(b), `"ja":`)
	var back reason.Refusal
	require.NoError(t, json.Unmarshal(b, &back))
	assert.ErrorIs(t, &back, circulation.ErrNotLoanable)
}

func TestCheckoutLimitCountsExisting(t *testing.T) {
	// H1: 7 held + 3 in the cart is 10, allowed; one more is refused.
	d := newDesk(t)
	today := mustDay("2026-11-16")
	for i := range 7 {
		_, _, err := d.Checkout(Cart{Patron: "A", Items: []circulation.Item{item(string(rune('a'+i)), circulation.OnLoan)}, Place: atHome, Ordering: Normal}, today, circulation.Override{})
		require.NoError(t, err)
	}
	_, _, err := d.Checkout(Cart{Patron: "A", Items: volumes(4, circulation.OnLoan), Place: atHome, Ordering: Normal}, today, circulation.Override{})
	require.ErrorIs(t, err, circulation.ErrReservationLimit)
	_, _, err = d.Checkout(Cart{Patron: "A", Items: volumes(3, circulation.OnLoan), Place: atHome, Ordering: Normal}, today, circulation.Override{})
	require.NoError(t, err)
	assert.Equal(t, 10, d.Active("A"))
	// Collecting one frees a place.
	r, err := d.SecureNext("a", today)
	require.NoError(t, err)
	_, err = d.Ship(r.ID, today, 0)
	require.NoError(t, err)
	_, _, err = d.Collect(r.ID, today)
	require.NoError(t, err)
	assert.Equal(t, 9, d.Active("A"))
	_, _, err = d.Checkout(Cart{Patron: "A", Items: volumes(4, circulation.OnLoan)[3:], Place: atHome, Ordering: Normal}, today, circulation.Override{})
	require.NoError(t, err)
}

func TestCheckoutLoanLimitKnob(t *testing.T) {
	// I2 [reading]: only with HideReserveAtLoanLimit does the loan limit
	// stop a reservation.
	cart := Cart{Patron: "A", Items: volumes(1, circulation.OnLoan), Place: atHome, Ordering: Normal}
	d := newDesk(t)
	_, _, err := d.CheckoutLoans(cart, 10, mustDay("2026-11-16"), circulation.Override{})
	require.NoError(t, err)
	p := DefaultPolicy()
	p.Circulation.HideReserveAtLoanLimit = true
	d = newDeskWith(t, p)
	_, _, err = d.CheckoutLoans(cart, 10, mustDay("2026-11-16"), circulation.Override{})
	assert.ErrorIs(t, err, circulation.ErrLoanLimit)
}

// TestCheckoutShortFromStatusL2: a reservation lends for the short
// period when its item's status does (短縮), and the loan it becomes
// follows it: 8 days at the Prefectural Library, day of loan included.
func TestCheckoutShortFromStatusL2(t *testing.T) {
	d := newDesk(t)
	today := mustDay("2026-11-19")
	rs, _, err := d.Checkout(Cart{Patron: "A", Items: []circulation.Item{
		item("short", circulation.OnShelfShort), item("long", circulation.OnShelf),
		{ID: "hokkaido", Status: circulation.OnLoan, Collection: circulation.Hokkaido},
	}, Place: atPrefectural, Ordering: Normal}, today, circulation.Override{})
	require.NoError(t, err)
	assert.Equal(t, []bool{true, false, false}, []bool{rs[0].Short, rs[1].Short, rs[2].Short})
	assert.Equal(t, circulation.Hokkaido, rs[2].Collection)
	_, err = d.SecureNext("short", today)
	require.NoError(t, err)
	_, err = d.MakeReady(rs[0].ID, today)
	require.NoError(t, err)
	_, loan, err := d.Collect(rs[0].ID, mustDay("2026-11-20"))
	require.NoError(t, err)
	assert.True(t, loan.Short)
	assert.Equal(t, "2026-11-27", loan.Due.String())
}

// TestCheckoutInputErrors: a cart a host got wrong is bad input naming
// the field, every one at once, not a refusal.
func TestCheckoutInputErrors(t *testing.T) {
	d := newDesk(t)
	today := mustDay("2026-11-16")
	ok := Cart{Patron: "A", Items: volumes(1, circulation.OnLoan), Place: atHome, Ordering: Normal}
	for _, tt := range []struct {
		name  string
		edit  func(*Request)
		paths []string
	}{
		{"no patron", func(r *Request) { r.Cart.Patron = "" }, []string{"cart.patron"}},
		{"no today", func(r *Request) { r.Today = calendar.Date{} }, []string{"today"}},
		{"negative loans", func(r *Request) { r.Loans = -1 }, []string{"loans"}},
		{"item without an ID", func(r *Request) { r.Cart.Items = []circulation.Item{{Status: circulation.OnLoan}} }, []string{"cart.items[0].item"}},
		{"invalid status", func(r *Request) { r.Cart.Items = []circulation.Item{{ID: "x"}} }, []string{"cart.items[0].status"}},
		{"invalid collection", func(r *Request) {
			r.Cart.Items = []circulation.Item{{ID: "x", Status: circulation.OnLoan, Collection: 7}}
		}, []string{"cart.items[0].collection"}},
		{"every problem at once", func(r *Request) {
			r.Cart.Patron = ""
			r.Cart.Items = []circulation.Item{{}, item("y", circulation.OnLoan), {ID: "z", Status: 99}}
		}, []string{"cart.patron", "cart.items[0].item", "cart.items[0].status", "cart.items[2].status"}},
		{"no cart", func(r *Request) { r.Cart = Cart{} }, []string{"cart"}},
		{"an ID", func(r *Request) { r.ID = 3 }, []string{"id"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := Request{Action: ActionReserve, Cart: ok, Today: today}
			tt.edit(&r)
			_, err := d.Do(r)
			assert.Equal(t, tt.paths, pathsOf(t, err))
			var refusal *reason.Refusal
			assert.False(t, errors.As(err, &refusal), "bad input is not a refusal")
		})
	}
	assert.Zero(t, d.Active("A"))
}

// TestDoReservePersonalLimitL14: a reservation request carries the
// patron's own lower loan limit (L14) to MayReserve, which counts it,
// like the library's, only with HideReserveAtLoanLimit (I2); another
// action does not use it, and a negative one is bad input.
func TestDoReservePersonalLimitL14(t *testing.T) {
	today := mustDay("2026-11-16")
	cart := Cart{Patron: "A", Items: volumes(1, circulation.OnLoan), Place: atHome, Ordering: Normal}
	reserve := Request{Action: ActionReserve, Cart: cart, Loans: 3, PersonalLimit: 3, Today: today}
	d := newDesk(t)
	_, err := d.Do(reserve)
	require.NoError(t, err, "L14 counts only with HideReserveAtLoanLimit")

	p := DefaultPolicy()
	p.Circulation.HideReserveAtLoanLimit = true
	d = newDeskWith(t, p)
	_, err = d.Do(reserve)
	require.ErrorIs(t, err, circulation.ErrPersonalLoanLimit)
	assert.NotErrorIs(t, err, circulation.ErrLoanLimit)
	below := reserve
	below.Loans = 2
	_, err = d.Do(below)
	require.NoError(t, err, "L14 below the personal limit")

	bad := reserve
	bad.PersonalLimit = -1
	_, err = d.Do(bad)
	assert.Equal(t, []string{"personal_limit"}, pathsOf(t, err))
	_, err = d.Do(Request{Action: ActionShip, ID: 1, PersonalLimit: 3, Today: today})
	assert.Equal(t, []string{"personal_limit"}, pathsOf(t, err), "only ActionReserve uses it")

	b, err := json.Marshal(reserve)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"personal_limit":3`)
	var back Request
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, 3, back.PersonalLimit)
	b, err = json.Marshal(Request{Action: ActionShip, ID: 1, Today: today})
	require.NoError(t, err)
	assert.NotContains(t, string(b), "personal_limit")
}
