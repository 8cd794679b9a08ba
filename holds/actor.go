package holds

import (
	"github.com/kashidashi/kashidashi/internal/enum"
	"github.com/kashidashi/kashidashi/reason"
)

// Actor is who asks for a change: the patron on My Page or library staff
// (by telephone or at the counter). H5 lets the patron change the pickup
// place or cancel only before the notice (while waiting); staff may do
// either at any time the reservation is active. The zero Actor is not
// valid.
type Actor uint8

// The two actors; they encode as "patron" and "staff".
const (
	ByPatron Actor = iota + 1 // the patron, on My Page
	ByStaff                   // library staff, e.g. taking a telephone call
)

var actors = enum.NewTable[Actor](pkg, "actor", reason.ErrBadInput,
	enum.Name{},
	enum.Name{Code: "patron", En: "the patron", Ja: "利用者"},
	enum.Name{Code: "staff", En: "library staff", Ja: "職員"},
)

// Valid reports whether a is ByPatron or ByStaff.
func (a Actor) Valid() bool { return actors.Valid(a) }

// String returns the stable code of a: "patron" or "staff".
func (a Actor) String() string { return actors.String(a) }

// Label returns the name of a in language l.
func (a Actor) Label(l reason.Lang) string { return actors.Label(a, l) }

// MarshalText encodes a as its stable code.
func (a Actor) MarshalText() ([]byte, error) { return actors.MarshalText(a) }

// UnmarshalText decodes a stable code (or a label).
func (a *Actor) UnmarshalText(b []byte) error { return actors.UnmarshalText(a, b) }
