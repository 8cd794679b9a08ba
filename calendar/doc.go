// Package calendar is the bottom of kashidashi: civil dates, Japanese
// public holidays, compiled opening-day calendars, opening hours, and
// weekly schedules such as courier days and staff days.
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
// answer for in bounded time: unknown Weekdays or Months bits, and rules
// under which the place never opens (ErrNeverOpen).
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
// Thursdays and Fridays until 19:00) and answer whether a place is open,
// or a service offered, at an instant: Calendar.OpenAt and Hours.OpenAt.
package calendar
