package circulation

import (
	"fmt"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/internal/enum"
	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// DueDateRule says what happens to a due date that falls on a day the
// place is closed (L5 [reading]: the guide is silent). The zero value,
// DueDateStands, is the default.
type DueDateRule uint8

// The two rules for a due date on a closed day.
const (
	DueDateStands      DueDateRule = iota // the due date stays as computed
	DueDateNextOpenDay                    // it moves to the place's next open day
)

var dueDateRules = enum.NewTable[DueDateRule](pkg, "due-date rule", reason.ErrBadInput,
	enum.Name{Code: "stands", En: "the due date stands", Ja: "返却期限日のまま"},
	enum.Name{Code: "next_open_day", En: "the next open day", Ja: "翌開館日"},
)

// Valid reports whether r is one of the two rules.
func (r DueDateRule) Valid() bool { return dueDateRules.Valid(r) }

// String returns the stable code of r, "stands" or "next_open_day", as
// used in text and JSON.
func (r DueDateRule) String() string { return dueDateRules.String(r) }

// Label returns the name of r in language l.
func (r DueDateRule) Label(l reason.Lang) string { return dueDateRules.Label(r, l) }

// MarshalText encodes r as its stable code.
func (r DueDateRule) MarshalText() ([]byte, error) { return dueDateRules.MarshalText(r) }

// UnmarshalText decodes a stable code or a label; an unknown one is an
// error matching reason.ErrBadInput.
func (r *DueDateRule) UnmarshalText(b []byte) error { return dueDateRules.UnmarshalText(r, b) }

// LoanPeriod returns the loan period in days of loan l (L2), counting
// the day of loan, from l.Place.Method and l.Short: the remote periods
// for a partner library or home delivery, the library periods otherwise.
// It is the number only, for display; DueDate is the one way to get a
// due date.
func (p Policy) LoanPeriod(l Loan) int {
	_, n := p.loanPeriod(l)
	return n
}

// loanPeriod returns the JSON field of p that holds the loan period of l
// (L2), and its value.
func (p Policy) loanPeriod(l Loan) (field string, days int) {
	switch r := l.Place.Method.remote(); {
	case r && l.Short:
		return "remote_short_loan_days", p.RemoteShortLoanDays
	case r:
		return "remote_loan_days", p.RemoteLoanDays
	case l.Short:
		return "short_loan_days", p.ShortLoanDays
	}
	return "loan_days", p.LoanDays
}

// DueDate returns the due date of loan l (L2), made on l.Loaned by
// l.Place.Method, short when l.Short, with p.DueOnClosedDay applied (L5).
// It reads no other field of l: l.Due is what it computes.
//
// The loan period counts the day of loan, so a 15-day loan made on
// 2026-04-01 is due 2026-04-15, an 8-day one 2026-04-08 and a 30-day one
// 2026-04-30. Under DueDateNextOpenDay a due date on a day returnTo is
// closed moves to its next open day. returnTo is the calendar of the
// place the item goes back to: the library's own for a library or a
// partner library, the Prefectural Library's for home delivery. Under
// DueDateStands it is not read and may be nil.
//
// Errors, never a date that ignores a setting: ErrNoCalendar when the
// rule needs returnTo and it is nil; and reason.Problems (matching
// reason.ErrBadInput) naming the field at fault — "loan.place.method"
// (not a valid method), "loan.loaned" (zero, or no due date within the
// years up to 9999-12-31), or the policy's "policy.loan_days" and
// "policy.due_on_closed_day" when the policy fails Validate. DueDate
// does not allocate when it succeeds.
func (p Policy) DueDate(l Loan, returnTo *calendar.Calendar) (calendar.Date, error) {
	if err := p.DueOnClosedDay.check(returnTo); err != nil {
		return calendar.Date{}, err
	}
	if !l.Place.Method.Valid() || l.Loaned.IsZero() {
		var ps reason.Problems
		if !l.Place.Method.Valid() {
			ps.Add("loan.place.method", "is not a valid method (%v)", l.Place.Method)
		}
		if l.Loaned.IsZero() {
			ps.Add("loan.loaned", "is missing")
		}
		return calendar.Date{}, ps
	}
	field, n := p.loanPeriod(l)
	if err := checkPeriod(field, n); err != nil {
		return calendar.Date{}, err
	}
	return p.DueOnClosedDay.due(l.Loaned, n-1, returnTo, "loan.loaned")
}

// checkPeriod checks a period of a Policy, the JSON field field, so that
// a policy that skipped Validate gives an error rather than a due date
// before the loan date.
func checkPeriod(field string, days int) error {
	if days < 1 || days > maxPeriodDays {
		return reason.BadInput(policyPath(field), "must be 1 to %d days (got %d)", maxPeriodDays, days)
	}
	return nil
}

// checkLimit checks a count limit of a Policy, the JSON field field, so
// that a policy that skipped Validate gives an error rather than a
// refusal of everything.
func checkLimit(field string, n int) error {
	if n < 1 {
		return reason.BadInput(policyPath(field), "must be at least 1 (got %d)", n)
	}
	return nil
}

// check reports whether rule r (a Policy's DueOnClosedDay) can be applied
// with returnTo (L5).
func (r DueDateRule) check(returnTo *calendar.Calendar) error {
	switch {
	case !r.Valid():
		return reason.BadInput(policyPath("due_on_closed_day"), "unknown rule %d", uint8(r))
	case r == DueDateNextOpenDay && returnTo == nil:
		return fmt.Errorf("%w (due_on_closed_day is %v)", ErrNoCalendar, r)
	}
	return nil
}

// due returns the day days (0 or more) after from, with rule r applied on
// returnTo, already checked by check. path names the input from comes
// from, for the error when no such day exists.
func (r DueDateRule) due(from calendar.Date, days int, returnTo *calendar.Calendar, path string) (calendar.Date, error) {
	d := from.AddDays(days)
	if d.DaysSince(from) != days { // AddDays saturated at 9999-12-31
		return calendar.Date{}, reason.BadInput(path, "%d days after %v is beyond 9999-12-31", days, from)
	}
	if r != DueDateNextOpenDay {
		return d, nil
	}
	next := returnTo.NextOpen(d)
	if next.IsZero() {
		return calendar.Date{}, reason.BadInput("", "calendar %s has no open day from %v to 9999-12-31", text.Quote(returnTo.Name()), d)
	}
	return next, nil
}
