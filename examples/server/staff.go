package main

import (
	"errors"
	"net/http"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// staffOverride is the override of a staff route as the body gives it:
// the codes of the soft reasons let go and a note for the audit log.
// Who decided is the caller: the NAME of the staff token, never a name
// the body claims; the body's staff, when given, must be that name. Only
// an open service (no -tokens), which knows no caller, takes the staff
// member from the body, and then needs it.
type staffOverride struct {
	Staff string            `json:"staff,omitzero"`
	Codes circulation.Codes `json:"codes"`
	Note  string            `json:"note,omitzero"`
}

// override returns the circulation.Override of o for the caller of r:
// bad input at "override.staff" when the body names another member of
// staff than the token, or names none in an open service, and at
// "override.note" (or staff) when circulation.Override.Validate refuses
// it.
func (s *service) override(r *http.Request, o staffOverride) (circulation.Override, error) {
	staff := callerOf(r.Context()).name
	switch {
	case staff != "" && o.Staff != "" && o.Staff != staff:
		return circulation.Override{}, reason.BadInput("override.staff", "is %q, but the token is %q's: leave it out, the token names the staff member", o.Staff, staff)
	case staff == "" && o.Staff == "":
		return circulation.Override{}, reason.BadInput("override.staff", "is missing: the service runs without tokens, so the body names the staff member")
	case staff == "":
		staff = o.Staff
	}
	ov := circulation.Override{Staff: staff, Codes: o.Codes, Note: o.Note}
	if err := ov.Validate(); err != nil {
		var ps reason.Problems
		if errors.As(err, &ps) {
			return circulation.Override{}, ps.Prefix("override").Err()
		}
		return circulation.Override{}, err
	}
	return ov, nil
}
