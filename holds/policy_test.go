package holds

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
)

// TestShelfDeadlineH4FirstCollectableIsDayOne: the deadline is the 10th
// open day of the place counting the first collectable day as day 1.
func TestShelfDeadlineH4FirstCollectableIsDayOne(t *testing.T) {
	p := DefaultPolicy()
	tests := []struct {
		name        string
		first, want string
		at          *calendar.Calendar
	}{
		{"H4 Prefectural Library, notice Tue 2026-04-07, first collectable 04-08", "2026-04-08", "2026-04-18", prefectural},
		{"H4 Prefectural Library, first collectable 2026-11-20; 11-24 (after a holiday Monday), 11-27 (month-end) and Mondays skipped", "2026-11-20", "2026-12-02", prefectural},
		{"H4 Prefectural Library, across the year-end; holiday Monday 2027-01-11 open", "2026-12-25", "2027-01-11", prefectural},
		{"H4 first collectable day closed (Monday): its next open day is day 1", "2026-11-16", "2026-11-28", prefectural},
		{"H4 Assembly Library skips weekends and holidays", "2026-11-20", "2026-12-04", assembly},
		{"H4 partner library with its own calendar", "2026-11-22", "2026-12-03", ebetsu},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := p.ShelfDeadline(mustDay(tt.first), tt.at)
			assert.Equal(t, tt.want, got.String())
			assert.True(t, tt.at.IsOpen(got), "H4 the deadline is an open day")
		})
	}
}

func TestShelfDeadlineEdges(t *testing.T) {
	p := DefaultPolicy()
	assert.True(t, p.ShelfDeadline(calendar.Date{}, prefectural).IsZero(), "zero ready day")
	assert.True(t, p.ShelfDeadline(mustDay("2026-11-20"), nil).IsZero(), "nil calendar")
	p.ShelfDays = 0
	assert.Equal(t, "2026-11-20", p.ShelfDeadline(mustDay("2026-11-20"), prefectural).String())
}

func TestPolicyValidate(t *testing.T) {
	require.NoError(t, DefaultPolicy().Validate())
	p := DefaultPolicy()
	p.ShelfDays = 0
	assert.Equal(t, []string{"shelf_days"}, pathsOf(t, p.Validate()))
	p = DefaultPolicy()
	p.Circulation.MaxReservations = 0
	assert.Equal(t, []string{"circulation.max_reservations"}, pathsOf(t, p.Validate()))
	p = DefaultPolicy()
	p.Overridable = circulation.CodesOf(circulation.ErrReservationLimit)
	assert.Equal(t, []string{"overridable[0]"}, pathsOf(t, p.Validate()), "a code of another package")
	ps := pathsOf(t, Policy{}.Validate())
	assert.Equal(t, "shelf_days", ps[0])
	assert.Greater(t, len(ps), 2, "every problem at once: %v", ps)
}

// TestPolicyJSON: a Policy round-trips; keys left out keep the value
// decoded into; a misspelt key, of holds.Policy or of the circulation
// policy inside it, is an error naming it, and so is an invalid policy
// or the shelf_start key, gone since ShelfDays says it all (H4).
func TestPolicyJSON(t *testing.T) {
	p := DefaultPolicy()
	p.HoldForReadingOrder = true
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"shelf_days":10`)
	var q Policy
	require.NoError(t, json.Unmarshal(b, &q))
	assert.Equal(t, p, q)

	q = DefaultPolicy()
	require.NoError(t, json.Unmarshal([]byte(`{"shelf_days":7}`), &q))
	assert.Equal(t, 7, q.ShelfDays)
	assert.Equal(t, defaultCirculation(), q.Circulation)

	for bad, want := range map[string]string{
		`{"shelf_dayz":7}`:                        "shelf_dayz",
		`{"circulation":{"max_loan":3}}`:          "max_loan",
		`{"shelf_start":"first_collectable_day"}`: "shelf_start",
		`{"shelf_days":0}`:                        "shelf_days",
		`{"circulation":{"max_loans":0}}`:         "max_loans",
		`[]`:                                      "policy",
	} {
		q := DefaultPolicy()
		assert.ErrorContains(t, json.Unmarshal([]byte(bad), &q), want, bad)
	}
}

func FuzzPolicyJSON(f *testing.F) {
	b, err := json.Marshal(DefaultPolicy())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add(`{"shelf_days":7,"hold_for_reading_order":true}`)
	f.Add(`{"shelf_dayz":7}`)
	f.Add(`{"circulation":{"due_on_closed_day":"next_open_day"}}`)
	f.Fuzz(func(t *testing.T, s string) { checkJSON(t, s, DefaultPolicy()) })
}
