package holds

import "fmt"

// Actor is who asks for a change: the patron on My Page or library staff
// (by telephone or at the counter). H5 lets the patron change the pickup
// place or cancel only before the notice (while waiting); staff may do
// either at any time the reservation is active. The zero Actor is not
// valid.
type Actor uint8

// The two actors.
const (
	Patron Actor = iota + 1 // the patron, on My Page
	Staff                   // library staff, e.g. taking a telephone call
)

// Valid reports whether a is Patron or Staff.
func (a Actor) Valid() bool { return a == Patron || a == Staff }

// String returns "patron" or "staff".
func (a Actor) String() string {
	switch a {
	case Patron:
		return "patron"
	case Staff:
		return "staff"
	}
	return fmt.Sprintf("Actor(%d)", uint8(a))
}

// ParseActor returns the Actor named "patron" or "staff".
func ParseActor(s string) (Actor, error) {
	switch s {
	case "patron":
		return Patron, nil
	case "staff":
		return Staff, nil
	}
	return 0, fmt.Errorf("holds: unknown actor %q", s)
}

// MarshalText encodes a as "patron" or "staff".
func (a Actor) MarshalText() ([]byte, error) {
	if !a.Valid() {
		return nil, fmt.Errorf("holds: cannot encode invalid actor %d", uint8(a))
	}
	return []byte(a.String()), nil
}

// UnmarshalText decodes "patron" or "staff".
func (a *Actor) UnmarshalText(b []byte) error {
	v, err := ParseActor(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}
