package holds

import (
	"github.com/kashidashi/kashidashi/internal/enum"
	"github.com/kashidashi/kashidashi/reason"
)

// Contact is how the patron asked to be told that a reserved item is
// ready (H8): by email (the zero Contact, the guide's notice email, H6),
// by telephone, or not at all. The hold shelf may last a different
// number of days for each (Policy.ShelfDaysByContact).
type Contact uint8

// The ways of telling a patron that an item is ready (H8).
const (
	// ContactEmail is the notice email of the guide (H6): the default.
	ContactEmail Contact = iota
	// ContactTelephone is a telephone call from staff.
	ContactTelephone
	// ContactNone is no contact: the patron watches My Page (H3).
	ContactNone
)

var contacts = enum.NewTable[Contact](pkg, "contact", reason.ErrBadInput,
	enum.Name{Code: "email", En: "email", Ja: "メール"},
	enum.Name{Code: "telephone", En: "telephone", Ja: "電話"},
	enum.Name{Code: "none", En: "no contact", Ja: "連絡不要"},
)

// Valid reports whether c is ContactEmail, ContactTelephone or
// ContactNone.
func (c Contact) Valid() bool { return contacts.Valid(c) }

// String returns the stable code of c: "email", "telephone" or "none".
func (c Contact) String() string { return contacts.String(c) }

// Label returns the name of c in language l (メール, 電話, 連絡不要).
func (c Contact) Label(l reason.Lang) string { return contacts.Label(c, l) }

// MarshalText encodes c as its stable code.
func (c Contact) MarshalText() ([]byte, error) { return contacts.MarshalText(c) }

// UnmarshalText decodes a stable code (or a label).
func (c *Contact) UnmarshalText(b []byte) error { return contacts.UnmarshalText(c, b) }

// ShelfCount is what the days of the hold shelf count (H7): open days of
// the pickup place (the zero ShelfCount, the guide's H4) or calendar
// days.
type ShelfCount uint8

// The two ways of counting the days of the hold shelf (H7).
const (
	// OpenDays counts only the days the pickup place is open (H4,
	// 休館日はカウントしません): the default.
	OpenDays ShelfCount = iota
	// CalendarDays counts every day; a last day on which the pickup
	// place is closed moves to its next open day.
	CalendarDays
)

var shelfCounts = enum.NewTable[ShelfCount](pkg, "shelf count", reason.ErrBadInput,
	enum.Name{Code: "open_days", En: "open days", Ja: "開館日"},
	enum.Name{Code: "calendar_days", En: "calendar days", Ja: "暦日"},
)

// Valid reports whether s is OpenDays or CalendarDays.
func (s ShelfCount) Valid() bool { return shelfCounts.Valid(s) }

// String returns the stable code of s: "open_days" or "calendar_days".
func (s ShelfCount) String() string { return shelfCounts.String(s) }

// Label returns the name of s in language l (開館日, 暦日).
func (s ShelfCount) Label(l reason.Lang) string { return shelfCounts.Label(s, l) }

// MarshalText encodes s as its stable code.
func (s ShelfCount) MarshalText() ([]byte, error) { return shelfCounts.MarshalText(s) }

// UnmarshalText decodes a stable code (or a label).
func (s *ShelfCount) UnmarshalText(b []byte) error { return shelfCounts.UnmarshalText(s, b) }

// ShelfDaysByContact gives the days of the hold shelf for each way the
// patron is told (H8); 0 for a contact means Policy.ShelfDays.
type ShelfDaysByContact struct {
	// Email is the shelf days of a patron told by email (ContactEmail).
	Email int `json:"email,omitzero"`
	// Telephone is the shelf days of a patron told by telephone.
	Telephone int `json:"telephone,omitzero"`
	// None is the shelf days of a patron who wants no contact.
	None int `json:"none,omitzero"`
}

// of returns the days set for contact c, 0 when none is.
func (s ShelfDaysByContact) of(c Contact) int {
	switch c {
	case ContactTelephone:
		return s.Telephone
	case ContactNone:
		return s.None
	default:
		return s.Email
	}
}

// problems reports days out of 0 to maxShelfDays, at their JSON paths.
func (s ShelfDaysByContact) problems() reason.Problems {
	var ps reason.Problems
	for _, f := range [...]struct {
		path string
		n    int
	}{{"email", s.Email}, {"telephone", s.Telephone}, {"none", s.None}} {
		if f.n < 0 || f.n > maxShelfDays {
			ps.Add(f.path, "must be 0 (shelf_days) to %d (got %d)", maxShelfDays, f.n)
		}
	}
	return ps
}
