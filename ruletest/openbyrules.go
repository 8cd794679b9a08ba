package ruletest

import (
	"time"

	"github.com/kashidashi/kashidashi/calendar"
)

// OpenByRules reports whether a place following r is open on d. It is the
// reference a compiled calendar or a host's own calendar is checked
// against: a naive day-by-day reading of the meaning of each field of
// calendar.Rules (C1, C2, C4 to C7), written without the engine's compiled
// tables. Only the list of public holidays (calendar.IsHoliday), which is
// data rather than a rule, comes from package calendar. The zero Date is
// never open.
//
// The readings, in the order they decide: a one-off opening opens the day
// whatever else holds; a one-off closure closes it; the year-end closure
// closes December 29 (or YearEndFrom) to January 3 (or YearEndTo, C7); a
// weekly closed day is closed unless it is a holiday and holidays open
// weekly closures; the n-th given weekday of a month (days 7n-6 to 7n) is
// closed, holiday or not (C5); a holiday is closed when holidays close;
// the day after a run of holidays that opened a weekly closure is closed
// in its stead; the first day that is not a holiday after one is closed
// when days after holidays close, unless its weekday is avoided (C6); the
// month-end closure closes the month's last day that is neither avoided
// nor a holiday, except in December when the year-end closure also holds.
func OpenByRules(r calendar.Rules, d calendar.Date) bool {
	if d.IsZero() {
		return false
	}
	for _, o := range r.Openings {
		if within(d, o.From, o.To) {
			return true
		}
	}
	for _, c := range r.Closures {
		if within(d, c.From, c.To) {
			return false
		}
	}
	y, m, day := d.Date()
	if r.YearEnd && inYearEnd(r, m, day) {
		return false
	}
	holiday, wd := calendar.IsHoliday(d), d.Weekday()
	if r.ClosedWeekdays.Has(wd) && !(holiday && r.HolidayOpensWeeklyClosure) {
		return false
	}
	for _, n := range r.ClosedNthWeekdays {
		// The n-th such weekday of a month falls on days 7n-6 to 7n.
		if wd == n.Weekday && (day+6)/7 == n.Nth {
			return false
		}
	}
	if holiday && r.ClosedOnHolidays {
		return false
	}
	if r.HolidayOpensWeeklyClosure && !holiday && closureMovedTo(r, d) {
		return false
	}
	if r.DayAfterHoliday && !holiday && !r.DayAfterHolidayAvoids.Has(wd) && calendar.IsHoliday(d.AddDays(-1)) {
		return false
	}
	if r.MonthEnd && !(r.YearEnd && m == time.December) && d == monthEndClosure(r, y, m) {
		return false
	}
	return true
}

// inYearEnd reports whether day of month m falls in r's year-end closure:
// from YearEndFrom in December to YearEndTo in January, December 29 to
// January 3 when both are zero (C7).
func inYearEnd(r calendar.Rules, m time.Month, day int) bool {
	from, to := 29, 3
	if !r.YearEndFrom.IsZero() || !r.YearEndTo.IsZero() {
		from, to = r.YearEndFrom.Day, r.YearEndTo.Day
	}
	return (m == time.December && day >= from) || (m == time.January && day <= to)
}

// within reports whether d is from from to to inclusive.
func within(d, from, to calendar.Date) bool { return !d.Before(from) && !d.After(to) }

// closureMovedTo reports whether a weekly closure that fell on a holiday
// moves to d: d follows a run of holidays holding a weekly closed day.
func closureMovedTo(r calendar.Rules, d calendar.Date) bool {
	for p := d.AddDays(-1); calendar.IsHoliday(p); p = p.AddDays(-1) {
		if r.ClosedWeekdays.Has(p.Weekday()) {
			return true
		}
	}
	return false
}

// monthEndClosure returns the day month m of year y closes for its month
// end: its last day, moved earlier past avoided weekdays and holidays,
// or the zero Date when every day of the month is avoided.
func monthEndClosure(r calendar.Rules, y int, m time.Month) calendar.Date {
	for d := calendar.NewDate(y, m+1, 0); d.Month() == m; d = d.AddDays(-1) {
		if !r.MonthEndAvoids.Has(d.Weekday()) && !calendar.IsHoliday(d) {
			return d
		}
	}
	return calendar.Date{}
}
