package calendar

import (
	"bufio"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readHolidayCSV(t *testing.T, path string, parse func(string) Date) map[Date]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	out := map[Date]string{}
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		ds, name, ok := strings.Cut(sc.Text(), ",")
		require.True(t, ok, sc.Text())
		out[parse(ds)] = name
	}
	return out
}

func slashDate(s string) Date {
	var y, m, d int
	parts := strings.Split(s, "/")
	y, _ = digits(parts[0])
	m, _ = digits(parts[1])
	d, _ = digits(parts[2])
	return NewDate(y, time.Month(m), d)
}

// C1: agree with the Cabinet Office list on every day 1955–2027.
func TestHolidayC1MatchesCabinetOfficeList(t *testing.T) {
	want := readHolidayCSV(t, "testdata/syukujitsu.csv", slashDate)
	require.Greater(t, len(want), 1000)
	for d := NewDate(1955, 1, 1); d.Year() <= 2027; d = d.AddDays(1) {
		name, ok := Holiday(d)
		wname, wok := want[d]
		if ok != wok {
			t.Errorf("C1 %v: holiday=%v, list says %v (%q)", d, ok, wok, wname)
			continue
		}
		if wname == "休日" {
			if name != substituteHolidayName && name != citizensHolidayName {
				t.Errorf("C1 %v: name %q for 休日", d, name)
			}
		} else if name != wname {
			t.Errorf("C1 %v: name %q, list %q", d, name, wname)
		}
	}
}

// C1: years after the list follow the Act; they must agree with the
// predictions in testdata/holidays-2028-2050.csv.
func TestHolidayC1MatchesPredictions2028to2050(t *testing.T) {
	want := readHolidayCSV(t, "testdata/holidays-2028-2050.csv", func(s string) Date {
		d, err := ParseDate(s)
		require.NoError(t, err)
		return d
	})
	for d := NewDate(2028, 1, 1); d.Year() <= 2050; d = d.AddDays(1) {
		name, ok := Holiday(d)
		wname, wok := want[d]
		if ok != wok {
			t.Errorf("C1 %v: holiday=%v (%q), prediction says %v (%q)", d, ok, name, wok, wname)
			continue
		}
		switch {
		case strings.HasSuffix(wname, " 振替休日"):
			assert.Equal(t, substituteHolidayName, name, d.String())
		case wname == "休日":
			assert.Equal(t, citizensHolidayName, name, d.String())
		case ok:
			assert.Equal(t, wname, name, d.String())
		}
	}
}

func TestHolidayC1Examples(t *testing.T) {
	for _, c := range []struct {
		date string
		name string
	}{
		{"2026-01-01", "元日"},
		{"2026-05-06", substituteHolidayName}, // 憲法記念日 on Sunday 05-03
		{"2026-09-22", citizensHolidayName},   // between 敬老の日 and 秋分の日
		{"2026-11-23", "勤労感謝の日"},
		{"2019-04-30", citizensHolidayName},
		{"2019-05-06", substituteHolidayName},
		{"2037-09-22", citizensHolidayName},
		{"2043-09-22", citizensHolidayName},
		{"2049-09-21", citizensHolidayName},
		{"1950-11-03", "文化の日"},
		{"2300-01-01", "元日"}, // beyond the precomputed table
	} {
		d, err := ParseDate(c.date)
		require.NoError(t, err)
		name, ok := Holiday(d)
		assert.True(t, ok, "C1 %s", c.date)
		assert.Equal(t, c.name, name, "C1 %s", c.date)
	}
	for _, s := range []string{"2026-11-24", "1947-01-01", "2026-05-07"} {
		d, _ := ParseDate(s)
		assert.False(t, IsHoliday(d), "C1 %s", s)
	}
	assert.False(t, IsHoliday(Date{}))
}

// Outside the table, the on-demand rules give the same answer as inside.
func TestHolidayOnDemandMatchesTable(t *testing.T) {
	for y := 2028; y <= tableLastYear; y++ {
		for _, h := range holidaysOfYear(y) {
			name, ok := Holiday(h.date)
			if !ok || name != h.name {
				t.Fatalf("%v: table %q, rules %q", h.date, name, h.name)
			}
		}
	}
}

func TestHolidayConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for d := NewDate(2020+g, 1, 1); d.Year() < 2022+g; d = d.AddDays(1) {
				IsHoliday(d)
				IsHoliday(NewDate(2300+g, d.Month(), d.Day()))
			}
		}(g)
	}
	wg.Wait()
}

// C1: the rules applied after 2027 reproduce the official list for the
// years already under the current Act (2022–2027).
func TestHolidayRulesReproduceRecentYears(t *testing.T) {
	for y := 2022; y <= 2027; y++ {
		got := map[Date]string{}
		for _, h := range holidaysOfYear(y) {
			got[h.date] = h.name
		}
		n := 0
		for d := NewDate(y, 1, 1); d.Year() == y; d = d.AddDays(1) {
			name, ok := Holiday(d) // the official list
			if ok {
				n++
			}
			if got[d] != name {
				t.Errorf("C1 %v: rules %q, list %q", d, got[d], name)
			}
		}
		if n != len(got) {
			t.Errorf("C1 %d: rules give %d holidays, list %d", y, len(got), n)
		}
	}
}
