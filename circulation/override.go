package circulation

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kashidashi/kashidashi/internal/strictjson"
	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// Override is a member of staff letting soft reasons of a refusal go, as
// Koha's and FOLIO's overrides do: who decided (Staff, the staff member's
// login or name), which reason codes they let go, and a note for the
// audit log. Every decision staff make takes one: Policy.Extend (L4),
// Policy.MayBorrow (L1), Policy.MayReserve (H1), and in package holds the
// checkout's reservation limit (H1) and a cancellation or change of
// place after the notice (H5).
//
// A decision succeeds only when every reason that applies is soft (in
// the policy's Overridable set) and named in Codes. A hard reason is
// never overridden: it stays in the refusal, with every other reason the
// override does not cover. A code that does not apply to the decision is
// harmless, so staff may confirm a set of codes once; a code no reason of
// the deciding package has is an error, since it is most likely a typo.
// On success the decision returns the override it used: Codes narrowed
// to the reasons that applied, or the zero Override when none did.
//
// The zero Override overrides nothing; it is what a patron's own request
// (My Page) passes. A patron can never override: an override without
// Staff is refused with ErrNotStaff, and so, in package holds, is an
// override given with the patron as actor.
//
// Override is comparable; its JSON form is
// {"staff":"k.sato","codes":["extension.reserved"],"note":"…"}, the note
// left out when empty, and decoding refuses unknown keys and anything
// that fails Validate.
type Override struct {
	// Staff identifies the member of staff who decided: 1 to 64
	// characters, at least one visible, no control characters.
	Staff string `json:"staff"`
	// Codes are the reason codes let go.
	Codes Codes `json:"codes"`
	// Note says why, for the audit log: at most 500 characters.
	Note string `json:"note,omitzero"`
}

// Limits of an Override's text, so that an audit record stays small.
const (
	maxStaffRunes = 64
	maxNoteRunes  = 500
)

// ErrNotStaff is the error, matched with errors.Is, of an override not
// made by a member of staff: one with no Staff, or (package holds) one
// given with the patron as actor. A patron can never override. It also
// matches reason.ErrBadInput: a host that lets a patron's request carry
// an override has a fault to fix.
var ErrNotStaff = fmt.Errorf("%w: an override needs a member of staff", reason.ErrBadInput)

// IsZero reports whether o is the zero Override, which overrides
// nothing.
func (o Override) IsZero() bool { return o == Override{} }

// Validate reports whether o is the zero Override or a well-formed one:
// Staff of 1 to 64 characters, at least one of them visible, a note of
// at most 500, both valid UTF-8 without control characters (a note may
// hold line breaks). The error is reason.Problems naming the field,
// "staff" or "note"; a Staff that is empty or has no visible character
// (only spaces, zero-width, bidi or other format characters, fillers)
// also matches ErrNotStaff, since it names nobody. Whether its codes are
// known is up to the decision that uses it.
func (o Override) Validate() error { return o.check("") }

// check is Validate with every path under prefix ("override").
func (o Override) check(prefix string) error {
	if o.IsZero() {
		return nil
	}
	var ps reason.Problems
	noStaff := !visible(o.Staff)
	if noStaff {
		ps.Add("staff", "is missing: only a member of staff may override")
	} else if p := textProblem(o.Staff, maxStaffRunes, false); p != "" {
		ps.Add("staff", "%s", p)
	}
	if p := textProblem(o.Note, maxNoteRunes, true); p != "" {
		ps.Add("note", "%s", p)
	}
	if ps == nil {
		return nil
	}
	ps = ps.Prefix(prefix)
	if noStaff {
		return staffMissing{ps}
	}
	return ps
}

// visible reports whether s has a character a reader sees: a letter,
// number, punctuation mark or symbol that is not one of Unicode's
// default-ignorable fillers (U+3164 HANGUL FILLER…) nor the blank
// braille pattern. Spaces, format characters (U+200B, U+FEFF, the bidi
// marks and embeddings), variation selectors and combining marks alone
// are not. A string with none names nobody.
func visible(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.L, unicode.N, unicode.P, unicode.S) &&
			!unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) && r != '\u2800' {
			return true
		}
	}
	return false
}

// staffMissing is the error of an override without staff: the problems
// of the override, matching ErrNotStaff too.
type staffMissing struct{ reason.Problems }

// Unwrap returns the problems and ErrNotStaff, so that errors.As finds
// the one and errors.Is matches the other.
func (e staffMissing) Unwrap() []error { return []error{e.Problems, ErrNotStaff} }

// textProblem describes what is wrong with s as text of at most max
// runes, line breaks allowed when lines is set, or returns "".
func textProblem(s string, max int, lines bool) string {
	switch {
	case !utf8.ValidString(s):
		return "is not valid UTF-8"
	case len(s) > max*utf8.UTFMax || utf8.RuneCountInString(s) > max:
		return fmt.Sprintf("is longer than %d characters", max)
	}
	for _, r := range s {
		if unicode.IsControl(r) && !(lines && (r == '\n' || r == '\r' || r == '\t')) {
			return "has a control character"
		}
	}
	return ""
}

// UnmarshalJSON decodes an Override, refusing unknown keys, trailing
// data and anything that fails Validate. On error o is unchanged.
func (o *Override) UnmarshalJSON(b []byte) error {
	type plain Override
	var v plain
	if err := strictjson.Decode(pkg, "override", b, &v); err != nil {
		return err
	}
	if err := Override(v).Validate(); err != nil {
		return err
	}
	*o = Override(v)
	return nil
}

// Apply is the one rule of overrides, for the decisions of this package
// and of package holds: it returns the reasons of rs that o does not let
// go — the hard ones (not in soft) and the soft ones not named in
// o.Codes, in their order — and the override used, o with Codes narrowed
// to the reasons it let go (the zero Override when it let none go). o
// must pass Validate and name only codes of reasons in the catalogues
// (the Reasons() of the deciding packages); otherwise Apply returns rs
// unchanged and reason.Problems naming the fields as a request holding
// its override under "override" does: "override.staff" (matching
// ErrNotStaff when missing), "override.codes[1]", "override.note". The
// zero Override returns rs as it is. Apply allocates only when o is not
// zero.
func (o Override) Apply(soft Codes, rs []reason.Coded, catalogues ...[]*reason.Reason) ([]reason.Coded, Override, error) {
	if o.IsZero() {
		return rs, Override{}, nil
	}
	if err := o.check("override"); err != nil {
		return rs, Override{}, err
	}
	if ps := o.Codes.unknown(catalogues); ps != nil {
		return rs, Override{}, ps.Prefix("override.codes")
	}
	var rest []reason.Coded
	var used []string
	for _, r := range rs {
		if code := r.Code(); soft.Has(code) && o.Codes.Has(code) {
			used = append(used, code)
			continue
		}
		rest = append(rest, r)
	}
	if used == nil {
		return rest, Override{}, nil
	}
	o.Codes = codesFrom(used)
	return rest, o, nil
}

// String returns o for a log line: "override by \"k.sato\": code, code".
func (o Override) String() string {
	if o.IsZero() {
		return "no override"
	}
	return "override by " + text.Quote(o.Staff) + ": " + strings.Join(o.Codes.List(), ", ")
}
