package patron

import (
	"crypto/subtle"
	"fmt"
	"log/slog"
	"unicode"
	"unicode/utf8"
)

// Password lengths allowed by P4, in characters.
const (
	MinPasswordLength = 4
	MaxPasswordLength = 12
)

// redacted is all a Password ever prints.
const redacted = "[password redacted]"

// Password is a My Page password (P4): 4 to 12 ASCII letters and digits,
// upper and lower case not distinguished. It holds the canonical
// lower-case form, so that ParsePassword("ABC1") and ParsePassword("abc1")
// are Equal.
//
// A Password never reveals itself: String, every fmt verb (%v, %+v, %#v,
// %s, %q, %x, ...), MarshalText, MarshalJSON and slog all give
// "[password redacted]". There is deliberately no UnmarshalText: read a
// password with ParsePassword.
//
// Passwords cannot be compared with ==; use Equal, which takes the same
// time whatever the passwords. The zero Password is no password: IsZero
// reports it, and it is Equal to no Password, not even another zero one,
// so that an unset password never matches. A Password is an immutable
// value, safe for concurrent use.
type Password struct {
	_ [0]func() // makes Password incomparable, to keep == away
	// canon holds the lower-case characters, padded with zeros to the
	// maximum length so that Equal compares a fixed number of bytes.
	canon [MaxPasswordLength]byte
	n     uint8
}

// ParsePassword parses a password as a patron types it (P4). It is refused
// with a *reason.Refusal that lists every reason that applies:
// ErrPasswordTooShort or ErrPasswordTooLong (length counted in characters,
// not bytes), and, each with the 1-based position of the character, every
// ErrPasswordSpace, ErrPasswordSymbol, ErrPasswordFullWidth (a full-width
// form such as ａ or １, or the ideographic space) and ErrPasswordCharacter
// (anything else: kana, kanji, é, invalid UTF-8). Nothing is trimmed or
// folded: a full-width character is refused rather than folded, so that
// the password a patron believes they set is the one they have. Error
// messages never quote the offending characters.
//
// Parsing a valid password does not allocate.
func ParsePassword(s string) (Password, error) {
	var p Password
	var rs refusal
	n := utf8.RuneCountInString(s)
	switch {
	case n < MinPasswordLength:
		rs.count(ErrPasswordTooShort, n)
	case n > MaxPasswordLength:
		rs.count(ErrPasswordTooLong, n)
	}
	i := 0
	for _, r := range s {
		i++
		switch {
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case isFullWidth(r):
			rs.at(ErrPasswordFullWidth, i)
		case unicode.IsSpace(r):
			rs.at(ErrPasswordSpace, i)
		case r < utf8.RuneSelf:
			rs.at(ErrPasswordSymbol, i)
		default:
			rs.at(ErrPasswordCharacter, i)
		}
		if i <= MaxPasswordLength && r < utf8.RuneSelf {
			p.canon[i-1] = byte(r)
		}
	}
	if err := rs.refuse("password"); err != nil {
		return Password{}, err
	}
	p.n = uint8(n)
	return p, nil
}

// IsZero reports whether p is the zero Password, which is no password.
func (p Password) IsZero() bool { return p.n == 0 }

// Equal reports whether p and q are the same password, case aside (P4).
// It runs in time independent of their contents. The zero Password is
// Equal to none.
func (p Password) Equal(q Password) bool {
	same := subtle.ConstantTimeCompare(p.canon[:], q.canon[:]) &
		subtle.ConstantTimeByteEq(p.n, q.n)
	return same == 1 && p.n != 0
}

// String returns "[password redacted]".
func (p Password) String() string { return redacted }

// GoString returns "[password redacted]", for %#v.
func (p Password) GoString() string { return redacted }

// Format implements fmt.Formatter so that no verb, whatever its flags,
// prints the password.
func (p Password) Format(f fmt.State, verb rune) { fmt.Fprint(f, redacted) }

// MarshalText implements encoding.TextMarshaler with "[password redacted]".
func (p Password) MarshalText() ([]byte, error) { return []byte(redacted), nil }

// MarshalJSON encodes p as the JSON string "[password redacted]".
func (p Password) MarshalJSON() ([]byte, error) { return []byte(`"` + redacted + `"`), nil }

// LogValue implements slog.LogValuer with "[password redacted]".
func (p Password) LogValue() slog.Value { return slog.StringValue(redacted) }

// canonical returns the lower-case form p holds, for tests.
func (p Password) canonical() string { return string(p.canon[:p.n]) }
