package circulation

import (
	"math"

	"github.com/kashidashi/kashidashi/reason"
)

// Extend extends loan r.Loan on day r.Today, as a patron does on My Page
// (L3, L4). r.Others are the patron's other current loans; only their
// due dates matter (L4 e). r.ReturnTo is the calendar of the place the
// item goes back to, as for DueDate: p.DueOnClosedDay (L5–L7) and
// p.LastDueDate (L8) apply to the new due date, in DueDate's order, the
// floor being the day of the extension: an extension never gives a due
// date already past. Under DueDateStands r.ReturnTo may be nil.
//
// On success the Decision's Loan is due ExtensionDays (ShortExtensionDays
// for a short loan) after today — not after the old due date: due April
// 8, extended on April 1, the item is due April 15 (L3) — and its
// Extensions count is one more. Under p.ExtendFrom ExtendFromDueDate
// (L10) the period counts from the old due date instead (due April 8,
// extended on any day up to it: April 22), never giving a date before
// it; p.ClosureGrace (L13) lengthens the period as for DueDate. The new due date does not depend on the
// old one; Validate makes sure it is never earlier (see Policy.Validate).
// Because every rule for a closed day keeps the order of days, and the
// cap and the floor do too, an extension never gives an earlier due date
// than DueDate gave the loan. Under a cap (L8) it may give the same one:
// it is granted all the same, as L3 counts from the day of the
// extension; ExtensionWindow shows it beforehand.
//
// A refusal is a *reason.Refusal listing every reason that applies, in
// this order: ErrPartnerPickup (L4 a), ErrHomeDelivery (L2),
// ErrReserved (L4 b), ErrAlreadyExtended (L4 c: r.Loan.Extensions is
// MaxExtensions or more, with that limit: "extensions allowed: 1",
// "延長は1回まで"), ErrInterlibraryLoan (L4 d), ErrTooEarly (L11: today
// is before the p.ExtendFromLoanDay-th day of the loan, that day as its
// date parameter) and ErrOverdue (L4 e: the
// loan or another is overdue on today, that is today is after its due
// date).
//
// Errors, with no refusal reasons: ErrNoCalendar as for DueDate, and
// reason.Problems (matching reason.ErrBadInput) naming every field of r
// that cannot be right — "loan.due", "others[2].loaned" (a loan failing
// Loan.Validate or made after today), "today" (zero), "override.staff" —
// or, for a policy that fails Validate, the policy's field
// ("policy.extension_days"); a new due date beyond 9999-12-31 names
// "today", and a calendar with no day to move it to "" (as DueDate).
//
// Staff may extend past the soft reasons with r.Override (see Override):
// by default ErrReserved, ErrAlreadyExtended and ErrOverdue are soft, the
// other three hard (p.Overridable). The extension then succeeds only if
// the override lets go every reason that applies; otherwise the refusal
// lists the reasons left, the hard ones among them. On success the
// Decision's Override is the override used, for the host's audit log.
// A patron on My Page passes the zero Override; an override without
// Staff is ErrNotStaff, and one naming a code that is none of Reasons()
// is bad input ("override.codes[0]").
//
// Extend does not allocate when it succeeds without an override.
func (p Policy) Extend(r ExtendRequest) (Decision, error) {
	days, err := p.extensionDays(&r)
	if err != nil {
		return Decision{}, err
	}
	used, err := p.decide("extension", p.extensionReasons(r), r.Override)
	if err != nil {
		return Decision{}, err
	}
	l := r.Loan
	if l.Extensions == math.MaxInt {
		return Decision{}, reason.BadInput("loan.extensions", "is at its maximum")
	}
	due, err := p.extendedDue(&r.Loan, r.Today, days, r.ReturnTo, "today")
	if err != nil {
		return Decision{}, err
	}
	l.Due = due
	l.Extensions++
	return Decision{Loan: l, Override: used}, nil
}

// extensionDays checks what Extend and ExtensionWindow check before any
// reason — the calendar L5–L7 need, r's loans and day, the policy's
// extension period and limit — and returns the extension period of r's
// loan (L3).
func (p Policy) extensionDays(r *ExtendRequest) (int, error) {
	if err := p.checkCalendar(r.ReturnTo); err != nil {
		return 0, err
	}
	switch {
	case !p.ExtendFrom.Valid():
		return 0, reason.BadInput(policyPath("extend_from"), "unknown base %d", uint8(p.ExtendFrom))
	case p.ExtendFromLoanDay < 0:
		return 0, reason.BadInput(policyPath("extend_from_loan_day"), "is negative (%d)", p.ExtendFromLoanDay)
	}
	if ps := r.problems(); ps != nil {
		return 0, ps
	}
	field, days := "extension_days", p.ExtensionDays
	if r.Loan.Short {
		field, days = "short_extension_days", p.ShortExtensionDays
	}
	if err := checkPeriod(field, days); err != nil {
		return 0, err
	}
	if err := checkLimit("max_extensions", p.MaxExtensions); err != nil {
		return 0, err
	}
	return days, nil
}

// problems lists what is wrong with r's loans and day, each path in r's
// JSON form; nil when nothing is. (The override is checked where it is
// applied.) It allocates only when something is wrong.
func (r *ExtendRequest) problems() reason.Problems {
	var ps reason.Problems
	if lp := r.Loan.problems(r.Today); lp != nil {
		ps = append(ps, lp.Prefix("loan")...)
	}
	for i := range r.Others {
		if op := r.Others[i].problems(r.Today); op != nil {
			ps = append(ps, op.Prefix("others"+index(i))...)
		}
	}
	if r.Today.IsZero() {
		ps.Add("today", "is missing")
	}
	return ps
}

// extensionReasons returns the reasons of L4 (and L2's home delivery)
// that apply to r, in their order; nil, without allocating, when none
// does.
func (p Policy) extensionReasons(r ExtendRequest) []reason.Coded {
	l := &r.Loan
	overdue := l.Overdue(r.Today)
	for i := range r.Others {
		overdue = overdue || r.Others[i].Overdue(r.Today)
	}
	var rs []reason.Coded
	for _, rule := range [...]struct {
		applies bool
		r       reason.Coded
	}{
		{l.Place.Method == PartnerLibrary, ErrPartnerPickup},  // L4 a
		{l.Place.Method == HomeDelivery, ErrHomeDelivery},     // L2
		{l.Reserved, ErrReserved},                             // L4 b
		{l.Extensions >= p.MaxExtensions, ErrAlreadyExtended}, // L4 c
		{l.Interlibrary, ErrInterlibraryLoan},                 // L4 d
		{r.Today.Before(p.firstExtensionDay(l)), ErrTooEarly}, // L11
		{overdue, ErrOverdue},                                 // L4 e
	} {
		switch {
		case !rule.applies:
			continue
		case rule.r == ErrTooEarly:
			rs = append(rs, ErrTooEarly.With(reason.Date(p.firstExtensionDay(l))))
			continue
		}
		if rule.r == ErrAlreadyExtended {
			// The policy's limit, so that a host allowing two extensions
			// does not tell patrons "once".
			rs = append(rs, ErrAlreadyExtended.With(reason.Limit(p.MaxExtensions)))
			continue
		}
		rs = append(rs, rule.r)
	}
	return rs
}
