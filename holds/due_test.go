package holds

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/kashidashi/kashidashi/circulation"
)

// TestCollectL2L5Errors: under the next-open-day rule (L5) a due date
// needs the calendar of the place the item goes back to; calendars
// without it are bad input naming the place, never a due date on a
// closed day.
func TestCollectL2L5Errors(t *testing.T) {
	p := DefaultPolicy()
	p.Circulation.DueOnClosedDay = circulation.DueDateNextOpenDay
	r := Reservation{ID: 1, Patron: "p", Item: "i", Place: circulation.Place{Method: circulation.PrefecturalLibrary},
		State: Ready, PlacedOn: mustDay("2026-11-10"), SecuredOn: mustDay("2026-11-20"),
		ReadyOn: mustDay("2026-11-20"), Deadline: mustDay("2026-12-02")}
	got, _, err := r.collect(mustDay("2026-11-21"), Calendars{}, p)
	assert.Equal(t, []string{"place"}, pathsOf(t, err))
	assert.Equal(t, r, got)
	_, err = p.Timeline(r, Calendars{}, 0)
	assert.Equal(t, []string{"place"}, pathsOf(t, err))
	_, _, err = r.collect(mustDay("2026-11-21"), cals, p)
	assert.NoError(t, err)
}
