package circulation

import (
	"slices"
	"testing"

	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"
)

// TestMayBorrow: L1, at most 10 loans.
func TestMayBorrow(t *testing.T) {
	p := DefaultPolicy()
	assert.NoError(t, errOf(p.MayBorrow(0, Override{})), "L1 none on loan")
	assert.NoError(t, errOf(p.MayBorrow(9, Override{})), "L1 nine on loan")
	err := errOf(p.MayBorrow(10, Override{}))
	assert.ErrorIs(t, err, ErrLoanLimit, "L1 ten on loan")
	assert.Equal(t, []reason.Message{{Code: "loan.limit", Message: "貸出冊数の上限（10冊）に達しています。", Params: reason.Params{reason.Limit(10)}}}, reason.Localize(err, reason.Japanese))
	assert.EqualError(t, err, "circulation: loan refused: loan.limit")
	assert.Equal(t, "You have reached the maximum number of items on loan (10 items).", english(err))
	assert.ErrorIs(t, errOf(p.MayBorrow(11, Override{})), ErrLoanLimit, "L1 over the limit")
	assert.ErrorIs(t, errOf(p.MayBorrow(-1, Override{})), ErrInconsistentInput)
}

// TestMayReserve: I2, H1 — the Reserve button.
func TestMayReserve(t *testing.T) {
	p := DefaultPolicy()
	hide := p
	hide.HideReserveAtLoanLimit = true
	for _, c := range []struct {
		name                string
		policy              Policy
		status              Status
		loans, reservations int
		want                []string
	}{
		{"I2 on the shelf", p, OnShelf, 0, 0, nil},
		{"I2 on loan can be reserved", p, OnLoan, 3, 9, nil},
		{"I2 assigned can be reserved", p, Assigned, 0, 0, nil},
		{"I2 reference", p, Reference, 0, 0, codesOf(ErrNotLoanable)},
		{"I2 in-library short", p, LibraryUseOnlyShort, 0, 0, codesOf(ErrNotLoanable)},
		{"H1 ten reservations", p, OnShelf, 0, 10, codesOf(ErrReservationLimit)},
		{"I2 H1 both", p, LibraryUseOnly, 0, 12, codesOf(ErrNotLoanable, ErrReservationLimit)},
		{"I2 reading: loan limit does not hide by default", p, OnShelf, 10, 0, nil},
		{"I2 knob: loan limit hides", hide, OnShelf, 10, 0, codesOf(ErrLoanLimit)},
		{"I2 H1 L1 knob: all three", hide, Reference, 10, 10, codesOf(ErrNotLoanable, ErrReservationLimit, ErrLoanLimit)},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, codes(t, errOf(c.policy.MayReserve(c.status, c.loans, c.reservations, Override{}))))
		})
	}
	assert.ErrorIs(t, errOf(p.MayReserve(0, 0, 0, Override{})), ErrInconsistentInput)
	assert.ErrorIs(t, errOf(p.MayReserve(OnShelf, -1, 0, Override{})), ErrInconsistentInput)
	assert.ErrorIs(t, errOf(p.MayReserve(OnShelf, 0, -1, Override{})), ErrInconsistentInput)
}

// TestMayReserveModel: I2, H1, L1 — the reasons equal a model's.
func TestMayReserveModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := genPolicy(t)
		s := rapid.SampledFrom(allStatuses).Draw(t, "status")
		loans := rapid.IntRange(0, 40).Draw(t, "loans")
		reservations := rapid.IntRange(0, 40).Draw(t, "reservations")
		var want []string
		if s != OnShelf && s != OnShelfShort && s != OnLoan && s != LentToLibrary && s != Assigned && s != InTransit {
			want = append(want, ErrNotLoanable.Code())
		}
		if reservations+1 > p.MaxReservations {
			want = append(want, ErrReservationLimit.Code())
		}
		if p.HideReserveAtLoanLimit && loans+1 > p.MaxLoans {
			want = append(want, ErrLoanLimit.Code())
		}
		if got := codes(t, errOf(p.MayReserve(s, loans, reservations, Override{}))); !slices.Equal(got, want) {
			t.Fatalf("reasons %v, model %v", got, want)
		}
		borrow := codes(t, errOf(p.MayBorrow(loans, Override{})))
		if (len(borrow) == 1) != (loans >= p.MaxLoans) {
			t.Fatalf("MayBorrow(%d) with limit %d: %v", loans, p.MaxLoans, borrow)
		}
	})
}
