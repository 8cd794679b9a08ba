package circulation

import (
	"fmt"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/internal/enum"
	"github.com/kashidashi/kashidashi/reason"
)

// ExtensionBase says from which day an extension's period is counted
// (L10 [reading]). The zero value, ExtendFromExtensionDay, is the guide's
// rule (L3): "延長を行った日から14日後".
type ExtensionBase uint8

// The two bases of an extension's period.
const (
	// ExtendFromExtensionDay counts the extension period from the day of
	// the extension (L3, the default): extended on April 1, due April 15.
	ExtendFromExtensionDay ExtensionBase = iota
	// ExtendFromDueDate counts it from the loan's due date (L10; FOLIO's
	// renewFrom "current due date", Koha's renewal period base): due April
	// 8, extended on any day up to it, the item is due April 22.
	ExtendFromDueDate
)

var extensionBases = enum.NewTable[ExtensionBase](pkg, "extension base", reason.ErrBadInput,
	enum.Name{Code: "extension_day", En: "the day of the extension", Ja: "延長手続日"},
	enum.Name{Code: "due_date", En: "the due date", Ja: "返却期限日"},
)

// Valid reports whether b is one of the two bases.
func (b ExtensionBase) Valid() bool { return extensionBases.Valid(b) }

// String returns the stable code of b, "extension_day" or "due_date".
func (b ExtensionBase) String() string { return extensionBases.String(b) }

// Label returns the name of b in language l.
func (b ExtensionBase) Label(l reason.Lang) string { return extensionBases.Label(b, l) }

// MarshalText encodes b as its stable code.
func (b ExtensionBase) MarshalText() ([]byte, error) { return extensionBases.MarshalText(b) }

// UnmarshalText decodes a stable code or a label; an unknown one is an
// error matching reason.ErrBadInput.
func (b *ExtensionBase) UnmarshalText(t []byte) error { return extensionBases.UnmarshalText(b, t) }

// ClosureGrace lengthens the period of a loan or an extension made
// shortly before a long closure of the place the item goes back to (L13
// [reading]). When a run of at least MinClosureDays consecutive closed
// days of that place has a day within WithinDays days after the day the
// period counts from (the day of loan, of the extension, or the old due
// date under ExtendFromDueDate), the period gains the days of that run
// that fall after that day: the patron loses no day of the loan to the
// closure. Only the first such run counts. The zero ClosureGrace, the
// guide's rule, lengthens nothing. Its JSON form is
// {"within_days":14,"min_closure_days":7}.
type ClosureGrace struct {
	// WithinDays is how many days after the day of loan a closure may
	// begin and still lengthen the loan: 1 to 366.
	WithinDays int `json:"within_days"`
	// MinClosureDays is the shortest closure, in consecutive closed
	// days, that lengthens a loan: 1 to 366.
	MinClosureDays int `json:"min_closure_days"`
}

// IsZero reports whether g is the zero ClosureGrace: no grace.
func (g ClosureGrace) IsZero() bool { return g == ClosureGrace{} }

// problems lists what is wrong with g, paths relative to it.
func (g ClosureGrace) problems() reason.Problems {
	var ps reason.Problems
	if g.IsZero() {
		return nil
	}
	if g.WithinDays < 1 || g.WithinDays > maxPeriodDays {
		ps.Add("within_days", "must be 1 to %d days (got %d)", maxPeriodDays, g.WithinDays)
	}
	if g.MinClosureDays < 1 || g.MinClosureDays > maxPeriodDays {
		ps.Add("min_closure_days", "must be 1 to %d days (got %d)", maxPeriodDays, g.MinClosureDays)
	}
	return ps
}

// extra returns the days g adds to a period counted from from on the
// calendar at (L13): the closed days after from of the first run of at
// least MinClosureDays closed days that has a day within WithinDays
// days after from; 0 when there is none.
func (g ClosureGrace) extra(from calendar.Date, at *calendar.Calendar) int {
	if g.IsZero() || at == nil {
		return 0
	}
	last := from.AddDays(g.WithinDays)
	for d := from.AddDays(1); !d.After(last); {
		if at.IsOpen(d) {
			d = d.AddDays(1)
			continue
		}
		next := at.NextOpen(d)
		if next.IsZero() {
			return 0 // no reopening within the calendar's span
		}
		after := next.DaysSince(d)
		total := after
		if d == from.AddDays(1) { // the run may have begun on or before from
			for k := 0; total < g.MinClosureDays && !at.IsOpen(from.AddDays(-k)); k++ {
				total++
			}
		}
		if total >= g.MinClosureDays {
			return after
		}
		d = next
	}
	return 0
}

// checkCalendar reports whether p's rules for a due date can be applied
// with returnTo: the rule for a closed day (L5–L7) and the closure grace
// (L13) read it.
func (p Policy) checkCalendar(returnTo *calendar.Calendar) error {
	if err := p.DueOnClosedDay.check(returnTo); err != nil {
		return err
	}
	if p.ClosureGrace.IsZero() {
		return nil
	}
	if ps := p.ClosureGrace.problems(); ps != nil {
		return ps.Prefix(policyPath("closure_grace"))
	}
	if returnTo == nil {
		return fmt.Errorf("%w (closure_grace is set)", ErrNoCalendar)
	}
	return nil
}

// loanSpan returns the days from the day of loan to the due date of a
// loan period of n days (L2, L12): n−1, the day of loan counting as day
// 1, or n when p.CountFromNextDay.
func (p Policy) loanSpan(n int) int {
	if p.CountFromNextDay {
		return n
	}
	return n - 1
}

// firstExtensionDay returns the first day loan l may be extended under
// p.ExtendFromLoanDay (L11): the n-th day of the loan, the day of loan
// being day 1; l.Loaned when there is no such rule.
func (p Policy) firstExtensionDay(l *Loan) calendar.Date {
	if p.ExtendFromLoanDay <= 1 {
		return l.Loaned
	}
	return l.Loaned.AddDays(p.ExtendFromLoanDay - 1)
}

// extendedDue returns the due date an extension of l on day today gives,
// days being its period: counted from today (L3) or from l.Due (L10),
// with the closure grace (L13), the rule for a closed day (L5–L7) and the
// cap (L8), never before today nor, from the due date, before l.Due.
func (p Policy) extendedDue(l *Loan, today calendar.Date, days int, returnTo *calendar.Calendar, path string) (calendar.Date, error) {
	if p.ExtendFrom == ExtendFromDueDate {
		floor := today
		if l.Due.After(floor) {
			floor = l.Due
		}
		return p.due(l.Due, days, floor, returnTo, "loan.due")
	}
	return p.due(today, days, today, returnTo, path)
}
