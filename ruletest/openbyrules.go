package ruletest

import (
	"time"

	"github.com/kashidashi/kashidashi/calendar"
)

// OpenByRules reports whether a place following r is open on d. It is the
// reference a compiled calendar or a host's own calendar is checked
// against: a naive day-by-day reading of the meaning of each field of
// calendar.Rules (C1, C2, C4), written without the engine's compiled
// tables. Only the list of public holidays (calendar.IsHoliday), which is
// data rather than a rule, comes from package calendar. The zero Date is
// never open.
//
// The readings, in the order they decide: a one-off opening opens the day
// whatever else holds; a one-off closure closes it; the year-end closure
// closes December 29 to January 3; a weekly closed day is closed unless it
// is a holiday and holidays open weekly closures; a holiday is closed when
// holidays close; the day after a run of holidays that opened a weekly
// closure is closed in its stead; the month-end closure closes the
// month's last day that is neither avoided nor a holiday, except in
// December when the year-end closure also holds.
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
	if r.YearEnd && ((m == time.December && day >= 29) || (m == time.January && day <= 3)) {
		return false
	}
	holiday := calendar.IsHoliday(d)
	if r.ClosedWeekdays.Has(d.Weekday()) && !(holiday && r.HolidayOpensWeeklyClosure) {
		return false
	}
	if holiday && r.ClosedOnHolidays {
		return false
	}
	if r.HolidayOpensWeeklyClosure && !holiday && closureMovedTo(r, d) {
		return false
	}
	if r.MonthEnd && !(r.YearEnd && m == time.December) && d == monthEndClosure(r, y, m) {
		return false
	}
	return true
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
