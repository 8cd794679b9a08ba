package holds

import (
	"errors"
	"fmt"
	"slices"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/patron"
)

// step checks what every transition needs: r still active and today a
// real day not before any step already taken (days never go backwards).
func (r Reservation) step(today calendar.Date) error {
	if r.State.Final() {
		return ErrFinished
	}
	if today.IsZero() {
		return errors.New("holds: a transition needs today's date")
	}
	if last := r.latest(); today.Before(last) {
		return fmt.Errorf("holds: reservation %d: %v is before its last step on %v", r.ID, today, last)
	}
	return nil
}

// Secure returns r secured on today: the item is set aside for the patron
// and the notice email (予約資料確保メール) goes out that day (H6). r must
// be waiting. Secure does not look at the queue or the reading order:
// Desk.SecureNext does.
//
// A patron at the loan limit is still secured and notified; only the
// sending waits (R-HD4, R-PT5: see Ship).
func (r Reservation) Secure(today calendar.Date) (Reservation, error) {
	if err := r.step(today); err != nil {
		return r, err
	}
	if r.State != Waiting {
		return r, ErrNotWaiting
	}
	r.State, r.Secured = Secured, today
	return r, nil
}

// Ship returns r on its way from today: by courier to a partner library
// (R-PT2), by post to the patron's home (R-HD2, the loan being processed
// that day), or to the Assembly Library (回送). r must be secured. An item
// picked up at the Prefectural Library is not shipped (ErrNothingToSend).
//
// loans is the number of items the patron has on loan today: at
// p.Circulation.MaxLoans or more, an item for a partner library or for
// home delivery is not sent until a return has been processed
// (ErrHeldBack, R-HD4, R-PT5, detailed with that limit).
func (r Reservation) Ship(today calendar.Date, loans int, p Policy) (Reservation, error) {
	if err := r.step(today); err != nil {
		return r, err
	}
	m := r.Place.Method
	switch {
	case m == circulation.PrefecturalLibrary:
		return r, ErrNothingToSend
	case r.State == Waiting:
		return r, ErrNotSecured
	case r.State == InTransit:
		return r, ErrAlreadySent
	case r.State == Ready:
		return r, ErrAlreadyReady
	case (m == circulation.PartnerLibrary || m == circulation.HomeDelivery) && loans >= p.Circulation.MaxLoans:
		return r, heldBack(p.Circulation.MaxLoans)
	}
	r.State, r.Shipped = InTransit, today
	return r, nil
}

// MakeReady returns r ready for pickup (貸出可能, H3) from today, on the
// hold shelf until its deadline (H4); at is the calendar of the pickup
// place. What today is depends on the route:
//
//   - Prefectural Library, Assembly Library: the notice day, when My
//     Page shows 貸出可能 and the deadline (usually the day the item is
//     secured, or the day it arrives at the Assembly Library after 回送).
//     Pickup starts the next open day (R-PL1, R-AL2), so the deadline is
//     p.ShelfDeadline of that day: by default the ShelfDays-th open day
//     after today.
//   - partner library: the day the item arrives there. The first
//     collectable day is the first open day on or after both today and
//     two days after the courier day (R-PT3), and the deadline is
//     p.ShelfDeadline of that day. Any arrival day up to it gives the
//     deadline Policy.Timeline shows.
//
// The item must be secured (Prefectural Library, Assembly Library) or
// have been shipped (Assembly Library, partner library). Items for home
// delivery have no hold shelf (ErrNoHoldShelf).
func (r Reservation) MakeReady(today calendar.Date, at *calendar.Calendar, p Policy) (Reservation, error) {
	if err := r.step(today); err != nil {
		return r, err
	}
	m := r.Place.Method
	switch {
	case m == circulation.HomeDelivery:
		return r, ErrNoHoldShelf
	case r.State == Waiting:
		return r, ErrNotSecured
	case r.State == Ready:
		return r, ErrAlreadyReady
	case r.State == Secured && m == circulation.PartnerLibrary:
		return r, ErrNotSent
	case at == nil:
		return r, errors.New("holds: MakeReady needs the calendar of the pickup place")
	}
	deadline := p.ShelfDeadline(r.firstCollectable(today, at), at)
	if deadline.IsZero() || deadline.Before(today) {
		return r, fmt.Errorf("holds: no hold-shelf deadline after %v in calendar %q", today, at.Name())
	}
	r.State, r.Ready, r.Deadline = Ready, today, deadline
	return r, nil
}

// firstCollectable returns the first day the patron can collect r's item
// when it is made ready today at a place with calendar at: the next open
// day at the Prefectural and Assembly Libraries (R-PL1, R-AL2), the first
// open day from today and from two days after the courier day at a
// partner library (R-PT3).
func (r Reservation) firstCollectable(today calendar.Date, at *calendar.Calendar) calendar.Date {
	if r.Place.Method != circulation.PartnerLibrary {
		return at.AddOpenDays(today, 1)
	}
	from := r.Shipped.AddDays(2)
	if today.After(from) {
		from = today
	}
	return at.NextOpen(from)
}

// Collect returns r collected today and the loan it becomes. The item
// must be ready for pickup, or, for home delivery, posted. The loan is
// dated the day the item left when it travels (L2: its period includes
// the trip out): the courier day for a partner library, the posting day
// for home delivery, when it was processed (R-HD2); today otherwise. The
// due date follows p.Circulation for the place's method (L2, L5); short
// tells whether the item is a short loan (短縮), and returnTo is the
// calendar of the place the item goes back to (the pickup place; the
// Prefectural Library for home delivery). returnTo may be nil only when
// due dates on closed days stand (circulation.DueDateStands); otherwise
// Collect returns an error. Collect does not check the loan limit (L1),
// which is circulation's business.
//
// Collect may be called after the deadline as long as r has not been
// expired: the patron who comes on the morning after the deadline, before
// staff clear the shelf, still gets the book.
func (r Reservation) Collect(today calendar.Date, short bool, returnTo *calendar.Calendar, p Policy) (Reservation, circulation.Loan, error) {
	if err := r.step(today); err != nil {
		return r, circulation.Loan{}, err
	}
	m := r.Place.Method
	loaned := today
	switch {
	case m == circulation.HomeDelivery && r.State == InTransit:
		loaned = r.Shipped
	case m == circulation.HomeDelivery:
		return r, circulation.Loan{}, ErrNotSent
	case r.State != Ready:
		return r, circulation.Loan{}, ErrNotReady
	case m == circulation.PartnerLibrary && r.Shipped.IsZero():
		return r, circulation.Loan{}, ErrNotSent
	case m == circulation.PartnerLibrary:
		loaned = r.Shipped
	}
	due, err := p.Circulation.DueDate(m, short, loaned, returnTo)
	if err != nil {
		return r, circulation.Loan{}, err
	}
	r.State, r.Collected = Collected, today
	loan := circulation.Loan{
		Item:       r.Item,
		Place:      r.Place,
		Collection: r.Collection,
		Short:      short,
		Loaned:     loaned,
		Due:        due,
	}
	return r, loan, nil
}

// Expire returns r expired today: the item was not collected by its
// hold-shelf deadline and the reservation is cancelled (H4). r must be
// ready and today after its deadline (see Expired).
func (r Reservation) Expire(today calendar.Date) (Reservation, error) {
	if err := r.step(today); err != nil {
		return r, err
	}
	if r.State != Ready {
		return r, ErrNotReady
	}
	if !r.Expired(today) {
		return r, ErrDeadlineNotPassed
	}
	r.State, r.Ended = Expired, today
	return r, nil
}

// Cancel returns r cancelled today by by. The patron may cancel on My
// Page only while r is waiting, before the notice: once the item is
// secured and the notice sent (H6), on every route, only staff can, by
// telephone, and the patron gets ErrNeedsStaff (H5). Staff may cancel any
// active reservation.
func (r Reservation) Cancel(by Actor, today calendar.Date) (Reservation, error) {
	if !by.Valid() {
		return r, errors.New("holds: Cancel needs an actor: Patron or Staff")
	}
	if err := r.step(today); err != nil {
		return r, err
	}
	if by == Patron && !r.patronMayChange() {
		return r, ErrNeedsStaff
	}
	r.State, r.Ended, r.CancelledBy = Cancelled, today, by
	return r, nil
}

// ChangePlace returns r with its pickup place changed to to, by by. As
// for Cancel, the patron may do it only while r is waiting, before the
// notice (H5: ErrNeedsStaff afterwards); staff may do it while the
// reservation is active, except for an item already posted to the
// patron's home (ErrPosted). A partner library as the new place needs
// the patron's registration there (P1, R-PT1): partnerLibraries lists the partner
// libraries where the patron is registered, as
// patron.Registration.PartnerLibraries does, and a library not among them
// is refused with patron.ErrNotPartnerRegistered.
//
// An item on its way or on a hold shelf must be sent again: r goes back
// to secured (its secured day kept, its shipped, ready and deadline days
// cleared) so that the item is routed to the new place. A waiting or
// secured reservation keeps its state. Changing to the same place
// changes nothing.
func (r Reservation) ChangePlace(by Actor, to circulation.Place, partnerLibraries []string) (Reservation, error) {
	if !by.Valid() {
		return r, errors.New("holds: ChangePlace needs an actor: Patron or Staff")
	}
	if r.State.Final() {
		return r, ErrFinished
	}
	if by == Patron && !r.patronMayChange() {
		return r, ErrNeedsStaff
	}
	if r.State == InTransit && r.Place.Method == circulation.HomeDelivery {
		return r, ErrPosted
	}
	if to.Validate() != nil {
		return r, ErrPlace
	}
	if to.Method == circulation.PartnerLibrary && !slices.Contains(partnerLibraries, to.Library) {
		return r, patron.ErrNotPartnerRegistered.Detail(to.Library, to.Library)
	}
	if to == r.Place {
		return r, nil
	}
	r.Place = to
	if r.State == InTransit || r.State == Ready {
		r.State = Secured
		r.Shipped, r.Ready, r.Deadline = calendar.Date{}, calendar.Date{}, calendar.Date{}
	}
	return r, nil
}
