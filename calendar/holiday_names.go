package calendar

import "github.com/kashidashi/kashidashi/reason"

// holidayNamesEn maps every Japanese name Holiday returns to its English
// name: those the Cabinet Office gives for the holidays of the Public
// Holiday Act (国民の祝日に関する法律), and for the days its list names
// otherwise (the one-off holidays, the 休日 of the Act, and the list's
// own wording for 2019) an English rendering of the list's name.
var holidayNamesEn = map[string]string{
	"元日":                  "New Year's Day",
	"成人の日":                "Coming of Age Day",
	"建国記念の日":              "National Foundation Day",
	"天皇誕生日":               "Emperor's Birthday",
	"春分の日":                "Vernal Equinox Day",
	"昭和の日":                "Showa Day",
	"憲法記念日":               "Constitution Memorial Day",
	"みどりの日":               "Greenery Day",
	"こどもの日":               "Children's Day",
	"海の日":                 "Marine Day",
	"山の日":                 "Mountain Day",
	"敬老の日":                "Respect for the Aged Day",
	"秋分の日":                "Autumnal Equinox Day",
	"体育の日":                "Health and Sports Day", // its name until 2019
	"体育の日（スポーツの日）":        "Health and Sports Day (Sports Day)",
	"スポーツの日":              "Sports Day",
	"文化の日":                "Culture Day",
	"勤労感謝の日":              "Labour Thanksgiving Day",
	substituteHolidayName: "Substitute Holiday",
	citizensHolidayName:   "Citizens' Holiday",
	// 2019-05-01 (the Emperor's enthronement) and 2019-10-22 (the
	// enthronement ceremony), as the Cabinet Office list writes them.
	"休日（祝日扱い）": "Holiday (treated as a national holiday)",
	"結婚の儀":     "Wedding Ceremony of the Crown Prince", // 1959-04-10, 1993-06-09
	"大喪の礼":     "Funeral Ceremony of Emperor Showa",    // 1989-02-24
	"即位礼正殿の儀":  "Enthronement Ceremony",                // 1990-11-12
}

// HolidayName reports whether d is a Japanese public holiday (C1) and, if
// so, its name in language l: the Japanese name Holiday returns for
// reason.Japanese ("成人の日"), and its English name for any other Lang, as
// reason.Localize renders one ("Coming of Age Day", "Substitute Holiday",
// "Citizens' Holiday"). The English names are the Cabinet Office's:
// "Health and Sports Day" before 2020, "Sports Day" from then on.
//
// HolidayName is safe for concurrent use and does not allocate.
func HolidayName(d Date, l reason.Lang) (name string, ok bool) {
	name, ok = Holiday(d)
	if !ok || l == reason.Japanese {
		return name, ok
	}
	if en, found := holidayNamesEn[name]; found {
		return en, true
	}
	return name, true // no name is missing: the package's tests check every one
}
