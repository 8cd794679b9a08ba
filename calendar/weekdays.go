package calendar

import (
	"strings"
	"time"
)

// Weekdays is a set of days of the week. The zero value is the empty set.
type Weekdays uint8

// WeekdaysOf returns the set holding the given days.
func WeekdaysOf(days ...time.Weekday) Weekdays {
	return setOf[Weekdays](time.Sunday, time.Saturday, days)
}

// everyDay is the set of all seven days of the week.
const everyDay Weekdays = 1<<7 - 1

// valid reports whether w holds only the seven named days; New refuses
// other bits rather than guess what they mean.
func (w Weekdays) valid() bool { return w&^everyDay == 0 }

// Has reports whether d is in w.
func (w Weekdays) Has(d time.Weekday) bool { return w&(1<<d) != 0 }

// Complement returns the days of the week that are not in w.
func (w Weekdays) Complement() Weekdays { return everyDay &^ w }

// String lists the days in w, Sunday first, as "Tue,Fri".
func (w Weekdays) String() string {
	var parts []string
	for d := time.Sunday; d <= time.Saturday; d++ {
		if w.Has(d) {
			parts = append(parts, d.String()[:3])
		}
	}
	return strings.Join(parts, ",")
}

// Months is a set of months. The zero value is the empty set.
type Months uint16

// MonthsOf returns the set holding the given months.
func MonthsOf(ms ...time.Month) Months {
	return setOf[Months](time.January, time.December, ms)
}

// setOf returns the bit set of the elements of xs from lo to hi, each
// element x as bit x; it ignores the others.
func setOf[S ~uint8 | ~uint16, E ~int](lo, hi E, xs []E) S {
	var s S
	for _, x := range xs {
		if x >= lo && x <= hi {
			s |= 1 << x
		}
	}
	return s
}

// allMonths is the set of all twelve months.
const allMonths Months = 1<<13 - 2

// valid reports whether s holds only the twelve named months.
func (s Months) valid() bool { return s&^allMonths == 0 }

// Has reports whether m is in s.
func (s Months) Has(m time.Month) bool { return s&(1<<m) != 0 }

// weekdayNames and monthNames are the names the JSON form uses: lower-case
// English, "monday", "june".
var (
	weekdayNames = [7]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	monthNames   = [13]string{"", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
)

// names lists the days in w, Sunday first, by their JSON names.
func (w Weekdays) names() []string {
	var out []string
	for d := time.Sunday; d <= time.Saturday; d++ {
		if w.Has(d) {
			out = append(out, weekdayNames[d])
		}
	}
	return out
}

// names lists the months in s, January first, by their JSON names.
func (s Months) names() []string {
	var out []string
	for m := time.January; m <= time.December; m++ {
		if s.Has(m) {
			out = append(out, monthNames[m])
		}
	}
	return out
}

// weekdayNamed returns the day of the week of JSON name s.
func weekdayNamed(s string) (time.Weekday, bool) {
	for i, n := range weekdayNames {
		if s == n {
			return time.Weekday(i), true
		}
	}
	return 0, false
}

// monthNamed returns the month of JSON name s.
func monthNamed(s string) (time.Month, bool) {
	for i, n := range monthNames {
		if i > 0 && s == n {
			return time.Month(i), true
		}
	}
	return 0, false
}
