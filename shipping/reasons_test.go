package shipping

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestReasonsCatalogue(t *testing.T) {
	code := regexp.MustCompile(`^[a-z_]+(\.[a-z_]+)+$`)
	seen := map[string]bool{}
	for _, r := range Reasons() {
		assert.Regexp(t, code, r.Code())
		assert.False(t, seen[r.Code()], "duplicate code %s", r.Code())
		seen[r.Code()] = true
		assert.Equal(t, "shipping", r.Package())
		assert.NotEmpty(t, r.Message("en"))
		assert.NotEmpty(t, r.Message("ja"))
		assert.NotEqual(t, r.Message("en"), r.Message("ja"))
	}
	assert.Len(t, seen, 7)
}
