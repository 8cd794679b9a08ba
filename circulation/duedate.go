package circulation

import (
	"fmt"

	"github.com/kashidashi/kashidashi/calendar"
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

var dueDateRuleCodes = [...]string{
	DueDateStands:      "stands",
	DueDateNextOpenDay: "next_open_day",
}

// Valid reports whether r is one of the two rules.
func (r DueDateRule) Valid() bool { return r <= DueDateNextOpenDay }

// String returns the stable code of r, "stands" or "next_open_day", as
// used in text and JSON.
func (r DueDateRule) String() string {
	if !r.Valid() {
		return fmt.Sprintf("DueDateRule(%d)", uint8(r))
	}
	return dueDateRuleCodes[r]
}

// ParseDueDateRule returns the rule whose stable code is s.
func ParseDueDateRule(s string) (DueDateRule, error) {
	for r := DueDateStands; r <= DueDateNextOpenDay; r++ {
		if dueDateRuleCodes[r] == s {
			return r, nil
		}
	}
	return 0, fmt.Errorf("%s: unknown due-date rule %q (want stands or next_open_day)", pkg, s)
}

// MarshalText encodes r as its stable code.
func (r DueDateRule) MarshalText() ([]byte, error) {
	if !r.Valid() {
		return nil, fmt.Errorf("%s: cannot encode invalid due-date rule %d", pkg, uint8(r))
	}
	return []byte(dueDateRuleCodes[r]), nil
}

// UnmarshalText decodes a stable code.
func (r *DueDateRule) UnmarshalText(b []byte) error {
	v, err := ParseDueDateRule(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// remote reports whether m ships the item both ways (L2).
func remote(m Method) bool { return m == PartnerLibrary || m == HomeDelivery }

// LoanPeriod returns the loan period in days for method m (L2), counting
// the day of loan: the remote periods for a partner library or home
// delivery, the library periods otherwise.
func (p Policy) LoanPeriod(m Method, short bool) int {
	switch r := remote(m); {
	case r && short:
		return p.RemoteShortLoanDays
	case r:
		return p.RemoteLoanDays
	case short:
		return p.ShortLoanDays
	}
	return p.LoanDays
}

// DueDate returns the due date of a loan made on loaned by method m (L2):
// the loan period counts the day of loan, so a 15-day loan made on
// 2026-04-01 is due 2026-04-15, an 8-day one 2026-04-08 and a 30-day one
// 2026-04-30. DueDate ignores calendars and p.DueOnClosedDay; see
// DueDateAt.
func (p Policy) DueDate(m Method, short bool, loaned calendar.Date) calendar.Date {
	return loaned.AddDays(p.LoanPeriod(m, short) - 1)
}

// DueDateAt is DueDate with p.DueOnClosedDay applied (L5): under
// DueDateNextOpenDay a due date on a day place is closed moves to its next
// open day. place is the calendar of the place the item goes back to: the
// library's own for a library, the Prefectural Library's for home
// delivery. A nil place, or a rule of DueDateStands, leaves the due date
// as DueDate computes it.
func (p Policy) DueDateAt(m Method, short bool, loaned calendar.Date, place *calendar.Calendar) calendar.Date {
	return p.onClosedDay(p.DueDate(m, short, loaned), place)
}

// onClosedDay applies p.DueOnClosedDay to due.
func (p Policy) onClosedDay(due calendar.Date, place *calendar.Calendar) calendar.Date {
	if p.DueOnClosedDay != DueDateNextOpenDay || place == nil || due.IsZero() {
		return due
	}
	if next := place.NextOpen(due); !next.IsZero() {
		return next
	}
	return due // no open day before the end of the calendar: keep the date
}
