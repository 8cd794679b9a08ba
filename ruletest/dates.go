package ruletest

import (
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"pgregory.net/rapid"
)

// The span most generators draw days from: the years hosts run in, with
// room on both sides for loans made years ago and deadlines ahead.
var (
	spanFirst = calendar.NewDate(2020, time.January, 1)
	spanLast  = calendar.NewDate(2035, time.December, 31)
)

// DateIn draws a day from from to to inclusive (to before from is read as
// from). About one draw in three is an edge day the rules treat
// specially: the last three days of a month (C2 month end) or December 28
// to January 4 (C2 year end). Draws shrink toward from.
func DateIn(from, to calendar.Date) *rapid.Generator[calendar.Date] {
	if to.Before(from) {
		to = from
	}
	n := to.DaysSince(from)
	return rapid.Custom(func(t *rapid.T) calendar.Date {
		d := from.AddDays(rapid.IntRange(0, n).Draw(t, "day"))
		switch rapid.IntRange(0, 5).Draw(t, "edge") {
		case 1: // month end: the last days of d's month
			last := calendar.NewDate(d.Year(), d.Month()+1, 0)
			d = last.AddDays(-rapid.IntRange(0, 2).Draw(t, "month_end_back"))
		case 2: // year end: December 28 to January 4
			d = calendar.NewDate(d.Year(), time.December, 28).AddDays(rapid.IntRange(0, 7).Draw(t, "year_end_day"))
		}
		if d.Before(from) || d.After(to) {
			return from.AddDays(rapid.IntRange(0, n).Draw(t, "day_in_range"))
		}
		return d
	})
}

// WeekdaySet draws a set of days of the week, usually of one or two days
// as real schedules have (Monday, Saturday and Sunday, Tuesday and
// Friday), never all seven. Draws shrink toward the empty set.
func WeekdaySet() *rapid.Generator[calendar.Weekdays] {
	return rapid.Custom(func(t *rapid.T) calendar.Weekdays {
		n := rapid.IntRange(0, 3).Draw(t, "how_many")
		if rapid.IntRange(0, 9).Draw(t, "many") == 9 {
			n = rapid.IntRange(4, 6).Draw(t, "how_many_more")
		}
		days := rapid.SliceOfNDistinct(rapid.SampledFrom(weekdayOrder), n, n, rapid.ID).Draw(t, "days")
		return calendar.WeekdaysOf(days...)
	})
}

// weekdayOrder lists the days of the week most used by real rules first,
// so that draws shrink toward Monday.
var weekdayOrder = []time.Weekday{time.Monday, time.Sunday, time.Saturday, time.Tuesday, time.Thursday, time.Friday, time.Wednesday}
