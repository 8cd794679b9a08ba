package library

import (
	"fmt"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

// Change is a change of calendars, such as an unplanned closure: the
// calendars before and after it, and the days From to To inclusive in
// which they may differ. Closing builds one; a host may build its own
// from two configurations.
type Change struct {
	Before, After holds.Calendars
	From, To      calendar.Date
}

// maxChangeDays bounds the days a Change spans, so that Consequences
// stays bounded: ten years.
const maxChangeDays = 3660

// courierKey is the key Closing takes for the courier.
const courierKey = "courier"

// Closing returns the change that closing the place with the given ID or
// name from from to to inclusive would make, with the calendars in force
// on from (V1). The closure is named name (Japanese) and nameEn
// (English), as staff announce it (C4). Key "courier" suspends the
// courier instead (R-PT2). An opening announced inside the span gives
// way to the closure.
func (l *Library) Closing(key string, from, to calendar.Date, name, nameEn string) (Change, error) {
	if from.IsZero() || to.IsZero() || to.Before(from) || to.DaysSince(from) >= maxChangeDays {
		return Change{}, fmt.Errorf("%w: a closure runs from a day to the same or a later day, at most %d days", ErrInvalidConfig, maxChangeDays)
	}
	before := l.Calendars(from)
	after := before
	after.Partners = make(map[string]*calendar.Calendar, len(before.Partners))
	for k, v := range before.Partners {
		after.Partners[k] = v
	}
	closed := calendar.Closure{Name: name, NameEn: nameEn, From: from, To: to}
	if key == courierKey || key == l.courier.Calendar().Name() {
		c, err := closeCalendar(l.courier.Calendar(), closed)
		if err != nil {
			return Change{}, err
		}
		if after.Courier, err = shipping.NewCourier(c.Rules()); err != nil {
			return Change{}, err
		}
		return Change{Before: before, After: after, From: from, To: to}, nil
	}
	s, err := l.site(key)
	if err != nil {
		return Change{}, err
	}
	c, err := closeCalendar(inForce(s.cals, from), closed)
	if err != nil {
		return Change{}, err
	}
	switch s.Kind {
	case Prefectural:
		after.Library = c
	case Assembly:
		after.Assembly = c
	default:
		after.Partners[s.Name] = c
	}
	return Change{Before: before, After: after, From: from, To: to}, nil
}

// closeCalendar returns cal with the closure added; announced openings
// inside it are cut back to the days outside.
func closeCalendar(cal *calendar.Calendar, c calendar.Closure) (*calendar.Calendar, error) {
	r := cal.Rules()
	var openings []calendar.Opening
	for _, o := range r.Openings {
		if o.To.Before(c.From) || o.From.After(c.To) {
			openings = append(openings, o)
			continue
		}
		if o.From.Before(c.From) {
			head := o
			head.To = c.From.AddDays(-1)
			openings = append(openings, head)
		}
		if o.To.After(c.To) {
			tail := o
			tail.From = c.To.AddDays(1)
			openings = append(openings, tail)
		}
	}
	r.Openings = openings
	r.Closures = append(r.Closures, c)
	return calendar.New(r)
}

// Consequence is one thing a change of calendars changes for a patron
// (X1–X4): a loan's due date or a reservation's date, with the date
// before and after, and the reason to tell the patron, ready to feed a
// notice: its code names the kind (ErrDueStands, ErrDueMoved,
// ErrShelfDeadlineMoved, ErrCourierMoved, ErrCollectableMoved,
// ErrPostingMoved, matched with errors.Is), and its parameters are the
// new date ({date}) and the place ({library}).
type Consequence struct {
	// Loan is the index of the loan in the slice given to Consequences,
	// or -1 for a reservation; Reservation is the reservation's ID, or 0
	// for a loan.
	Loan        int
	Reservation uint64
	// Place is the loan's or the reservation's place.
	Place circulation.Place
	// Old is the date before the change, New the date after it; both are
	// the due date when it stands (ErrDueStands).
	Old, New calendar.Date
	Reason   reason.Coded
}

// Consequences lists what ch changes for the host's loans and
// reservations, loans first, each in the order given:
//
//   - X1: a loan due on a day its return place (Calendars.At) is now
//     closed: under the circulation policy in force on its day of loan,
//     its due date stands (ErrDueStands) or moves to the next open day
//     (ErrDueMoved) (L5). A loan keeps the due date it was given
//     otherwise (V2).
//   - X2: a ready reservation whose hold-shelf deadline, worked out again
//     from its ready day with the hold policy in force on that day,
//     moves (ErrShelfDeadlineMoved, H4).
//   - X3: a reservation secured for a partner library whose courier day
//     moves (ErrCourierMoved, R-PT2), and one secured or on its way there
//     whose first collectable day moves (ErrCollectableMoved, R-PT3).
//     A patron held back at the loan limit (R-PT5) is counted as if the
//     item were sent: the host knows the loan counts and may drop those.
//   - X4: a reservation secured for home delivery whose posting day
//     moves (ErrPostingMoved, R-HD2).
//
// Each loan and reservation costs O(1): the days that changed are found
// once, 64 at a time (calendar.ChangedDays), and each date is tested
// against a running count of them; only the items whose dates lie among
// the changed days are worked out again. Consequences allocates in
// proportion to the consequences, not to the input.
func (l *Library) Consequences(ch Change, loans []circulation.Loan, rs []holds.Reservation) ([]Consequence, error) {
	idx, err := newChangeIndex(ch)
	if err != nil || idx.empty() {
		return nil, err
	}
	var out []Consequence
	for i := range loans {
		if c, ok := l.loanConsequence(idx, &loans[i]); ok {
			c.Loan = i
			out = append(out, c)
		}
	}
	for i := range rs {
		out = l.reservationConsequences(idx, &rs[i], out)
	}
	return out, nil
}

// loanConsequence is X1 for one loan.
func (l *Library) loanConsequence(idx *changeIndex, ln *circulation.Loan) (Consequence, bool) {
	due := ln.Due
	if !idx.inWindow(due, due) {
		return Consequence{}, false
	}
	s := idx.of(ln.Place)
	if s == nil || !s.has(due) || s.after.IsOpen(due) {
		return Consequence{}, false
	}
	c := Consequence{Loan: -1, Place: ln.Place, Old: due, New: due}
	lib := reason.LibraryName(l.returnPlaceName(ln.Place))
	if l.CirculationPolicy(ln.Loaned).DueOnClosedDay == circulation.DueDateNextOpenDay {
		if c.New = s.after.NextOpen(due); c.New.IsZero() {
			return Consequence{}, false // the place never opens again within the span
		}
		c.Reason = ErrDueMoved.With(reason.Date(c.New), lib)
		return c, true
	}
	c.Reason = ErrDueStands.With(reason.Date(due), lib)
	return c, true
}

// returnPlaceName names the place whose calendar counts for p
// (holds.Calendars.At): the Prefectural Library for home delivery.
func (l *Library) returnPlaceName(p circulation.Place) string {
	switch p.Method {
	case circulation.PartnerLibrary:
		return p.Library
	case circulation.AssemblyLibrary:
		if l.assembly >= 0 {
			return l.sites[l.assembly].Name
		}
	}
	return l.sites[l.prefectural].Name
}

// reservationConsequences appends X2–X4 for one reservation to out.
func (l *Library) reservationConsequences(idx *changeIndex, r *holds.Reservation, out []Consequence) []Consequence {
	add := func(old, new calendar.Date, why *reason.Reason) {
		if old != new && !new.IsZero() {
			out = append(out, Consequence{Loan: -1, Reservation: r.ID, Place: r.Place, Old: old, New: new,
				Reason: why.With(reason.Date(new), reason.LibraryName(l.returnPlaceName(r.Place)))})
		}
	}
	switch m := r.Place.Method; {
	case r.State == holds.Ready:
		if !idx.inWindow(r.ReadyOn, r.Deadline) {
			return out
		}
		s := idx.of(r.Place)
		if s == nil || !s.any(r.ReadyOn, r.Deadline) {
			return out
		}
		first := s.after.AddOpenDays(r.ReadyOn, 1) // R-PL1, R-AL2
		if m == circulation.PartnerLibrary {
			from := r.ShippedOn.AddDays(2) // R-PT3
			if r.ReadyOn.After(from) {
				from = r.ReadyOn
			}
			first = s.after.NextOpen(from)
		}
		add(r.Deadline, l.HoldPolicy(r.ReadyOn).ShelfDeadline(first, s.after), ErrShelfDeadlineMoved)
	case r.State == holds.Secured && m == circulation.PartnerLibrary:
		if r.SecuredOn.After(idx.hi) || idx.courier == nil && idx.of(r.Place) == nil {
			return out
		}
		before, after := idx.ch.Before, idx.ch.After
		sentB := before.Courier.NextDay(r.SecuredOn)
		sentA := sentB
		if idx.courier != nil && idx.courier.any(r.SecuredOn.AddDays(1), sentB) {
			sentA = after.Courier.NextDay(r.SecuredOn)
		}
		add(sentB, sentA, ErrCourierMoved)
		add(before.Courier.Collectable(sentB, before.Partners[r.Place.Library]),
			after.Courier.Collectable(sentA, after.Partners[r.Place.Library]), ErrCollectableMoved)
	case r.State == holds.InTransit && m == circulation.PartnerLibrary:
		s := idx.of(r.Place)
		if s == nil || r.ShippedOn.AddDays(2).After(idx.hi) {
			return out
		}
		add(s.before.NextOpen(r.ShippedOn.AddDays(2)), s.after.NextOpen(r.ShippedOn.AddDays(2)), ErrCollectableMoved)
	case r.State == holds.Secured && m == circulation.HomeDelivery:
		s := idx.library
		if s == nil || r.SecuredOn.After(idx.hi) {
			return out
		}
		postB := s.before.AddOpenDays(r.SecuredOn, 1)
		if s.any(r.SecuredOn.AddDays(1), postB) {
			add(postB, s.after.AddOpenDays(r.SecuredOn, 1), ErrPostingMoved)
		}
	}
	return out
}
