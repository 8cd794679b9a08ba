package circulation

import (
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"
)

// TestOverdue: L4 e — a loan is overdue from the day after its due date.
func TestOverdue(t *testing.T) {
	l := loanAt(t, "2026-04-01", "2026-04-15")
	for _, c := range []struct {
		today   string
		overdue bool
		days    int
	}{
		{"2026-04-01", false, 0},
		{"2026-04-15", false, 0},
		{"2026-04-16", true, 1},
		{"2026-05-15", true, 30},
	} {
		assert.Equal(t, c.overdue, l.Overdue(day(t, c.today)), "L4 e Overdue on %s", c.today)
		assert.Equal(t, c.days, l.DaysOverdue(day(t, c.today)), "DaysOverdue on %s", c.today)
	}
	assert.False(t, l.Overdue(calendar.Date{}), "zero today")
	assert.False(t, Loan{}.Overdue(day(t, "2026-04-16")), "zero due date")
	assert.Equal(t, 0, Loan{}.DaysOverdue(day(t, "2026-04-16")))
}

func TestOverdueLaws(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		l := genLoan(t, "loan", calendar.Date{})
		today := genDate(t, "today")
		n := l.DaysOverdue(today)
		if l.Overdue(today) != (n > 0) || n < 0 || (n > 0 && l.Due.AddDays(n) != today) {
			t.Fatalf("due %v, today %v: overdue %v, %d days", l.Due, today, l.Overdue(today), n)
		}
	})
}

func TestLoanValidate(t *testing.T) {
	assert.NoError(t, loanAt(t, "2026-04-01", "2026-04-01").Validate())
	err := Loan{Item: "x", Extensions: -2, Collection: 3}.Validate()
	assert.ErrorIs(t, err, ErrInconsistentInput)
	assert.EqualError(t, err, `circulation: inconsistent input: loan "x": place: no valid method; invalid collection 3; no loan date; no due date; negative extensions -2`)
}
