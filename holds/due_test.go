package holds

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/kashidashi/kashidashi/circulation"
)

// TestCollectL2L5Errors: Collect and Timeline pass on circulation's
// refusal to compute a due date without the calendar L5 needs.
func TestCollectL2L5Errors(t *testing.T) {
	p := DefaultPolicy()
	p.Circulation.DueOnClosedDay = circulation.DueDateNextOpenDay
	r := Reservation{ID: 1, Patron: "p", Item: "i", Place: circulation.Place{Method: circulation.PrefecturalLibrary},
		State: Ready, PlacedOn: mustDay("2026-11-10"), SecuredOn: mustDay("2026-11-20"),
		ReadyOn: mustDay("2026-11-20"), Deadline: mustDay("2026-12-02")}
	_, _, err := r.Collect(mustDay("2026-11-21"), false, nil, p)
	assert.ErrorIs(t, err, circulation.ErrNoCalendar)
	_, _, err = r.Collect(mustDay("2026-11-21"), false, prefectural, p)
	assert.NoError(t, err)
}
