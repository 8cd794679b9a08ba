package holds

import (
	"errors"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
)

// Errors of dueDate: faults in the caller's data, not refusals.
var (
	errDueNoLoanDay  = errors.New("holds: due date: the day of loan is zero")
	errDueNoCalendar = errors.New("holds: due date: the policy moves due dates to the next open day (L5) but no calendar was given for the place the item goes back to")
	errDueRange      = errors.New("holds: due date: falls beyond the calendar")
)

// dueDate is the one place where holds computes a due date (L2, L5): a
// loan by method m made on loaned, returned to the place whose calendar
// is returnTo. Under circulation.DueDateNextOpenDay the calendar is
// needed; without it dueDate returns an error rather than a date that
// may fall on a closed day.
func dueDate(p circulation.Policy, m circulation.Method, short bool, loaned calendar.Date, returnTo *calendar.Calendar) (calendar.Date, error) {
	switch {
	case loaned.IsZero():
		return calendar.Date{}, errDueNoLoanDay
	case p.DueOnClosedDay == circulation.DueDateNextOpenDay && returnTo == nil:
		return calendar.Date{}, errDueNoCalendar
	}
	d := p.DueDateAt(m, short, loaned, returnTo)
	if d.IsZero() {
		return calendar.Date{}, errDueRange
	}
	return d, nil
}
