package calendar

import (
	"testing"

	"github.com/kashidashi/kashidashi/reason"
)

// Defect (issue 17, examples): an English month view printed 成人の日,
// because holidays had only their Japanese names. Every name Holiday can
// return, from the Cabinet Office list, the 1948 Act and the current Act
// worked out on demand, has an English name.
func TestDefectHolidayNameEveryNameHasEnglish(t *testing.T) {
	names := map[string]bool{}
	for _, n := range holidays().nameList[1:] {
		names[n] = true
	}
	for _, y := range []int{1948, 1950, 1954, 2201, 2300, 9999} { // on demand, outside the table
		for _, h := range holidaysOfYear(y) {
			names[h.name] = true
		}
	}
	if len(names) < 20 {
		t.Fatalf("only %d names found: %v", len(names), names)
	}
	for n := range names {
		en, ok := holidayNamesEn[n]
		if !ok || en == "" {
			t.Errorf("holiday %q has no English name", n)
		}
	}
	// And no English name is left over for a name the data never gives.
	for ja := range holidayNamesEn {
		if !names[ja] {
			t.Errorf("English name for %q, which Holiday never returns", ja)
		}
	}
}

// Defect (issue 17, examples): HolidayName answers in the language asked,
// with the official English names of the Cabinet Office.
func TestDefectHolidayNameInEachLanguage(t *testing.T) {
	for _, c := range []struct {
		d      Date
		ja, en string
	}{
		{NewDate(2027, 1, 1), "元日", "New Year's Day"},
		{NewDate(2027, 1, 11), "成人の日", "Coming of Age Day"},
		{NewDate(2027, 2, 11), "建国記念の日", "National Foundation Day"},
		{NewDate(2027, 2, 23), "天皇誕生日", "Emperor's Birthday"},
		{NewDate(2027, 3, 21), "春分の日", "Vernal Equinox Day"},
		{NewDate(2027, 3, 22), "振替休日", "Substitute Holiday"},
		{NewDate(2026, 9, 22), "国民の休日", "Citizens' Holiday"},
		{NewDate(2018, 10, 8), "体育の日", "Health and Sports Day"},
		{NewDate(2019, 10, 14), "体育の日（スポーツの日）", "Health and Sports Day (Sports Day)"},
		{NewDate(2020, 7, 24), "スポーツの日", "Sports Day"},
		{NewDate(2027, 11, 23), "勤労感謝の日", "Labour Thanksgiving Day"},
		{NewDate(1989, 2, 24), "大喪の礼", "Funeral Ceremony of Emperor Showa"},
		{NewDate(1993, 6, 9), "結婚の儀", "Wedding Ceremony of the Crown Prince"},
		{NewDate(2030, 9, 23), "秋分の日", "Autumnal Equinox Day"}, // worked out, not listed
		{NewDate(1950, 1, 15), "成人の日", "Coming of Age Day"},    // the 1948 Act
	} {
		if got, ok := HolidayName(c.d, reason.Japanese); !ok || got != c.ja {
			t.Errorf("HolidayName(%v, ja) = %q, %v; want %q", c.d, got, ok, c.ja)
		}
		if got, ok := HolidayName(c.d, reason.English); !ok || got != c.en {
			t.Errorf("HolidayName(%v, en) = %q, %v; want %q", c.d, got, ok, c.en)
		}
	}
	for _, d := range []Date{{}, NewDate(2027, 1, 12), NewDate(1940, 1, 1)} {
		if got, ok := HolidayName(d, reason.English); ok || got != "" {
			t.Errorf("HolidayName(%v, en) = %q, %v; want no holiday", d, got, ok)
		}
	}
	// Any other Lang reads as English, as reason.Localize renders it.
	if got, _ := HolidayName(NewDate(2027, 1, 1), reason.Lang("fr")); got != "New Year's Day" {
		t.Errorf("HolidayName(fr) = %q", got)
	}
	if n := testing.AllocsPerRun(100, func() { HolidayName(NewDate(2027, 5, 3), reason.English) }); n != 0 {
		t.Errorf("HolidayName allocates %v times", n)
	}
}

// C1: a place closed on holidays names the holiday in each language: an
// English label and iCalendar summary carry no Japanese.
func TestDefectHolidayClosureNamedInEnglish(t *testing.T) {
	c := MustNew(Rules{ClosedOnHolidays: true})
	why, closed := c.WhyClosed(NewDate(2027, 5, 3))
	if !closed {
		t.Fatal("Constitution Memorial Day open")
	}
	if got, want := why.Label(reason.English), "public holiday (Constitution Memorial Day)"; got != want {
		t.Errorf("English label %q, want %q", got, want)
	}
	if got := why.Label(reason.Japanese); got != "祝日休館（憲法記念日）" {
		t.Errorf("Japanese label %q", got)
	}
}
