package holds

import (
	"errors"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// Staff overrides at the reservation desk follow circulation.Override:
// staff may let a soft reason go (Policy.Overridable for the package's
// own reasons, Policy.Circulation.Overridable for the limits), never a
// hard one, and never on a patron's behalf. The requests that take one
// are ActionReserve (H1, and L1 when the Reserve button hides at the
// loan limit) and ActionCancel and ActionChangePlace after the notice
// (H5). By default the package's one soft reason is ErrNeedsStaff, so
// that staff cancel or change the pickup place after the notice with an
// override naming it, recorded in the Transition; every other reason of
// the package is hard: the lifecycle, the cart and the queue are not
// staff's to waive.

// override lets ov go over the reasons rs of a decision under p: it
// returns the reasons left and the override used (see
// circulation.Override.Apply), or bad input at "override" for an
// override that is not well-formed (circulation.ErrNotStaff without
// staff) or names a code no reason of holds or circulation has.
func (p Policy) override(ov circulation.Override, rs []reason.Coded) ([]reason.Coded, circulation.Override, error) {
	if ov.IsZero() {
		return rs, circulation.Override{}, nil
	}
	soft := p.Overridable.Union(p.Circulation.Overridable)
	return ov.Apply(soft, rs, Reasons(), circulation.Reasons()) // its errors name "override"
}

// narrow returns ov with its codes narrowed to those of circulation's
// reasons, or the zero Override when it names none of them: the part of
// a checkout's override that circulation.Policy.MayReserve, which knows
// only its own codes, decides on.
func narrow(ov circulation.Override) circulation.Override {
	if ov.IsZero() {
		return ov
	}
	var keep []reason.Coded
	for _, r := range circulation.Reasons() {
		if ov.Codes.Has(r.Code()) {
			keep = append(keep, r)
		}
	}
	if len(keep) == 0 {
		return circulation.Override{}
	}
	ov.Codes = circulation.CodesOf(keep...)
	return ov
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

// notStaff is the error of an override given with the patron as actor:
// bad input at "override" matching circulation.ErrNotStaff, since a
// patron never overrides.
func notStaff() error {
	return matching{reason.Problems{{Path: "override", Message: "given with the patron as actor: only staff override"}}, circulation.ErrNotStaff}
}

// matching is bad input that also matches its cause with errors.Is,
// such as circulation.ErrNotStaff.
type matching struct {
	reason.Problems
	cause error
}

// Unwrap returns the problems and the cause.
func (e matching) Unwrap() []error { return []error{e.Problems, e.cause} }

// prefixed returns err, the error of validating the value at path, with
// its problems under that path and matching what err matches.
func prefixed(path string, err error) error {
	var ps reason.Problems
	if !errors.As(err, &ps) {
		return err
	}
	return matching{ps.Prefix(path), err}
}

// checkOverride reports whether an override recorded in a Transition is
// one a decision could have used: well-formed, naming only codes of holds
// and circulation, by staff, on a step that takes one.
func (t Transition) checkOverride() error {
	switch {
	case t.Override.IsZero():
		return nil
	case t.By != ByStaff:
		return notStaff()
	case t.Action != ActionReserve && t.Action != ActionCancel && t.Action != ActionChangePlace:
		return reason.BadInput("override", "%v takes no override", t.Action)
	}
	if err := t.Override.Validate(); err != nil {
		return prefixed("override", err)
	}
	if err := t.Override.Codes.Check(Reasons(), circulation.Reasons()); err != nil {
		return prefixed("override.codes", err)
	}
	return nil
}
