package patron

import (
	"strings"
	"unicode/utf8"

	"github.com/kashidashi/kashidashi/reason"
)

// Limits of RFC 5321 on the length of an address, in octets.
const (
	maxEmailLength = 254
	maxLocalLength = 64
	maxLabelLength = 63
)

// atextSymbols are the symbols RFC 5322 allows in a dot-atom besides
// letters, digits and dots.
const atextSymbols = "!#$%&'*+-/=?^_`{|}~"

// Email is an email address a patron registers to receive the library's
// mail (P6): an ASCII dot-atom local part, an @, and a domain name of
// letters, digits and hyphens with at least one dot.
//
// The local part is kept as typed; the domain, which is not case
// sensitive, is lower-cased, so that two Emails for the same mailbox
// written in different case are == when their local parts agree (the
// local part may be case sensitive, so it is not folded). The zero Email
// is no address (IsZero reports it); ParseEmail never returns it without
// an error. An Email is an immutable value, safe for concurrent use.
type Email struct {
	addr string
	at   int // index of the @ in addr
}

// ParseEmail parses an email address as a patron types it and refuses it
// unless mail can be delivered to it (P6). The refusal is a
// *reason.Refusal listing every reason that applies:
//
//   - the three mistakes the guide names: ErrDotBeforeAt (xxxxx.@xxxxxx),
//     ErrConsecutiveDots (x..xx@xxxxxx, two or more dots in a row before
//     the @) and ErrTrailingDot (@xxxxx.jp., a dot at the very end);
//   - ErrEmailCharacter for each character that has no place in an
//     address, with its 1-based position: a line break (CR or LF), a
//     space or tab, a full-width form (such as ＠ or the ideographic
//     space), before the @ a character outside RFC 5322
//     atext (letters, digits, ! # $ % & ' * + - / = ? ^ _ ` { | } ~), after
//     the @ one other than letters, digits and hyphens;
//   - ErrEmailTooLong, over 64 octets before the @ or 254 in all, with
//     the part as its field ("local" or "address"), its length as its
//     count and the part's limit;
//   - reasons with the codes email.empty, email.no_at, email.several_at,
//     email.local_empty, email.leading_dot, email.domain_empty,
//     email.domain_no_dot (taro@localhost) and email.domain_label, the
//     last for each part of the domain between dots that is empty (so two
//     dots in a row after the @), over 63 octets, starts or ends with a
//     hyphen, or is an all-digit last part (taro@127.0.0.1).
//
// Nothing is trimmed or folded: an address with a stray space or a
// full-width character is refused rather than repaired.
//
// Compared with net/mail.ParseAddress (as TestParseEmailAgainstNetMail
// and FuzzParseEmail check against the Go release that runs them): both
// refuse the guide's three mistakes and taro.@docomo.ne.jp, an address
// some Japanese mobile carriers once issued and standard mail servers
// refuse to send to. ParseAddress also accepts, where ParseEmail refuses:
// a display name (Taro <taro@example.jp>), a comment, spaces around the
// address, a quoted local part ("taro..x"@example.jp), a domain literal
// (taro@[127.0.0.1]), a domain without a dot (taro@localhost), labels
// with a leading hyphen or an underscore, an all-digit last label,
// non-ASCII characters in either part, and addresses over the RFC 5321
// length limits. ParseEmail accepts nothing that ParseAddress refuses:
// every address it accepts, ParseAddress accepts as the same address
// without a display name (ParseAddress keeps the domain's case).
//
// Parsing a valid address whose domain is already lower case does not
// allocate.
func ParseEmail(s string) (Email, error) {
	var rs refusal
	if s == "" {
		rs.add(errEmailEmpty)
		return Email{}, rs.refuse("email address")
	}
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		rs.add(errEmailNoAt)
	} else {
		local, domain := s[:at], s[at+1:]
		if strings.IndexByte(local, '@') >= 0 {
			rs.add(errEmailSeveralAt)
		}
		checkLocal(local, &rs)
		checkDomain(domain, utf8.RuneCountInString(s[:at+1])+1, &rs)
	}
	if s[len(s)-1] == '.' {
		rs.add(ErrTrailingDot)
	}
	checkEmailCharacters(s, at, &rs)
	tooLong(&rs, len(s), maxEmailLength, "address")
	if err := rs.refuse("email address"); err != nil {
		return Email{}, err
	}
	return Email{addr: lowerDomain(s, at), at: at}, nil
}

// lowerDomain returns addr with the ASCII letters after index at in lower
// case. It allocates only when there is an upper-case letter to fold.
func lowerDomain(addr string, at int) string {
	i := at + 1
	for i < len(addr) && (addr[i] < 'A' || addr[i] > 'Z') {
		i++
	}
	if i == len(addr) {
		return addr
	}
	var b strings.Builder
	b.Grow(len(addr))
	b.WriteString(addr[:i])
	for ; i < len(addr); i++ {
		b.WriteByte(byte(lowerASCII(rune(addr[i]))))
	}
	return b.String()
}

// checkLocal adds the reasons the part before the @ is refused, but for
// its characters.
func checkLocal(local string, rs *refusal) {
	switch {
	case local == "":
		rs.add(errEmailLocalEmpty)
		return
	case local[0] == '.':
		rs.add(errEmailLeadingDot)
	}
	if strings.Contains(local, "..") {
		rs.add(ErrConsecutiveDots)
	}
	if local[len(local)-1] == '.' {
		rs.add(ErrDotBeforeAt)
	}
	tooLong(rs, len(local), maxLocalLength, "local")
}

// checkDomain adds the reasons the part after the @ is refused, but for a
// trailing dot (a mistake in the whole address) and its characters. pos
// is the 1-based position of the domain's first character in the address.
func checkDomain(domain string, pos int, rs *refusal) {
	d := strings.TrimSuffix(domain, ".")
	if d == "" {
		rs.add(errEmailDomainEmpty)
		return
	}
	if strings.IndexByte(d, '.') < 0 {
		rs.add(errEmailDomainNoDot)
	}
	for more := true; more; {
		var label string
		label, d, more = strings.Cut(d, ".")
		switch {
		case label == "",
			len(label) > maxLabelLength,
			label[0] == '-' || label[len(label)-1] == '-',
			!more && allDigits(label):
			rs.at(errEmailDomainLabel, pos)
		}
		pos += utf8.RuneCountInString(label) + 1
	}
}

// tooLong adds ErrEmailTooLong when n, the octets of the part named field
// ("local" or "address"), exceed limit.
func tooLong(rs *refusal, n, limit int, field string) {
	if n <= limit {
		return
	}
	rs.add(ErrEmailTooLong.With(reason.Field(field), reason.Count(n), reason.Limit(limit)))
}

// checkEmailCharacters adds a reason, with its position, for each
// character of s that has no place in an address. at is the index of the
// last @, or -1.
func checkEmailCharacters(s string, at int, rs *refusal) {
	pos := 0
	for i, r := range s {
		pos++
		switch {
		case r == '@' || r == '.':
			// Checked with the structure of the address.
		case r == '\r' || r == '\n':
			rs.at(ErrEmailCharacter, pos)
		case r == ' ' || r == '\t':
			rs.at(ErrEmailCharacter, pos)
		case isFullWidth(r):
			rs.at(ErrEmailCharacter, pos)
		case at >= 0 && i > at:
			if !isLetterDigit(r) && r != '-' {
				rs.at(ErrEmailCharacter, pos)
			}
		default:
			if !isLetterDigit(r) && (r > '~' || strings.IndexByte(atextSymbols, byte(r)) < 0) {
				rs.at(ErrEmailCharacter, pos)
			}
		}
	}
}

// allDigits reports whether s, not empty, is all ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// IsZero reports whether e is the zero Email, which is no address.
func (e Email) IsZero() bool { return e.addr == "" }

// String returns the address, with the domain lower-cased, or "" for the
// zero Email.
func (e Email) String() string { return e.addr }

// Local returns the part before the @, as typed.
func (e Email) Local() string {
	if e.IsZero() {
		return ""
	}
	return e.addr[:e.at]
}

// Domain returns the part after the @, in lower case.
func (e Email) Domain() string {
	if e.IsZero() {
		return ""
	}
	return e.addr[e.at+1:]
}

// MarshalText implements encoding.TextMarshaler with String.
func (e Email) MarshalText() ([]byte, error) { return []byte(e.addr), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseEmail. As
// with netip.Addr, empty text sets the zero Email.
func (e *Email) UnmarshalText(text []byte) error {
	return unmarshalTyped(e, text, ParseEmail)
}
