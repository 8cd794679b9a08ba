package library

import (
	"slices"

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
// name for closure c (from c.From to c.To inclusive, named c.Name in
// Japanese and c.NameEn in English, as staff announce it, C4) would
// make: the calendars before and after it, each day under the rules in
// force on it (V1), the closure added to every version of the place's
// rules in force on one of its days. The key "courier",
// and only it, suspends the courier instead (R-PT2): no place may have
// it as ID or name. An empty key is bad input at "place", an unknown one
// ErrUnknownSite. An opening announced inside the span gives way to the
// closure.
func (l *Library) Closing(key string, c calendar.Closure) (Change, error) {
	if err := l.checkClosure(key, c); err != nil {
		return Change{}, err
	}
	from, to := c.From, c.To
	before := l.Calendars(from)
	after := before
	after.Partners = make(map[string]*calendar.Calendar, len(before.Partners))
	for k, v := range before.Partners {
		after.Partners[k] = v
	}
	if key == courierKey {
		cal, err := closeCalendar(l.courier.Calendar(), c)
		if err != nil {
			return Change{}, err
		}
		if after.Courier, err = shipping.NewCourier(cal.Rules()); err != nil {
			return Change{}, err
		}
		return Change{Before: before, After: after, From: from, To: to}, nil
	}
	s, err := l.site(key)
	if err != nil {
		return Change{}, err
	}
	cal, err := s.closing(c)
	if err != nil {
		return Change{}, err
	}
	switch s.Kind {
	case Prefectural:
		after.Library = cal
	case Assembly:
		after.Assembly = cal
	default:
		after.Partners[s.Name] = cal
	}
	return Change{Before: before, After: after, From: from, To: to}, nil
}

// checkClosure checks the key and days of a closure as Closing takes
// them: bad input at "place" or "to", ErrUnknownSite.
func (l *Library) checkClosure(key string, c calendar.Closure) error {
	switch {
	case key == "":
		return reason.BadInput("place", "a place's id or name, or %q, is required", courierKey)
	case c.From.IsZero() || c.To.IsZero() || c.To.Before(c.From) || c.To.DaysSince(c.From) >= maxChangeDays:
		return reason.BadInput("to", "a closure runs from a day to the same or a later day, at most %d days", maxChangeDays)
	case l == nil || len(l.sites) == 0:
		return errNoPlaces
	case key == courierKey:
		return nil
	}
	_, err := l.site(key)
	return err
}

// closing returns the calendar of s with closure c added to each version
// of its rules in force on one of its days (V1), the others as they are.
func (s *compiled) closing(c calendar.Closure) (*calendar.Calendar, error) {
	vs := slices.Clone(s.versions)
	for i := range vs {
		endsBefore := i+1 < len(vs) && !vs[i+1].from.After(c.From)
		if endsBefore || vs[i].from.After(c.To) {
			continue
		}
		cal, err := closeCalendar(vs[i].v, c)
		if err != nil {
			return nil, err
		}
		vs[i].v = cal
	}
	return versioned(vs)
}

// closeCalendar returns cal with the closure added; announced openings
// inside it are cut back to the days outside (closeRules).
func closeCalendar(cal *calendar.Calendar, c calendar.Closure) (*calendar.Calendar, error) {
	return calendar.New(closeRules(cal.Rules(), c))
}

// Consequence is one thing a change of calendars changes for a patron
// (X1–X4): a loan's due date or a reservation's date, with the date
// before and after, and the reason to tell the patron, ready to feed a
// notice: its code names the kind (ErrDueStands, ErrDueMoved,
// ErrShelfDeadlineMoved, ErrCourierMoved, ErrCollectableMoved,
// ErrPostingMoved, matched with errors.Is), and its parameters are the
// new date ({date}) and the place ({library}: its name, and its English
// name, name_en, which English messages show when the configuration gives
// one).
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
//     closed: under the circulation policy in force on its day of loan
//     (circulation.Policy.MoveDue: the closed-day rule, L5–L7, then the
//     cap, L8, then never before the day of loan), its due date stands
//     (ErrDueStands) or moves (ErrDueMoved). A loan keeps the due date it
//     was given otherwise (V2); one the rule has no day for within the
//     calendar's span, or without a day of loan, is left out.
//   - X2: a ready reservation whose hold-shelf deadline, worked out again
//     from its ready day as the desk does — the shelf days of the hold
//     policy in force on its secured day (H4, V1), the extension of an
//     extended one of the policy in force on its ready day (H9) — moves
//     (ErrShelfDeadlineMoved); and one secured for the
//     Prefectural or the Assembly Library, not yet on the shelf, whose
//     deadline as its notice gave it (holds.Policy.Timeline, under the
//     hold policy of the secured day) moves.
//   - X3: a reservation secured for a partner library whose courier day
//     moves (ErrCourierMoved, R-PT2), and one secured or on its way there
//     whose first collectable day moves (ErrCollectableMoved, R-PT3) or
//     whose deadline as its notice gave it moves (ErrShelfDeadlineMoved,
//     H4, V1). A patron held back at the loan limit (R-PT5) is counted as
//     if the item were sent: the host knows the loan counts and may drop
//     those. A change without a courier (both nil) moves no courier day
//     and says nothing of items not yet sent.
//   - X4: a reservation secured for home delivery whose posting day
//     moves (ErrPostingMoved, R-HD2).
//
// The calendars of a Change answer each day under the rules in force on
// it (V1): a change may be an unplanned closure (Closing) or two
// configurations' calendars (a change of rules announced after notices
// went out), compared day by day. A reservation gives its consequences
// in the order listed (courier day, collectable day, deadline).
// A Library with no places (the zero Library) has no policies to apply:
// its error is bad input.
//
// Each loan and reservation costs O(1): the days that changed are found
// once, 64 at a time (calendar.ChangedDays), and each date is tested
// against a running count of them; only the items whose dates lie among
// the changed days are worked out again. Consequences allocates in
// proportion to the consequences, not to the input; the consequences
// that move to one date at one place share their reason (reasons are
// immutable).
func (l *Library) Consequences(ch Change, loans []circulation.Loan, rs []holds.Reservation) ([]Consequence, error) {
	if l == nil || len(l.sites) == 0 {
		return nil, errNoPlaces
	}
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
	moved, err := l.LoanPolicy(*ln, ln.Loaned).MoveDue(*ln, s.after) // X1, V7: the loan's own policy
	if err != nil {
		return Consequence{}, false // no day to move it to within the calendar's span, or no loan day
	}
	c := Consequence{Loan: -1, Place: ln.Place, Old: due, New: moved}
	if moved == due {
		c.Reason = idx.reason(l, ErrDueStands, due, ln.Place)
		return c, true
	}
	c.Reason = idx.reason(l, ErrDueMoved, moved, ln.Place)
	return c, true
}

// returnPlaceNames names the place whose calendar counts for p
// (holds.Calendars.At; the Prefectural Library for home delivery), as
// {library}: its name, and its English name (name_en) for English
// messages, the zero Param when it has none.
func (l *Library) returnPlaceNames(p circulation.Place) (ja, en reason.Param) {
	name, nameEn := l.placeNames(p)
	if nameEn != "" {
		en = reason.LibraryNameEn(nameEn)
	}
	return reason.LibraryName(name), en
}

// placeNames returns the name and the English name ("" when it has none)
// of the place whose calendar counts for p (holds.Calendars.At; the
// Prefectural Library for home delivery): a partner library the
// configuration does not have by its name in p, no name at all for the
// zero Library.
func (l *Library) placeNames(p circulation.Place) (name, nameEn string) {
	if l == nil || len(l.sites) == 0 {
		return p.Library, ""
	}
	i := l.prefectural
	switch p.Method {
	case circulation.PartnerLibrary:
		k, ok := l.byKey[p.Library]
		if !ok || l.sites[k].Name != p.Library {
			return p.Library, "" // a place the configuration does not have
		}
		i = k
	case circulation.AssemblyLibrary:
		if l.assembly >= 0 {
			i = l.assembly
		}
	}
	return l.sites[i].Name, l.sites[i].NameEn
}

// reservationConsequences appends X2–X4 for one reservation to out.
func (l *Library) reservationConsequences(idx *changeIndex, r *holds.Reservation, out []Consequence) []Consequence {
	c := consequences{l: l, idx: idx, r: r, out: out}
	notified := r.State == holds.Secured || r.State == holds.InTransit
	switch m := r.Place.Method; {
	case r.State == holds.Ready:
		c.shelf()
	case r.State == holds.Secured && m == circulation.PartnerLibrary:
		c.courier()
	case r.State == holds.InTransit && m == circulation.PartnerLibrary:
		c.inTransit()
	case r.State == holds.Secured && m == circulation.HomeDelivery:
		c.posting()
	case notified && (m == circulation.PrefecturalLibrary || m == circulation.AssemblyLibrary):
		c.noticeShelf()
	}
	return c.out
}

// consequences gathers the consequences of a change for one reservation.
type consequences struct {
	l   *Library
	idx *changeIndex
	r   *holds.Reservation
	out []Consequence
}

// add notes that the date old becomes new, for the reason why.
func (c *consequences) add(old, new calendar.Date, why *reason.Reason) {
	if old != new && !new.IsZero() {
		c.out = append(c.out, Consequence{Loan: -1, Reservation: c.r.ID, Place: c.r.Place, Old: old, New: new,
			Reason: c.idx.reason(c.l, why, new, c.r.Place)})
	}
}

// shelf is X2: a ready reservation's hold-shelf deadline (H4).
func (c *consequences) shelf() {
	r := c.r
	if !c.idx.inWindow(r.ReadyOn, r.Deadline) {
		return
	}
	s := c.idx.of(r.Place)
	if s == nil || !s.any(r.ReadyOn, r.Deadline) {
		return
	}
	first := s.after.AddOpenDays(r.ReadyOn, 1) // R-PL1, R-AL2
	if r.Place.Method == circulation.PartnerLibrary {
		from := r.ShippedOn.AddDays(2) // R-PT3
		if r.ReadyOn.After(from) {
			from = r.ReadyOn
		}
		first = s.after.NextOpen(from)
	}
	// As the desk: the shelf days of the reservation's policy on the day
	// the item was secured, those the notice gave (H4, V1, V7), and the
	// extension of its policy on the day it was made ready (H9).
	deadline := c.l.PolicyFor(*r, r.SecuredOn).ShelfDeadline(first, s.after, r.Contact)
	if r.ShelfExtended {
		deadline = c.l.PolicyFor(*r, r.ReadyOn).ExtendShelf(deadline, s.after)
	}
	c.add(r.Deadline, deadline, ErrShelfDeadlineMoved)
}

// courier is X3 for a reservation secured for a partner library: its
// courier day (R-PT2), its first collectable day (R-PT3) and the
// deadline its notice gave (H4). A change without a courier moves none
// of them: nothing is said.
func (c *consequences) courier() {
	r, idx := c.r, c.idx
	if r.SecuredOn.After(idx.hi) || idx.courier == nil && idx.of(r.Place) == nil {
		return
	}
	before, after := idx.ch.Before, idx.ch.After
	sentB := before.Courier.NextDay(r.SecuredOn)
	sentA := sentB
	if idx.courier != nil && idx.courier.any(r.SecuredOn.AddDays(1), sentB) {
		sentA = after.Courier.NextDay(r.SecuredOn)
	}
	c.add(sentB, sentA, ErrCourierMoved)
	partnerB, partnerA := before.Partners[r.Place.Library], after.Partners[r.Place.Library]
	firstB, firstA := before.Courier.Collectable(sentB, partnerB), after.Courier.Collectable(sentA, partnerA)
	c.add(firstB, firstA, ErrCollectableMoved)
	c.notifiedDeadline(firstB, firstA, partnerB, partnerA)
}

// inTransit is X3 for an item on its way to a partner library: its first
// collectable day (R-PT3) and the deadline its notice gave (H4).
func (c *consequences) inTransit() {
	s := c.idx.of(c.r.Place)
	arrives := c.r.ShippedOn.AddDays(2)
	if s == nil || arrives.After(c.idx.hi) {
		return
	}
	firstB, firstA := s.before.NextOpen(arrives), s.after.NextOpen(arrives)
	c.add(firstB, firstA, ErrCollectableMoved)
	c.notifiedDeadline(firstB, firstA, s.before, s.after)
}

// noticeShelf is X2 for an item secured for the Prefectural or the
// Assembly Library and not yet on the shelf: the deadline its notice
// gave, counted from the open day after the notice (H4, R-PL1, R-AL2).
func (c *consequences) noticeShelf() {
	s := c.idx.of(c.r.Place)
	if s == nil || c.r.SecuredOn.After(c.idx.hi) {
		return
	}
	c.notifiedDeadline(s.before.AddOpenDays(c.r.SecuredOn, 1), s.after.AddOpenDays(c.r.SecuredOn, 1), s.before, s.after)
}

// notifiedDeadline notes the move of the hold-shelf deadline a notice
// gave (holds.Policy.Timeline, under the reservation's policy on the
// secured day, V7), from first collectable day firstB at atB before the
// change to firstA at atA after it (H4, V1).
func (c *consequences) notifiedDeadline(firstB, firstA calendar.Date, atB, atA *calendar.Calendar) {
	if firstB.IsZero() || firstA.IsZero() || atB == nil || atA == nil {
		return
	}
	p := c.l.PolicyFor(*c.r, c.r.SecuredOn)
	c.add(p.ShelfDeadline(firstB, atB, c.r.Contact), p.ShelfDeadline(firstA, atA, c.r.Contact), ErrShelfDeadlineMoved)
}

// posting is X4: a home delivery's posting day (R-HD2).
func (c *consequences) posting() {
	s := c.idx.library
	if s == nil || c.r.SecuredOn.After(c.idx.hi) {
		return
	}
	postB := s.before.AddOpenDays(c.r.SecuredOn, 1)
	if s.any(c.r.SecuredOn.AddDays(1), postB) {
		c.add(postB, s.after.AddOpenDays(c.r.SecuredOn, 1), ErrPostingMoved)
	}
}
