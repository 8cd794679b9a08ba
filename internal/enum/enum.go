// Package enum is the one name table behind the module's small enums
// (Method, Collection, Status, State, Actor...): each enum declares its
// names once, as a Table, and its String, Label, Parse, MarshalText and
// UnmarshalText methods are one line each.
//
// The rule every enum follows: String returns the stable code, a
// lower-case ASCII word such as "partner_library" that never changes once
// published and is what text and JSON carry; Label returns the name a
// person reads, in English or Japanese.
package enum

import (
	"fmt"
	"strings"

	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// Name is the names of one value: its stable code and its labels.
type Name struct {
	Code, En, Ja string
}

// Table holds the names of the values of an enum T. Values are the
// indexes of the names given to NewTable; an entry with an empty Code is
// not a valid value (typically index 0, the zero value). A *Table is
// immutable and safe for concurrent use.
type Table[T ~uint8] struct {
	pkg, kind string
	unknown   error
	names     []Name
}

// NewTable returns the table of an enum named kind ("method") in package
// pkg ("circulation"). unknown, when not nil, is wrapped by the errors of
// Parse and UnmarshalText, so that callers can match it with errors.Is.
func NewTable[T ~uint8](pkg, kind string, unknown error, names ...Name) *Table[T] {
	return &Table[T]{pkg: pkg, kind: kind, unknown: unknown, names: names}
}

// Valid reports whether v has a name.
func (t *Table[T]) Valid(v T) bool { return int(v) < len(t.names) && t.names[v].Code != "" }

// String returns the stable code of v, or kind(n) for a value with no
// name.
func (t *Table[T]) String(v T) string {
	if !t.Valid(v) {
		return fmt.Sprintf("%s(%d)", t.kind, uint8(v))
	}
	return t.names[v].Code
}

// Label returns the name of v in language l (English for any language
// other than Japanese), or String(v) for a value with no name.
func (t *Table[T]) Label(v T, l reason.Lang) string {
	if !t.Valid(v) {
		return t.String(v)
	}
	if l == reason.Japanese {
		return t.names[v].Ja
	}
	return t.names[v].En
}

// Parse returns the value whose stable code or label, in either language,
// is s, for text a person typed. Leading and trailing white space, the
// full-width space included, is ignored around a label, since labels
// copied from a web page often carry it; a code is matched exactly, as
// on the wire.
func (t *Table[T]) Parse(s string) (T, error) {
	if v, ok := t.lookup(s, true); ok {
		return v, nil
	}
	if trimmed := strings.TrimSpace(s); trimmed != s {
		if v, ok := t.lookup(trimmed, false); ok {
			return v, nil
		}
	}
	return 0, t.parseError(s)
}

// lookup returns the value whose label, or when codes is true whose code
// too, is exactly s.
func (t *Table[T]) lookup(s string, codes bool) (T, bool) {
	if s == "" {
		return 0, false
	}
	for i, n := range t.names {
		if n.Code != "" && ((codes && s == n.Code) || s == n.Ja || s == n.En) {
			return T(i), true
		}
	}
	return 0, false
}

func (t *Table[T]) parseError(s string) error {
	codes := make([]string, 0, len(t.names))
	for _, n := range t.names {
		if n.Code != "" {
			codes = append(codes, n.Code)
		}
	}
	msg := fmt.Sprintf("unknown %s %s (want %s)", t.kind, text.Quote(s), strings.Join(codes, ", "))
	unknown := t.unknown
	if unknown == nil {
		unknown = reason.ErrBadInput
	}
	return fmt.Errorf("%w: %s: %s", unknown, t.pkg, msg)
}

// MarshalText encodes v as its stable code; a value with no name is an
// error.
func (t *Table[T]) MarshalText(v T) ([]byte, error) {
	if !t.Valid(v) {
		return nil, fmt.Errorf("%w: %s: cannot encode invalid %s %d", reason.ErrBadInput, t.pkg, t.kind, uint8(v))
	}
	return []byte(t.names[v].Code), nil
}

// UnmarshalText decodes b into *v, which it leaves unchanged on error:
// b must be a stable code or a label exactly, with no white space around
// it (text on the wire is exact; Parse is for what a person types).
func (t *Table[T]) UnmarshalText(v *T, b []byte) error {
	x, ok := t.lookup(string(b), true)
	if !ok {
		return t.parseError(string(b))
	}
	*v = x
	return nil
}
