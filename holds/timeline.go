package holds

import (
	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// Timeline is every date a patron will see for one reservation, from the
// day its item is secured, and what the notice of that day says besides
// (package notice renders it). It is a plain comparable value; a zero
// date means "does not apply" (or, when HeldBack, "not known yet").
type Timeline struct {
	// Place is the pickup place the timeline is for (M1).
	Place circulation.Place
	// Counter is the Prefectural Library counter that lends the item, by
	// its collection (R-PL1); zero for the other places.
	Counter circulation.ReturnChannel
	// Notice is the day the item is secured and the notice email
	// (予約資料確保メール) is sent (H6).
	Notice calendar.Date
	// HeldBack reports that the patron is at the loan limit: the notice
	// goes out but the item is not sent until a return has been processed
	// (R-HD4, R-PT5), so no later date can be known and all are zero.
	// LoanLimit is then the policy's limit (circulation.Policy.MaxLoans),
	// zero otherwise.
	HeldBack  bool
	LoanLimit int
	// Sent is the day the item leaves the Prefectural Library: the next
	// courier day after the notice for a partner library (R-PT2), or the
	// next open day after the notice for home delivery, when the loan is
	// processed and the item posted (R-HD2). Zero for the Prefectural and
	// Assembly Libraries.
	Sent calendar.Date
	// FirstPickup is the first day the patron can collect the item: the
	// first open day of the pickup place after the notice day at the
	// Prefectural Library and the Assembly Library (R-PL1, R-AL2), the
	// first open day of the partner library from two days after the
	// courier day (R-PT3). Zero for home delivery. It is not
	// Reservation.ReadyOn, the day the item is put on the shelf, which at
	// the Prefectural and Assembly Libraries is the notice day.
	FirstPickup calendar.Date
	// Deadline is the hold-shelf deadline,
	// Policy.ShelfDeadline(FirstPickup, ·) at the pickup place: the
	// ShelfDays-th open day counting FirstPickup as day 1 (H4). Zero for
	// home delivery, which has no hold shelf.
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

// Timeline returns every date the patron of reservation r will see from
// the day its item is secured, r.SecuredOn, on its way to r.Place, with
// the calendars and courier of c (Calendars.At), for a patron with loans
// items on loan; r.Short tells whether the item is a short loan (L2):
//
//   - Prefectural Library, Assembly Library: notice on the secured day,
//     the day My Page shows 貸出可能 and the deadline; ready from the
//     first day the place is open after it (R-PL1, R-AL2 "from the day
//     after the email", our reading when the next day is closed). At the
//     Prefectural Library, Counter is the counter of r.Collection.
//   - partner library: notice on the secured day; sent on the next
//     courier day after it (R-PT2: Tuesdays and Fridays, none on holidays
//     nor from December 29 to January 3); ready from two days after that,
//     or the partner library's next open day (R-PT3).
//   - home delivery: notice on the secured day; loan processed and item
//     posted on the Prefectural Library's next open day after it (R-HD2);
//     no hold shelf, so no deadline.
//
// The deadline is p.ShelfDeadline(FirstPickup, at): the patron has
// ShelfDays open pickup days, FirstPickup the first of them (H4). It is
// the deadline the desk gives when the item is made ready on the notice
// day (Prefectural and Assembly Libraries) or on arrival (partner
// library).
//
// The loan is dated the day the item leaves when it travels (Sent), or
// the ready day at the Prefectural and Assembly Libraries (L2); the desk
// dates it the same way when the reservation is collected. Its due date
// follows p.Circulation (L2, L5). A patron at p.Circulation.MaxLoans with
// an item for a partner library or for home delivery is HeldBack, with
// that LoanLimit (R-HD4, R-PT5): only the notice is known. At the
// Prefectural and Assembly Libraries the loan limit does not hold the
// item back; it only stops the loan at the counter (L1).
//
// The dates never go backwards: Notice ≤ Sent ≤ FirstPickup ≤ Deadline,
// and Loaned ≤ Due. Timeline does not allocate when it succeeds; a zero
// secured day, an invalid place, a negative loan count, an invalid
// policy or calendars without the calendar the place needs is bad input,
// reason.Problems naming the field.
func (p Policy) Timeline(r Reservation, c Calendars, loans int) (Timeline, error) {
	t := Timeline{Place: r.Place, Notice: r.SecuredOn}
	switch {
	case r.SecuredOn.IsZero():
		return Timeline{}, reason.BadInput("secured_on", "the item is not secured yet")
	case loans < 0:
		return Timeline{}, reason.BadInput("loans", "negative count %d", loans)
	case p.ShelfDays < 1:
		return Timeline{}, reason.BadInput("shelf_days", "the policy's hold shelf must be 1 day or more (see Policy.Validate)")
	}
	at, err := c.At(r.Place)
	if err != nil {
		return Timeline{}, err
	}
	returnTo := at
	switch r.Place.Method {
	case circulation.PrefecturalLibrary, circulation.AssemblyLibrary:
		if r.Place.Method == circulation.PrefecturalLibrary {
			t.Counter = r.Collection.Counter()
		}
		t.FirstPickup = at.AddOpenDays(t.Notice, 1)
		t.Loaned = t.FirstPickup
	case circulation.PartnerLibrary:
		switch {
		case c.Courier == nil:
			return Timeline{}, reason.BadInput("courier", "a partner library needs the courier schedule (Calendars.Courier)")
		case loans >= p.Circulation.MaxLoans:
			return t.heldBack(p), nil
		}
		if t.Sent = c.Courier.NextDay(t.Notice); t.Sent.IsZero() {
			return Timeline{}, beyond(t.Notice)
		}
		t.FirstPickup = c.Courier.Collectable(t.Sent, at)
		t.Loaned = t.Sent
	case circulation.HomeDelivery:
		if loans >= p.Circulation.MaxLoans {
			return t.heldBack(p), nil
		}
		if t.Sent = c.Library.AddOpenDays(t.Notice, 1); t.Sent.IsZero() {
			return Timeline{}, beyond(t.Notice)
		}
		t.Loaned, returnTo = t.Sent, c.Library
	}
	return t.finish(p, r, at, returnTo)
}

// heldBack returns t held back at p's loan limit (R-HD4, R-PT5).
func (t Timeline) heldBack(p Policy) Timeline {
	t.HeldBack, t.LoanLimit = true, p.Circulation.MaxLoans
	return t
}

// finish sets t's deadline at the pickup place's calendar at (H4), but
// for home delivery, and its due date on the calendar returnTo of the
// place the item goes back to (L2, L5).
func (t Timeline) finish(p Policy, r Reservation, at, returnTo *calendar.Calendar) (Timeline, error) {
	if t.Place.Method != circulation.HomeDelivery {
		if t.FirstPickup.IsZero() {
			return Timeline{}, beyond(t.Notice)
		}
		if t.Deadline = p.ShelfDeadline(t.FirstPickup, at, r.Contact); t.Deadline.IsZero() {
			return Timeline{}, beyond(t.Notice)
		}
	}
	due, err := p.Circulation.DueDate(circulation.Loan{Item: r.Item, Place: r.Place, Collection: r.Collection, Short: r.Short, Loaned: t.Loaned}, returnTo)
	if err != nil {
		return Timeline{}, err
	}
	t.Due = due
	return t, nil
}

// beyond is the error of a timeline whose dates from the notice day
// fall beyond the calendars' years.
func beyond(notice calendar.Date) error {
	return reason.BadInput("secured_on", "the dates from %v fall beyond the calendars", notice)
}

// noCalendar is the error of a place the calendars have none for.
func noCalendar(p circulation.Place) error {
	return reason.BadInput("place", "no calendar for %s", text.Quote(p.String()))
}
