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
	x := dayOf(d)
	for _, closes := range closingReadings {
		if closes(r, x) {
			return false
		}
	}
	return true
}

// day is what the readings of the rules look at on one day.
type day struct {
	date    calendar.Date
	year    int
	month   time.Month
	day     int
	weekday time.Weekday
	holiday bool
}

// dayOf returns d as the readings look at it.
func dayOf(d calendar.Date) day {
	y, m, n := d.Date()
	return day{date: d, year: y, month: m, day: n, weekday: d.Weekday(), holiday: calendar.IsHoliday(d)}
}

// closingReadings are the readings of the rules that close a day which no
// one-off opening opens, in the order OpenByRules documents: each reports
// whether its field of the rules closes the day.
var closingReadings = []func(r calendar.Rules, d day) bool{
	closedYearEnd,
	closedWeekly,
	closedNthWeekday,
	closedHoliday,
	closedMovedWeekly,
	closedDayAfterHoliday,
	closedMonthEnd,
}

// closedYearEnd: the year-end closure (C2, C7).
func closedYearEnd(r calendar.Rules, d day) bool {
	return r.YearEnd && inYearEnd(r, d.month, d.day)
}

// closedWeekly: a weekly closed day, unless a holiday opens it (C1, C2).
func closedWeekly(r calendar.Rules, d day) bool {
	return r.ClosedWeekdays.Has(d.weekday) && !(d.holiday && r.HolidayOpensWeeklyClosure)
}

// closedNthWeekday: the n-th given weekday of a month, which falls on
// days 7n-6 to 7n, holiday or not (C5).
func closedNthWeekday(r calendar.Rules, d day) bool {
	for _, n := range r.ClosedNthWeekdays {
		if d.weekday == n.Weekday && (d.day+6)/7 == n.Nth {
			return true
		}
	}
	return false
}

// closedHoliday: a public holiday, when holidays close (C1).
func closedHoliday(r calendar.Rules, d day) bool {
	return d.holiday && r.ClosedOnHolidays
}

// closedMovedWeekly: the day after a run of holidays that opened a
// weekly closure, closed in its stead (C2).
func closedMovedWeekly(r calendar.Rules, d day) bool {
	return r.HolidayOpensWeeklyClosure && !d.holiday && closureMovedTo(r, d.date)
}

// closedDayAfterHoliday: the first day that is not a holiday after one,
// unless its weekday is avoided (C6).
func closedDayAfterHoliday(r calendar.Rules, d day) bool {
	return r.DayAfterHoliday && !d.holiday && !r.DayAfterHolidayAvoids.Has(d.weekday) && calendar.IsHoliday(d.date.AddDays(-1))
}

// closedMonthEnd: the month-end closure, which December's year-end
// closure absorbs (C2).
func closedMonthEnd(r calendar.Rules, d day) bool {
	return r.MonthEnd && !(r.YearEnd && d.month == time.December) && d.date == monthEndClosure(r, d.year, d.month)
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
