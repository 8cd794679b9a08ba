package patron

import (
	"encoding/json"
	"errors"
	"net/mail"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

func TestParseEmail(t *testing.T) {
	runParseCases(t, []parseCase{
		{name: "P6 plain", in: "taro@example.jp", want: "taro@example.jp"},
		{name: "P6 dots and atext", in: "taro.yamada+lib_2026@mail.example.ne.jp", want: "taro.yamada+lib_2026@mail.example.ne.jp"},
		{name: "P6 every atext symbol", in: "!#$%&'*+-/=?^_`{|}~@example.jp", want: "!#$%&'*+-/=?^_`{|}~@example.jp"},
		{name: "P6 domain lower-cased, local kept", in: "Taro.Yamada@Docomo.NE.JP", want: "Taro.Yamada@docomo.ne.jp"},
		{name: "P6 hyphen inside label", in: "x@my-isp.example.jp", want: "x@my-isp.example.jp"},

		// The guide's three mistakes, as full addresses.
		{name: "P6 guide dot before @", in: "xxxxx.@xxxxxx.jp", codes: []string{"email.dot_before_at"}},
		{name: "P6 guide consecutive dots before @", in: "x..xx@xxxxxx.jp", codes: []string{"email.consecutive_dots"}},
		{name: "P6 guide trailing dot", in: "xx@xxxxx.jp.", codes: []string{"email.trailing_dot"}},
		// The guide's patterns exactly as printed.
		{name: "P6 guide pattern xxxxx.@xxxxxx", in: "xxxxx.@xxxxxx", codes: []string{"email.dot_before_at", "email.domain_no_dot"}},
		{name: "P6 guide pattern x..xx@xxxxxx", in: "x..xx@xxxxxx", codes: []string{"email.consecutive_dots", "email.domain_no_dot"}},
		{name: "P6 guide pattern @xxxxx.jp.", in: "@xxxxx.jp.", codes: []string{"email.local_empty", "email.trailing_dot"}},
		{name: "P6 old carrier address", in: "taro.@docomo.ne.jp", codes: []string{"email.dot_before_at"}},
		{name: "P6 three dots", in: "taro...yamada@ezweb.ne.jp", codes: []string{"email.consecutive_dots"}},

		// Multi-reason cases: every reason that applies.
		{name: "P6 all three mistakes and more", in: ".ta..ro.@docomo..ne.jp.", codes: []string{
			"email.leading_dot", "email.consecutive_dots", "email.dot_before_at", "email.domain_label", "email.trailing_dot"}},
		{name: "P6 display name", in: "Taro <taro@example.jp>", codes: []string{
			"email.character", "email.character", "email.character"}},
		{name: "P6 full-width @ typed", in: "taro＠example.jp", codes: []string{"email.no_at", "email.character"},
			details:   []string{errEmailNoAt.Message("en"), ErrEmailCharacter.Message("en")[:len(ErrEmailCharacter.Message("en"))-1] + " (character 5 is not one)."},
			positions: []int{5}},
		{name: "P6 spaces around", in: " taro@example.jp\u3000", codes: []string{"email.character", "email.character"}},
		{name: "P6 line break", in: "taro@example.jp\r\nBcc: x@example.jp", codes: []string{
			"email.several_at", "email.character", "email.character", "email.character", "email.character"}},

		{name: "P6 empty", in: "", codes: []string{"email.empty"}},
		{name: "P6 no @", in: "taro.example.jp", codes: []string{"email.no_at"}},
		{name: "P6 no @ trailing dot", in: "taro.", codes: []string{"email.no_at", "email.trailing_dot"}},
		{name: "P6 several @", in: "taro@home@example.jp", codes: []string{"email.several_at"}},
		{name: "P6 only @", in: "@", codes: []string{"email.local_empty", "email.domain_empty"}},
		{name: "P6 empty domain", in: "taro@", codes: []string{"email.domain_empty"}},
		{name: "P6 domain only a dot", in: "taro@.", codes: []string{"email.domain_empty", "email.trailing_dot"}},
		{name: "P6 no dot in domain", in: "taro@localhost", codes: []string{"email.domain_no_dot"}},
		{name: "P6 domain starts with a dot", in: "taro@.example.jp", codes: []string{"email.domain_label"}},
		{name: "P6 consecutive dots in domain", in: "taro@example..jp", codes: []string{"email.domain_label"}},
		{name: "P6 hyphen at label start", in: "taro@-example.jp", codes: []string{"email.domain_label"}},
		{name: "P6 hyphen at label end", in: "taro@example-.jp", codes: []string{"email.domain_label"}},
		{name: "P6 numeric domain", in: "taro@127.0.0.1", codes: []string{"email.domain_label"}},
		{name: "P6 domain literal", in: "taro@[127.0.0.1]", codes: []string{"email.character", "email.character"}},
		{name: "P6 underscore in domain", in: "taro@exa_mple.jp", codes: []string{"email.character"}},
		{name: "P6 quoted local part", in: `"taro..x"@example.jp`, codes: []string{"email.consecutive_dots", "email.character", "email.character"}},
		{name: "P6 non-ASCII", in: "タロウ@例え.jp", codes: []string{
			"email.character", "email.character", "email.character", "email.character", "email.character"}},
		{name: "P6 label of 64", in: "taro@" + strings.Repeat("a", 64) + ".jp", codes: []string{"email.domain_label"}},
		{name: "P6 local part of 65", in: strings.Repeat("a", 65) + "@example.jp", codes: []string{"email.too_long"},
			details: []string{"The email address is too long: at most 64 characters before @ and 254 in all (65 typed where 64 are allowed)."}},
		{name: "P6 address of 255", in: "a@" + strings.Repeat(strings.Repeat("b", 63)+".", 3) + strings.Repeat("c", 61), codes: []string{"email.too_long"}}}, ParseEmail, func(e Email) string {
		if e.Local()+"@"+e.Domain() != e.String() {
			return "split as " + e.Local() + " @ " + e.Domain()
		}
		return e.String()
	})
}

func TestParseEmailLimits(t *testing.T) {
	// P6: the longest address and local part RFC 5321 allows are accepted.
	longest := strings.Repeat("a", 64) + "@" + strings.Repeat(strings.Repeat("b", 63)+".", 2) + strings.Repeat("c", 61)
	if len(longest) != maxEmailLength {
		t.Fatalf("test address has %d octets", len(longest))
	}
	if _, err := ParseEmail(longest); err != nil {
		t.Errorf("longest address: %v", err)
	}
	if _, err := ParseEmail("taro@" + strings.Repeat("a", 63) + ".jp"); err != nil {
		t.Errorf("label of 63: %v", err)
	}
}

func TestParseEmailSentinels(t *testing.T) {
	// P6: the guide's three mistakes are sentinels usable with errors.Is.
	for in, want := range map[string]error{
		"xxxxx.@xxxxxx.jp": ErrDotBeforeAt,
		"x..xx@xxxxxx.jp":  ErrConsecutiveDots,
		"xx@xxxxx.jp.":     ErrTrailingDot,
	} {
		if _, err := ParseEmail(in); !errors.Is(err, want) {
			t.Errorf("ParseEmail(%q) = %v, want %v", in, err, want)
		}
	}
}

// TestParseEmailAgainstNetMail records what net/mail.ParseAddress does with
// the addresses the doc comment of ParseEmail names.
func TestParseEmailAgainstNetMail(t *testing.T) {
	tests := []struct {
		in           string
		ours, stdlib bool // accepted
	}{
		{"taro@example.jp", true, true},
		{"Taro.Yamada@Example.JP", true, true},
		{"xxxxx.@xxxxxx.jp", false, false},
		{"x..xx@xxxxxx.jp", false, false},
		{"xx@xxxxx.jp.", false, false},
		{"taro.@docomo.ne.jp", false, false},
		{".taro@example.jp", false, false},
		{"taro@example..jp", false, false},
		{"taro＠example.jp", false, false},
		{"taro@exa mple.jp", false, false},
		{"Taro <taro@example.jp>", false, true},
		{"taro@example.jp (comment)", false, true},
		{" taro@example.jp ", false, true},
		{`"taro..x"@example.jp`, false, true},
		{"taro@[127.0.0.1]", false, true},
		{"taro@localhost", false, true},
		{"taro@-example.jp", false, true},
		{"taro@exa_mple.jp", false, true},
		{"taro@123.456", false, true},
		{"タロウ@例え.jp", false, true},
		{strings.Repeat("a", 65) + "@example.jp", false, true},
	}
	for _, tt := range tests {
		_, err := ParseEmail(tt.in)
		_, stdErr := mail.ParseAddress(tt.in)
		if (err == nil) != tt.ours || (stdErr == nil) != tt.stdlib {
			t.Errorf("%q: ParseEmail %v, net/mail %v; want accepted %v and %v", tt.in, err, stdErr, tt.ours, tt.stdlib)
		}
	}
}

func TestEmailZeroAndText(t *testing.T) {
	var zero Email
	if !zero.IsZero() || zero.String() != "" || zero.Local() != "" || zero.Domain() != "" {
		t.Fatal("zero Email is not empty")
	}
	e, err := ParseEmail("Taro@Example.JP")
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(struct{ A, B Email }{A: e})
	if err != nil || string(b) != `{"A":"Taro@example.jp","B":""}` {
		t.Fatalf("json %s, %v", b, err)
	}
	var back struct{ A, B Email }
	if err := json.Unmarshal(b, &back); err != nil || back.A != e || !back.B.IsZero() {
		t.Fatalf("round trip %+v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"A":"taro.@docomo.ne.jp"}`), &back); !errors.Is(err, ErrDotBeforeAt) {
		t.Fatalf("unmarshal of a bad address: %v", err)
	}
}

// hasPitfall reports whether s shows one of the guide's three mistakes (P6).
func hasPitfall(s string) bool {
	at := strings.LastIndexByte(s, '@')
	return strings.Contains(s, ".@") ||
		(at >= 0 && strings.Contains(s[:at], "..")) ||
		strings.HasSuffix(s, ".")
}

// P6: an accepted address never shows one of the guide's three mistakes,
// and re-parses to itself.
func TestEmailPitfallProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.StringOfN(rapid.SampledFrom([]rune("ab.@-_A1")), 1, 20, -1).Draw(t, "address")
		e, err := ParseEmail(s)
		if err != nil {
			return
		}
		if hasPitfall(s) || hasPitfall(e.String()) {
			t.Fatalf("ParseEmail accepted %q", s)
		}
		again, err := ParseEmail(e.String())
		if err != nil || again != e {
			t.Fatalf("%q re-parses to %q, %v", e, again, err)
		}
	})
}

func FuzzParseEmail(f *testing.F) {
	for _, s := range []string{
		"taro@example.jp", "Taro.Yamada@Docomo.NE.JP", "xxxxx.@xxxxxx.jp", "x..xx@xxxxxx.jp", "xx@xxxxx.jp.",
		"xxxxx.@xxxxxx", "x..xx@xxxxxx", "@xxxxx.jp.", "taro.@docomo.ne.jp", "", "@", "a@b", "a@b@c.jp",
		"Taro <taro@example.jp>", "taro＠example.jp", "taro@[127.0.0.1]", "taro@example.jp\r\n", "a@-b.jp",
		"!#$%&'*+-/=?^_`{|}~@example.jp", "タロウ@例え.jp", "\xff@\xfe.jp",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseEmail(s)
		if err != nil {
			checkRefusal(t, err)
			// The refusal is bounded whatever the input: reasons capped
			// per code, quoted labels cut.
			if n := len(err.Error()); n > 32<<10 {
				t.Fatalf("refusal of %d bytes for %d bytes of input", n, len(s))
			}
			return
		}
		if hasPitfall(s) {
			t.Fatalf("accepted %q, one of the guide's mistakes", s)
		}
		if !strings.EqualFold(e.String(), s) || e.Local()+"@"+e.Domain() != e.String() {
			t.Fatalf("%q gave %q (%q @ %q)", s, e, e.Local(), e.Domain())
		}
		again, err := ParseEmail(e.String())
		if err != nil || again != e {
			t.Fatalf("%q gave %q, which re-parses to %q, %v", s, e, again, err)
		}
		// Every address ParseEmail accepts, net/mail accepts as the same.
		a, err := mail.ParseAddress(s)
		if err != nil || a.Name != "" || !strings.EqualFold(a.Address, e.String()) {
			t.Fatalf("net/mail.ParseAddress(%q) = %+v, %v", s, a, err)
		}
	})
}
