package holds

import (
	"fmt"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
)

// Policy holds the reservation rules as values a host may change.
// DefaultPolicy returns the rules as published on 2026-03-10. A Policy is
// a plain value, safe for concurrent use; its JSON form round-trips.
type Policy struct {
	// ShelfDays is how long a ready item stays on the hold shelf, in open
	// days of the pickup place (H4): the deadline is the ShelfDays-th
	// open day after the ready day. Default 10.
	ShelfDays int `json:"shelf_days"`
	// HoldForReadingOrder chooses what happens to an item whose first
	// waiting reservation may not go ahead yet because an earlier item of
	// its reading order is still waiting (H2). False (the default, our
	// reading): that reservation keeps its place in the queue and the item
	// goes to the next reservation that may go ahead, so that no book sits
	// idle. True: the item waits for it.
	HoldForReadingOrder bool `json:"hold_for_reading_order"`
	// Circulation gives the limits the package applies: MaxReservations
	// (H1), MaxLoans (R-HD4, R-PT5), and the loan periods behind the due
	// date of a collected reservation (L2).
	Circulation circulation.Policy `json:"circulation"`
}

// DefaultPolicy returns the rules as published on 2026-03-10: a hold
// shelf of 10 open days (H4), reading order that never leaves an item
// idle (H2), and circulation.DefaultPolicy: 10 reservations (H1), 10
// loans (L1) and the loan periods of L2.
func DefaultPolicy() Policy {
	return Policy{ShelfDays: 10, Circulation: circulation.DefaultPolicy()}
}

// MaxShelfDays bounds Policy.ShelfDays: a hold shelf of more than a year
// is taken for a typing mistake.
const MaxShelfDays = 366

// Validate reports whether p makes sense: a hold shelf of 1 to
// MaxShelfDays open days, and a circulation policy that passes
// circulation.Policy.Validate (whose error it wraps).
func (p Policy) Validate() error {
	if p.ShelfDays < 1 || p.ShelfDays > MaxShelfDays {
		return fmt.Errorf("holds: policy: shelf_days must be 1 to %d (got %d)", MaxShelfDays, p.ShelfDays)
	}
	if err := p.Circulation.Validate(); err != nil {
		return fmt.Errorf("holds: policy: %w", err)
	}
	return nil
}

// ShelfDeadline returns the hold-shelf deadline (取置期限) of an item that
// became ready on ready at a place with calendar at (H4): the count of 10
// days skips the days the place is closed and, in our reading, starts the
// day after ready, so the deadline is the ShelfDays-th open day after
// ready. It is always an open day of at, and exactly ShelfDays open days
// lie in (ready, deadline].
//
// Ready at the Prefectural Library on 2026-11-20 gives 2026-12-03; ready
// on 2026-12-25, across the year-end closure, gives 2027-01-13.
//
// ShelfDeadline returns the zero Date when ready is zero or at is nil, and
// ready itself when ShelfDays is below 1 (see Validate). It does not
// allocate.
func (p Policy) ShelfDeadline(ready calendar.Date, at *calendar.Calendar) calendar.Date {
	if at == nil || ready.IsZero() {
		return calendar.Date{}
	}
	if p.ShelfDays < 1 {
		return ready
	}
	return at.AddOpenDays(ready, p.ShelfDays)
}
