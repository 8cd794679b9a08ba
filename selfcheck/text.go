package selfcheck

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kashidashi/kashidashi/reason"
)

// ScreenMessages returns the sentences a machine shows for the refusals,
// in language l and the wording w (nil: the module's wording): the
// message of every reason of each refusal, in order, each sentence once,
// made safe for SIP2 (S4). Every sentence is a reason's message from its
// package's catalogue, as reason.Localize renders it, or the host's own
// in w: no reason reaches the patron as its raw code. '|', SIP2's field
// delimiter, becomes '｜' (U+FF5C FULLWIDTH VERTICAL LINE, which
// Japanese encodings have), a control character or line break a space,
// and invalid UTF-8 U+FFFD.
//
// Status.SIP2 uses it for the screen message of a patron's status; a host
// answering a renewal (SIP2's Renew Response, 30) passes the refusal of
// the loan (LoanStatus.Refusal).
func ScreenMessages(w *reason.Wording, l reason.Lang, refusals ...*reason.Refusal) []string {
	var out []string
	for _, ref := range refusals {
		if ref == nil {
			continue
		}
		for _, m := range w.Localize(ref, l) {
			if t := strings.TrimSpace(clean(m.Message)); t != "" && !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	return out
}

// clean returns s with what SIP2 cannot carry in a field replaced (S4):
// the field delimiter '|' by '｜', control characters and the Unicode
// line and paragraph separators by a space, invalid UTF-8 by U+FFFD.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '|':
			return '｜'
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			return ' '
		}
		return r // strings.Map writes invalid UTF-8 as U+FFFD
	}, s)
}

// isClean reports whether clean would leave s as it is.
func isClean(s string) bool {
	for _, r := range s {
		if r == '|' || r == utf8.RuneError || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
	}
	return true
}

// cut returns the longest prefix of s of at most n bytes that ends on a
// character boundary.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// screenFields packs the sentences msgs, made safe with clean, into the
// data of as few screen message fields (AF) of at most maxField bytes as
// they fit, joined by sep; a sentence is split only when it alone is
// longer than a field, at a character boundary.
func screenFields(msgs []string, sep string) []string {
	var fields []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			fields = append(fields, cur.String())
			cur.Reset()
		}
	}
	for _, m := range msgs {
		m = strings.TrimSpace(clean(m))
		if m == "" {
			continue
		}
		if cur.Len() > 0 && cur.Len()+len(sep)+len(m) > maxField {
			flush()
		}
		for len(m) > maxField {
			head := cut(m, maxField)
			fields = append(fields, head)
			m = m[len(head):]
		}
		if cur.Len() > 0 {
			cur.WriteString(sep)
		}
		cur.WriteString(m)
	}
	flush()
	return fields
}
