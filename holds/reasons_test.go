package holds

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestReasonsCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Reasons() {
		assert.Equal(t, "holds", r.Package())
		assert.Regexp(t, `^[a-z_]+(\.[a-z_]+)+$`, r.Code())
		assert.False(t, seen[r.Code()], "duplicate code %s", r.Code())
		seen[r.Code()] = true
		assert.NotEmpty(t, r.Message("en"))
		assert.NotEmpty(t, r.Message("ja"))
		assert.NotEqual(t, r.Message("en"), r.Message("ja"))
	}
	assert.Len(t, seen, 20)
	// H5: the patron is told to telephone.
	assert.Contains(t, ErrNeedsStaff.Message("en"), "telephone")
	assert.Contains(t, ErrNeedsStaff.Message("ja"), "電話")
}
