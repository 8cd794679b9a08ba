package text

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxCategoryRunes bounds a patron category (V3): the host's name of a
// category of patrons, such as "student".
const MaxCategoryRunes = 64

// CategoryProblem returns what is wrong with the patron category s, or
// "" when s is empty or well formed: 1 to MaxCategoryRunes characters of
// valid UTF-8, without surrounding space.
func CategoryProblem(s string) string {
	if s == "" {
		return ""
	}
	if !utf8.ValidString(s) || strings.TrimSpace(s) != s || utf8.RuneCountInString(s) > MaxCategoryRunes {
		return fmt.Sprintf("is not 1 to %d characters without surrounding space", MaxCategoryRunes)
	}
	return ""
}
