package holds

import (
	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// Reservation is one reservation (予約) of one item by one patron, as a
// host stores it: who, what, where, where it is in its lifecycle, and the
// day of each step taken so far.
//
// Reservation is a plain value, safe for concurrent use. Its one way to
// change is Desk.Do, which takes a step of the lifecycle, checks the
// queue, the reading order and the limits that involve other
// reservations, and returns the new value to store (Change).
//
// The queue position (H3) is not stored: it depends on the other
// reservations of the item, and Desk.Position derives it, so it is never
// stale.
//
// The lifecycle, by pickup place (M1):
//
//	Prefectural Library: waiting → secured → ready → collected
//	Assembly Library:    waiting → secured → [in_transit →] ready → collected
//	partner library:     waiting → secured → in_transit → ready → collected
//	home delivery:       waiting → secured → in_transit → collected
//
// ready → ready once, to a later deadline, when the hold shelf is
// extended (H9); ready → expired after the deadline (H4); any active state →
// cancelled (H5: by the patron only while waiting, by staff at any time).
// The lifecycle table (lifecycle.go) is the one statement of these edges.
type Reservation struct {
	// ID identifies the reservation. Desk numbers reservations in the
	// order they are placed, so the queue of an item is in ID order (first
	// come, first served).
	ID uint64 `json:"id"`
	// Patron and Item are the host's identifiers of the patron and of the
	// item reserved.
	Patron string `json:"patron"`
	Item   string `json:"item"`
	// Place is where the patron receives (and later returns, M2) the item.
	Place circulation.Place `json:"place"`
	// Collection is the item's collection, which decides the counter at
	// the Prefectural Library (R-PL1).
	Collection circulation.Collection `json:"collection,omitzero"`
	// Short reports that the item lends for the short period (短縮, L2),
	// from its catalogue status at checkout (circulation.Status.Short):
	// the loan it becomes, and the Timeline's due date, follow it.
	Short bool `json:"short,omitempty"`
	// PatronCategory is the host's category of the patron (V3), from the
	// cart at checkout; empty for none. A desk whose rules are a
	// PolicyTable decides the reservation under the rows naming it (V7).
	// It is at most 64 characters, without surrounding space.
	PatronCategory string `json:"patron_category,omitempty"`
	// Contact is how the patron asked to be told that the item is ready
	// (H8), from the cart at checkout: the zero Contact, ContactEmail, is
	// the guide's notice email (H6). The hold shelf's days may depend on
	// it (Policy.ShelfDaysByContact).
	Contact Contact `json:"contact,omitzero"`
	// ShelfExtended reports that the hold shelf was extended, which is
	// allowed once (H9, ActionExtendShelf).
	ShelfExtended bool `json:"shelf_extended,omitempty"`
	// Group and Order place the reservation in a reading order (読みたい順,
	// H2): Group is the ID of the group's first reservation and Order is
	// 1-based. Both are zero for a reservation placed normally.
	Group uint64 `json:"group,omitzero"`
	Order int    `json:"order,omitzero"`
	// State is the step of the lifecycle reached.
	State State `json:"state"`
	// PlacedOn is the day the reservation was made.
	PlacedOn calendar.Date `json:"placed_on"`
	// SecuredOn is the day the item was set aside and the notice email
	// sent (H6).
	SecuredOn calendar.Date `json:"secured_on,omitzero"`
	// ShippedOn is the day the item left: by courier (R-PT2), by post
	// (R-HD2), or to the Assembly Library.
	ShippedOn calendar.Date `json:"shipped_on,omitzero"`
	// ReadyOn is the day the item was made ready (貸出可能, H3): the notice
	// day at the Prefectural and Assembly Libraries, the arrival day at a
	// partner library (see ActionMakeReady). Deadline is the last day it
	// stays on the hold shelf (H4).
	ReadyOn  calendar.Date `json:"ready_on,omitzero"`
	Deadline calendar.Date `json:"deadline,omitzero"`
	// CollectedOn is the day the reservation became a loan.
	CollectedOn calendar.Date `json:"collected_on,omitzero"`
	// EndedOn is the day the reservation expired or was cancelled, and
	// CancelledBy who cancelled it.
	EndedOn     calendar.Date `json:"ended_on,omitzero"`
	CancelledBy Actor         `json:"cancelled_by,omitzero"`
}

// Expired reports whether r is ready and today is after its hold-shelf
// deadline (H4): the item stays on the shelf all through the deadline
// day and the reservation may be expired from the next day.
func (r Reservation) Expired(today calendar.Date) bool {
	return r.State == Ready && !r.Deadline.IsZero() && today.After(r.Deadline)
}

// dayField is one date field of a reservation and its bit in days.
type dayField struct {
	bit days
	day *calendar.Date
}

// dayFields returns r's date fields in the order the lifecycle records
// them; a collected or ended day comes last.
func (r *Reservation) dayFields() [6]dayField {
	return [...]dayField{
		{placedOn, &r.PlacedOn}, {securedOn, &r.SecuredOn}, {shippedOn, &r.ShippedOn},
		{readyOn, &r.ReadyOn}, {collectedOn, &r.CollectedOn}, {endedOn, &r.EndedOn},
	}
}

// latest returns the latest day a step of r was taken (the deadline, a
// day to come, is not a step).
func (r Reservation) latest() calendar.Date {
	var d calendar.Date
	for _, f := range r.dayFields() {
		if f.day.After(d) {
			d = *f.day
		}
	}
	return d
}

// Validate reports whether r is consistent: identifiers present, a valid
// place and state, a reading order with both group and order or neither,
// and exactly the dates some path of the lifecycle to its state on its
// route records, in order. Its errors are reason.Problems naming the
// fields, as the reservation's JSON form does ("patron", "secured_on").
func (r Reservation) Validate() error {
	ps := r.identityProblems()
	if len(ps) == 0 {
		ps = r.dayProblems()
	}
	return ps.Err()
}

// identityProblems reports what is wrong with r's identifiers, place,
// state, reading order and canceller.
func (r Reservation) identityProblems() reason.Problems {
	var ps reason.Problems
	if r.ID == 0 {
		ps.Add("id", "no ID")
	}
	if r.Patron == "" {
		ps.Add("patron", "no patron")
	}
	if r.Item == "" {
		ps.Add("item", "no item")
	}
	if err := r.Place.Validate(); err != nil {
		ps = append(ps, under("place", err)...)
	}
	if !r.Collection.Valid() {
		ps.Add("collection", "unknown collection %d", r.Collection)
	}
	if !r.Contact.Valid() {
		ps.Add("contact", "unknown contact %d", r.Contact)
	}
	if msg := text.CategoryProblem(r.PatronCategory); msg != "" {
		ps.Add("patron_category", "%s", msg)
	}
	switch {
	case (r.Group == 0) != (r.Order == 0) || r.Order < 0:
		ps.Add("order", "needs both a reading-order group and a positive order, or neither")
	case r.Group > r.ID:
		ps.Add("group", "belongs to a group numbered after it (%d)", r.Group)
	}
	if !r.State.Valid() {
		ps.Add("state", "no valid state")
	}
	if (r.State == Cancelled) != r.CancelledBy.Valid() || (r.CancelledBy != 0 && !r.CancelledBy.Valid()) {
		ps.Add("cancelled_by", "must name who cancelled, and only for a cancelled reservation")
	}
	return ps
}

// dayNames names r's date fields as its JSON form does, in the order of
// dayFields.
var dayNames = [...]string{"placed_on", "secured_on", "shipped_on", "ready_on", "collected_on", "ended_on"}

// dayProblems checks r's days against the lifecycle table: the set of
// days recorded must be one a walk to r's state on r's route records,
// and the days must follow the order of the steps.
func (r Reservation) dayProblems() reason.Problems {
	var ps reason.Problems
	if r.ReadyOn.IsZero() != r.Deadline.IsZero() {
		ps.Add("deadline", "a ready day needs a deadline and a deadline a ready day")
		return ps
	}
	var have days
	var last calendar.Date
	for k, f := range r.dayFields() {
		if f.day.IsZero() {
			continue
		}
		have |= f.bit
		if f.day.Before(last) {
			ps.Add(dayNames[k], "%v is before an earlier step, on %v", *f.day, last)
			return ps
		}
		if f.bit < collectedOn { // collected and ended are alternatives
			last = *f.day
		}
	}
	switch {
	case recordable[r.Place.Method][r.State]&(1<<have) == 0:
		ps.Add("state", "the days recorded do not match %v on %v", r.State, r.Place.Method)
	case r.Deadline.Before(r.ReadyOn):
		ps.Add("deadline", "before the ready day")
	case r.State == Expired && !r.EndedOn.After(r.Deadline):
		ps.Add("ended_on", "expired on or before the deadline")
	}
	return ps
}

// UnmarshalJSON decodes a Reservation and validates it, so that a host
// reading its storage gets either a consistent reservation or an error.
// Unknown keys are refused, by name.
func (r *Reservation) UnmarshalJSON(b []byte) error {
	type plain Reservation
	return decodeValid("reservation", b, (*plain)(r), plain{}, func(v plain) error { return Reservation(v).Validate() })
}
