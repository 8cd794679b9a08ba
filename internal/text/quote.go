// Package text holds the module's small helpers for text that goes into
// errors: quoting what a patron typed without ever copying all of it.
package text

import (
	"encoding/json"
)

// MaxQuoted is how many characters (runes) of an input Quote keeps, so
// that an error quoting what a patron typed is never as large as the
// input itself.
const MaxQuoted = 32

// Quote returns s as a JSON string literal for an error message, cut to
// its first MaxQuoted characters followed by "…" when it is longer.
// Invalid UTF-8 is shown as U+FFFD. Its cost is bounded by MaxQuoted,
// whatever the length of s.
func Quote(s string) string {
	cut := prefix(s)
	b, _ := json.Marshal(s[:cut])
	if cut < len(s) {
		return string(b[:len(b)-1]) + `…"`
	}
	return string(b)
}

// Shorten returns s unquoted, cut to its first MaxQuoted characters
// followed by "…" when it is longer, for a detail that names something
// as given (a library's name) rather than quoting it. Its cost is
// bounded by MaxQuoted, whatever the length of s.
func Shorten(s string) string {
	if cut := prefix(s); cut < len(s) {
		return s[:cut] + "…"
	}
	return s
}

// prefix returns the length in bytes of the first MaxQuoted characters
// of s.
func prefix(s string) int {
	n := 0
	for i := range s {
		if n == MaxQuoted {
			return i
		}
		n++
	}
	return len(s)
}
