package calendar

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/reason"
)

func TestDateMatchesTimePackage(t *testing.T) {
	// Every day from 1600 to 2400 against the standard library.
	start := time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC)
	d := NewDate(1600, 1, 1)
	for tt := start; tt.Year() < 2400; tt = tt.AddDate(0, 0, 1) {
		y, m, dd := d.Date()
		if y != tt.Year() || m != tt.Month() || dd != tt.Day() || d.Weekday() != tt.Weekday() {
			t.Fatalf("%v: got %d-%d-%d %v", tt, y, m, dd, d.Weekday())
		}
		d = d.AddDays(1)
	}
}

func TestDateBasics(t *testing.T) {
	d := NewDate(2026, time.April, 1)
	assert.Equal(t, "2026-04-01", d.String())
	assert.Equal(t, time.Wednesday, d.Weekday())
	assert.Equal(t, NewDate(2026, time.April, 15), d.AddDays(14))
	assert.Equal(t, 14, d.AddDays(14).DaysSince(d))
	assert.Equal(t, NewDate(2026, time.March, 2), NewDate(2026, time.February, 30), "normalized like time.Date")
	assert.Equal(t, NewDate(2025, time.December, 31), NewDate(2026, 0, 31))
	assert.True(t, Date{}.IsZero())
	assert.Equal(t, "", Date{}.String())
	assert.True(t, Date{}.Before(d))
	assert.Equal(t, 1, d.Compare(d.AddDays(-1)))
	assert.Equal(t, 0, d.Compare(d))
	assert.True(t, NewDate(0, 12, 31).IsZero())
	assert.Equal(t, NewDate(9999, 12, 31), NewDate(9999, 12, 30).AddDays(1))
	assert.Equal(t, NewDate(1, 1, 1), NewDate(1, 1, 2).AddDays(-1))
	assert.True(t, NewDate(2026, 1, math.MaxInt).IsZero())
	assert.True(t, NewDate(math.MaxInt, 1, 1).IsZero())
}

func TestParseDate(t *testing.T) {
	for _, s := range []string{"2026-02-30", "2026-13-01", "2025-02-29", "0000-01-01", "2026-04-00"} {
		_, err := ParseDate(s)
		assert.Equal(t, reason.Problems{{Message: strconv.Quote(s) + " is no such day"}}, dateProblems(t, err), s)
	}
	for _, s := range []string{"", "2026-4-1", "2026/04/01", "20260401xx", "２０２６-04-01", "+026-04-01", "2026-04-1 "} {
		_, err := ParseDate(s)
		assert.Equal(t, reason.Problems{{Message: strconv.Quote(s) + " is not a date written YYYY-MM-DD"}}, dateProblems(t, err), s)
	}
	d, err := ParseDate("2024-02-29")
	require.NoError(t, err)
	assert.Equal(t, NewDate(2024, 2, 29), d)
}

// dateProblems returns the problems of err, an error of ParseDate, which
// must match reason.ErrBadInput.
func dateProblems(t *testing.T, err error) reason.Problems {
	t.Helper()
	assert.ErrorIs(t, err, reason.ErrBadInput)
	var ps reason.Problems
	require.ErrorAs(t, err, &ps)
	return ps
}

func TestDateJSON(t *testing.T) {
	type doc struct {
		Due  Date `json:"due"`
		None Date `json:"none"`
	}
	b, err := json.Marshal(doc{Due: NewDate(2026, 4, 15)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"due":"2026-04-15","none":""}`, string(b))
	var back doc
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, NewDate(2026, 4, 15), back.Due)
	assert.True(t, back.None.IsZero())
	assert.Error(t, json.Unmarshal([]byte(`{"due":"2026-02-30"}`), &back))
}

func TestDateOfIsTokyoDay(t *testing.T) {
	// 15:00 UTC is already midnight in Japan.
	assert.Equal(t, NewDate(2026, 4, 2), DateOf(time.Date(2026, 4, 1, 15, 0, 0, 0, time.UTC)))
	assert.Equal(t, NewDate(2026, 4, 1), DateOf(time.Date(2026, 4, 1, 14, 59, 59, 0, time.UTC)))
	ny := time.FixedZone("EST", -5*3600)
	assert.Equal(t, NewDate(2026, 4, 2), DateOf(time.Date(2026, 4, 1, 10, 0, 0, 0, ny)))
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-04-01", "2026-02-30", "0001-01-01", "9999-12-31", "", "2026-4-1", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			var ps reason.Problems
			if !errors.Is(err, reason.ErrBadInput) || !errors.As(err, &ps) || len(ps) != 1 || ps[0].Path != "" {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q) = %v", s, d)
		}
	})
}

// NewDate and AddDays never panic for any input; AddDays gives the zero
// Date exactly when the result would leave years 1..9999.
func TestPropNewDateTotal(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		y := rapid.Int().Draw(t, "y")
		m := rapid.Int().Draw(t, "m")
		dd := rapid.Int().Draw(t, "d")
		d := NewDate(y, time.Month(m), dd)
		if !d.IsZero() {
			if yy := d.Year(); yy < 1 || yy > 9999 {
				t.Fatalf("NewDate(%d, %d, %d) = %v", y, m, dd, d)
			}
		}
		n := rapid.Int().Draw(t, "n")
		e := NewDate(2026, 1, 1).AddDays(n)
		if e.IsZero() != (n < NewDate(1, 1, 1).DaysSince(NewDate(2026, 1, 1)) || n > NewDate(9999, 12, 31).DaysSince(NewDate(2026, 1, 1))) {
			t.Fatalf("AddDays(%d) = %v", n, e)
		}
	})
}

// Arithmetic that leaves years 1..9999 answers the zero Date instead of
// saturating at the nearest end, which would be a wrong date.
func TestAddDaysOutOfRangeIsZeroDate(t *testing.T) {
	d := NewDate(2026, time.April, 1)
	assert.True(t, NewDate(9999, 12, 31).AddDays(1).IsZero())
	assert.True(t, NewDate(9999, 12, 31).AddDays(5).IsZero())
	assert.True(t, NewDate(1, 1, 1).AddDays(-1).IsZero())
	assert.True(t, NewDate(1, 1, 2).AddDays(-500).IsZero())
	assert.True(t, d.AddDays(math.MaxInt).IsZero(), "no overflow")
	assert.True(t, d.AddDays(math.MinInt).IsZero(), "no overflow")
	assert.True(t, d.AddDays(maxDays).IsZero())
	assert.True(t, Date{}.AddDays(1).IsZero())
}

func TestDateOfZeroTimeIsZeroDate(t *testing.T) {
	assert.True(t, DateOf(time.Time{}).IsZero())
	assert.True(t, DateOf(time.Time{}.In(time.FixedZone("X", 14*3600))).IsZero())
	assert.Equal(t, NewDate(1, 1, 2), DateOf(time.Date(1, 1, 1, 15, 0, 0, 0, time.UTC)))
}

func TestZeroDateInIsZeroTime(t *testing.T) {
	assert.True(t, Date{}.In(JST()).IsZero())
	assert.Equal(t, time.Time{}, Date{}.In(time.UTC))
	assert.Equal(t, time.Date(2026, 4, 1, 0, 0, 0, 0, JST()), NewDate(2026, 4, 1).In(JST()))
}

// A Date prints with %#v as the expression that makes it, so that a
// failing generated case reads as a runnable Go literal.
func TestDateGoStringRunnableLiteral(t *testing.T) {
	if got := fmt.Sprintf("%#v", NewDate(2026, 4, 1)); got != "calendar.NewDate(2026, 4, 1)" {
		t.Errorf("%%#v = %s", got)
	}
	if got := fmt.Sprintf("%#v", Date{}); got != "calendar.Date{}" {
		t.Errorf("%%#v of the zero Date = %s", got)
	}
	type loan struct{ Due Date }
	if got := fmt.Sprintf("%#v", loan{NewDate(2027, 1, 4)}); got != "calendar.loan{Due:calendar.NewDate(2027, 1, 4)}" {
		t.Errorf("%%#v in a struct = %s", got)
	}
}
