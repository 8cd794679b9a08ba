// Package calendar is the bottom of kashidashi: civil dates, Japanese
// public holidays, compiled opening-day calendars, opening hours, and
// weekly schedules such as courier days and staff days.
//
// The rules (C1–C4, R-AL1, R-PT2) are catalogued in docs/rules.md of the
// module's repository.
//
// # Dates
//
// Date is a civil date with no time of day and no location, so a host
// running in UTC gets the same answers as one in Tokyo. DateOf reads the
// day in Japan (UTC+9, fixed: no tzdata needed) of any instant; ClockOf
// reads its time of day.
//
// The zero Date means "no date". DateOf(time.Time{}) is the zero Date and
// Date{}.In(loc) the zero time.Time. Years 1 to 9999 are representable,
// and arithmetic whose result leaves them (AddDays, NewDate) gives the
// zero Date rather than a wrong date.
//
// # Holidays (C1)
//
// Holiday names the Japanese public holiday on a day. It agrees with the
// Cabinet Office list on every day 1955–2027 (the list is embedded) and
// applies the Public Holiday Act to later years: substitute holidays
// (振替休日), citizens' holidays (国民の休日) and equinox days.
//
// # Opening-day calendars (C2, C3, C4, R-AL1)
//
// Rules describe a place; New compiles them into an immutable *Calendar
// that answers IsOpen, NextOpen, AddOpenDays ("the 10th open day after"),
// OpenDaysBetween and WhyClosed in constant or logarithmic time with no
// allocation, for any date and any count. New refuses rules it cannot
// answer for in bounded time: malformed rules such as unknown Weekdays or
// Months bits (ErrInvalidRules), and rules under which the place never
// opens (ErrNeverOpen). Rules.SkipDay and Rules.MoveDay add the closures
// and openings staff announce (C4), returning a copy.
//
// The supported span is 1955-01-01 to 2100-12-31 (Calendar.Span). IsOpen
// and WhyClosed answer a day outside it by applying the rules to that day.
// NextOpen and AddOpenDays answer the zero Date, and OpenDaysBetween 0,
// when a date given is zero or outside the span, or when the answer would
// fall outside it: they never walk the years day by day.
// PrefecturalLibraryRules (C2) and AssemblyLibraryRules (R-AL1) are
// presets; WeeklySchedule expresses courier days (see package shipping)
// and AssemblyLibraryStaffDayRules the staff days that process returns (see
// package circulation). The hold-shelf deadline of package holds is
// AddOpenDays(ready, 10) on the pickup place's calendar.
//
// # Opening hours
//
// Hours hold per-day windows with seasonal overrides (C2: June to August,
// Thursdays and Fridays until 19:00); Hours.On lists a day's windows for
// display. Calendar.OpenAt is the one way to ask whether a place is open
// at an instant: an open day, within the hours of its rules. A service
// with hours of its own is a calendar of its own: the Assembly Library's
// loans and returns are AssemblyLibraryServiceRules (R-AL1).
//
// ClosedKind and ClosedReason say why a day is closed: String gives a
// stable code ("holiday:元日"), Label the English or Japanese words.
package calendar
