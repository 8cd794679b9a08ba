package calendar

import (
	_ "embed"
	"strings"
	"sync"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/jp"
)

// The Japanese names Holiday reports for the two kinds of day the Cabinet
// Office list writes only as 休日.
const (
	substituteHolidayName = "振替休日"  // a holiday that fell on a Sunday, moved on (C1)
	citizensHolidayName   = "国民の休日" // a weekday between two holidays (C1)
)

// Holiday reports whether d is a Japanese public holiday (国民の祝日・休日,
// rule C1) and, if so, its Japanese name, such as "元日", "振替休日" or
// "国民の休日".
//
// For 1955–2027 the answer is the Cabinet Office list (内閣府
// syukujitsu.csv), embedded in the package, with its 休日 entries named
// 振替休日 or 国民の休日 by the rule that made them; the names are the
// list's own, so 2019-05-01 is "休日（祝日扱い）". For 1948-07-20 to 1954
// the Public Holiday Act as first enacted is applied. From 2028 the
// current Act is applied: the fixed and Happy Monday holidays, the equinox
// days by the usual astronomical formula (the Cabinet Office fixes them a
// year ahead, so later years are predictions), the substitute holiday (a
// holiday on a Sunday moves to the next day that is not a holiday) and the
// citizens' holiday (a day between two holidays). Years after 2150 use the
// 2100–2150 equinox constants. The zero Date is not a holiday.
//
// Holiday is safe for concurrent use and does not allocate.
func Holiday(d Date) (name string, ok bool) {
	t := holidays()
	if i := int(d.n) - int(t.first); i >= 0 && i < len(t.names) {
		if k := t.names[i]; k != 0 {
			return t.nameList[k], true
		}
		return "", false
	}
	if d.n == 0 {
		return "", false
	}
	// Outside the precomputed span: work the year out on demand.
	for _, h := range holidaysOfYear(d.Year()) {
		if h.date == d {
			return h.name, true
		}
	}
	return "", false
}

// IsHoliday reports whether d is a Japanese public holiday (C1).
func IsHoliday(d Date) bool {
	_, ok := Holiday(d)
	return ok
}

// The precomputed span of the holiday table.
const (
	tableFirstYear = 1948
	tableLastYear  = 2200
	officialFirst  = 1955
	officialLast   = 2027
)

//go:embed cabinet_office_holidays.csv
var cabinetOfficeCSV string

// holidayTable maps every day of the span to a holiday name index.
type holidayTable struct {
	first    int32    // Date.n of the first day of the span
	names    []uint8  // per day: 0 for none, else index into nameList
	nameList []string // index 0 is unused
}

var holidays = sync.OnceValue(buildHolidayTable)

type datedName struct {
	date Date
	name string
}

func buildHolidayTable() *holidayTable {
	first := NewDate(tableFirstYear, 1, 1)
	last := NewDate(tableLastYear, 12, 31)
	t := &holidayTable{first: first.n, names: make([]uint8, last.n-first.n+1), nameList: []string{""}}
	index := map[string]uint8{}
	put := func(h datedName) {
		k, ok := index[h.name]
		if !ok {
			k = uint8(len(t.nameList))
			index[h.name] = k
			t.nameList = append(t.nameList, h.name)
		}
		t.names[h.date.n-first.n] = k
	}
	for _, h := range officialHolidays() {
		put(h)
	}
	for y := tableFirstYear; y <= tableLastYear; y++ {
		if y >= officialFirst && y <= officialLast {
			continue
		}
		for _, h := range holidaysOfYear(y) {
			put(h)
		}
	}
	return t
}

// officialHolidays parses the embedded Cabinet Office list and names each
// 休日 by the rule that made it.
func officialHolidays() []datedName {
	var out []datedName
	set := map[Date]bool{}
	for _, line := range strings.Split(cabinetOfficeCSV, "\n")[1:] {
		ds, name, ok := strings.Cut(strings.TrimSpace(line), ",")
		if !ok {
			continue
		}
		parts := strings.Split(ds, "/")
		if len(parts) != 3 {
			panic("calendar: corrupt embedded holiday list: " + line) // the embedded file is ours; tests guard it
		}
		y, _ := digits(parts[0])
		m, _ := digits(parts[1])
		d, _ := digits(parts[2])
		date := NewDate(y, time.Month(m), d)
		out = append(out, datedName{date, name})
		set[date] = true
	}
	for i, h := range out {
		if h.name != "休日" {
			continue
		}
		out[i].name = citizensHolidayName
		// A 休日 is a substitute when the run of holidays just before it
		// contains a Sunday.
		for p := h.date.AddDays(-1); set[p]; p = p.AddDays(-1) {
			if p.Weekday() == time.Sunday {
				out[i].name = substituteHolidayName
				break
			}
		}
	}
	return out
}

// holidaysOfYear computes the holidays of year y by the Public Holiday
// Act: as first enacted for y < 1955 (substitute holidays began in 1973,
// after the span this is used for), and as it stands now for y > 2027.
// It is pure and safe for concurrent use.
func holidaysOfYear(y int) []datedName {
	if y < 1948 {
		return nil
	}
	if y < officialFirst {
		return holidaysOf1948Act(y)
	}
	// The current Act. rickar/cal's jp definitions are right for these
	// after 2021; its equinox and substitute rules are not, so those are
	// computed here. Calc on these definitions only reads them.
	var base []datedName
	for _, h := range []struct {
		def  *cal.Holiday
		name string
	}{
		{jp.NewYear, "元日"},
		{jp.ComingOfAgeDay, "成人の日"},
		{jp.NationalFoundationDay, "建国記念の日"},
		{jp.TheEmperorsBirthday, "天皇誕生日"},
		{jp.ShowaDay, "昭和の日"},
		{jp.ConstitutionMemorialDay, "憲法記念日"},
		{jp.GreeneryDay, "みどりの日"},
		{jp.ChildrensDay, "こどもの日"},
		{jp.MarineDay, "海の日"},
		{jp.MountainDay, "山の日"},
		{jp.RespectForTheAgedDay, "敬老の日"},
		{jp.SportsDay, "スポーツの日"},
		{jp.CultureDay, "文化の日"},
		{jp.LaborThanksgivingDay, "勤労感謝の日"},
	} {
		actual, _ := h.def.Calc(y)
		base = append(base, datedName{NewDate(actual.Year(), actual.Month(), actual.Day()), h.name})
	}
	base = append(base,
		datedName{NewDate(y, time.March, vernalEquinox(y)), "春分の日"},
		datedName{NewDate(y, time.September, autumnalEquinox(y)), "秋分の日"})
	return withMadeHolidays(base)
}

// holidaysOf1948Act returns the holidays of year y (1948 to 1954) under
// the Public Holiday Act as first enacted, on 1948-07-20.
func holidaysOf1948Act(y int) []datedName {
	var out []datedName
	add := func(m time.Month, d int, name string) {
		out = append(out, datedName{NewDate(y, m, d), name})
	}
	if y > 1948 {
		add(1, 1, "元日")
		add(1, 15, "成人の日")
		add(3, vernalEquinox(y), "春分の日")
		add(4, 29, "天皇誕生日")
		add(5, 3, "憲法記念日")
		add(5, 5, "こどもの日")
	}
	add(9, autumnalEquinox(y), "秋分の日")
	add(11, 3, "文化の日")
	add(11, 23, "勤労感謝の日")
	return out
}

// withMadeHolidays returns the holidays base of a year under the current
// Act with the days the Act makes holidays added: substitute holidays and
// citizens' holidays.
func withMadeHolidays(base []datedName) []datedName {
	isBase := func(d Date) bool {
		for _, h := range base {
			if h.date == d {
				return true
			}
		}
		return false
	}
	out := append([]datedName(nil), base...)
	taken := func(d Date) bool {
		for _, h := range out {
			if h.date == d {
				return true
			}
		}
		return false
	}
	// Substitute holiday: a holiday on a Sunday moves to the nearest later
	// day that is not a holiday.
	for _, h := range base {
		if h.date.Weekday() == time.Sunday {
			d := h.date.AddDays(1)
			for taken(d) {
				d = d.AddDays(1)
			}
			out = append(out, datedName{d, substituteHolidayName})
		}
	}
	// Citizens' holiday: a day that is not a holiday, between two holidays.
	for _, h := range base {
		d := h.date.AddDays(1)
		if !taken(d) && isBase(d.AddDays(1)) && d.Weekday() != time.Sunday {
			out = append(out, datedName{d, citizensHolidayName})
		}
	}
	return out
}

// vernalEquinox returns the March day of the vernal equinox in Japan
// (春分日) by the formula of the National Astronomical Observatory.
func vernalEquinox(y int) int { return equinoxDay(y, 20.8357, 20.8431, 21.8510) }

// autumnalEquinox returns the September day of the autumnal equinox in
// Japan (秋分日).
func autumnalEquinox(y int) int { return equinoxDay(y, 23.2588, 23.2488, 24.2488) }

func equinoxDay(y int, c1900, c1980, c2100 float64) int {
	c := c1980
	switch {
	case y < 1980:
		c = c1900
	case y >= 2100:
		c = c2100
	}
	// floor(c + 0.242194 (y-1980) - floor((y-1980)/4)), with floor
	// division for years before 1980.
	dy := y - 1980
	q := dy / 4
	if dy < 0 && dy%4 != 0 {
		q--
	}
	v := c + 0.242194*float64(dy) - float64(q)
	return int(v) // v is always positive here, so truncation is floor
}
