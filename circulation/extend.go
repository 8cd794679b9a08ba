package circulation

import (
	"fmt"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
)

// Extend extends loan l on day today, as a patron does on My Page (L3,
// L4). others are the patron's other current loans; only their due dates
// matter (L4 e).
//
// On success the returned Loan is due ExtensionDays (ShortExtensionDays
// for a short loan) after today — not after the old due date: due April
// 8, extended on April 1, the item is due April 15 (L3) — and its
// Extensions count is one more. The new due date does not depend on the
// old one; Validate makes sure it is never earlier (see Policy.Validate).
// Extend ignores DueOnClosedDay: see ExtendAt.
//
// A refusal is a *reason.Refusal listing every reason that applies, in
// this order: ErrPartnerPickup (L4 a), ErrHomeDelivery (L2),
// ErrReserved (L4 b), ErrAlreadyExtended (L4 c: l.Extensions is
// MaxExtensions or more), ErrInterlibraryLoan (L4 d) and ErrOverdue (L4
// e: l or another loan is overdue on today, that is today is after its
// due date). Data that cannot be right — l or one of others failing
// Loan.Validate, a zero today, a loan made after today — is an error
// matching ErrInconsistentLoan instead, with no refusal reasons.
//
// Extend does not allocate when it succeeds.
func (p Policy) Extend(l Loan, others []Loan, today calendar.Date) (Loan, error) {
	return p.ExtendAt(l, others, today, nil)
}

// ExtendAt is Extend with p.DueOnClosedDay applied to the new due date,
// using the calendar of the place the item goes back to, as DueDateAt
// does (L5). Because DueDateNextOpenDay only ever moves a date later and
// never past another open day, an extension by ExtendAt never gives an
// earlier due date than DueDateAt gave the loan.
func (p Policy) ExtendAt(l Loan, others []Loan, today calendar.Date, place *calendar.Calendar) (Loan, error) {
	if today.IsZero() {
		return Loan{}, fmt.Errorf("%w: no today", ErrInconsistentLoan)
	}
	if problems := l.problems(today); problems != nil {
		return Loan{}, inconsistent("loan", l.Item, problems)
	}
	overdue := l.Overdue(today)
	for i := range others {
		o := &others[i]
		if problems := o.problems(today); problems != nil {
			return Loan{}, inconsistent(fmt.Sprintf("other loan %d", i), o.Item, problems)
		}
		overdue = overdue || o.Overdue(today)
	}
	var rs []reason.Coded
	if l.Place.Method == PartnerLibrary {
		rs = append(rs, ErrPartnerPickup)
	}
	if l.Place.Method == HomeDelivery {
		rs = append(rs, ErrHomeDelivery)
	}
	if l.Reserved {
		rs = append(rs, ErrReserved)
	}
	if l.Extensions >= p.MaxExtensions {
		rs = append(rs, ErrAlreadyExtended)
	}
	if l.Interlibrary {
		rs = append(rs, ErrInterlibraryLoan)
	}
	if overdue {
		rs = append(rs, ErrOverdue)
	}
	if err := reason.Refuse(pkg, "extension", rs); err != nil {
		return Loan{}, err
	}
	days := p.ExtensionDays
	if l.Short {
		days = p.ShortExtensionDays
	}
	l.Due = p.onClosedDay(today.AddDays(days), place)
	l.Extensions++
	return l, nil
}
