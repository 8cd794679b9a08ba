package circulation

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// Policy holds the circulation rules as data a host may change. The fields
// are exported and JSON round-trips; DefaultPolicy returns the rules as
// published on 2026-03-10. Decoding JSON refuses unknown keys, naming the
// key (see UnmarshalJSON), but does not validate: call Validate, which
// names every problem. A Policy is a plain value, safe for concurrent
// use.
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
	// the place is closed (L5 [reading]): by default it stands.
	DueOnClosedDay DueDateRule `json:"due_on_closed_day"`
	// HideReserveAtLoanLimit makes a patron at the loan limit (L1) unable
	// to reserve, as well as one at the reservation limit (H1). I2 hides
	// the Reserve button "at the count limit" without saying which count;
	// the default (false) reads it as the reservation limit only, since
	// R-HD4 and R-PT5 show a patron at the loan limit still having items
	// secured for them.
	HideReserveAtLoanLimit bool `json:"hide_reserve_at_loan_limit"`
	// Overridable is the set of soft reasons: the codes staff may let go
	// with an Override. Every other reason is hard. The guide does not
	// say what staff may override; DefaultOverridable is our reading.
	Overridable Codes `json:"overridable"`
}

// DefaultOverridable returns the soft reasons of the default policy
// (overrides [reading]): the limits, ErrLoanLimit (L1) and
// ErrReservationLimit (H1), and the extension reasons that are the
// library's own to waive, ErrReserved (L4 b), ErrAlreadyExtended (L4 c)
// and ErrOverdue (L4 e). Hard are what the lending library's terms or the
// route decide — ErrPartnerPickup (L4 a), ErrHomeDelivery (L2),
// ErrInterlibraryLoan (L4 d) — and ErrNotLoanable (I1), as well as every
// return reason, which no decision overrides.
func DefaultOverridable() Codes {
	return CodesOf(ErrLoanLimit, ErrReservationLimit, ErrReserved, ErrAlreadyExtended, ErrOverdue)
}

// DefaultPolicy returns the rules as published on 2026-03-10: loans of 15
// days (8 short) at the libraries and 30 (15) by partner library or home
// delivery (L2), one extension (L4 c) of 14 (7) days (L3), 10 loans (L1)
// and 10 reservations (H1); due dates on closed days stand (L5), only
// the reservation limit stops a reservation (I2), and staff may override
// the reasons of DefaultOverridable.
func DefaultPolicy() Policy {
	return Policy{
		LoanDays: 15, ShortLoanDays: 8,
		RemoteLoanDays: 30, RemoteShortLoanDays: 15,
		ExtensionDays: 14, ShortExtensionDays: 7,
		MaxExtensions: 1,
		MaxLoans:      10, MaxReservations: 10,
		Overridable: DefaultOverridable(),
	}
}

// UnmarshalJSON decodes a policy like encoding/json, over the fields
// already set (decode into DefaultPolicy() to change only some numbers),
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

// ErrInvalidPolicy is matched with errors.Is by the error of
// Policy.Validate.
var ErrInvalidPolicy = errors.New(pkg + ": invalid policy")

// InvalidPolicyError is the error of Policy.Validate: every problem
// found, each naming the JSON field.
type InvalidPolicyError struct {
	Problems []string
}

// Error lists every problem.
func (e *InvalidPolicyError) Error() string {
	return ErrInvalidPolicy.Error() + ": " + strings.Join(e.Problems, "; ")
}

// Unwrap returns ErrInvalidPolicy.
func (e *InvalidPolicyError) Unwrap() error { return ErrInvalidPolicy }

// Validate reports every problem of p as an *InvalidPolicyError, or nil:
//
//   - every period is 1 to 366 days;
//   - a short period is no longer than the normal one it shortens;
//   - an extension never shortens a loan (L3): ExtensionDays is at least
//     LoanDays−1, and ShortExtensionDays at least ShortLoanDays−1, so
//     that extending on any day from the loan date to the due date gives
//     a due date no earlier than the one computed by DueDate. (The other
//     choice, keeping the later of the two dates, would make the new due
//     date depend on the old one, which L3 rules out.)
//   - MaxExtensions, MaxLoans and MaxReservations are at least 1: a
//     missing JSON field decodes as 0 and must not pass unnoticed;
//   - DueOnClosedDay is a known rule;
//   - every code of Overridable is the code of one of Reasons().
func (p Policy) Validate() error {
	var problems []string
	bad := func(format string, args ...any) {
		problems = append(problems, fmt.Sprintf(format, args...))
	}
	periods := []struct {
		name string
		days int
	}{
		{"loan_days", p.LoanDays},
		{"short_loan_days", p.ShortLoanDays},
		{"remote_loan_days", p.RemoteLoanDays},
		{"remote_short_loan_days", p.RemoteShortLoanDays},
		{"extension_days", p.ExtensionDays},
		{"short_extension_days", p.ShortExtensionDays},
	}
	for _, f := range periods {
		if f.days < 1 || f.days > maxPeriodDays {
			bad("%s must be 1 to %d days (got %d)", f.name, maxPeriodDays, f.days)
		}
	}
	shorter := []struct {
		short, normal string
		s, n          int
	}{
		{"short_loan_days", "loan_days", p.ShortLoanDays, p.LoanDays},
		{"remote_short_loan_days", "remote_loan_days", p.RemoteShortLoanDays, p.RemoteLoanDays},
		{"short_extension_days", "extension_days", p.ShortExtensionDays, p.ExtensionDays},
	}
	for _, f := range shorter {
		if f.s > f.n {
			bad("%s (%d) must not exceed %s (%d)", f.short, f.s, f.normal, f.n)
		}
	}
	if p.ExtensionDays < p.LoanDays-1 {
		bad("extension_days (%d) must be at least loan_days-1 (%d), or an extension could shorten a loan", p.ExtensionDays, p.LoanDays-1)
	}
	if p.ShortExtensionDays < p.ShortLoanDays-1 {
		bad("short_extension_days (%d) must be at least short_loan_days-1 (%d), or an extension could shorten a loan", p.ShortExtensionDays, p.ShortLoanDays-1)
	}
	for _, f := range []struct {
		name string
		n    int
	}{
		{"max_extensions", p.MaxExtensions},
		{"max_loans", p.MaxLoans},
		{"max_reservations", p.MaxReservations},
	} {
		if f.n < 1 {
			bad("%s must be at least 1 (got %d)", f.name, f.n)
		}
	}
	if !p.DueOnClosedDay.Valid() {
		bad("due_on_closed_day: unknown rule %d", uint8(p.DueOnClosedDay))
	}
	for _, code := range p.Overridable.List() {
		if !inCatalogue(code, [][]*reason.Reason{Reasons()}) {
			bad("overridable: unknown reason code %s", text.Quote(code))
		}
	}
	if problems == nil {
		return nil
	}
	return &InvalidPolicyError{Problems: problems}
}
