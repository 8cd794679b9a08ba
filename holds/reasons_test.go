package holds

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/reason"
)

// The catalogue of reasons is checked module-wide in internal/modulecheck;
// here only what H5 says the patron must read.
func TestNeedsStaffSaysTelephoneH5(t *testing.T) {
	assert.Contains(t, ErrNeedsStaff.Message("en"), "telephone")
	assert.Contains(t, ErrNeedsStaff.Message("ja"), "電話")
}

// TestHeldBackR_HD4TakesMaxLoansFromPolicy: the held-back notice says the
// policy's loan limit, not the published 10, in both languages.
func TestHeldBackR_HD4TakesMaxLoansFromPolicy(t *testing.T) {
	p := DefaultPolicy()
	p.Circulation.MaxLoans = 5
	r := reach(t, atHome, Secured)
	_, err := r.ship(r.SecuredOn.AddDays(1), 5, p)
	require.ErrorIs(t, err, ErrHeldBack)
	var c reason.Coded
	require.ErrorAs(t, err, &c)
	en, ja := c.Message(reason.English), c.Message(reason.Japanese)
	assert.NotContains(t, en, "10")
	assert.NotContains(t, ja, "10冊")
	assert.Contains(t, en, "5 items")
	assert.Contains(t, ja, "5冊")
	assert.NotContains(t, ErrHeldBack.Message(reason.English)+ErrHeldBack.Message(reason.Japanese), "10")
}
