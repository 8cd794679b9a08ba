package reason

import (
	"errors"

	"github.com/kashidashi/kashidashi/internal/text"
)

// Lang selects the language of a patron-facing message. Its values are
// English and Japanese; ParseLang, Negotiate and UnmarshalText produce no
// other. Message and Localize render any other Lang, which only a
// conversion such as Lang("fr") can make, as English.
type Lang string

// The two languages every message is written in.
const (
	English  Lang = "en"
	Japanese Lang = "ja"
)

// langs is every Lang, in the order a tie between them is broken.
var langs = [...]Lang{English, Japanese}

// ErrUnknownLang is the cause of the errors of ParseLang and Negotiate
// when the text names no language kashidashi has. The SDK never picks a
// language the host did not ask for: a host that wants a fallback says
// so with NegotiateOr.
var ErrUnknownLang = errors.New("reason: unknown language")

// ParseLang returns the Lang of a BCP 47 language tag whose primary
// subtag is en or ja, in any case: "ja", "JA-jp", "en-US",
// "en-Latn-GB". Anything else, a malformed tag included, is an error
// wrapping ErrUnknownLang.
func ParseLang(s string) (Lang, error) {
	if l, ok := matchTag(s); ok {
		return l, nil
	}
	return "", &langError{s}
}

// langError is a tag ParseLang does not know.
type langError struct{ tag string }

func (e *langError) Error() string {
	return "reason: unknown language " + text.Quote(e.tag) + " (want a tag of en or ja)"
}

func (e *langError) Unwrap() error { return ErrUnknownLang }

// matchTag returns the Lang of s when s is a well-formed BCP 47 tag whose
// primary subtag is one of langs.
func matchTag(s string) (Lang, bool) {
	i, ok := tagLang(s)
	if !ok || i < 0 {
		return "", false
	}
	return langs[i], true
}

// tagLang reports whether s is a well-formed BCP 47 tag, a primary
// subtag of 2 to 8 letters then subtags of 1 to 8 letters and digits
// joined by hyphens, and returns the index in langs of its primary
// subtag, in any case, or -1. It takes time linear in the length of s
// and allocates nothing.
func tagLang(s string) (int, bool) {
	var primary [8]byte
	n, sub := 0, 0 // length of the primary subtag; of the current subtag
	first := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '-':
			if sub == 0 {
				return -1, false
			}
			first, sub = false, 0
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z':
		case '0' <= c && c <= '9' && !first:
		default:
			return -1, false
		}
		if sub++; sub > 8 {
			return -1, false
		}
		if first {
			primary[n] = c
			n++
		}
	}
	if sub == 0 || n < 2 {
		return -1, false
	}
	for i, l := range langs {
		if string(primary[:n]) == string(l) {
			return i, true
		}
	}
	return -1, true
}

// MarshalText encodes l as its code, "en" or "ja"; the zero Lang, no
// language chosen, encodes as empty text. Any other value is an error.
func (l Lang) MarshalText() ([]byte, error) {
	if l != English && l != Japanese && l != "" {
		return nil, &langError{string(l)}
	}
	return []byte(l), nil
}

// UnmarshalText sets l to the language of a BCP 47 tag, as ParseLang
// does, so that a request's "lang": "ja-JP" reads as Japanese and
// "lang": "fr" is refused rather than shown in English. Empty text is
// the zero Lang, which the host resolves to the language it chooses.
func (l *Lang) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*l = ""
		return nil
	}
	v, err := ParseLang(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}
