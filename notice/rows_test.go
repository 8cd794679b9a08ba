package notice_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/notice"
	"github.com/kashidashi/kashidashi/reason"
)

// codes returns the codes of rows.
func codes(rows []notice.Row) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Code
	}
	return out
}

// TestRowsH6R_PT2R_PT3H4L2: the rows of each route, in date order, each
// with a label in both languages.
func TestRowsH6R_PT2R_PT3H4L2(t *testing.T) {
	r := secured("b", atEbetsu, circulation.General, "2026-12-25")
	rows := notice.Rows(timelineOf(policy, r, 0))
	for i, row := range rows {
		assert.NotEmpty(t, row.Label(nil, reason.English))
		assert.NotEmpty(t, row.Label(nil, reason.Japanese))
		assert.False(t, row.Date.IsZero())
		if i > 0 {
			assert.False(t, row.Date.Before(rows[i-1].Date), "date order")
		}
	}
	assert.Equal(t, []string{"notice", "sent", "first_pickup", "deadline", "due"}, codes(rows))
	assert.Equal(t, "取置期限", rows[3].Label(nil, reason.Japanese))
	assert.Equal(t, "Sent by courier to the partner library: day of loan", rows[1].Label(nil, reason.English))
	assert.Equal(t, "Due date", rows[4].Label(nil, reason.English), "L2: dated the courier day")

	held := notice.Rows(timelineOf(policy, secured("b", atHome, circulation.General, "2026-12-25"), 10))
	require.Len(t, held, 2)
	assert.Equal(t, "held_back", held[1].Code)
	assert.True(t, held[1].Date.IsZero())

	home := notice.Rows(timelineOf(policy, secured("b", atHome, circulation.General, "2026-12-25"), 0))
	assert.Equal(t, []string{"notice", "sent", "due"}, codes(home))
	assert.Equal(t, "貸出処理・発送（着払い）", home[1].Label(nil, reason.Japanese), "R-HD1, R-HD2")

	pl := notice.Rows(timelineOf(policy, secured("b", atPrefectural, circulation.General, "2026-12-25"), 0))
	assert.Equal(t, []string{"notice", "first_pickup", "deadline", "due"}, codes(pl))
	assert.Equal(t, "Due date if collected that day", pl[3].Label(nil, reason.English))
}

func TestRowsJSON(t *testing.T) {
	rows := notice.Rows(timelineOf(policy, secured("b", atHome, circulation.General, "2026-12-25"), 10))
	b, err := json.Marshal(rows)
	require.NoError(t, err)
	assert.JSONEq(t, `[{"code":"notice","date":"2026-12-25"},{"code":"held_back"}]`, string(b))
}

// TestZeroValuesNeverPanic: the zero value of every type of the package
// renders, and the zero timeline has its one row.
func TestZeroValuesNeverPanic(t *testing.T) {
	for _, l := range []reason.Lang{reason.English, reason.Japanese, ""} {
		assert.NotEmpty(t, notice.Notice{}.Text(nil, l))
		assert.NotEmpty(t, notice.ExtensionNotice{}.Text(nil, l))
		assert.Empty(t, notice.Row{}.Label(nil, l))
		assert.NotEmpty(t, notice.ExtensionNotice{Refusal: &reason.Refusal{}}.Text(nil, l))
	}
	assert.Equal(t, []string{"notice"}, codes(notice.Rows(holds.Timeline{})))
	_, err := notice.Secured(holds.Reservation{}, holds.Timeline{}, notice.Notice{}.Parcel)
	assert.ErrorIs(t, err, reason.ErrBadInput)
}
