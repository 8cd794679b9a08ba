package circulation

import (
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/stretchr/testify/assert"
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

func TestLoanValidate(t *testing.T) {
	assert.NoError(t, loanAt(t, "2026-04-01", "2026-04-01").Validate())
	err := Loan{Item: "x", Extensions: -2, Collection: 3}.Validate()
	badInput(t, err, "place.method", "collection", "loaned", "due", "extensions")
	assert.EqualError(t, err, `bad input: place.method: is not a valid method (method(0)); collection: is not a valid collection (3); loaned: is missing; due: is missing; extensions: is negative (-2)`)
	err = loanAt(t, "2026-04-02", "2026-04-01").Validate()
	badInput(t, err, "due")
	assert.EqualError(t, err, `bad input: due: is before the loan date 2026-04-02`)
	err = Loan{Place: Place{Method: HomeDelivery, Library: "x"}, Loaned: day(t, "2026-04-01"), Due: day(t, "2026-04-01")}.Validate()
	badInput(t, err, "place.library")
}
