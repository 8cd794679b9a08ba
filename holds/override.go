package holds

import (
	"fmt"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// Staff overrides at the reservation desk follow circulation.Override:
// staff may let a soft reason go (Policy.Overridable for the package's
// own reasons, Policy.Circulation.Overridable for the limits), never a
// hard one, and never on a patron's behalf. The decisions that take one
// are Desk.Checkout (H1, and L1 when the Reserve button hides at the
// loan limit) and Cancel and ChangePlace after the notice (H5).

// DefaultOverridable returns the package's soft reasons under the default
// policy (overrides [reading]): ErrNeedsStaff, so that staff cancel or
// change the pickup place after the notice (H5) with an override naming
// it, recorded in the Transition. Every other reason of the package is
// hard: the lifecycle, the cart and the queue are not staff's to waive.
func DefaultOverridable() circulation.Codes { return circulation.CodesOf(ErrNeedsStaff) }

// override lets ov go over the reasons rs of a decision under p: it
// returns the reasons left and the override used (see
// circulation.Override.Apply), or an error wrapping ErrInconsistentInput
// for an override that is not well-formed or names a code no reason of
// holds or circulation has.
func (p Policy) override(ov circulation.Override, rs []reason.Coded) ([]reason.Coded, circulation.Override, error) {
	if ov.IsZero() {
		return rs, circulation.Override{}, nil
	}
	soft := p.Overridable.Union(p.Circulation.Overridable)
	rest, used, err := ov.Apply(soft, rs, Reasons(), circulation.Reasons())
	if err != nil {
		return rs, circulation.Override{}, fmt.Errorf("%w: %w", ErrInconsistentInput, err)
	}
	return rest, used, nil
}

// overrideCart lets ov go over the reasons of a checkout, about the cart
// and about each item, and returns what is left and the override used:
// every code it let go, anywhere in the cart.
func (p Policy) overrideCart(ov circulation.Override, cart []reason.Coded, items []ItemRefusal) ([]reason.Coded, []ItemRefusal, circulation.Override, error) {
	if ov.IsZero() {
		return cart, items, circulation.Override{}, nil
	}
	cart, used, err := p.override(ov, cart)
	if err != nil {
		return nil, nil, circulation.Override{}, err
	}
	var left []ItemRefusal
	for _, it := range items {
		rs, u, _ := p.override(ov, it.Reasons) // ov was checked above
		used = merge(used, u)
		if len(rs) > 0 {
			it.Reasons = rs
			left = append(left, it)
		}
	}
	return cart, left, used, nil
}

// merge returns the override that let go the codes of a and of b, two
// narrowings of one override.
func merge(a, b circulation.Override) circulation.Override {
	switch {
	case b.IsZero():
		return a
	case a.IsZero():
		return b
	}
	a.Codes = a.Codes.Union(b.Codes)
	return a
}

// checkOverride reports whether an override recorded in a Transition is
// one a decision could have used: well-formed, naming only codes of holds
// and circulation, by staff, on a step that takes one.
func (t Transition) checkOverride() error {
	if t.Override.IsZero() {
		return nil
	}
	switch {
	case t.By != ByStaff:
		return fmt.Errorf("%w: transition: %w", ErrInconsistentInput, circulation.ErrNotStaff)
	case t.Action != ActionReserve && t.Action != ActionCancel && t.Action != ActionChangePlace:
		return fmt.Errorf("%w: transition: %v takes no override", ErrInconsistentInput, t.Action)
	}
	if err := t.Override.Validate(); err != nil {
		return fmt.Errorf("%w: transition: %w", ErrInconsistentInput, err)
	}
	if err := t.Override.Codes.Check(Reasons(), circulation.Reasons()); err != nil {
		return fmt.Errorf("%w: transition: %w", ErrInconsistentInput, err)
	}
	return nil
}
