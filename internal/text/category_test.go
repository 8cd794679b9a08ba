package text

import (
	"strings"
	"testing"
)

// V3: a patron category is 1 to 64 characters of UTF-8 without
// surrounding space; empty is none.
func TestCategoryProblem(t *testing.T) {
	for s, ok := range map[string]bool{
		"": true, "student": true, "学生": true, strings.Repeat("あ", 64): true,
		strings.Repeat("a", 65): false, " student": false, "student\t": false, "\xff": false,
	} {
		if got := CategoryProblem(s) == ""; got != ok {
			t.Errorf("CategoryProblem(%q) accepts %v, want %v", s, got, ok)
		}
	}
}
