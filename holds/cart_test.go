package holds

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
)

func newDesk(t *testing.T) *Desk {
	t.Helper()
	d, err := NewDesk(DefaultPolicy(), cals, nil)
	require.NoError(t, err)
	return d
}

func volumes(n int, status circulation.Status) []CartItem {
	items := make([]CartItem, n)
	for i := range items {
		items[i] = CartItem{Item: "vol" + string(rune('1'+i)), Status: status}
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
	// H1 H2 I2 R-PT1: every reason, for the cart and per item.
	d := newDesk(t)
	today := mustDay("2026-11-16")
	_, _, err := d.Checkout(Cart{Patron: "A", Items: []CartItem{
		{Item: "x1", Status: circulation.OnLoan}, {Item: "x2", Status: circulation.OnLoan},
		{Item: "x3", Status: circulation.OnLoan}, {Item: "x4", Status: circulation.OnLoan},
		{Item: "x5", Status: circulation.OnLoan}, {Item: "x6", Status: circulation.OnLoan},
		{Item: "x7", Status: circulation.OnLoan}, {Item: "dup", Status: circulation.OnLoan},
	}, Place: atPrefectural, Ordering: Normal}, today, circulation.Override{})
	require.NoError(t, err)

	_, _, err = d.Checkout(Cart{Patron: "A", Items: []CartItem{
		{Item: "ref", Status: circulation.Reference},
		{Item: "ok", Status: circulation.OnShelfShort},
		{Item: "dup", Status: circulation.OnLoan},
		{Item: "ok", Status: circulation.LibraryUseOnly},
	}, Place: atEbetsu, Ordering: ReadingOrder, PartnerLibraries: []string{"other"}}, today, circulation.Override{})
	var cr *CartRefusal
	require.True(t, errors.As(err, &cr))
	assert.Equal(t, []string{"eligibility.partner_not_registered", "reservation.limit"}, codes(cr.Cart))
	require.Len(t, cr.Items, 3)
	assert.Equal(t, 0, cr.Items[0].Index)
	assert.Equal(t, []string{"reservation.not_loanable"}, codes(cr.Items[0].Reasons))
	assert.Equal(t, "dup", cr.Items[1].Item)
	assert.Equal(t, []string{"reservation.duplicate"}, codes(cr.Items[1].Reasons))
	assert.Equal(t, 3, cr.Items[2].Index)
	assert.Equal(t, []string{"reservation.not_loanable", "reservation.duplicate"}, codes(cr.Items[2].Reasons))
	for _, want := range []error{patron.ErrNotPartnerRegistered, circulation.ErrReservationLimit, circulation.ErrNotLoanable, ErrAlreadyReserved} {
		assert.ErrorIs(t, err, want)
	}
	ms := reason.Localize(err, reason.Japanese)
	assert.Len(t, ms, 6)
	assert.Contains(t, ms[2].Message, "資料 ref")
	assert.Contains(t, err.Error(), "holds: reservation refused: ")
	assert.Equal(t, 8, d.Active("A"), "a refused cart places nothing")

	_, _, err = d.Checkout(Cart{Patron: "B", Place: circulation.Place{Method: 9}}, today, circulation.Override{})
	require.True(t, errors.As(err, &cr))
	assert.Equal(t, []string{"cart.empty", "cart.method", "place.invalid"}, codes(cr.Cart))
	assert.Empty(t, cr.Items)
}

func TestCheckoutLimitCountsExisting(t *testing.T) {
	// H1: 7 held + 3 in the cart is 10, allowed; one more is refused.
	d := newDesk(t)
	today := mustDay("2026-11-16")
	for i := range 7 {
		_, _, err := d.Checkout(Cart{Patron: "A", Items: []CartItem{{Item: string(rune('a' + i)), Status: circulation.OnLoan}}, Place: atHome, Ordering: Normal}, today, circulation.Override{})
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
	_, _, err = d.Collect(r.ID, today, false)
	require.NoError(t, err)
	assert.Equal(t, 9, d.Active("A"))
	_, _, err = d.Checkout(Cart{Patron: "A", Items: volumes(4, circulation.OnLoan)[3:], Place: atHome, Ordering: Normal}, today, circulation.Override{})
	require.NoError(t, err)
}

func TestCheckoutLoanLimitKnob(t *testing.T) {
	// I2 [reading]: only with HideReserveAtLoanLimit does the loan limit
	// stop a reservation.
	cart := Cart{Patron: "A", Items: volumes(1, circulation.OnLoan), Place: atHome, Ordering: Normal, Loans: 10}
	d := newDesk(t)
	_, _, err := d.Checkout(cart, mustDay("2026-11-16"), circulation.Override{})
	require.NoError(t, err)
	p := DefaultPolicy()
	p.Circulation.HideReserveAtLoanLimit = true
	d, err = NewDesk(p, cals, nil)
	require.NoError(t, err)
	_, _, err = d.Checkout(cart, mustDay("2026-11-16"), circulation.Override{})
	assert.ErrorIs(t, err, circulation.ErrLoanLimit)
}

func TestCheckoutInputErrors(t *testing.T) {
	d := newDesk(t)
	today := mustDay("2026-11-16")
	ok := Cart{Patron: "A", Items: volumes(1, circulation.OnLoan), Place: atHome, Ordering: Normal}
	for _, tt := range []struct {
		name  string
		edit  func(*Cart)
		today calendar.Date
	}{
		{"no patron", func(c *Cart) { c.Patron = "" }, today},
		{"no today", func(c *Cart) {}, calendar.Date{}},
		{"negative loans", func(c *Cart) { c.Loans = -1 }, today},
		{"item without an ID", func(c *Cart) { c.Items = []CartItem{{Status: circulation.OnLoan}} }, today},
		{"invalid status", func(c *Cart) { c.Items = []CartItem{{Item: "x"}} }, today},
		{"invalid collection", func(c *Cart) { c.Items = []CartItem{{Item: "x", Status: circulation.OnLoan, Collection: 7}} }, today},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := ok
			tt.edit(&c)
			_, _, err := d.Checkout(c, tt.today, circulation.Override{})
			require.ErrorContains(t, err, "holds: ")
			var cr *CartRefusal
			assert.False(t, errors.As(err, &cr), "bad input is not a refusal")
		})
	}
}

func codes(cs []reason.Coded) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Code()
	}
	return out
}
