package calendar

import (
	"time"
)

// Rules describes when a place is open: its weekly closures, how public
// holidays affect it, its month-end and year-end closures, one-off
// closures and openings announced by staff (C4), the n-th weekday of a
// month (C5), the day after a holiday (C6), and its opening hours. Its
// JSON form (MarshalJSON, UnmarshalJSON; see the package documentation)
// is how a configuration states them.
// The zero Rules describe a place open every day, all day.
//
// Rules is a plain value to fill in, or to decode from its JSON form, and
// adjust; New compiles it into a *Calendar. The same type expresses weekly
// schedules such as courier days: "open" then means "the schedule runs".
// The rules of the Hokkaido Prefectural Library, the Assembly Library and
// the courier are in the configuration of package library
// (library.Default()).
type Rules struct {
	// Name names the place or schedule, for messages.
	Name string

	// ClosedWeekdays are the days of the week the place is closed.
	ClosedWeekdays Weekdays

	// ClosedNthWeekdays close the n-th given day of the week of every
	// month, such as the third Thursday (第3木曜日, C5). A month without
	// that day (no fifth Thursday) has no such closure. The closure holds
	// on a public holiday too: HolidayOpensWeeklyClosure opens weekly
	// closed days only.
	ClosedNthWeekdays []NthWeekday

	// ClosedOnHolidays closes the place on every public holiday (C1).
	ClosedOnHolidays bool

	// HolidayOpensWeeklyClosure makes a weekly closed day that is a public
	// holiday an open day, and closes instead the next day that is not a
	// holiday (C2: "when Monday is a public holiday it opens, and the next
	// weekday closes instead").
	HolidayOpensWeeklyClosure bool

	// DayAfterHoliday closes the day after a public holiday (祝日の翌日,
	// C6): the first day after a holiday, or a run of holidays, that is
	// not itself a holiday, unless its day of the week is one of
	// DayAfterHolidayAvoids (typically Saturday and Sunday: "土・日曜日に
	// あたるときは開館"). The closure is not moved elsewhere: a day after
	// a holiday that is closed anyway, or avoided, simply stays as it is.
	DayAfterHoliday bool

	// DayAfterHolidayAvoids are the days of the week the day-after-holiday
	// closure never falls on (C6).
	DayAfterHolidayAvoids Weekdays

	// MonthEnd closes the last day of each month; when that day is a
	// public holiday or one of MonthEndAvoids, the closure moves to the
	// nearest earlier day that is neither (C2). When YearEnd is also set,
	// December's month-end closure is absorbed by the year-end closure and
	// adds no day of its own: a reading, since the guide does not say.
	MonthEnd bool

	// MonthEndAvoids are the days of the week the month-end closure never
	// falls on (C2: Monday, Saturday and Sunday).
	MonthEndAvoids Weekdays

	// YearEnd closes the days from YearEndFrom in December to YearEndTo
	// in January (C7); when both are zero, December 29 to January 3.
	YearEnd bool

	// YearEndFrom and YearEndTo bound the year-end closure, inclusive:
	// a day of December and a day of January, such as 12-28 and 01-04
	// (C7). Both zero means 12-29 and 01-03.
	YearEndFrom, YearEndTo MonthDay

	// Closures are one-off closures announced by staff, such as the March
	// inventory period (C2, C4).
	Closures []Closure

	// Openings are one-off openings announced by staff (C4). An opening
	// overrides every rule above; it may not overlap a Closure.
	Openings []Opening

	// Hours are the opening hours on open days. The zero Hours mean all
	// day.
	Hours Hours
}

// Closure is a named one-off closure from From to To inclusive, such as
// the March inventory period (C4). Name is the reason in Japanese, NameEn
// in English; either may be empty.
type Closure struct {
	Name, NameEn string
	From, To     Date
}

// Opening is a named one-off opening from From to To inclusive (C4).
// Name is the reason in Japanese, NameEn in English.
type Opening struct {
	Name, NameEn string
	From, To     Date
}

// NthWeekday is the n-th given day of the week of a month: {3,
// time.Thursday} is the third Thursday (第3木曜日, C5). Nth runs from 1
// to 5.
type NthWeekday struct {
	Nth     int
	Weekday time.Weekday
}

// Covers reports whether d is within the closure.
func (c Closure) Covers(d Date) bool { return !d.Before(c.From) && !d.After(c.To) }

// Covers reports whether d is within the opening.
func (o Opening) Covers(d Date) bool { return !d.Before(o.From) && !d.After(o.To) }

// WeeklySchedule returns Rules that are "open" only on the given days of
// the week: the shape of a courier schedule (Tuesday and Friday, R-PT2) or
// of staff days (Tuesday and Thursday, R-AL1). Set ClosedOnHolidays and
// YearEnd on the result where the schedule pauses for them.
func WeeklySchedule(name string, days ...time.Weekday) Rules {
	return Rules{Name: name, ClosedWeekdays: WeekdaysOf(days...).Complement()}
}
