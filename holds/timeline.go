package holds

import (
	"fmt"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
)

// Timeline is every date a patron will see for one reservation, from the
// day its item is secured. It is a plain comparable value; a zero date
// means "does not apply" (or, when HeldBack, "not known yet").
type Timeline struct {
	// Method is the pickup method the timeline is for.
	Method circulation.Method
	// Notice is the day the item is secured and the notice email
	// (予約資料確保メール) is sent (H6).
	Notice calendar.Date
	// HeldBack reports that the patron is at the loan limit: the notice
	// goes out but the item is not sent until a return has been processed
	// (R-HD4, R-PT5), so no later date can be known and all are zero.
	HeldBack bool
	// Sent is the day the item leaves the Prefectural Library: the next
	// courier day after the notice for a partner library (R-PT2), or the
	// next open day after the notice for home delivery, when the loan is
	// processed and the item posted (R-HD2). Zero for the Prefectural and
	// Assembly Libraries.
	Sent calendar.Date
	// FirstPickup is the first day the patron can collect the item: the first
	// open day of the pickup place after the notice day at the
	// Prefectural Library and the Assembly Library (R-PL1, R-AL2), the
	// first open day of the partner library from two days after the
	// courier day (R-PT3). Zero for home delivery.
	// It is not Reservation.ReadyOn, the day the item is put on the
	// shelf, which at the Prefectural and Assembly Libraries is the notice
	// day.
	FirstPickup calendar.Date
	// Deadline is the hold-shelf deadline,
	// Policy.ShelfDeadline(FirstPickup, ·) at the pickup place: the
	// ShelfDays-th open day counting FirstPickup as day 1 (H4). Zero for home delivery, which has no hold
	// shelf.
	Deadline calendar.Date
	// Loaned is the day of the loan (L2): the day the item leaves the
	// Prefectural Library when it travels (Sent: the courier day for a
	// partner library, the posting day for home delivery, R-HD2), whatever
	// day the patron collects it; at the Prefectural and Assembly
	// Libraries the day of collection, here FirstPickup.
	Loaned calendar.Date
	// Due is the due date of that loan (L2, with L5 applied at the place
	// the item goes back to).
	Due calendar.Date
}

// Errors of Timeline for input missing what it needs: not refusals.
var (
	errTimelineDay     = fmt.Errorf("%w: timeline: the secured day is zero", ErrInconsistentInput)
	errTimelineCourier = fmt.Errorf("%w: timeline: a partner library needs the courier schedule (Calendars.Courier)", ErrInconsistentInput)
	errTimelineLoans   = fmt.Errorf("%w: timeline: negative loan count", ErrInconsistentInput)
	errTimelineRange   = fmt.Errorf("%w: timeline: a date falls beyond the calendars", ErrInconsistentInput)
	errTimelinePolicy  = fmt.Errorf("%w: timeline: the policy is not valid (see Policy.Validate)", ErrInconsistentInput)
)

// Timeline returns every date the patron of a reservation will see when
// its item is secured on secured and reaches the patron at place, with
// the calendars and courier of c (Calendars.At), for a patron with loans
// items on loan; short tells whether the item is a short loan (L2):
//
//   - Prefectural Library, Assembly Library: notice on secured, the day
//     My Page shows 貸出可能 and the deadline; ready from the first day the
//     place is open after it (R-PL1, R-AL2 "from the day after the
//     email", our reading when the next day is closed).
//   - partner library: notice on secured; sent on the next courier day
//     after it (R-PT2: Tuesdays and Fridays, none on holidays nor from
//     December 29 to January 3); ready from two days after that, or the
//     partner library's next open day (R-PT3).
//   - home delivery: notice on secured; loan processed and item posted
//     on the Prefectural Library's next open day after it (R-HD2); no
//     hold shelf, so no deadline.
//
// The deadline is p.ShelfDeadline(FirstPickup, at): the patron has ShelfDays
// open pickup days, FirstPickup the first of them (H4). It is the deadline
// Reservation.MakeReady gives when called on the notice day (Prefectural
// and Assembly Libraries) or on arrival (partner library).
//
// The loan is dated the day the item leaves when it travels (Sent), or
// the ready day at the Prefectural and Assembly Libraries (L2); Collect
// dates it the same way. Its due date follows p.Circulation (L2, L5). A
// patron at p.Circulation.MaxLoans with an item for a partner library or
// for home delivery is HeldBack (R-HD4, R-PT5): only the notice is known.
// At the Prefectural and Assembly Libraries the loan limit does not hold
// the item back; it only stops the loan at the counter (L1).
//
// The dates never go backwards: Notice ≤ Sent ≤ FirstPickup ≤ Deadline, and
// Loaned ≤ Due. Timeline does not allocate; it returns an error for a
// zero day, an invalid place, an invalid policy or calendars without the
// calendar the place needs, each wrapping ErrInconsistentInput.
func (p Policy) Timeline(secured calendar.Date, c Calendars, place circulation.Place, loans int, short bool) (Timeline, error) {
	t := Timeline{Method: place.Method, Notice: secured}
	switch {
	case secured.IsZero():
		return Timeline{}, errTimelineDay
	case loans < 0:
		return Timeline{}, errTimelineLoans
	case p.ShelfDays < 1:
		return Timeline{}, errTimelinePolicy
	}
	at, err := c.At(place)
	if err != nil {
		return Timeline{}, err
	}
	returnTo := at
	switch t.Method {
	case circulation.PrefecturalLibrary, circulation.AssemblyLibrary:
		t.FirstPickup = at.AddOpenDays(secured, 1)
		t.Loaned = t.FirstPickup
	case circulation.PartnerLibrary:
		switch {
		case c.Courier == nil:
			return Timeline{}, errTimelineCourier
		case loans >= p.Circulation.MaxLoans:
			t.HeldBack = true
			return t, nil
		}
		if t.Sent = c.Courier.NextDay(secured); t.Sent.IsZero() {
			return Timeline{}, errTimelineRange
		}
		t.FirstPickup = c.Courier.Collectable(t.Sent, at)
		t.Loaned = t.Sent
	case circulation.HomeDelivery:
		if loans >= p.Circulation.MaxLoans {
			t.HeldBack = true
			return t, nil
		}
		if t.Sent = c.Library.AddOpenDays(secured, 1); t.Sent.IsZero() {
			return Timeline{}, errTimelineRange
		}
		t.Loaned, returnTo = t.Sent, c.Library
	}
	if t.Method != circulation.HomeDelivery {
		if t.FirstPickup.IsZero() {
			return Timeline{}, errTimelineRange
		}
		if t.Deadline = p.ShelfDeadline(t.FirstPickup, at); t.Deadline.IsZero() {
			return Timeline{}, errTimelineRange
		}
	}
	due, err := p.Circulation.DueDate(t.Method, short, t.Loaned, returnTo)
	if err != nil {
		return Timeline{}, err
	}
	t.Due = due
	return t, nil
}
