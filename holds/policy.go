package holds

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// Policy holds the reservation rules as values a host may change; the
// rules as published on 2026-03-10 are those of the configuration
// library.Default, whose HoldPolicy gives the policy of each day. A
// Policy is a plain comparable value, safe for concurrent use; its JSON
// form round-trips, and decoding refuses unknown keys and invalid
// policies.
type Policy struct {
	// ShelfDays is how long a ready item waits on the hold shelf, in open
	// days of the pickup place (H4): the patron has ShelfDays open days to
	// collect it, the first day it can be collected being day 1 (H4
	// [reading, decided 2026-11-27]). Default 10. The reading used before
	// 2026-11-27, counting from the open day after the first collectable
	// day, is ShelfDays 11: it gives the same deadlines.
	ShelfDays int `json:"shelf_days"`
	// ShelfCount is what the shelf days count (H7): OpenDays (the
	// default, H4) or CalendarDays, where a last day on which the pickup
	// place is closed moves to its next open day.
	ShelfCount ShelfCount `json:"shelf_count,omitzero"`
	// ShelfDaysByContact sets the shelf days by the way the patron is
	// told that the item is ready (H8, Reservation.Contact); a contact
	// left 0 has ShelfDays. The default sets none.
	ShelfDaysByContact ShelfDaysByContact `json:"shelf_days_by_contact,omitzero"`
	// ShelfExtensionDays is the length of the one extension of the hold
	// shelf a patron or staff may ask for when nobody else waits for the
	// item (H9, ActionExtendShelf), counted as ShelfCount says from the
	// day after the deadline (ExtendShelf). 0 (the default) offers none.
	ShelfExtensionDays int `json:"shelf_extension_days,omitzero"`
	// HoldForReadingOrder chooses what happens to an item whose first
	// waiting reservation may not go ahead yet because an earlier item of
	// its reading order is still waiting (H2). False (the default, our
	// reading): that reservation keeps its place in the queue and the item
	// goes to the next reservation that may go ahead, so that no book sits
	// idle. True: the item waits for it.
	HoldForReadingOrder bool `json:"hold_for_reading_order"`
	// Circulation gives the limits the package applies: MaxReservations
	// (H1), MaxLoans (R-HD4, R-PT5), and the loan periods behind the due
	// date of a collected reservation (L2, L5).
	Circulation circulation.Policy `json:"circulation"`
	// Overridable is the set of the package's soft reasons, which staff
	// may let go with a circulation.Override (H5); every other reason of
	// the package is hard. The soft reasons of the limits (H1, L1) are
	// Circulation.Overridable. As published: ErrNeedsStaff alone (H5),
	// the one reason of the package that may be soft (Waivable).
	Overridable circulation.Codes `json:"overridable"`
}

// maxShelfDays bounds Policy.ShelfDays: a hold shelf of more than a year
// is taken for a typing mistake.
const maxShelfDays = 366

// Validate reports whether p makes sense: a hold shelf of 1 to 366 open
// days, a circulation policy that passes circulation.Policy.Validate (its
// soft reasons among circulation.Waivable), and Overridable naming only
// codes of Reasons() that are safe to waive (Waivable). Its errors are
// reason.Problems naming the fields ("shelf_days",
// "circulation.max_loans", "overridable").
func (p Policy) Validate() error {
	var ps reason.Problems
	if p.ShelfDays < 1 || p.ShelfDays > maxShelfDays {
		ps.Add("shelf_days", "must be 1 to %d (got %d)", maxShelfDays, p.ShelfDays)
	}
	if !p.ShelfCount.Valid() {
		ps.Add("shelf_count", "unknown shelf count %d (want open_days or calendar_days)", p.ShelfCount)
	}
	ps = append(ps, p.ShelfDaysByContact.problems().Prefix("shelf_days_by_contact")...)
	if p.ShelfExtensionDays < 0 || p.ShelfExtensionDays > maxShelfDays {
		ps.Add("shelf_extension_days", "must be 0 (none) to %d (got %d)", maxShelfDays, p.ShelfExtensionDays)
	}
	if err := p.Circulation.Validate(); err != nil {
		ps = append(ps, under("circulation", err)...)
	}
	if err := p.Overridable.Check(Reasons()); err != nil {
		ps = append(ps, under("overridable", err)...)
	}
	if hard := p.notWaivable(); hard != nil {
		ps = append(ps, hard.Prefix("overridable")...)
	}
	return ps.Err()
}

// UnmarshalJSON decodes a Policy over the value it is decoded into (keys
// left out keep their value, so a host may decode onto the policy it
// starts from),
// refusing unknown keys, by name, and a result that fails Validate.
func (p *Policy) UnmarshalJSON(b []byte) error {
	type plain Policy
	return decodeValid("policy", b, (*plain)(p), plain(*p), func(v plain) error { return Policy(v).Validate() })
}

// ShelfDeadline returns the hold-shelf deadline (取置期限, H4) of an item
// the patron can first collect on firstCollectable at a place with
// calendar at: the n-th open day of at counting firstCollectable (or,
// when it is closed, the next open day) as day 1, n being the shelf days
// of the way the patron is told (H8: contact, ContactEmail when left
// out; ShelfDaysByContact, else ShelfDays). Under CalendarDays (H7) it
// is the n-th day counting firstCollectable as day 1, or the next open
// day of at when that day is closed. firstCollectable is not the notice
// day: at the Prefectural and Assembly Libraries it is the open day
// after the notice (R-PL1, R-AL2), at a partner library the day R-PT3
// allows (see Timeline.FirstPickup). It is the one statement of H4, H7
// and H8: the desk's deadlines (ActionMakeReady) and Timeline's are
// ShelfDeadline's, given the reservation's Contact.
//
// With the published policy, first collectable on Friday 2026-11-20 at the
// Prefectural Library gives 2026-12-02; on 2026-12-25, across the
// year-end closure, 2027-01-11. The deadline is always an open day of at;
// under OpenDays there are exactly n open days in [firstCollectable,
// deadline].
//
// ShelfDeadline returns the zero Date when firstCollectable is zero, at
// is nil or no such day exists, and firstCollectable itself when the
// shelf days are below 1 (see Validate). Only contact[0] counts. It does
// not allocate.
func (p Policy) ShelfDeadline(firstCollectable calendar.Date, at *calendar.Calendar, contact ...Contact) calendar.Date {
	if at == nil || firstCollectable.IsZero() {
		return calendar.Date{}
	}
	c := ContactEmail
	if len(contact) > 0 {
		c = contact[0]
	}
	n := p.ShelfDaysByContact.of(c)
	if n == 0 {
		n = p.ShelfDays
	}
	if n < 1 {
		return firstCollectable
	}
	return p.countShelf(firstCollectable, n, at)
}

// ExtendShelf returns the hold-shelf deadline after the one extension
// of H9 of a shelf whose deadline is deadline, at a place with calendar
// at: the ShelfExtensionDays-th day after deadline, counted as
// ShelfCount says (H7: the ShelfExtensionDays-th open day after it, or
// under CalendarDays that day or, when at is closed on it, the next open
// day). It is the one statement of the extended deadline: the desk's
// (ActionExtendShelf) and a closure's consequences (library) are
// ExtendShelf's. It returns deadline itself when ShelfExtensionDays is
// below 1, and the zero Date when deadline is zero, at is nil or no such
// day exists. It does not allocate.
//
// With ShelfExtensionDays 7 at the Prefectural Library, a deadline of
// Saturday 2026-04-18 becomes Sunday 04-26 in open days (Monday 04-20
// is closed), Saturday 04-25 in calendar days.
func (p Policy) ExtendShelf(deadline calendar.Date, at *calendar.Calendar) calendar.Date {
	if at == nil || deadline.IsZero() {
		return calendar.Date{}
	}
	if p.ShelfExtensionDays < 1 {
		return deadline
	}
	return p.countShelf(deadline.AddDays(1), p.ShelfExtensionDays, at)
}

// countShelf returns the n-th day (n >= 1) of a hold shelf whose first
// day is first at a place with calendar at, as p.ShelfCount counts (H4,
// H7): always an open day of at, the zero Date when there is none.
func (p Policy) countShelf(first calendar.Date, n int, at *calendar.Calendar) calendar.Date {
	if p.ShelfCount == CalendarDays {
		return at.NextOpen(first.AddDays(n - 1))
	}
	return at.AddOpenDays(first.AddDays(-1), n) // counts strictly after its day
}

// Waivable returns the codes of the package's reasons that are safe to
// waive: the only ones a Policy's Overridable may name (Validate).
// There is one, ErrNeedsStaff (H5): staff cancelling or changing the
// pickup place after the notice, which the published policy makes soft.
// Every other reason of the package is structural — the cart
// (ErrCartEmpty, ErrCartMethod, ErrPlace, ErrAlreadyReserved), the
// lifecycle (ErrNoStep, ErrUnknownReservation, ErrDeadlineNotPassed),
// the queue (ErrOrderPending, ErrNobodyWaiting) — or is decided by a
// step that takes no override (ErrHeldBack): letting one go would store
// reservations the desk cannot hold, or would mean nothing. The limits
// staff may let go at checkout are circulation's (circulation.Waivable).
func Waivable() circulation.Codes { return circulation.CodesOf(ErrNeedsStaff) }

// notWaivable returns the problems of the codes of p.Overridable that
// are reasons of the package but not Waivable, at their index in its
// JSON array ("[2]"); an unknown code is Codes.Check's to report.
func (p Policy) notWaivable() reason.Problems {
	var ps reason.Problems
	safe := Waivable()
	for i, code := range p.Overridable.List() {
		if safe.Has(code) || !slices.ContainsFunc(Reasons(), func(r *reason.Reason) bool { return r.Code() == code }) {
			continue
		}
		ps.Add(fmt.Sprintf("[%d]", i), "%q is not a reason staff may waive (waivable: %s)", code, strings.Join(safe.List(), ", "))
	}
	return ps
}
