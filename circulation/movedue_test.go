package circulation

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
)

// X1, L5–L7: a due date on a day a change has closed moves under the
// rule of the loan's policy, and never before the day of the loan; one
// on an open day stays.
func TestMoveDueX1UnderEachRule(t *testing.T) {
	closed := calendar.MustNew(calendar.Rules{Closures: []calendar.Closure{{Name: "臨時休館", From: calendar.NewDate(2027, 2, 17), To: calendar.NewDate(2027, 2, 18)}}})
	loan := Loan{Item: "a", Place: Place{Method: PrefecturalLibrary}, Loaned: calendar.NewDate(2027, 2, 4), Due: calendar.NewDate(2027, 2, 17)}
	for _, c := range []struct {
		rule DueDateRule
		want calendar.Date
	}{
		{DueDateStands, calendar.NewDate(2027, 2, 17)},
		{DueDateNextOpenDay, calendar.NewDate(2027, 2, 19)},
		{DueDatePreviousOpenDay, calendar.NewDate(2027, 2, 16)},
		{DueDateEndOfClosure, calendar.NewDate(2027, 2, 18)},
	} {
		p := DefaultPolicy()
		p.DueOnClosedDay = c.rule
		got, err := p.MoveDue(loan, closed)
		require.NoError(t, err, c.rule.String())
		assert.Equal(t, c.want, got, c.rule.String())
	}
	p := DefaultPolicy()
	p.DueOnClosedDay = DueDatePreviousOpenDay
	early := loan
	early.Loaned = calendar.NewDate(2027, 2, 17)
	got, err := p.MoveDue(early, closed)
	require.NoError(t, err)
	assert.Equal(t, early.Loaned, got, "never before the day of the loan")
	_, err = p.MoveDue(Loan{}, closed)
	assert.Error(t, err)
}
