package holds

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The catalogue of reasons is checked module-wide in internal/modulecheck;
// here only what H5 says the patron must read.
func TestNeedsStaffSaysTelephoneH5(t *testing.T) {
	assert.Contains(t, ErrNeedsStaff.Message("en"), "telephone")
	assert.Contains(t, ErrNeedsStaff.Message("ja"), "電話")
}
