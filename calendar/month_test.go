package calendar

import (
	"encoding/json"
	"iter"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDefectMonthViewAtTheEdgesOfTheRange: the month views of 0001-01
// and 9999-12, whose first or last week would run outside years 1 to
// 9999, are views with no weeks ("weeks": []), never "weeks": null nor a
// day whose date is "", and so are the views of a month out of range and
// of the zero Calendar. The months beside them are whole.
func TestDefectMonthViewAtTheEdgesOfTheRange(t *testing.T) {
	c := MustNew(PrefecturalLibraryRules())
	for _, tc := range []struct {
		c     *Calendar
		year  int
		month time.Month
	}{{c, 1, time.January}, {c, 9999, time.December}, {c, 2027, 13}, {c, 0, time.January}, {&Calendar{}, 2027, time.April}, {nil, 2027, time.April}} {
		v := tc.c.Month(tc.year, tc.month)
		b, err := json.Marshal(v)
		require.NoError(t, err)
		assert.Contains(t, string(b), `"weeks":[]`, "%d-%02d", tc.year, tc.month)
		assert.NotContains(t, string(b), `"date":""`, "%d-%02d", tc.year, tc.month)
		assert.Equal(t, tc.year, v.Year)
		assert.Equal(t, int(tc.month), v.Month)
	}
	for _, m := range [][2]int{{1, 2}, {9999, 11}} {
		v := c.Month(m[0], time.Month(m[1]))
		require.NotEmpty(t, v.Weeks, "%v", m)
		b, err := json.Marshal(v)
		require.NoError(t, err)
		assert.NotContains(t, string(b), `"date":""`, "%v", m)
	}
}

// TestDefectZeroCalendarNeverPanics: the zero Calendar, and a nil one,
// yield nothing from ClosedDays over the whole range of dates, refuse
// WriteICS as bad input, count as open on no day in ChangedDays, and
// cannot be a version (Versions refuses them).
func TestDefectZeroCalendarNeverPanics(t *testing.T) {
	first, last := NewDate(1, 1, 1), NewDate(9999, 12, 31)
	for name, c := range map[string]*Calendar{"zero": {}, "nil": nil} {
		assert.Zero(t, count2(c.ClosedDays(first, last)), name)
		var b strings.Builder
		err := c.WriteICS(&b, first, last, ICSOptions{Stamp: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)})
		assert.Error(t, err, name)
		assert.Zero(t, b.Len(), name)
		assert.Zero(t, count1(ChangedDays(c, &Calendar{}, first, last)), name)
		assert.Zero(t, count1(ChangedDays(nil, c, first, last)), name)
		assert.Nil(t, c.HoursOn(day("2027-04-01")), name)
		_, err = Versions(c)
		assert.Error(t, err, name)
		_, err = Versions(MustNew(Rules{}), Version{From: day("2027-04-01"), Calendar: c})
		assert.Error(t, err, name)
	}
}

func count1[T any](s iter.Seq[T]) (n int) {
	for range s {
		n++
	}
	return n
}

func count2[K, V any](s iter.Seq2[K, V]) (n int) {
	for range s {
		n++
	}
	return n
}
