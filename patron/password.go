package patron

import (
	"crypto/subtle"
	"fmt"
	"log/slog"
	"unicode/utf8"
)

// Password lengths allowed by P4, in characters.
const (
	// MinPasswordLength is the fewest characters of a password.
	MinPasswordLength = 4
	// MaxPasswordLength is the most characters of a password.
	MaxPasswordLength = 12
)

// redacted is all a Password ever prints.
const redacted = "[password redacted]"

// Password is a My Page password (P4): 4 to 12 ASCII letters and digits,
// upper and lower case not distinguished. It holds the canonical
// lower-case form, so that ParsePassword("ABC1") and ParsePassword("abc1")
// are Equal.
//
// A Password never reveals itself (P4 secrecy). String, every fmt verb
// (%v, %+v, %#v, %s, %q, %x, %X, %d, %p, ...), MarshalText, MarshalJSON
// and slog all give "[password redacted]". Printers that bypass those
// methods see nothing either: fmt prints a Password held in an unexported
// field of a host's struct by reflection, and dumpers such as go-spew
// follow pointers, but the characters are kept only inside a closure
// (see secretFunc), and reflection shows a func as a code address, never
// what it captured. There is deliberately no UnmarshalText: read a
// password with ParsePassword.
//
// AppendSecret is the one way to get the characters out, for the host's
// own password hasher.
//
// Passwords cannot be compared with == (nor usefully with
// reflect.DeepEqual); use Equal, which takes the same time whatever the
// passwords. The zero Password is no password: IsZero reports it, and it
// is Equal to no Password, not even another zero one, so that an unset
// password never matches. A Password is an immutable value, safe for
// concurrent use.
type Password struct {
	_ [0]func() // makes Password incomparable, to keep == away
	// secret returns the characters; nil for the zero Password.
	secret secretFunc
}

// secretFunc returns the canonical characters of a password, padded with
// zeros to the maximum length so that Equal compares a fixed number of
// bytes, and their number. A closure of this type is the only place a
// Password keeps its characters: reflection cannot read what a func
// captured.
type secretFunc func() (canon [MaxPasswordLength]byte, n uint8)

// ParsePassword parses a password as a patron types it (P4). It is refused
// with a *reason.Refusal that lists every reason that applies:
// ErrPasswordLength (length counted in characters, not bytes) and, for
// each character other than an ASCII letter or digit, ErrPasswordCharacter
// with its 1-based position (a symbol, a space, a full-width form such as
// ａ or １ or the ideographic space, or anything else: kana, kanji, é,
// invalid UTF-8). Nothing is trimmed or folded: a
// full-width character is refused rather than folded, so that the password
// a patron believes they set is the one they have. Error messages never
// quote the offending characters.
//
// Parsing a valid password allocates once, for the closure that hides it.
func ParsePassword(s string) (Password, error) {
	var canon [MaxPasswordLength]byte
	var rs refusal
	n := utf8.RuneCountInString(s)
	if n < MinPasswordLength || n > MaxPasswordLength {
		rs.count(ErrPasswordLength, n)
	}
	i := 0
	for _, r := range s {
		i++
		r = lowerASCII(r)
		switch {
		case !isLetterDigit(r):
			rs.at(ErrPasswordCharacter, i)
		}
		if i <= MaxPasswordLength && r < utf8.RuneSelf {
			canon[i-1] = byte(r)
		}
	}
	if err := rs.refuse("password"); err != nil {
		return Password{}, err
	}
	length := uint8(n)
	return Password{secret: func() ([MaxPasswordLength]byte, uint8) { return canon, length }}, nil
}

// reveal returns p's characters, padded with zeros, and their number;
// nothing for the zero Password.
func (p Password) reveal() (canon [MaxPasswordLength]byte, n uint8) {
	if p.secret == nil {
		return canon, 0
	}
	return p.secret()
}

// IsZero reports whether p is the zero Password, which is no password.
func (p Password) IsZero() bool { return p.secret == nil }

// Equal reports whether p and q are the same password, case aside (P4).
// It runs in time independent of their contents. The zero Password is
// Equal to none.
func (p Password) Equal(q Password) bool {
	pc, pn := p.reveal()
	qc, qn := q.reveal()
	same := subtle.ConstantTimeCompare(pc[:], qc[:]) & subtle.ConstantTimeByteEq(pn, qn)
	return same == 1 && pn != 0
}

// AppendSecret appends the password's characters, in the canonical lower
// case form (P4: "ABC1" and "abc1" append the same bytes), to dst and
// returns the extended slice; the zero Password appends nothing. It is
// the one intended way for a host to hand the password to its own
// hasher (bcrypt, argon2, ...): hash the appended bytes, then overwrite
// them, and never log or store them. Nothing else on a Password shows its
// characters.
func (p Password) AppendSecret(dst []byte) []byte {
	canon, n := p.reveal()
	return append(dst, canon[:n]...)
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
