package reason

import (
	"strings"
	"testing"
	"time"
)

// every parameter, to render a parsed template in full.
var every = normalize([]Param{Position(1), Limit(2), Count(3), LibraryName("L"), Date(time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)), Field("f")})

func FuzzParseTemplate(f *testing.F) {
	for _, s := range []string{"a[ {limit}]b", "{ | }", "[[{{", "[{date}{library}]", "[{x", "]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, err := parseTemplate(s)
		if err != nil {
			if tm != nil || len(err.Error()) > 200 {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		for _, l := range langs {
			full, bare := tm.text(every, l), tm.text(nil, l)
			if len(bare) > len(s) || len(full) > len(s)*8+64 {
				t.Fatalf("%q rendered %q, %q", s, bare, full)
			}
			if strings.Contains(bare, "{limit}") && !strings.Contains(s, "{{limit}}") {
				t.Fatalf("%q shows a placeholder bare: %q", s, bare)
			}
		}
	})
}
