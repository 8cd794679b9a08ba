package circulation

import (
	"fmt"

	"github.com/kashidashi/kashidashi/reason"
)

// MayBorrow reports whether a patron with loans items on loan may borrow
// one more (L1): nil, or a refusal with ErrLoanLimit when loans is
// MaxLoans or more. The reason is detailed with the limit ("at most 10
// items", "10冊まで"). A negative count is an error matching
// ErrInconsistent, not a refusal.
func (p Policy) MayBorrow(loans int) error {
	if loans < 0 {
		return inconsistent("loan", fmt.Sprintf("negative count of loans %d", loans))
	}
	if loans >= p.MaxLoans {
		return reason.Refuse(pkg, "loan", []reason.Coded{limit(ErrLoanLimit, p.MaxLoans)})
	}
	return nil
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
// ErrInconsistent, not a refusal.
func (p Policy) MayReserve(s Status, loans, reservations int) error {
	switch {
	case !s.Valid():
		return inconsistent("reservation", "invalid "+s.String())
	case loans < 0 || reservations < 0:
		return inconsistent("reservation", fmt.Sprintf("negative count: %d loans, %d reservations", loans, reservations))
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
	return reason.Refuse(pkg, "reservation", rs)
}

// limit gives r the count limit n (L1, H1).
func limit(r *reason.Reason, n int) reason.Coded { return r.With(reason.Limit(n)) }
