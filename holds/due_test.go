package holds

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
)

// TestDueDateL2L5Errors: the one due-date function of the package refuses
// a zero loan day, and a missing calendar when L5 moves due dates.
func TestDueDateL2L5Errors(t *testing.T) {
	p := circulation.DefaultPolicy()
	_, err := dueDate(p, circulation.PrefecturalLibrary, false, calendar.Date{}, prefectural)
	assert.ErrorIs(t, err, errDueNoLoanDay)
	d, err := dueDate(p, circulation.PartnerLibrary, false, day(t, "2026-11-20"), nil)
	assert.NoError(t, err)
	assert.Equal(t, "2026-12-19", d.String(), "L2 30 days, day of loan included")
	p.DueOnClosedDay = circulation.DueDateNextOpenDay
	_, err = dueDate(p, circulation.PartnerLibrary, false, day(t, "2026-11-20"), nil)
	assert.ErrorIs(t, err, errDueNoCalendar)
	d, err = dueDate(p, circulation.PrefecturalLibrary, false, day(t, "2026-11-23"), prefectural)
	assert.NoError(t, err)
	assert.Equal(t, "2026-12-08", d.String(), "L5 Monday 12-07 closed: next open day")
}
