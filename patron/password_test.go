package patron

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

func TestParsePassword(t *testing.T) {
	runParseCases(t, []parseCase{
		{name: "P4 four letters and digits", in: "abc1", want: "abc1"},
		{name: "P4 twelve characters", in: "abcdefghij12", want: "abcdefghij12"},
		{name: "P4 upper case", in: "ABC1", want: "abc1"},
		{name: "P4 digits only", in: "1234", want: "1234"},
		{name: "P4 empty is too short", in: "", codes: []string{"password.length"}},
		{name: "P4 three is too short", in: "ab1", codes: []string{"password.length"},
			details: []string{"The password must be 4 to 12 characters long (3 characters typed)."}},
		{name: "P4 thirteen is too long", in: "abcdefghij123", codes: []string{"password.length"}},
		{name: "P4 symbol at position", in: "abc!1", codes: []string{"password.character"},
			details: []string{"The password may contain only the half-width letters A to Z and digits 0 to 9 (character 4 is not one)."}},
		{name: "P4 space at position", in: "abc 1", codes: []string{"password.character"}},
		{name: "P4 full-width at position", in: "ａbc1", codes: []string{"password.character"},
			details: []string{"The password may contain only the half-width letters A to Z and digits 0 to 9 (character 1 is not one)."}},
		{name: "P4 ideographic space is full-width", in: "abc\u30001", codes: []string{"password.character"}},
		{name: "P4 kana", in: "abcあ", codes: []string{"password.character"}},
		{name: "P4 length in characters not bytes", in: "ａｂｃ", codes: []string{"password.length", "password.character", "password.character", "password.character"}},
		{name: "P4 every kind of character, one reason with its position", in: "a !ａé", codes: []string{"password.character", "password.character", "password.character", "password.character"},
			positions: []int{2, 3, 4, 5}},
		{name: "P4 short with symbol", in: "a-1", codes: []string{"password.length", "password.character"}},
		{name: "P4 long with symbols", in: "abc-def-ghi-jkl", codes: []string{"password.length", "password.character", "password.character", "password.character"}},
		{name: "P4 invalid UTF-8", in: "abc\xff", codes: []string{"password.character"}},
		{name: "P4 control character", in: "abc\x00", codes: []string{"password.character"}}}, ParsePassword, Password.canonical)
}

func TestPasswordEqual(t *testing.T) {
	must := func(s string) Password {
		p, err := ParsePassword(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	// P4: ABC1 and abc1 are the same password (the guide's example).
	if !must("ABC1").Equal(must("abc1")) || !must("aBc1").Equal(must("AbC1")) {
		t.Error("P4: case should not matter")
	}
	if must("abc1").Equal(must("abc2")) || must("abc1").Equal(must("abc12")) {
		t.Error("different passwords are Equal")
	}
	var zero Password
	if !zero.IsZero() || zero.Equal(zero) || zero.Equal(must("abc1")) || must("abc1").Equal(zero) {
		t.Error("the zero Password must be Equal to none")
	}
}

func TestPasswordNeverPrinted(t *testing.T) {
	p, err := ParsePassword("Secret42")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%10.3s", "%[1]v"} {
		out = append(out, fmt.Sprintf(verb, p))
	}
	out = append(out, fmt.Sprint(p), fmt.Sprintln(p), p.String(), p.GoString())
	out = append(out, fmt.Sprintf("%v %+v %#v", struct{ P Password }{p}, &p, []Password{p}))
	b, err := json.Marshal(map[string]any{"p": p, "ptr": &p})
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, string(b))
	text, _ := p.MarshalText()
	out = append(out, string(text))
	var logged bytes.Buffer
	slog.New(slog.NewTextHandler(&logged, nil)).Info("set", "password", p)
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("set", "password", p)
	out = append(out, logged.String())
	for _, s := range out {
		low := strings.ToLower(s)
		if strings.Contains(low, "secret") || strings.Contains(low, "53656372") || strings.Contains(low, "73656372") {
			t.Errorf("password revealed in %q", s)
		}
		if !strings.Contains(s, "redacted") {
			t.Errorf("%q does not say the password is redacted", s)
		}
	}
	// A refusal never quotes the password either.
	_, err = ParsePassword("Secret-42!")
	if err == nil || strings.Contains(strings.ToLower(err.Error()), "secret") {
		t.Errorf("refusal %v", err)
	}
}

// P4: the canonical form is lower case and idempotent, and parsing is
// case-blind.
func TestPasswordCaseProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.StringMatching(`[A-Za-z0-9]{4,12}`).Draw(t, "password")
		p, err := ParsePassword(s)
		if err != nil {
			t.Fatalf("ParsePassword(%q): %v", s, err)
		}
		c := p.canonical()
		if c != strings.ToLower(s) {
			t.Fatalf("canonical %q of %q", c, s)
		}
		again, err := ParsePassword(c)
		if err != nil || again.canonical() != c || !again.Equal(p) {
			t.Fatalf("canonical %q re-parses to %q, %v", c, again.canonical(), err)
		}
		up, errUp := ParsePassword(strings.ToUpper(s))
		low, errLow := ParsePassword(strings.ToLower(s))
		if errUp != nil || errLow != nil || !up.Equal(low) || !up.Equal(p) {
			t.Fatalf("%q: upper and lower case differ", s)
		}
	})
}

// P4: a password is refused exactly when it is not 4 to 12 ASCII letters
// and digits.
func TestPasswordAcceptanceProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.StringOfN(rapid.SampledFrom([]rune("aZ09 !-ａ１\u3000あé\t")), 0, 15, -1).Draw(t, "s")
		_, err := ParsePassword(s)
		n := len([]rune(s))
		ok := n >= 4 && n <= 12 && strings.Trim(s, "aZ09") == ""
		if ok != (err == nil) {
			t.Fatalf("ParsePassword(%q) error %v, want accepted %v", s, err, ok)
		}
	})
}

// reference is a password whose dump every other password's must equal.
var reference, _ = ParsePassword("Ref0")

func FuzzParsePassword(f *testing.F) {
	for _, s := range []string{
		"abc1", "ABC1", "abcdefghij12", "", "ab1", "abcdefghij123", "abc!1", "abc 1",
		"ａｂｃ１", "abc\u30001", "パスワード", "\xff\xff\xff\xff", "a\x00b\x00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePassword(s)
		if err != nil {
			checkRefusal(t, err)
			if !p.IsZero() {
				t.Fatal("refused password is not zero")
			}
			return
		}
		c := p.canonical()
		if c != strings.ToLower(s) {
			t.Fatalf("%q has canonical form %q", s, c)
		}
		again, err := ParsePassword(c)
		if err != nil || !again.Equal(p) || again.canonical() != c {
			t.Fatalf("%q: canonical %q re-parses to %q, %v", s, c, again.canonical(), err)
		}
		// P4 secrecy: dumped by reflection, every password looks the
		// same, so nothing of it can be recovered.
		type host struct{ pw Password }
		if got, want := fmt.Sprintf("%#v", host{p}), fmt.Sprintf("%#v", host{reference}); got != want {
			t.Fatalf("%q dumps as %s, unlike %s", s, got, want)
		}
	})
}

// canonical returns the lower-case form p holds.
func (p Password) canonical() string { return string(p.AppendSecret(nil)) }
