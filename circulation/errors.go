package circulation

import (
	"fmt"

	"github.com/kashidashi/kashidashi/reason"
)

// pkg prefixes every reason of this package.
const pkg = "circulation"

// ErrNoCalendar is the error, matched with errors.Is, of Policy.DueDate,
// Policy.Extend and Policy.ExtensionWindow when the policy's
// DueOnClosedDay needs the calendar of the place the item goes back to
// (every rule but DueDateStands: L5, L6, L7) and none was given: the
// setting is never dropped silently. It is a fault of the caller, so it
// also matches reason.ErrBadInput; it stays a sentinel of its own, with
// no field path, because the calendar is the host's, not part of the
// request's JSON.
var ErrNoCalendar = fmt.Errorf("%w: the due-date rule needs the calendar of the place the item goes back to", reason.ErrBadInput)

// errNotBuilt is the error of a ReturnDesk not made by NewReturnDesk.
var errNotBuilt = fmt.Errorf("%w: the return desk was not built by NewReturnDesk", reason.ErrBadInput)

// policyPath names the field of the policy (the receiver of a decision)
// in the bad-input error of a decision: "policy.extension_days".
func policyPath(field string) string { return "policy." + field }
