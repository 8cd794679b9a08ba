package ruletest

import (
	"strings"

	"github.com/kashidashi/kashidashi/reason"
	"pgregory.net/rapid"
)

// emailParts draws the local part and domain of a well-formed address:
// one to three dot-separated atoms of RFC 5322 atext, and two to four
// labels of letters, digits and inner hyphens, the last all letters.
func emailParts(t *rapid.T) (local, domain string) {
	atom := rapid.StringMatching(`[a-zA-Z0-9!#$%&'*+/=?^_{|}~-]{1,8}`)
	label := rapid.StringMatching(`[a-z0-9]([a-zA-Z0-9-]{0,6}[a-z0-9])?`)
	local = strings.Join(rapid.SliceOfN(atom, 1, 3).Draw(t, "local"), ".")
	domain = strings.Join(rapid.SliceOfN(label, 1, 3).Draw(t, "domain"), ".") + "." +
		rapid.StringMatching(`[a-z]{2,6}`).Draw(t, "tld")
	return local, domain
}

// Emails draws email addresses patron.ParseEmail accepts (P6).
func Emails() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		local, domain := emailParts(t)
		return local + "@" + domain
	})
}

// BadEmails draws email addresses patron.ParseEmail refuses with the
// reason why (errors.Is(err, why)): one of the guide's three mistakes
// (patron.ErrDotBeforeAt, ErrConsecutiveDots, ErrTrailingDot),
// ErrEmailCharacter, ErrEmailTooLong, or an unexported reason of
// patron.Reasons() given by its code: email.empty, email.no_at,
// email.several_at, email.local_empty, email.leading_dot,
// email.domain_no_dot, email.domain_label. Each draw is a well-formed
// address with that one mistake made. For any other reason, drawing fails
// the test.
func BadEmails(why *reason.Reason) *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		if why == nil {
			t.Fatalf("ruletest: BadEmails needs a reason")
		}
		local, domain := emailParts(t)
		addr := local + "@" + domain
		switch why.Code() {
		case "email.dot_before_at":
			return local + ".@" + domain
		case "email.consecutive_dots":
			return local + strings.Repeat(".", rapid.IntRange(2, 3).Draw(t, "dots")) + "x@" + domain
		case "email.trailing_dot":
			return addr + "."
		case "email.character":
			bad := rapid.SampledFrom([]string{" ", "\t", "\n", "＠", "あ", "(", "\u3000"}).Draw(t, "character")
			i := rapid.IntRange(0, len(local)).Draw(t, "at")
			return local[:i] + bad + local[i:] + "@" + domain
		case "email.too_long":
			return strings.Repeat("a", rapid.IntRange(65, 80).Draw(t, "local_length")) + "@" + domain
		case "email.empty":
			return ""
		case "email.no_at":
			return local + domain
		case "email.several_at":
			return local + "@" + addr
		case "email.local_empty":
			return "@" + domain
		case "email.leading_dot":
			return "." + addr
		case "email.domain_no_dot":
			return local + "@" + rapid.StringMatching(`[a-z]{1,8}`).Draw(t, "host")
		case "email.domain_label":
			return local + "@" + domain + "." + rapid.StringMatching(`[0-9]{1,3}`).Draw(t, "digits")
		}
		t.Fatalf("ruletest: BadEmails has no addresses refused with %v", why)
		return ""
	})
}

// Passwords draws passwords patron.ParsePassword accepts (P4): 4 to 12
// ASCII letters and digits.
func Passwords() *rapid.Generator[string] {
	return rapid.StringMatching(`[A-Za-z0-9]{4,12}`)
}

// BadPasswords draws passwords patron.ParsePassword refuses with the
// reason why: patron.ErrPasswordLength (0 to 3, or 13 to 20, letters and
// digits) or patron.ErrPasswordCharacter (4 to 12 characters, one of them
// a space, a symbol, a full-width or non-ASCII letter). For any other
// reason, drawing fails the test.
func BadPasswords(why *reason.Reason) *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		if why == nil {
			t.Fatalf("ruletest: BadPasswords needs a reason")
		}
		switch why.Code() {
		case "password.length":
			if rapid.Bool().Draw(t, "too_long") {
				return rapid.StringMatching(`[A-Za-z0-9]{13,20}`).Draw(t, "password")
			}
			return rapid.StringMatching(`[A-Za-z0-9]{0,3}`).Draw(t, "password")
		case "password.character":
			s := rapid.StringMatching(`[A-Za-z0-9]{3,11}`).Draw(t, "password")
			bad := rapid.SampledFrom([]string{" ", "!", "-", "ａ", "１", "あ", "é", "\u3000"}).Draw(t, "character")
			i := rapid.IntRange(0, len(s)).Draw(t, "at")
			return s[:i] + bad + s[i:]
		}
		t.Fatalf("ruletest: BadPasswords has no passwords refused with %v", why)
		return ""
	})
}
