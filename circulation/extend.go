package circulation

import (
	"fmt"
	"math"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// Extend extends loan l on day today, as a patron does on My Page (L3,
// L4). others are the patron's other current loans; only their due dates
// matter (L4 e). returnTo is the calendar of the place the item goes back
// to, as for DueDate: p.DueOnClosedDay applies to the new due date (L5),
// and under DueDateStands returnTo may be nil.
//
// On success the returned Loan is due ExtensionDays (ShortExtensionDays
// for a short loan) after today — not after the old due date: due April
// 8, extended on April 1, the item is due April 15 (L3) — and its
// Extensions count is one more. The new due date does not depend on the
// old one; Validate makes sure it is never earlier (see Policy.Validate).
// Because DueDateNextOpenDay only ever moves a date later and never past
// another open day, an extension never gives an earlier due date than
// DueDate gave the loan.
//
// A refusal is a *reason.Refusal listing every reason that applies, in
// this order: ErrPartnerPickup (L4 a), ErrHomeDelivery (L2),
// ErrReserved (L4 b), ErrAlreadyExtended (L4 c: l.Extensions is
// MaxExtensions or more, detailed with that limit: "at most 1
// extension", "延長は1回まで"), ErrInterlibraryLoan (L4 d) and ErrOverdue
// (L4 e: l or another loan is overdue on today, that is today is after
// its due date).
//
// Errors, with no refusal reasons: ErrNoCalendar and ErrInvalidPolicy as
// for DueDate, and ErrInconsistentInput for data that cannot be right (a due
// date beyond 9999-12-31 too) — l or one of others failing Loan.Validate, a zero
// today, a loan made after today.
//
// Staff may extend past the soft reasons with ov (see Override):
// by default ErrReserved, ErrAlreadyExtended and ErrOverdue are soft, the
// other three hard (p.Overridable). The extension then succeeds only if
// ov lets go every reason that applies; otherwise the refusal lists the
// reasons left, the hard ones among them. On success Extend also returns
// the override it used, for the host's audit log: ov narrowed to the
// reasons that applied, or the zero Override. A patron on My Page passes
// the zero Override; an override without Staff is ErrNotStaff, and one
// naming a code that is none of Reasons() is ErrInconsistentInput.
//
// Extend does not allocate when it succeeds without an override.
func (p Policy) Extend(l Loan, others []Loan, today calendar.Date, returnTo *calendar.Calendar, ov Override) (Loan, Override, error) {
	if err := p.DueOnClosedDay.check(returnTo); err != nil {
		return Loan{}, Override{}, err
	}
	if today.IsZero() {
		return Loan{}, Override{}, inconsistent("extension", "no today")
	}
	if err := l.check("loan", today); err != nil {
		return Loan{}, Override{}, err
	}
	overdue := l.Overdue(today)
	for i := range others {
		o := &others[i]
		if problems := o.problems(today); problems != nil {
			return Loan{}, Override{}, inconsistent(fmt.Sprintf("other loan %d %s", i, text.Quote(o.Item)), problems...)
		}
		overdue = overdue || o.Overdue(today)
	}
	days := p.ExtensionDays
	if l.Short {
		days = p.ShortExtensionDays
	}
	if err := checkPeriod(days); err != nil {
		return Loan{}, Override{}, err
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
		rs = append(rs, extensions(p.MaxExtensions))
	}
	if l.Interlibrary {
		rs = append(rs, ErrInterlibraryLoan)
	}
	if overdue {
		rs = append(rs, ErrOverdue)
	}
	rs, used, err := ov.Apply(p.Overridable, rs, Reasons())
	if err != nil {
		return Loan{}, Override{}, err
	}
	if err := reason.Refuse(pkg, "extension", rs); err != nil {
		return Loan{}, Override{}, err
	}
	if l.Extensions == math.MaxInt {
		return Loan{}, Override{}, inconsistent("extension", "extensions count at its maximum")
	}
	due, err := p.DueOnClosedDay.due(today, days, returnTo)
	if err != nil {
		return Loan{}, Override{}, err
	}
	l.Due = due
	l.Extensions++
	return l, used, nil
}

// extensions gives ErrAlreadyExtended the policy's limit n (L4 c), so
// that a host allowing two extensions does not tell patrons "once".
func extensions(n int) reason.Coded { return ErrAlreadyExtended.With(reason.Limit(n)) }
