package shipping

import (
	"time"

	"github.com/kashidashi/kashidashi/calendar"
)

// The courier's rules, for the package's own tests. A host reads them
// from the configuration of package library (library.Default()), which
// states the same schedule.

// CourierRules returns the schedule of the courier between the Prefectural
// Library and the partner libraries (R-PT2): every Tuesday and Friday,
// none on public holidays or from December 29 to January 3. Add the
// library's announcements to the result with calendar.Rules.SkipDay (a
// suspended courier day) and calendar.Rules.MoveDay (a moved one).
func CourierRules() calendar.Rules {
	r := calendar.WeeklySchedule("協力車", time.Tuesday, time.Friday)
	r.ClosedOnHolidays = true
	r.YearEnd = true
	return r
}

// prefecturalLibraryRules are the opening rules of the Prefectural Library
// (C2), as the library's configuration states them, for a partner's
// calendar in tests.
func prefecturalLibraryRules() calendar.Rules {
	return calendar.Rules{
		Name:                      "北海道立図書館",
		ClosedWeekdays:            calendar.WeekdaysOf(time.Monday),
		HolidayOpensWeeklyClosure: true,
		MonthEnd:                  true,
		MonthEndAvoids:            calendar.WeekdaysOf(time.Monday, time.Saturday, time.Sunday),
		YearEnd:                   true,
	}
}
