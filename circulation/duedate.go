package circulation

import (
	"fmt"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/internal/enum"
	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// DueDateRule says what happens to a due date that falls on a day the
// place the item goes back to is closed (L5 [reading]: the guide is
// silent). The zero value, DueDateStands, is the default. Every rule but
// DueDateStands reads that place's calendar.
//
// The rules keep the order of days: a later computed day never gives an
// earlier due date, under any rule, so that an extension (L3) never
// shortens a loan. Policy.LastDueDate (L8) and the loan day apply after
// the rule: see Policy.DueDate.
type DueDateRule uint8

// The four rules for a due date on a closed day.
const (
	// DueDateStands keeps the due date as computed, open or closed (L5,
	// the default): at the Prefectural Library the book drop takes
	// returns while it is closed (R-PL2).
	DueDateStands DueDateRule = iota
	// DueDateNextOpenDay moves it to the place's next open day (L5).
	DueDateNextOpenDay
	// DueDatePreviousOpenDay moves it back to the place's last open day
	// before it (L6 [reading]), so that the patron can return the item
	// at the counter on the due date; the loan is shorter.
	DueDatePreviousOpenDay
	// DueDateEndOfClosure moves it to the last day of the run of closed
	// days it falls in (L7 [reading]): the day before the place reopens,
	// so that the patron has the whole closure and a return in the book
	// drop on that day is on time, while the reopening day, which
	// DueDateNextOpenDay would load with every due date of the closure,
	// stays free. A due date on an open day, or on a closed day followed
	// by an open one, stands.
	DueDateEndOfClosure
)

var dueDateRules = enum.NewTable[DueDateRule](pkg, "due-date rule", reason.ErrBadInput,
	enum.Name{Code: "stands", En: "the due date stands", Ja: "返却期限日のまま"},
	enum.Name{Code: "next_open_day", En: "the next open day", Ja: "翌開館日"},
	enum.Name{Code: "previous_open_day", En: "the previous open day", Ja: "直前の開館日"},
	enum.Name{Code: "end_of_closure", En: "the last day of the closure", Ja: "休館期間の最終日"},
)

// Valid reports whether r is one of the four rules.
func (r DueDateRule) Valid() bool { return dueDateRules.Valid(r) }

// String returns the stable code of r, "stands", "next_open_day",
// "previous_open_day" or "end_of_closure", as used in text and JSON.
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
// l.Place.Method, short when l.Short, with p.DueOnClosedDay (L5–L7) and
// p.LastDueDate (L8) applied. It reads no other field of l: l.Due is what
// it computes.
//
// The loan period counts the day of loan, so a 15-day loan made on
// 2026-04-01 is due 2026-04-15, an 8-day one 2026-04-08 and a 30-day one
// 2026-04-30; under p.CountFromNextDay (L12) it counts from the next
// day, and the 15-day loan is due 2026-04-16. p.ClosureGrace (L13) may
// lengthen it by the days of a closure that begins soon after the day of
// loan. Then, in this order:
//
//  1. the rule for a closed day, p.DueOnClosedDay, on returnTo (L5–L7):
//     at the Prefectural Library a loan made on 2026-12-15 falls due on
//     2026-12-29, the year end; it stands, or moves to 2027-01-05 (next
//     open day), 2026-12-27 (previous open day) or 2027-01-04 (end of the
//     closure, which runs from Monday 12-28 to Monday 01-04);
//  2. the cap, p.LastDueDate, when set (L8): a later date becomes the
//     cap, which stands even on a closed day (the library chose it);
//  3. never earlier than the day of loan: the previous open day or a cap
//     before it gives the day of loan itself.
//
// returnTo is the calendar of the place the item goes back to: the
// library's own for a library or a partner library, the Prefectural
// Library's for home delivery. Under DueDateStands it is not read and may
// be nil.
//
// Errors, never a date that ignores a setting: ErrNoCalendar when the
// rule needs returnTo and it is nil; and reason.Problems (matching
// reason.ErrBadInput) naming the field at fault — "loan.place.method"
// (not a valid method), "loan.loaned" (zero, or no due date within the
// years up to 9999-12-31), "" when returnTo has no day to move the date
// to within its span (calendar.Calendar.Span), or the policy's
// "policy.loan_days" and "policy.due_on_closed_day" when the policy fails
// Validate. DueDate does not allocate when it succeeds.
func (p Policy) DueDate(l Loan, returnTo *calendar.Calendar) (calendar.Date, error) {
	if err := p.checkCalendar(returnTo); err != nil {
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
	return p.due(l.Loaned, p.loanSpan(n), l.Loaned, returnTo, "loan.loaned")
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
// with returnTo (L5–L7).
func (r DueDateRule) check(returnTo *calendar.Calendar) error {
	switch {
	case !r.Valid():
		return reason.BadInput(policyPath("due_on_closed_day"), "unknown rule %d", uint8(r))
	case r != DueDateStands && returnTo == nil:
		return fmt.Errorf("%w (due_on_closed_day is %v)", ErrNoCalendar, r)
	}
	return nil
}

// MoveDue returns the due date loan l has on the calendar returnTo of
// the place it goes back to, when that calendar has changed since the
// loan was given its due date (an unplanned closure, X1): p's rule for a
// due date on a closed day (L5–L7), then the cap (L8), then never before
// the day of the loan, applied to l.Due as it stands. A due date on an
// open day stays. p is the policy the loan was given its due date under
// (V2): that of its loan day, or of its last extension. The errors are
// DueDate's.
func (p Policy) MoveDue(l Loan, returnTo *calendar.Calendar) (calendar.Date, error) {
	if err := p.DueOnClosedDay.check(returnTo); err != nil {
		return calendar.Date{}, err
	}
	if l.Due.IsZero() || l.Loaned.IsZero() {
		var ps reason.Problems
		if l.Loaned.IsZero() {
			ps.Add("loan.loaned", "is missing")
		}
		if l.Due.IsZero() {
			ps.Add("loan.due", "is missing")
		}
		return calendar.Date{}, ps
	}
	d, err := p.DueOnClosedDay.apply(l.Due, returnTo)
	if err != nil {
		return calendar.Date{}, err
	}
	if !p.LastDueDate.IsZero() && d.After(p.LastDueDate) {
		d = p.LastDueDate // L8
	}
	if d.Before(l.Loaned) {
		d = l.Loaned
	}
	return d, nil
}

// due returns the due date of a period ending days (0 or more) after
// from, the day of the loan or of the extension (or the old due date,
// L10), in the order of DueDate: the closure grace p.ClosureGrace (L13)
// lengthens the period, then p.DueOnClosedDay on returnTo, both already
// checked by checkCalendar (L5–L7), then p.LastDueDate (L8), then never
// before floor. path names the input from comes from, for the error when
// no such day exists.
func (p Policy) due(from calendar.Date, days int, floor calendar.Date, returnTo *calendar.Calendar, path string) (calendar.Date, error) {
	days += p.ClosureGrace.extra(from, returnTo)
	d := from.AddDays(days)
	if d.DaysSince(from) != days { // AddDays saturated at 9999-12-31
		return calendar.Date{}, reason.BadInput(path, "%d days after %v is beyond 9999-12-31", days, from)
	}
	d, err := p.DueOnClosedDay.apply(d, returnTo)
	if err != nil {
		return calendar.Date{}, err
	}
	if !p.LastDueDate.IsZero() && d.After(p.LastDueDate) {
		d = p.LastDueDate // L8
	}
	if d.Before(floor) {
		d = floor
	}
	return d, nil
}

// apply returns due date d moved by rule r on returnTo (L5–L7); an error
// when returnTo has no day to move it to within its span.
func (r DueDateRule) apply(d calendar.Date, returnTo *calendar.Calendar) (calendar.Date, error) {
	if r == DueDateStands {
		return d, nil
	}
	next := returnTo.NextOpen(d) // zero outside the span: every rule below fails alike
	switch {
	case next == d:
		return d, nil // open: every rule keeps it
	case r == DueDatePreviousOpenDay:
		// The open day before d; zero when d is outside the span or
		// the place was never open before it within the span.
		if prev := returnTo.AddOpenDays(d, -1); !prev.IsZero() {
			return prev, nil
		}
		return calendar.Date{}, reason.BadInput("", "calendar %s has no open day on or before %v", text.Quote(returnTo.Name()), d)
	case next.IsZero():
		return calendar.Date{}, reason.BadInput("", "calendar %s has no open day from %v to 9999-12-31", text.Quote(returnTo.Name()), d)
	case r == DueDateEndOfClosure:
		return next.AddDays(-1), nil
	}
	return next, nil
}
