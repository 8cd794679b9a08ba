package calendar

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// inventoryRules are the Prefectural Library's rules (C2) with the March
// 2027 inventory period announced (C4).
func inventoryRules() Rules {
	r := PrefecturalLibraryRules()
	r.Closures = append(r.Closures, Closure{Name: "特別整理期間", NameEn: "inventory", From: day("2027-03-08"), To: day("2027-03-15")})
	return r
}

func TestClosedDaysC2StaysInSpanAndStopsEarly(t *testing.T) {
	c := MustNew(PrefecturalLibraryRules())
	n := 0
	for range c.ClosedDays(NewDate(1, 1, 1), NewDate(9999, 12, 31)) {
		n++
	}
	first, last := c.Span()
	m := 0
	for range c.ClosedDays(first, last) {
		m++
	}
	assert.Equal(t, m, n)
	assert.Greater(t, n, 146*60)
	for range c.ClosedDays(Date{}, last) {
		t.Fatal("zero from yields days")
	}
	for range c.ClosedDays(last, first) {
		t.Fatal("reversed range yields days")
	}
	for d := range c.ClosedDays(first, last) {
		assert.Equal(t, day("1955-01-01"), d)
		break
	}
}

// C4: a closure names itself in both languages in ClosedDays.
func TestClosedDaysC4NamesTheInventory(t *testing.T) {
	c := MustNew(inventoryRules())
	var got []string
	for d, why := range c.ClosedDays(day("2027-03-07"), day("2027-03-16")) {
		got = append(got, d.String()+" "+why.Label("ja")+" / "+why.Label("en"))
	}
	assert.Equal(t, []string{
		"2027-03-08 臨時休館（特別整理期間） / closure (inventory)",
		"2027-03-09 臨時休館（特別整理期間） / closure (inventory)",
		"2027-03-10 臨時休館（特別整理期間） / closure (inventory)",
		"2027-03-11 臨時休館（特別整理期間） / closure (inventory)",
		"2027-03-12 臨時休館（特別整理期間） / closure (inventory)",
		"2027-03-13 臨時休館（特別整理期間） / closure (inventory)",
		"2027-03-14 臨時休館（特別整理期間） / closure (inventory)",
		"2027-03-15 臨時休館（特別整理期間） / closure (inventory)",
	}, got)
}

// C2: May 2026 of the Prefectural Library, as the JSON a web calendar
// renders: Golden Week opens the holiday Monday and closes Thursday 05-07.
func TestMonthC2GoldenMay2026(t *testing.T) {
	v := MustNew(inventoryRules()).Month(2026, time.May)
	got, err := json.MarshalIndent(v, "", "  ")
	require.NoError(t, err)
	got = append(got, '\n')
	golden := filepath.Join("testdata", "month-2026-05.golden.json")
	if *update {
		require.NoError(t, os.WriteFile(golden, got, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	if !bytes.Equal(got, want) {
		t.Errorf("month view differs from %s; run go test ./calendar -run Golden -update and review the diff\n%s", golden, got)
	}
}

func TestMonthC8WeeksCoverTheMonthSundayFirst(t *testing.T) {
	c := MustNew(inventoryRules())
	for _, ym := range []struct {
		y int
		m time.Month
	}{{2026, time.February}, {2027, time.March}, {2100, time.December}, {1, time.January}, {9999, time.December}, {2026, 13}, {0, 1}} {
		v := c.Month(ym.y, ym.m)
		in := 0
		for _, w := range v.Weeks {
			assert.Equal(t, time.Sunday, w[0].Date.Weekday())
			for _, dv := range w {
				if dv.InMonth {
					in++
					assert.Equal(t, c.IsOpen(dv.Date), dv.Open, dv.Date)
					assert.Equal(t, dv.Open, dv.Closed == 0)
				}
			}
		}
		// 0001-01 and 9999-12 have no weeks: theirs would leave years 1–9999.
		if ym.m >= 1 && ym.m <= 12 && ym.y > 1 && (ym.y != 9999 || ym.m != time.December) {
			assert.Equal(t, NewDate(ym.y, ym.m, 1).DaysInMonth(), in, ym)
		}
	}
}

func TestChangedDaysC8SnowstormClosure(t *testing.T) {
	before := MustNew(PrefecturalLibraryRules())
	after := MustNew(PrefecturalLibraryRules().SkipDay(day("2027-01-19"), "暴風雪"))
	var got []Date
	for d := range ChangedDays(before, after, NewDate(1, 1, 1), NewDate(9999, 12, 31)) {
		got = append(got, d)
	}
	assert.Equal(t, []Date{day("2027-01-19")}, got)
}
