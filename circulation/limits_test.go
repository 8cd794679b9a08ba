package circulation

import (
	"testing"

	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMayBorrow: L1, at most 10 loans.
func TestMayBorrow(t *testing.T) {
	p := DefaultPolicy()
	assert.NoError(t, errOf(p.MayBorrow(BorrowRequest{Loans: 0})), "L1 none on loan")
	d, err := p.MayBorrow(BorrowRequest{Loans: 9})
	assert.NoError(t, err, "L1 nine on loan")
	assert.Equal(t, Decision{}, d)
	err = errOf(p.MayBorrow(BorrowRequest{Loans: 10}))
	assert.ErrorIs(t, err, ErrLoanLimit, "L1 ten on loan")
	assert.Equal(t, []reason.Message{{Code: "loan.limit", Message: "貸出冊数の上限（10冊）に達しています。", Params: reason.Params{reason.Limit(10)}}}, reason.Localize(err, reason.Japanese))
	assert.EqualError(t, err, "circulation: loan refused: loan.limit")
	assert.Equal(t, "You have reached the maximum number of items on loan (10 items).", english(err))
	assert.ErrorIs(t, errOf(p.MayBorrow(BorrowRequest{Loans: 11})), ErrLoanLimit, "L1 over the limit")
	badInput(t, errOf(p.MayBorrow(BorrowRequest{Loans: -1})), "loans")
	badInput(t, errOf(Policy{}.MayBorrow(BorrowRequest{Loans: 1})), "policy.max_loans")
}

// item returns an item of the cart with status s.
func item(id string, s Status) Item { return Item{ID: id, Status: s} }

// TestMayReserve: I1, I2, H1 — the Reserve button, and a cart of items:
// the limits first, then each item never lent, naming it.
func TestMayReserve(t *testing.T) {
	p := DefaultPolicy()
	hide := p
	hide.HideReserveAtLoanLimit = true
	one := func(s Status) []Item { return []Item{item("b1", s)} }
	for _, c := range []struct {
		name                string
		policy              Policy
		items               []Item
		loans, reservations int
		want                []string
	}{
		{"I2 on the shelf", p, one(OnShelf), 0, 0, nil},
		{"I2 on loan can be reserved", p, one(OnLoan), 3, 9, nil},
		{"I2 assigned can be reserved", p, one(Assigned), 0, 0, nil},
		{"I2 reference", p, one(Reference), 0, 0, codesOf(ErrNotLoanable)},
		{"I2 in-library short", p, one(LibraryUseOnlyShort), 0, 0, codesOf(ErrNotLoanable)},
		{"H1 ten reservations", p, one(OnShelf), 0, 10, codesOf(ErrReservationLimit)},
		{"I2 H1 both", p, one(LibraryUseOnly), 0, 12, codesOf(ErrReservationLimit, ErrNotLoanable)},
		{"I2 reading: loan limit does not hide by default", p, one(OnShelf), 10, 0, nil},
		{"I2 knob: loan limit hides", hide, one(OnShelf), 10, 0, codesOf(ErrLoanLimit)},
		{"I2 H1 L1 knob: all three", hide, one(Reference), 10, 10, codesOf(ErrReservationLimit, ErrLoanLimit, ErrNotLoanable)},
		{"H1 a cart of three fits nine held at most", p, []Item{item("a", OnShelf), item("b", OnLoan), item("c", Assigned)}, 0, 7, nil},
		{"H1 a cart of three over the limit", p, []Item{item("a", OnShelf), item("b", OnLoan), item("c", Assigned)}, 0, 8, codesOf(ErrReservationLimit)},
		{"I1 each item never lent", p, []Item{item("a", Reference), item("b", OnLoan), item("c", LibraryUseOnly)}, 0, 0, codesOf(ErrNotLoanable, ErrNotLoanable)},
		{"H1 no items, at the limit", p, nil, 0, 10, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, codes(t, errOf(c.policy.MayReserve(ReserveRequest{Items: c.items, Loans: c.loans, Reservations: c.reservations}))))
		})
	}
}

// TestMayReserveI1ItemsNamed: each item's reason carries the item, and
// H1's the limit and the count the patron would hold.
func TestMayReserveI1ItemsNamed(t *testing.T) {
	p := DefaultPolicy()
	_, err := p.MayReserve(ReserveRequest{Items: []Item{item("a", Reference), item("b", OnLoan), item("c", LibraryUseOnly)}, Reservations: 8})
	require.Error(t, err)
	assert.EqualError(t, err, "circulation: reservation refused: reservation.limit, reservation.not_loanable")
	ms := reason.Localize(err, reason.English)
	assert.Equal(t, []reason.Message{
		{Code: "reservation.limit", Message: "You have reached the maximum number of reservations (10 items).", Params: reason.Params{reason.Limit(10), reason.Count(11)}},
		{Code: "reservation.not_loanable", Message: ErrNotLoanable.Message(reason.English), Params: reason.Params{reason.Item("a")}},
		{Code: "reservation.not_loanable", Message: ErrNotLoanable.Message(reason.English), Params: reason.Params{reason.Item("c")}},
	}, ms)
}

// TestMayReserveBadInput: bad input names the field in the request's
// JSON form, every one at once; it is not a refusal.
func TestMayReserveBadInput(t *testing.T) {
	p := DefaultPolicy()
	for _, c := range []struct {
		name  string
		r     ReserveRequest
		paths []string
	}{
		{"no status", ReserveRequest{Items: []Item{item("a", OnShelf), {ID: "b"}}}, []string{"items[1].status"}},
		{"invalid status", ReserveRequest{Items: []Item{item("a", 99)}}, []string{"items[0].status"}},
		{"no identifier", ReserveRequest{Items: []Item{item("", OnShelf)}}, []string{"items[0].item"}},
		{"invalid collection", ReserveRequest{Items: []Item{{ID: "a", Status: OnShelf, Collection: 7}}}, []string{"items[0].collection"}},
		{"negative loans", ReserveRequest{Items: []Item{item("a", OnShelf)}, Loans: -1}, []string{"loans"}},
		{"negative reservations", ReserveRequest{Reservations: -1}, []string{"reservations"}},
		{"all at once", ReserveRequest{Items: []Item{{}, item("b", OnShelf)}, Loans: -1, Reservations: -2},
			[]string{"items[0].item", "items[0].status", "loans", "reservations"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			badInput(t, errOf(p.MayReserve(c.r)), c.paths...)
		})
	}
	badInput(t, errOf(Policy{}.MayReserve(ReserveRequest{})), "policy.max_reservations")
	hide := DefaultPolicy()
	hide.HideReserveAtLoanLimit, hide.MaxLoans = true, 0
	badInput(t, errOf(hide.MayReserve(ReserveRequest{})), "policy.max_loans")
}
