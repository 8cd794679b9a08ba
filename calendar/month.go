package calendar

import (
	"time"

	"github.com/kashidashi/kashidashi/reason"
)

// MonthView is one month of a place's calendar as a web calendar renders
// it: whole weeks, Sunday first as Japanese calendars print them, from
// the Sunday on or before the 1st to the Saturday on or after the last
// day, each day with its status (C8). Its JSON form has snake_case keys and
// needs no further work to display.
type MonthView struct {
	Place string `json:"place"`
	Year  int    `json:"year"`
	Month int    `json:"month"`
	// Weeks are the rows of the month, each Sunday to Saturday.
	Weeks [][7]DayView `json:"weeks"`
}

// DayView is one day of a MonthView.
type DayView struct {
	Date Date `json:"date"`
	// InMonth is false for the days of the previous and next months that
	// fill the first and last weeks.
	InMonth bool `json:"in_month"`
	Open    bool `json:"open"`
	// Closed is why the place is closed, as a stable code ("weekly"), and
	// ClosedJa and ClosedEn the same in words, with the name of a holiday
	// or an announced closure: "臨時休館（特別整理期間）", "closure
	// (inventory)". All three are empty on open days.
	Closed   ClosedKind `json:"closed,omitempty"`
	ClosedJa string     `json:"closed_ja,omitempty"`
	ClosedEn string     `json:"closed_en,omitempty"`
	// Holiday is the Japanese name of the public holiday on the day, open
	// or not.
	Holiday string `json:"holiday,omitempty"`
	// Hours are the opening hours of an open day ("09:00"–"17:00"); none
	// on a closed day.
	Hours []Window `json:"hours,omitempty"`
}

// Month returns the month view of year and m, each day under the rules
// in force on it (see Versions). Days outside the span (Calendar.Span)
// are answered by applying the rules to each.
//
// A view with no weeks (Weeks empty, "weeks": [] in JSON, never null)
// answers a month outside 1–12, a year outside 1–9999, the zero
// Calendar, and the two months whose whole weeks would run outside years
// 1 to 9999: 0001-01, whose first Sunday is in year 0, and 9999-12, whose
// last Saturday is in year 10000. Every day of a view has its date.
func (c *Calendar) Month(year int, m time.Month) MonthView {
	v := MonthView{Place: c.Name(), Year: year, Month: int(m), Weeks: [][7]DayView{}}
	first := NewDate(year, m, 1)
	if !c.compiled() || m < time.January || m > time.December || first.IsZero() || first.Year() != year {
		return v
	}
	last := first.AddDays(first.DaysInMonth() - 1)
	start := first.AddDays(-int(first.Weekday()))
	end := last.AddDays(int(time.Saturday - last.Weekday()))
	if start.IsZero() || end.IsZero() {
		return v // 0001-01 would start in year 0, 9999-12 end in year 10000
	}
	r := c.reader()
	for d := start; !d.After(end); {
		var week [7]DayView
		for i := range week {
			week[i] = r.dayView(d, d.Month() == m && d.Year() == year)
			d = d.AddDays(1)
		}
		v.Weeks = append(v.Weeks, week)
	}
	return v
}

// dayView is the view of day d under the rules in force on it.
func (r *dayReader) dayView(d Date, inMonth bool) DayView {
	dv := DayView{Date: d, InMonth: inMonth}
	dv.Holiday, _ = Holiday(d)
	open, why := r.evaluate(d)
	dv.Open = open
	if open {
		dv.Hours = r.p.rules.Hours.On(d)
	} else {
		dv.Closed, dv.ClosedJa, dv.ClosedEn = why.Kind, why.Label(reason.Japanese), why.Label(reason.English)
	}
	return dv
}
