package circulation

import (
	"strings"

	"github.com/kashidashi/kashidashi/calendar"

	"github.com/kashidashi/kashidashi/reason"
)

// Policy holds the circulation rules as data a host may change. The fields
// are exported and JSON round-trips. The rules as published (the guide
// of 2026-03-10) are in package library's configuration, the one source
// of the library's own rules: library.Default().CirculationPolicy(day)
// returns the policy in force on a day. Decoding JSON refuses unknown
// keys, naming the key (see UnmarshalJSON), but does not validate: call
// Validate, which names every problem. A Policy is a plain value, safe
// for concurrent use; the zero Policy fails Validate, and every decision
// on it returns an error naming the policy's field at fault.
type Policy struct {
	// LoanDays and ShortLoanDays are the loan periods at the Prefectural
	// Library and the Assembly Library, counting the day of loan (L2).
	LoanDays      int `json:"loan_days"`
	ShortLoanDays int `json:"short_loan_days"`
	// RemoteLoanDays and RemoteShortLoanDays are the loan periods for a
	// partner library or home delivery, shipping both ways included (L2).
	RemoteLoanDays      int `json:"remote_loan_days"`
	RemoteShortLoanDays int `json:"remote_short_loan_days"`
	// ExtensionDays and ShortExtensionDays are counted from the day of
	// the extension (L3): extended on April 1, due April 15.
	ExtensionDays      int `json:"extension_days"`
	ShortExtensionDays int `json:"short_extension_days"`
	// MaxExtensions is how many times one loan may be extended (L4 c:
	// once).
	MaxExtensions int `json:"max_extensions"`
	// MaxLoans is the most items a patron may have on loan (L1).
	MaxLoans int `json:"max_loans"`
	// MaxReservations is the most reservations a patron may hold (H1).
	MaxReservations int `json:"max_reservations"`
	// DueOnClosedDay says what happens to a due date that falls on a day
	// the place is closed (L5 [reading]): by default it stands; it may
	// move to the next open day (L5), the previous open day (L6) or the
	// last day of the closure (L7).
	DueOnClosedDay DueDateRule `json:"due_on_closed_day"`
	// LastDueDate, when not zero, is the latest due date of any loan or
	// extension (L8 [reading]): a fixed last day such as the end of a
	// term or of a fiscal year. It applies after DueOnClosedDay and
	// stands even on a closed day; a due date is still never earlier
	// than the day of the loan or of the extension (see DueDate). The
	// JSON form leaves it out when zero; "" clears it in a dated change.
	LastDueDate calendar.Date `json:"last_due_date,omitzero"`
	// HideReserveAtLoanLimit makes a patron at the loan limit (L1) unable
	// to reserve, as well as one at the reservation limit (H1). I2 hides
	// the Reserve button "at the count limit" without saying which count;
	// the default (false) reads it as the reservation limit only, since
	// R-HD4 and R-PT5 show a patron at the loan limit still having items
	// secured for them.
	HideReserveAtLoanLimit bool `json:"hide_reserve_at_loan_limit"`
	// Overridable is the set of soft reasons: the codes staff may let go
	// with an Override. Every other reason is hard. The guide does not
	// say what staff may override; the library's configuration holds our
	// reading (overrides [reading]): the limits, ErrLoanLimit (L1) and
	// ErrReservationLimit (H1), and the extension reasons that are the
	// library's own to waive, ErrReserved (L4 b), ErrAlreadyExtended (L4
	// c) and ErrOverdue (L4 e). Hard are what the lending library's terms
	// or the route decide — ErrPartnerPickup (L4 a), ErrHomeDelivery (L2),
	// ErrInterlibraryLoan (L4 d) — and ErrNotLoanable (I1), as well as
	// every return reason, which no decision overrides. Only the codes of
	// Waivable may be soft: Validate refuses any other, and a decision
	// given an override under a policy naming one is bad input
	// ("policy.overridable[2]").
	Overridable Codes `json:"overridable"`
	// ExtendFrom is the day an extension's period counts from (L10
	// [reading]): the day of the extension (the default, L3) or the
	// loan's due date (ExtendFromDueDate).
	ExtendFrom ExtensionBase `json:"extend_from,omitzero"`
	// ExtendFromLoanDay, when not 0, is the first day of the loan an
	// extension is offered (L11 [reading]), the day of loan being day 1:
	// before it Extend refuses with ErrTooEarly, and the extension
	// window (L9) starts there. 0 (the default) is any day.
	ExtendFromLoanDay int `json:"extend_from_loan_day,omitzero"`
	// CountFromNextDay counts the loan period from the day after the day
	// of loan (L12 [reading]): a 15-day loan made on April 1 is due April
	// 16 instead of April 15 (L2, "貸出当日含む", the default false).
	CountFromNextDay bool `json:"count_from_next_day,omitzero"`
	// ClosureGrace lengthens a loan or an extension made shortly before
	// a long closure of the place the item goes back to (L13 [reading]);
	// the zero value, the default, lengthens nothing.
	ClosureGrace ClosureGrace `json:"closure_grace,omitzero"`
}

// UnmarshalJSON decodes a policy like encoding/json, over the fields
// already set (decode into a policy in force to change only some numbers),
// but refuses an unknown key — a typo such as "loan_day" would otherwise
// leave the default in place unnoticed — and a value of the wrong type or
// an unknown code. The error names the key: circulation: policy: json:
// unknown field "loan_day". On error p is unchanged.
func (p *Policy) UnmarshalJSON(b []byte) error {
	type plain Policy // without this method, so that decoding does not recurse
	return decodeOver("policy", b, p, func(v *Policy) any { return (*plain)(v) })
}

// maxPeriodDays bounds every period of a Policy: a loan or extension of
// more than a year is taken for a typing mistake.
const maxPeriodDays = 366

// Validate reports every problem of p as reason.Problems (matching
// reason.ErrBadInput), each naming the JSON field at fault ("loan_days",
// "overridable[2]"), or nil:
//
//   - every period is 1 to 366 days;
//   - a short period is no longer than the normal one it shortens;
//   - an extension never shortens a loan (L3): counted from the day of
//     the extension, ExtensionDays is at least LoanDays−1, and
//     ShortExtensionDays at least ShortLoanDays−1 (LoanDays and
//     ShortLoanDays under CountFromNextDay, L12), so that extending on
//     any day from the loan date to the due date gives a due date no
//     earlier than the one computed by DueDate. (The other choice,
//     keeping the later of the two dates, would make the new due date
//     depend on the old one, which L3 rules out.) Counted from the due
//     date (L10), any period of at least one day extends: the new due
//     date is never before the old one;
//   - ExtendFrom is a known base (L10); ExtendFromLoanDay is 0 to
//     ShortLoanDays (L11), so that every loan at a library reaches it
//     before its due date; ClosureGrace is zero or has both numbers 1
//     to 366 (L13);
//   - MaxExtensions, MaxLoans and MaxReservations are at least 1: a
//     missing JSON field decodes as 0 and must not pass unnoticed;
//   - DueOnClosedDay is a known rule (L5–L7). LastDueDate (L8) is any
//     day or none: a cap before a loan day gives that day, never a due
//     date before the loan;
//   - every code of Overridable is the code of one of Reasons(), and one
//     that is safe to waive (Waivable): a policy cannot make a hard
//     reason soft.
func (p Policy) Validate() error {
	var ps reason.Problems
	for _, f := range []struct {
		name string
		days int
	}{
		{"loan_days", p.LoanDays},
		{"short_loan_days", p.ShortLoanDays},
		{"remote_loan_days", p.RemoteLoanDays},
		{"remote_short_loan_days", p.RemoteShortLoanDays},
		{"extension_days", p.ExtensionDays},
		{"short_extension_days", p.ShortExtensionDays},
	} {
		if f.days < 1 || f.days > maxPeriodDays {
			ps.Add(f.name, "must be 1 to %d days (got %d)", maxPeriodDays, f.days)
		}
	}
	for _, f := range []struct {
		short, normal string
		s, n          int
	}{
		{"short_loan_days", "loan_days", p.ShortLoanDays, p.LoanDays},
		{"remote_short_loan_days", "remote_loan_days", p.RemoteShortLoanDays, p.RemoteLoanDays},
		{"short_extension_days", "extension_days", p.ShortExtensionDays, p.ExtensionDays},
	} {
		if f.s > f.n {
			ps.Add(f.short, "(%d) must not exceed %s (%d)", f.s, f.normal, f.n)
		}
	}
	ps = append(ps, p.variantProblems()...)
	for _, f := range []struct {
		name string
		n    int
	}{
		{"max_extensions", p.MaxExtensions},
		{"max_loans", p.MaxLoans},
		{"max_reservations", p.MaxReservations},
	} {
		if f.n < 1 {
			ps.Add(f.name, "must be at least 1 (got %d)", f.n)
		}
	}
	if !p.DueOnClosedDay.Valid() {
		ps.Add("due_on_closed_day", "unknown rule %d", uint8(p.DueOnClosedDay))
	}
	if unknown := p.Overridable.unknown([][]*reason.Reason{Reasons()}); unknown != nil {
		ps = append(ps, unknown.Prefix("overridable")...)
	}
	if hard := notWaivable(p.Overridable, waivable, [][]*reason.Reason{Reasons()}); hard != nil {
		ps = append(ps, hard.Prefix("overridable")...)
	}
	return ps.Err()
}

// Waivable returns the codes of the package's reasons that are safe to
// waive: the only ones a Policy's Overridable may name (Validate). They
// are the library's own policy, which staff may set aside for one
// decision without leaving anything inconsistent behind: the limits,
// ErrLoanLimit (L1) and ErrReservationLimit (H1), and the extension
// reasons ErrReserved (L4 b), ErrAlreadyExtended (L4 c) and ErrOverdue
// (L4 e). Every other reason is hard by nature: what the route or
// another library's terms decide (ErrPartnerPickup, L4 a;
// ErrHomeDelivery, L2; ErrInterlibraryLoan, L4 d), a fact of the
// catalogue (ErrNotLoanable, I1), and the returns, which no decision
// overrides. The published policy makes every waivable reason soft.
func Waivable() Codes { return waivable }

// waivable is Waivable's set, made once.
var waivable = CodesOf(ErrLoanLimit, ErrReservationLimit, ErrReserved, ErrAlreadyExtended, ErrOverdue)

// notWaivable returns the problems of the codes of soft that are known
// (in the catalogues) but not in safe, at their index in soft's JSON
// array ("[2]"); an unknown code is Check's to report. Package holds has
// its own list of safe codes and reports them the same way.
func notWaivable(soft, safe Codes, catalogues [][]*reason.Reason) reason.Problems {
	var ps reason.Problems
	for i, code := range soft.List() {
		if !safe.Has(code) && inCatalogue(code, catalogues) {
			ps.Add(index(i), "%q is not a reason staff may waive (waivable: %s)", code, strings.Join(safe.List(), ", "))
		}
	}
	return ps
}

// checkOverridable reports, as bad input at "policy.overridable[i]", the
// codes of p.Overridable that are not Waivable: a decision given an
// override under such a policy lets nothing go.
func (p Policy) checkOverridable() error {
	if ps := notWaivable(p.Overridable, waivable, [][]*reason.Reason{Reasons()}); ps != nil {
		return ps.Prefix("policy.overridable")
	}
	return nil
}

// variantProblems reports the problems of p's settings for other
// libraries' rules (L10–L13), and L3's check under them.
func (p Policy) variantProblems() reason.Problems {
	var ps reason.Problems
	if p.ExtendFrom == ExtendFromExtensionDay {
		what := "-1"
		if p.CountFromNextDay {
			what = ""
		}
		if n := p.loanSpan(p.LoanDays); p.ExtensionDays < n {
			ps.Add("extension_days", "(%d) must be at least loan_days%s (%d), or an extension could shorten a loan", p.ExtensionDays, what, n)
		}
		if n := p.loanSpan(p.ShortLoanDays); p.ShortExtensionDays < n {
			ps.Add("short_extension_days", "(%d) must be at least short_loan_days%s (%d), or an extension could shorten a loan", p.ShortExtensionDays, what, n)
		}
	}
	if !p.ExtendFrom.Valid() {
		ps.Add("extend_from", "unknown base %d", uint8(p.ExtendFrom))
	}
	if p.ExtendFromLoanDay < 0 || p.ExtendFromLoanDay > max(p.ShortLoanDays, 1) {
		ps.Add("extend_from_loan_day", "must be 0 (any day) to short_loan_days (%d) (got %d)", p.ShortLoanDays, p.ExtendFromLoanDay)
	}
	if gp := p.ClosureGrace.problems(); gp != nil {
		ps = append(ps, gp.Prefix("closure_grace")...)
	}
	return ps
}
