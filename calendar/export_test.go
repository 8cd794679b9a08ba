package calendar

import "time"

// The rules of the places of the Hokkaido Prefectural Library, for the
// package's own tests. A host reads them from the configuration of
// package library (library.Default()), which states the same rules.

// PrefecturalLibraryRules returns the opening rules of the Hokkaido Prefectural
// Library (C2): open 09:00–17:00, June to August on Thursdays and Fridays
// until 19:00; closed every Monday (a holiday Monday opens and the next
// day that is not a holiday closes instead), on the last day of each month
// (moved to the nearest earlier day that is not a holiday, Monday,
// Saturday or Sunday), and from December 29 to January 3. Other public
// holidays are open days. The March inventory period is announced each
// year: add it to Closures.
func PrefecturalLibraryRules() Rules {
	return Rules{
		Name:                      "北海道立図書館",
		ClosedWeekdays:            WeekdaysOf(time.Monday),
		HolidayOpensWeeklyClosure: true,
		MonthEnd:                  true,
		MonthEndAvoids:            WeekdaysOf(time.Monday, time.Saturday, time.Sunday),
		YearEnd:                   true,
		YearEndFrom:               MonthDay{time.December, 29},
		YearEndTo:                 MonthDay{time.January, 3},
		Hours: Hours{
			Regular: []Window{{From: ClockAt(9, 0), To: ClockAt(17, 0)}},
			Seasonal: []SeasonalHours{{
				Months:   MonthsOf(time.June, time.July, time.August),
				Weekdays: WeekdaysOf(time.Thursday, time.Friday),
				Windows:  []Window{{From: ClockAt(9, 0), To: ClockAt(19, 0)}},
			}},
		},
	}
}

// AssemblyLibraryRules returns the opening rules of the Hokkaido Assembly
// Library (R-AL1): open Monday to Friday 08:45–17:30; closed Saturdays,
// Sundays, public holidays and substitute holidays, and December 29 to
// January 3. Loans and returns of reserved items keep shorter hours: see
// AssemblyLibraryServiceRules.
func AssemblyLibraryRules() Rules {
	return Rules{
		Name:             "北海道議会図書室",
		ClosedWeekdays:   WeekdaysOf(time.Saturday, time.Sunday),
		ClosedOnHolidays: true,
		YearEnd:          true,
		YearEndFrom:      MonthDay{time.December, 29},
		YearEndTo:        MonthDay{time.January, 3},
		Hours:            Hours{Regular: []Window{{From: ClockAt(8, 45), To: ClockAt(17, 30)}}},
	}
}

// AssemblyLibraryServiceRules returns the Assembly Library's rules
// (AssemblyLibraryRules) with the hours in which it lends and takes back
// reserved items: 09:00–17:00 on its open days (R-AL1, R-AL3). Compile
// them, with the same announcements as the building's rules, and ask
// Calendar.OpenAt whether the service is offered at an instant.
func AssemblyLibraryServiceRules() Rules {
	r := AssemblyLibraryRules()
	r.Hours = Hours{Regular: []Window{{From: ClockAt(9, 0), To: ClockAt(17, 0)}}}
	return r
}

// AssemblyLibraryStaffDayRules returns the schedule of Prefectural Library
// staff at the Assembly Library (R-AL1, R-AL4): Tuesdays and Thursdays,
// not on public holidays nor in the year-end closure, with a lunch break
// from 13:00 to 14:00.
func AssemblyLibraryStaffDayRules() Rules {
	r := WeeklySchedule("道立図書館職員在室日", time.Tuesday, time.Thursday)
	r.ClosedOnHolidays = true
	r.YearEnd, r.YearEndFrom, r.YearEndTo = true, MonthDay{time.December, 29}, MonthDay{time.January, 3}
	r.Hours = Hours{Regular: []Window{
		{From: ClockAt(9, 0), To: ClockAt(13, 0)},
		{From: ClockAt(14, 0), To: ClockAt(17, 0)},
	}}
	return r
}
