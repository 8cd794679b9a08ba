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
// allocation. PrefecturalLibrary (C2) and AssemblyLibrary (R-AL1) are
// presets; WeeklySchedule expresses courier days (see package shipping)
// and AssemblyLibraryStaffDays the staff days that process returns (see
// package circulation). The hold-shelf deadline of package holds is
// AddOpenDays(ready, 10) on the pickup place's calendar.
//
// # Opening hours
//
// Hours hold per-day windows with seasonal overrides (C2: June to August,
// Thursdays and Fridays until 19:00) and answer whether a place is open,
// or a service offered, at an instant: Calendar.OpenAt and Hours.OpenAt.
package calendar
