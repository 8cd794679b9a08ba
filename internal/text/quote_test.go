package text

import (
	"strings"
	"testing"
)

func TestQuoteCutsAtMaxQuotedRunes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"abc", `"abc"`},
		{strings.Repeat("あ", 32), `"` + strings.Repeat("あ", 32) + `"`},
		{strings.Repeat("あ", 33), `"` + strings.Repeat("あ", 32) + `…"`},
		{"\xff", `"\ufffd"`},
	} {
		if got := Quote(c.in); got != c.want {
			t.Errorf("Quote(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestShortenCutsAtMaxQuotedRunes(t *testing.T) {
	if got := Shorten("小樽市立図書館"); got != "小樽市立図書館" {
		t.Errorf("Shorten = %q", got)
	}
	if got := Shorten(strings.Repeat("館", 1000)); got != strings.Repeat("館", 32)+"…" {
		t.Errorf("Shorten = %q", got)
	}
}

func FuzzQuote(f *testing.F) {
	f.Add("abc")
	f.Add(strings.Repeat("\xffあ", 40))
	f.Fuzz(func(t *testing.T, s string) {
		if q := Quote(s); len(q) > 6*MaxQuoted+8 {
			t.Fatalf("Quote of %d bytes is %d bytes", len(s), len(q))
		}
		if q := Shorten(s); len(q) > 4*MaxQuoted+3 {
			t.Fatalf("Shorten of %d bytes is %d bytes", len(s), len(q))
		}
	})
}
