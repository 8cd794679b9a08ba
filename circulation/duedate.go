package circulation

import (
	"errors"
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

var dueDateRules = enum.NewTable[DueDateRule](pkg, "due-date rule", ErrInvalidPolicy,
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
// error matching ErrInvalidPolicy.
func (r *DueDateRule) UnmarshalText(b []byte) error { return dueDateRules.UnmarshalText(r, b) }

// LoanPeriod returns the loan period in days for method m (L2), counting
// the day of loan: the remote periods for a partner library or home
// delivery, the library periods otherwise. It is the number only, for
// display; DueDate is the one way to get a due date.
func (p Policy) LoanPeriod(m Method, short bool) int {
	switch r := m.remote(); {
	case r && short:
		return p.RemoteShortLoanDays
	case r:
		return p.RemoteLoanDays
	case short:
		return p.ShortLoanDays
	}
	return p.LoanDays
}

// ErrNoCalendar is the error, matched with errors.Is, of Policy.DueDate
// and Policy.Extend when the policy's DueOnClosedDay needs the calendar of
// the place the item goes back to (DueDateNextOpenDay, L5) and none was
// given: the setting is never dropped silently.
var ErrNoCalendar = errors.New(pkg + ": due-date rule needs a calendar")

// DueDate returns the due date of a loan made on loaned by method m (L2),
// with p.DueOnClosedDay applied (L5).
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
// rule needs returnTo and it is nil; ErrInvalidPolicy when the period or
// the rule is not valid (see Policy.Validate); ErrInconsistentInput for an
// invalid method or a zero loaned, or when no due date exists within the
// calendar's years. DueDate does not allocate when
// it succeeds.
func (p Policy) DueDate(m Method, short bool, loaned calendar.Date, returnTo *calendar.Calendar) (calendar.Date, error) {
	if err := p.DueOnClosedDay.check(returnTo); err != nil {
		return calendar.Date{}, err
	}
	switch {
	case !m.Valid():
		return calendar.Date{}, inconsistent("due date", "invalid "+m.String())
	case loaned.IsZero():
		return calendar.Date{}, inconsistent("due date", "no loan date")
	}
	n := p.LoanPeriod(m, short)
	if err := checkPeriod(n); err != nil {
		return calendar.Date{}, err
	}
	return p.DueOnClosedDay.due(loaned, n-1, returnTo)
}

// checkPeriod checks a period of a Policy, so that a policy that skipped
// Validate gives an error rather than a due date before the loan date.
func checkPeriod(days int) error {
	if days < 1 || days > maxPeriodDays {
		return fmt.Errorf("%w: a period of %d days (want 1 to %d)", ErrInvalidPolicy, days, maxPeriodDays)
	}
	return nil
}

// check reports whether rule r (a Policy's DueOnClosedDay) can be applied
// with returnTo (L5).
func (r DueDateRule) check(returnTo *calendar.Calendar) error {
	switch {
	case !r.Valid():
		return fmt.Errorf("%w: due_on_closed_day: unknown rule %d", ErrInvalidPolicy, uint8(r))
	case r == DueDateNextOpenDay && returnTo == nil:
		return fmt.Errorf("%w: due_on_closed_day is %v", ErrNoCalendar, r)
	}
	return nil
}

// due returns the day days (0 or more) after from, with rule r applied on
// returnTo, already checked by check.
func (r DueDateRule) due(from calendar.Date, days int, returnTo *calendar.Calendar) (calendar.Date, error) {
	d := from.AddDays(days)
	if d.DaysSince(from) != days { // AddDays saturated at 9999-12-31
		return calendar.Date{}, inconsistent("due date", fmt.Sprintf("%d days after %v is beyond 9999-12-31", days, from))
	}
	if r != DueDateNextOpenDay {
		return d, nil
	}
	next := returnTo.NextOpen(d)
	if next.IsZero() {
		return calendar.Date{}, inconsistent("due date", fmt.Sprintf("calendar %s has no open day from %v to 9999-12-31", text.Quote(returnTo.Name()), d))
	}
	return next, nil
}
