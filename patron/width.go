package patron

import (
	"strings"
	"unicode/utf8"

	"github.com/kashidashi/kashidashi/reason"
)

// Input methods for Japanese type full-width forms of ASCII characters
// (U+FF01..U+FF5E) and the ideographic space U+3000 unless the patron turns
// them off. These helpers fold or detect such characters.

const ideographicSpace = '\u3000'

// isFullWidth reports whether r is a full-width form of an ASCII character
// or the ideographic space: one that narrow folds.
func isFullWidth(r rune) bool { return narrow(r) != r }

// narrow returns the ASCII character whose full-width form is r, and r
// itself for any other rune.
func narrow(r rune) rune {
	switch {
	case r == ideographicSpace:
		return ' '
	case r >= '！' && r <= '～':
		return r - '！' + '!'
	}
	return r
}

// lowerASCII returns r with an ASCII upper-case letter in lower case, the
// one case folding of the package (P3 names, P4 passwords, P6 domains).
func lowerASCII(r rune) rune {
	if r >= 'A' && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}

// isLetterDigit reports whether r is an ASCII letter or digit.
func isLetterDigit(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// trimTypedSpace returns s without the ASCII and ideographic spaces around
// it, and the number of characters removed in front, so that positions in
// the result can be reported as positions in s.
func trimTypedSpace(s string) (body string, lead int) {
	isSpace := func(r rune) bool { return narrow(r) == ' ' }
	body = strings.TrimLeftFunc(s, isSpace)
	lead = utf8.RuneCountInString(s[:len(s)-len(body)])
	return strings.TrimRightFunc(body, isSpace), lead
}

// digitField is a fixed number of digits typed into a form: a card number
// or a birth key. Full-width digits and surrounding spaces are folded.
type digitField struct {
	empty, length, char *reason.Reason
}

// parse writes the digits of s, folded to ASCII, into dst, whose length is
// the number of digits the field takes, and adds to rs every reason s is
// refused. dst holds garbage when a reason was added.
func (f digitField) parse(s string, dst []byte, rs *refusal) {
	body, lead := trimTypedSpace(s)
	if body == "" {
		rs.add(f.empty)
		return
	}
	if n := utf8.RuneCountInString(body); n != len(dst) {
		rs.count(f.length, n)
	}
	i, pos := 0, lead
	for _, r := range body {
		pos++
		r = narrow(r)
		if r < '0' || r > '9' {
			rs.at(f.char, pos)
		} else if i < len(dst) {
			dst[i] = byte(r)
		}
		i++
	}
}
