package circulation

import (
	"math"

	"github.com/kashidashi/kashidashi/reason"
)

// MayBorrow reports whether a patron with r.Loans items on loan may
// borrow one more (L1): the zero Decision, or a refusal with
// ErrLoanLimit, carrying the limit ("10 items", "10冊"), when r.Loans is
// MaxLoans or more. A patron may ask for a lower limit of their own,
// r.PersonalLimit (L14, 0 for none): the lower of the two applies, and
// when it is the patron's the refusal is ErrPersonalLoanLimit with that
// limit. A negative count or personal limit is bad input ("loans",
// "personal_limit"), not a refusal; so is a policy whose MaxLoans fails
// Validate ("policy.max_loans").
//
// Staff may lend past the limit with an r.Override letting ErrLoanLimit
// go (soft by default, p.Overridable); the Decision's Override is the
// override used, as for Extend.
func (p Policy) MayBorrow(r BorrowRequest) (Decision, error) {
	var ps reason.Problems
	if r.Loans < 0 {
		ps.Add("loans", "is negative (%d)", r.Loans)
	}
	if r.PersonalLimit < 0 {
		ps.Add("personal_limit", "is negative (%d)", r.PersonalLimit)
	}
	if err := ps.Err(); err != nil {
		return Decision{}, err
	}
	if err := checkLimit("max_loans", p.MaxLoans); err != nil {
		return Decision{}, err
	}
	var rs []reason.Coded
	if why := p.loanLimit(r.Loans, r.PersonalLimit); why != nil {
		rs = append(rs, why)
	}
	used, err := p.decide("loan", rs, r.Override)
	if err != nil {
		return Decision{}, err
	}
	return Decision{Override: used}, nil
}

// loanLimit returns the reason a patron with loans items on loan may not
// borrow one more (L1, L14): the lower of p.MaxLoans and personal (when
// not 0) applies, ErrPersonalLoanLimit when it is personal, ErrLoanLimit
// otherwise (a tie is the library's limit), with that limit; nil when
// loans is below it.
func (p Policy) loanLimit(loans, personal int) reason.Coded {
	switch {
	case personal > 0 && personal < p.MaxLoans:
		if loans >= personal {
			return ErrPersonalLoanLimit.With(reason.Limit(personal))
		}
	case loans >= p.MaxLoans:
		return ErrLoanLimit.With(reason.Limit(p.MaxLoans))
	}
	return nil
}

// decide lets ov go over the reasons rs of a decision about what and
// returns the override used, or the refusal of the reasons left. The
// zero ov lets nothing go, and costs nothing.
func (p Policy) decide(what string, rs []reason.Coded, ov Override) (Override, error) {
	var used Override
	if !ov.IsZero() {
		if err := p.checkOverridable(); err != nil {
			return Override{}, err
		}
		var err error
		if rs, used, err = ov.Apply(p.Overridable, rs, Reasons()); err != nil {
			return Override{}, err
		}
	}
	if err := reason.Refuse(pkg, what, rs); err != nil {
		return Override{}, err
	}
	return used, nil
}

// MayReserve reports whether a patron may reserve r.Items: whether the
// Reserve button (予約する) is offered for one item, and whether a
// reservation cart may be checked out (package holds calls it; it is the
// one implementation of these rules). It returns the zero Decision, or a
// refusal listing every reason that applies, in this order:
//
//   - ErrReservationLimit (H1): r.Reservations + len(r.Items) is more
//     than MaxReservations, with the limit and that count;
//   - ErrLoanLimit (L1, I2): r.Loans is MaxLoans or more, only when
//     HideReserveAtLoanLimit is set; by default a patron at the loan
//     limit may still reserve (I2 [reading], see Policy); with a lower
//     r.PersonalLimit, ErrPersonalLoanLimit at that limit instead (L14,
//     as MayBorrow);
//   - ErrNotLoanable (I1, I2), once for each item that is never lent
//     (禁帯, 館内, 館短), carrying the item's ID (reason.Item).
//
// An item on loan, assigned or in transit is loanable and may be
// reserved. Bad input is reason.Problems naming every field at fault —
// "items[1].item" (empty), "items[1].status" (missing or invalid),
// "items[1].collection", "loans" and "reservations" (negative) — or a
// limit of a policy that fails Validate ("policy.max_reservations").
//
// Staff reserving for a patron may let the limits go with r.Override
// (both soft by default, p.Overridable; ErrNotLoanable is hard); the
// Decision's Override is the override used, as for Extend.
func (p Policy) MayReserve(r ReserveRequest) (Decision, error) {
	if ps := r.problems(); ps != nil {
		return Decision{}, ps
	}
	if err := checkLimit("max_reservations", p.MaxReservations); err != nil {
		return Decision{}, err
	}
	if p.HideReserveAtLoanLimit {
		if err := checkLimit("max_loans", p.MaxLoans); err != nil {
			return Decision{}, err
		}
	}
	var rs []reason.Coded
	if r.Reservations > p.MaxReservations-len(r.Items) { // no overflow: MaxReservations >= 1
		count := math.MaxInt
		if r.Reservations <= math.MaxInt-len(r.Items) {
			count = r.Reservations + len(r.Items)
		}
		rs = append(rs, ErrReservationLimit.With(reason.Limit(p.MaxReservations), reason.Count(count)))
	}
	if why := p.loanLimit(r.Loans, r.PersonalLimit); p.HideReserveAtLoanLimit && why != nil {
		rs = append(rs, why)
	}
	for _, it := range r.Items {
		if !it.Status.Loanable() {
			rs = append(rs, ErrNotLoanable.With(reason.Item(it.ID)))
		}
	}
	used, err := p.decide("reservation", rs, r.Override)
	if err != nil {
		return Decision{}, err
	}
	return Decision{Override: used}, nil
}

// problems lists what is wrong with r, each path in r's JSON form; nil
// when nothing is.
func (r *ReserveRequest) problems() reason.Problems {
	var ps reason.Problems
	for i, it := range r.Items {
		if it.ID != "" && it.Status.Valid() && it.Collection.Valid() {
			continue
		}
		at := "items" + index(i)
		if it.ID == "" {
			ps.Add(at+".item", "is missing")
		}
		switch {
		case it.Status == 0:
			ps.Add(at+".status", "is missing")
		case !it.Status.Valid():
			ps.Add(at+".status", "is not a valid status (%v)", it.Status)
		}
		if !it.Collection.Valid() {
			ps.Add(at+".collection", "is not a valid collection (%d)", uint8(it.Collection))
		}
	}
	if r.Loans < 0 {
		ps.Add("loans", "is negative (%d)", r.Loans)
	}
	if r.Reservations < 0 {
		ps.Add("reservations", "is negative (%d)", r.Reservations)
	}
	if r.PersonalLimit < 0 {
		ps.Add("personal_limit", "is negative (%d)", r.PersonalLimit)
	}
	return ps
}
