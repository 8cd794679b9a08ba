package holds

import (
	"errors"
	"fmt"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
)

// Action names a step of the lifecycle: the method of Reservation (or of
// Desk) that took it. Actions encode as stable lower-case names that never
// change once published. The zero Action is not a valid action.
type Action uint8

// The steps of the lifecycle.
const (
	Reserve     Action = iota + 1 // placed at checkout (H2)
	Secure                        // item set aside, notice email sent (H6)
	Ship                          // sent by courier or post (R-PT2, R-HD2)
	MakeReady                     // put on the hold shelf (H3, H4)
	Collect                       // became a loan (L2)
	Expire                        // not collected by the deadline (H4)
	Cancel                        // cancelled by the patron or staff (H5)
	ChangePlace                   // pickup place changed (H5)
)

var actionNames = [...]string{
	Reserve: "reserve", Secure: "secure", Ship: "ship", MakeReady: "make_ready",
	Collect: "collect", Expire: "expire", Cancel: "cancel", ChangePlace: "change_place",
}

// Valid reports whether a is one of the eight actions.
func (a Action) Valid() bool { return a >= Reserve && a <= ChangePlace }

// String returns the stable name of a, such as "make_ready".
func (a Action) String() string {
	if !a.Valid() {
		return fmt.Sprintf("Action(%d)", uint8(a))
	}
	return actionNames[a]
}

// ParseAction returns the Action whose stable name is s.
func ParseAction(s string) (Action, error) {
	for a := Reserve; a <= ChangePlace; a++ {
		if actionNames[a] == s {
			return a, nil
		}
	}
	return 0, fmt.Errorf("holds: unknown action %q", s)
}

// MarshalText encodes a as its stable name.
func (a Action) MarshalText() ([]byte, error) {
	if !a.Valid() {
		return nil, fmt.Errorf("holds: cannot encode invalid action %d", uint8(a))
	}
	return []byte(a.String()), nil
}

// UnmarshalText decodes a stable name.
func (a *Action) UnmarshalText(b []byte) error {
	v, err := ParseAction(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// Transition records one step of a reservation's lifecycle, for a host's
// audit log or event store: which reservation, what was done, by whom, on
// which day, and the states and places before and after. It encodes to
// JSON with stable names. Build one with Step.
type Transition struct {
	Reservation uint64            `json:"reservation"`
	Action      Action            `json:"action"`
	By          Actor             `json:"by,omitzero"`
	On          calendar.Date     `json:"on"`
	From        State             `json:"from,omitzero"` // zero for Reserve
	To          State             `json:"to"`
	Place       circulation.Place `json:"place"` // the pickup place after the step
}

// errNoStep is returned by Step for two reservations that are not one
// step of the lifecycle apart.
var errNoStep = errors.New("holds: not a step of the lifecycle")

// Step returns the Transition that took a reservation from before to
// after, done by by on day on; before is the zero Reservation for one
// just placed. It works the Action out from the two states and places,
// and returns an error when after cannot follow before in one step of the
// lifecycle (a different reservation, a state the lifecycle has no edge
// to, or nothing changed), or when the result fails Transition.Validate
// (such as an invalid place or actor).
func Step(before, after Reservation, by Actor, on calendar.Date) (Transition, error) {
	t := Transition{Reservation: after.ID, By: by, On: on, From: before.State, To: after.State, Place: after.Place}
	if before.ID != 0 && before.ID != after.ID {
		return Transition{}, fmt.Errorf("%w: reservation %d became %d", errNoStep, before.ID, after.ID)
	}
	if !after.State.Valid() || on.IsZero() {
		return Transition{}, fmt.Errorf("%w: invalid state or day", errNoStep)
	}
	switch {
	case before.State == 0 && after.State == Waiting:
		t.Action = Reserve
	case before.Place != after.Place && before.State.Active() &&
		(after.State == before.State || (after.State == Secured && (before.State == InTransit || before.State == Ready))):
		t.Action = ChangePlace
	case before.State == Waiting && after.State == Secured:
		t.Action = Secure
	case before.State == Secured && after.State == InTransit:
		t.Action = Ship
	case (before.State == Secured || before.State == InTransit) && after.State == Ready:
		t.Action = MakeReady
	case (before.State == Ready || before.State == InTransit) && after.State == Collected:
		t.Action = Collect
	case before.State == Ready && after.State == Expired:
		t.Action = Expire
	case before.State.Active() && after.State == Cancelled:
		t.Action = Cancel
	default:
		return Transition{}, fmt.Errorf("%w: %v to %v", errNoStep, before.State, after.State)
	}
	if err := t.Validate(); err != nil {
		return Transition{}, err
	}
	return t, nil
}

// edge reports whether action a can take a reservation from state from to
// state to: the edges of the lifecycle (see Reservation).
func edge(a Action, from, to State) bool {
	switch a {
	case Reserve:
		return from == 0 && to == Waiting
	case Secure:
		return from == Waiting && to == Secured
	case Ship:
		return from == Secured && to == InTransit
	case MakeReady:
		return (from == Secured || from == InTransit) && to == Ready
	case Collect:
		return (from == Ready || from == InTransit) && to == Collected
	case Expire:
		return from == Ready && to == Expired
	case Cancel:
		return from.Active() && to == Cancelled
	case ChangePlace:
		return from.Active() && (to == from || (to == Secured && (from == InTransit || from == Ready)))
	}
	return false
}

// Validate reports whether t records one step of the lifecycle: a
// reservation, a valid action whose edge goes from From to To, a day, a
// valid pickup place, and By either unset or Patron or Staff.
func (t Transition) Validate() error {
	switch {
	case t.Reservation == 0:
		return fmt.Errorf("%w: no reservation", errNoStep)
	case !t.Action.Valid():
		return fmt.Errorf("%w: no valid action", errNoStep)
	case t.On.IsZero():
		return fmt.Errorf("%w: no day", errNoStep)
	case t.By != 0 && !t.By.Valid():
		return fmt.Errorf("%w: invalid actor %d", errNoStep, uint8(t.By))
	case !edge(t.Action, t.From, t.To):
		return fmt.Errorf("%w: %v does not go from %v to %v", errNoStep, t.Action, t.From, t.To)
	}
	if err := t.Place.Validate(); err != nil {
		return fmt.Errorf("holds: transition: %w", err)
	}
	return nil
}

// UnmarshalJSON decodes a Transition, refusing unknown keys and anything
// that fails Validate, so that an audit log read back holds only steps of
// the lifecycle.
func (t *Transition) UnmarshalJSON(b []byte) error {
	type plain Transition
	var v plain
	if err := decodeStrict(b, &v); err != nil {
		return fmt.Errorf("holds: transition: %w", err)
	}
	if err := Transition(v).Validate(); err != nil {
		return err
	}
	*t = Transition(v)
	return nil
}
