package circulation

import (
	"fmt"

	"github.com/kashidashi/kashidashi/reason"
)

// MayBorrow reports whether a patron with loans items on loan may borrow
// one more (L1): nil, or a refusal with ErrLoanLimit when loans is
// MaxLoans or more. The reason is detailed with the limit ("at most 10
// items", "10冊まで"). A negative count is an error matching
// ErrInconsistentInput, not a refusal.
//
// Staff may lend past the limit with an Override letting ErrLoanLimit go
// (soft by default, p.Overridable); MayBorrow returns the override used,
// as Extend does.
func (p Policy) MayBorrow(loans int, ov Override) (Override, error) {
	if loans < 0 {
		return Override{}, inconsistent("loan", fmt.Sprintf("negative count of loans %d", loans))
	}
	var rs []reason.Coded
	if loans >= p.MaxLoans {
		rs = append(rs, limit(ErrLoanLimit, p.MaxLoans))
	}
	return p.decide("loan", rs, ov)
}

// decide lets ov go over the reasons rs of a decision about what and
// returns the override used, or the refusal of the reasons left.
func (p Policy) decide(what string, rs []reason.Coded, ov Override) (Override, error) {
	rs, used, err := ov.Apply(p.Overridable, rs, Reasons())
	if err != nil {
		return Override{}, err
	}
	if err := reason.Refuse(pkg, what, rs); err != nil {
		return Override{}, err
	}
	return used, nil
}

// MayReserve reports whether the Reserve button (予約する) is offered for
// an item with status s to a patron with loans items on loan and
// reservations reservations (I2): nil, or a refusal listing every reason
// that applies, in this order:
//
//   - ErrNotLoanable: the item is never lent (禁帯, 館内, 館短; I1);
//   - ErrReservationLimit: reservations is MaxReservations or more (H1);
//   - ErrLoanLimit: loans is MaxLoans or more (L1), only when
//     HideReserveAtLoanLimit is set; by default a patron at the loan
//     limit may still reserve (I2 [reading], see Policy).
//
// An item on loan, assigned or in transit is loanable and may be
// reserved. An invalid status or a negative count is an error matching
// ErrInconsistentInput, not a refusal.
//
// Staff reserving for a patron may let the limits go with an Override
// (both soft by default, p.Overridable; ErrNotLoanable is hard);
// MayReserve returns the override used, as Extend does.
func (p Policy) MayReserve(s Status, loans, reservations int, ov Override) (Override, error) {
	switch {
	case !s.Valid():
		return Override{}, inconsistent("reservation", "invalid "+s.String())
	case loans < 0 || reservations < 0:
		return Override{}, inconsistent("reservation", fmt.Sprintf("negative count: %d loans, %d reservations", loans, reservations))
	}
	var rs []reason.Coded
	if !s.Loanable() {
		rs = append(rs, ErrNotLoanable)
	}
	if reservations >= p.MaxReservations {
		rs = append(rs, limit(ErrReservationLimit, p.MaxReservations))
	}
	if p.HideReserveAtLoanLimit && loans >= p.MaxLoans {
		rs = append(rs, limit(ErrLoanLimit, p.MaxLoans))
	}
	return p.decide("reservation", rs, ov)
}

// limit gives r the count limit n (L1, H1).
func limit(r *reason.Reason, n int) reason.Coded { return r.With(reason.Limit(n)) }
