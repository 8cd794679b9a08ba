package patron_test

import (
	"errors"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/ruletest"
)

// reasonByCode returns the reason of patron.Reasons() with code c.
func reasonByCode(t *testing.T, c string) *reason.Reason {
	t.Helper()
	for _, r := range patron.Reasons() {
		if r.Code() == c {
			return r
		}
	}
	t.Fatalf("no reason %s", c)
	return nil
}

// TestEmailWellFormedProperty: P6 — the kit's well-formed addresses are
// accepted and split at their last @, the domain lower-cased.
func TestEmailWellFormedProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		addr := ruletest.Emails().Draw(t, "address")
		e, err := patron.ParseEmail(addr)
		if err != nil {
			t.Fatalf("ParseEmail(%q): %v", addr, err)
		}
		at := strings.LastIndexByte(addr, '@')
		if e.Local() != addr[:at] || e.Domain() != strings.ToLower(addr[at+1:]) {
			t.Fatalf("%q split as %q @ %q", addr, e.Local(), e.Domain())
		}
	})
}

// TestEmailRefusedWithItsReasonP6: P6 — an address with one mistake made
// is refused with that mistake's reason: the guide's three, and every
// other reason ParseEmail gives.
func TestEmailRefusedWithItsReasonP6(t *testing.T) {
	for _, why := range []*reason.Reason{patron.ErrDotBeforeAt, patron.ErrConsecutiveDots, patron.ErrTrailingDot, patron.ErrEmailCharacter, patron.ErrEmailTooLong} {
		checkRefused(t, why, ruletest.BadEmails(why), patron.ParseEmail)
	}
	for _, c := range []string{"email.empty", "email.no_at", "email.several_at", "email.local_empty", "email.leading_dot", "email.domain_no_dot", "email.domain_label"} {
		why := reasonByCode(t, c)
		checkRefused(t, why, ruletest.BadEmails(why), patron.ParseEmail)
	}
}

// TestPasswordRefusedWithItsReasonP4: P4 — the kit's passwords are
// accepted, and its bad ones refused with their reason.
func TestPasswordRefusedWithItsReasonP4(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := ruletest.Passwords().Draw(t, "password")
		if _, err := patron.ParsePassword(s); err != nil {
			t.Fatalf("ParsePassword(%q): %v", s, err)
		}
	})
	for _, why := range []*reason.Reason{patron.ErrPasswordLength, patron.ErrPasswordCharacter} {
		checkRefused(t, why, ruletest.BadPasswords(why), patron.ParsePassword)
	}
}

// checkRefused checks that parse refuses every string g draws with why.
func checkRefused[T any](t *testing.T, why *reason.Reason, g *rapid.Generator[string], parse func(string) (T, error)) {
	t.Run(why.Code(), func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			s := g.Draw(t, "input")
			if _, err := parse(s); !errors.Is(err, why) {
				t.Fatalf("%q: got %v, want %v", s, err, why)
			}
		})
	})
}
