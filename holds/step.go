package holds

import (
	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// Transition records one step of a reservation's lifecycle, for a host's
// audit log or event store: which reservation, what was done, by whom, on
// which day, the states and places before and after, and the staff
// override the step used, if any (H1, H5): who, the codes let go and the
// note, as {"override":{"staff":…,"codes":[…],"note":…}}, left out when
// there is none. It encodes to JSON with stable codes. Desk.Do and
// Desk.ExpireDue return one for every step they take (Change.Transitions);
// Reservation.Step builds one from two values of a reservation.
type Transition struct {
	Reservation uint64            `json:"reservation"`
	Action      Action            `json:"action"`
	By          Actor             `json:"by,omitzero"`
	On          calendar.Date     `json:"on"`
	From        State             `json:"from,omitzero"` // zero for ActionReserve
	To          State             `json:"to"`
	Place       circulation.Place `json:"place"` // the pickup place after the step
	// Override is the override the step's decision used (Change.Override
	// of ActionReserve, ActionCancel or ActionChangePlace).
	Override circulation.Override `json:"override,omitzero"`
}

// Step returns the Transition that took a reservation from r to after,
// done by by on day on with the override ov (the zero Override for none:
// pass the override the decision returned, so that the audit log holds
// what staff let go); r is the zero Reservation for one just placed. It
// finds the edge of the lifecycle table from r's state to after's on r's
// route (a change of place for a new place, another action for the same
// place), and returns reason.Problems when there is none (a different
// reservation, a state the lifecycle has no edge to, or nothing changed)
// or an extension of the hold shelf (ready to ready, H9) that is not the
// first or does not move the deadline later,
// or when the result fails Transition.Validate (a cancellation after the
// notice without staff's override of ErrNeedsStaff, H5, among others).
func (r Reservation) Step(after Reservation, by Actor, on calendar.Date, ov circulation.Override) (Transition, error) {
	t := Transition{Reservation: after.ID, By: by, On: on, From: r.State, To: after.State, Place: after.Place, Override: ov}
	if r.ID != 0 && r.ID != after.ID {
		return Transition{}, reason.BadInput("id", "reservation %d became %d", r.ID, after.ID)
	}
	route, moved := r.Place.Method, r.Place != after.Place
	if r.State == 0 {
		route, moved = after.Place.Method, false
	}
	for _, e := range lifecycle {
		if e.from == r.State && e.to == after.State && e.on.has(route) && (e.action == ActionChangePlace) == moved {
			t.Action = e.action
			break
		}
	}
	if t.Action == 0 {
		return Transition{}, reason.BadInput("state", "no step of the lifecycle goes from %v to %v on %v", r.State, after.State, route)
	}
	if t.Action == ActionExtendShelf && (r.ShelfExtended || !after.ShelfExtended || !after.Deadline.After(r.Deadline)) {
		return Transition{}, reason.BadInput("deadline", "ready to ready is an extension of the hold shelf (H9): the first, to a later deadline")
	}
	if err := t.Validate(); err != nil {
		return Transition{}, err
	}
	return t, nil
}

// Validate reports whether t records one step of the lifecycle: a
// reservation, a valid action with an edge from From to To in the
// lifecycle table (on the route of Place, unless the step changed it), a
// day, a valid pickup place, By either unset or a valid Actor, and an
// Override that is either zero or well-formed, by staff (ByStaff; never
// the patron, circulation.ErrNotStaff), naming only codes of holds and
// circulation, on a step that takes one (reserve, cancel, change_place).
// A cancellation or change of place once the notice has gone out (From
// secured, in transit or ready) must be staff's, with an override
// naming ErrNeedsStaff (H5): by the patron it is refused at "by", without
// that override at "override". Its errors are reason.Problems naming the
// fields.
func (t Transition) Validate() error {
	var ps reason.Problems
	if t.Reservation == 0 {
		ps.Add("reservation", "no reservation")
	}
	if !t.Action.Valid() {
		ps.Add("action", "no valid action")
	}
	if t.On.IsZero() {
		ps.Add("on", "no day")
	}
	if t.By != 0 && !t.By.Valid() {
		ps.Add("by", "invalid actor %d", uint8(t.By))
	}
	if err := t.Place.Validate(); err != nil {
		ps = append(ps, under("place", err)...)
	}
	if len(ps) > 0 {
		return ps
	}
	if err := t.checkOverride(); err != nil {
		return err
	}
	for _, e := range lifecycle {
		if e.action == t.Action && e.from == t.From && e.to == t.To && (t.Action == ActionChangePlace || e.on.has(t.Place.Method)) {
			return t.checkH5()
		}
	}
	return reason.BadInput("to", "%v does not go from %v to %v on %v", t.Action, t.From, t.To, t.Place.Method)
}

// checkH5 reports whether t, if it cancels a reservation or changes its
// pickup place once the notice has gone out (from any state but
// waiting), was taken as H5 allows: by staff, with an override letting
// ErrNeedsStaff go, as the desk records it. The patron's own request is
// refused at "by", one without that override at "override".
func (t Transition) checkH5() error {
	if (t.Action != ActionCancel && t.Action != ActionChangePlace) || t.From == Waiting {
		return nil
	}
	switch {
	case t.By == ByPatron:
		return reason.BadInput("by", "the patron cannot %v once the notice has gone out (from %v): only staff can (H5)", t.Action, t.From)
	case !t.Override.Codes.Has(ErrNeedsStaff.Code()):
		return reason.BadInput("override", "%v once the notice has gone out (from %v) needs staff's override letting %s go (H5)", t.Action, t.From, ErrNeedsStaff.Code())
	}
	return nil
}

// UnmarshalJSON decodes a Transition, refusing unknown keys and anything
// that fails Validate, so that an audit log read back holds only steps of
// the lifecycle.
func (t *Transition) UnmarshalJSON(b []byte) error {
	type plain Transition
	return decodeValid("transition", b, (*plain)(t), plain{}, func(v plain) error { return Transition(v).Validate() })
}
