// Package calendar is the bottom of kashidashi: civil dates, Japanese
// public holidays, compiled opening-day calendars, opening hours, and
// weekly schedules such as courier days and staff days.
//
// The rules (C1–C8, R-AL1, R-PT2) are catalogued in docs/rules.md of the
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
// Months bits, and rules under which the place never opens (ErrNeverOpen).
// Rules.SkipDay and Rules.MoveDay add the closures and openings staff
// announce (C4), returning a copy. The zero Calendar is no calendar: it
// answers every day as not open and never panics.
//
// The supported span is 1955-01-01 to 2100-12-31 (Calendar.Span). IsOpen
// and WhyClosed answer a day outside it by applying the rules to that day.
// NextOpen and AddOpenDays answer the zero Date, and OpenDaysBetween 0,
// when a date given is zero or outside the span, or when the answer would
// fall outside it: they never walk the years day by day.
// The rules of the Hokkaido Prefectural Library (C2), of the Assembly
// Library (R-AL1) and its staff days, and of the courier are in the
// configuration of package library (library.Default()), as Rules in
// their JSON form; WeeklySchedule expresses schedules such as courier
// days (see package shipping) and the staff days that process returns
// (see package circulation). The hold-shelf deadline of package holds is
// AddOpenDays(ready, 10) on the pickup place's calendar.
//
// # Rules that change on a date (V1)
//
// A place may announce new rules for a later day. Versions joins the
// calendars of each version into one *Calendar that answers every day
// under the rules in force on that day: IsOpen, WhyClosed, OpenAt,
// HoursOn, the month view and ClosedDays day by day, and the counting
// queries (AddOpenDays, OpenDaysBetween, NextOpen) over the open days of
// each version spliced into one bitmap, at the same cost as a calendar
// of one version. "休館日はカウントしません" skips the days the place is
// closed, whichever version closes them, and the iCalendar export follows
// every change inside its span.
//
// # Opening hours
//
// Hours hold per-day windows with seasonal overrides (C2: June to August,
// Thursdays and Fridays until 19:00); Hours.On lists a day's windows for
// display. Calendar.OpenAt is the one way to ask whether a place is open
// at an instant: an open day, within the hours of its rules. A service
// with hours of its own is a calendar of its own: the Assembly Library's
// loans and returns keep 09:00–17:00 on its open days (R-AL1).
//
// ClosedKind and ClosedReason say why a day is closed: String gives a
// stable code ("holiday:元日"), Label the English or Japanese words.
//
// # Rules as data (C5–C8)
//
// Besides weekly closed days, holidays, the Monday-holiday shift and the
// month-end closure, Rules state the n-th weekday of a month (第3木曜日,
// ClosedNthWeekdays), the day after a public holiday (祝日の翌日,
// DayAfterHoliday), the year-end span (YearEndFrom, YearEndTo) and one-off
// closures named in Japanese and English.
//
// Rules have a JSON form, written the way a librarian states them, with
// snake_case keys:
//
//	{
//	  "name": "北海道立図書館",
//	  "closed_weekdays": ["monday"],
//	  "closed_nth_weekdays": [{"nth": 3, "weekday": "thursday"}],
//	  "closed_on_holidays": false,
//	  "holiday_opens_weekly_closure": true,
//	  "day_after_holiday": {"avoids": ["saturday", "sunday"]},
//	  "month_end": {"avoids": ["sunday", "monday", "saturday"]},
//	  "year_end": {"from": "12-29", "to": "01-03"},
//	  "closures": [{"from": "2027-03-08", "to": "2027-03-15", "reason": {"ja": "特別整理期間", "en": "inventory"}}],
//	  "openings": [{"from": "2027-03-21", "to": "2027-03-21", "reason": {"ja": "特別開館", "en": "special opening"}}],
//	  "hours": {
//	    "regular": [{"from": "09:00", "to": "17:00"}],
//	    "seasonal": [{"months": ["june", "july", "august"], "weekdays": ["thursday", "friday"], "windows": [{"from": "09:00", "to": "19:00"}]}]
//	  }
//	}
//
// Every key may be left out. "day_after_holiday", "month_end" and
// "year_end" turn their closure on by being present ({} for no avoided
// days; a "year_end" of {} is 12-29 to 01-03). "hours" left out is all
// day; "regular": [] is no hours outside the seasons. Decoding refuses
// unknown keys and reports every problem at once as a reason.Problems,
// each with its path in this form, which a document embedding Rules
// prefixes with its own (reason.Problems.Prefix("places[3].rules")).
// Rules.Problems checks Rules built in Go the same way, and New refuses
// them with the same list.
//
// # Bad input
//
// Every error of this package is bad input and matches reason.ErrBadInput
// (errors.Is): a reason.Problems (errors.As) naming each field at fault,
// its path empty for text that is the whole input (ParseDate, the
// UnmarshalText methods). Rules that close every day also match
// ErrNeverOpen.
//
// # Closed days for people (C8)
//
// Calendar.ClosedDays iterates over the closed days of a range with their
// reasons; Calendar.Month is a month, Sunday first, ready to render as
// JSON; Calendar.WriteICS exports closures as iCalendar (RFC 5545) for
// patrons to subscribe to; ChangedDays lists the days two calendars
// disagree on, what an unplanned closure changes. New indexes one-off
// closures and openings by day, so that these cost O(days + closures)
// however many closures staff have announced, and WhyClosed O(log
// closures).
package calendar
