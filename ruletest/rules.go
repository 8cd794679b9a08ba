package ruletest

import (
	"slices"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/library"
	"pgregory.net/rapid"
)

// LibraryRules draws valid calendar.Rules of the shapes real places have:
// the published presets, weekly schedules such as a courier's, and free
// combinations of weekly closures, holiday closures, a holiday Monday
// that moves its closure to the next day, a month-end closure that avoids
// some weekdays and holidays, the n-th weekday of a month (C5), the day
// after a holiday (C6), the year-end closure with its published or its
// own span (C7); each with an inventory period in March, one-off closures
// and one-off openings that overlap no closure. Every draw compiles with calendar.New. Draws
// shrink toward the zero Rules: open every day.
func LibraryRules() *rapid.Generator[calendar.Rules] {
	return rapid.Custom(func(t *rapid.T) calendar.Rules {
		var r calendar.Rules
		switch rapid.IntRange(0, 4).Draw(t, "shape") {
		case 0:
			r = freeRules(t)
		case 1:
			r = publishedSite("prefectural").Rules
		case 2:
			r = publishedSite("assembly").Rules
		case 3:
			days := rapid.SliceOfNDistinct(rapid.SampledFrom(weekdayOrder[3:]), 1, 3, rapid.ID).Draw(t, "schedule_days")
			r = calendar.WeeklySchedule("schedule", days...)
			r.ClosedOnHolidays = rapid.Bool().Draw(t, "schedule_pauses_on_holidays")
			r.YearEnd = rapid.Bool().Draw(t, "schedule_pauses_at_year_end")
		case 4:
			r = *publishedSite("assembly").StaffDays
		}
		r.Closures = append(r.Closures, closures(t)...)
		r.Openings = openings(t, r.Closures)
		return r
	})
}

// publishedSite returns the place key of the published configuration
// (library.Default), whose rules are the one statement of the
// Prefectural and Assembly Libraries', with lists clipped so that what a
// draw appends never reaches the shared configuration.
func publishedSite(key string) library.Site {
	s, err := library.Default().Site(key)
	if err != nil {
		panic("ruletest: the published configuration has no " + key + ": " + err.Error())
	}
	s.Rules.Closures, s.Rules.Openings = slices.Clip(s.Rules.Closures), slices.Clip(s.Rules.Openings)
	if s.StaffDays != nil {
		staff := *s.StaffDays
		staff.Closures, staff.Openings = slices.Clip(staff.Closures), slices.Clip(staff.Openings)
		s.StaffDays = &staff
	}
	return s
}

// freeRules draws the weekly, holiday, month-end and year-end settings.
func freeRules(t *rapid.T) calendar.Rules {
	r := calendar.Rules{
		Name:             "library",
		ClosedWeekdays:   WeekdaySet().Draw(t, "closed_weekdays"),
		ClosedOnHolidays: rapid.Bool().Draw(t, "closed_on_holidays"),
		MonthEnd:         rapid.Bool().Draw(t, "month_end"),
		YearEnd:          rapid.Bool().Draw(t, "year_end"),
	}
	if r.ClosedWeekdays != 0 {
		r.HolidayOpensWeeklyClosure = rapid.Bool().Draw(t, "holiday_opens_weekly_closure")
	}
	if r.MonthEnd {
		r.MonthEndAvoids = WeekdaySet().Draw(t, "month_end_avoids")
	}
	// The third Thursday (第3木曜日) and the like (C5).
	for i := rapid.IntRange(0, 2).Draw(t, "nth_weekday_closures"); i > 0; i-- {
		r.ClosedNthWeekdays = append(r.ClosedNthWeekdays, calendar.NthWeekday{
			Nth:     rapid.IntRange(1, 5).Draw(t, "nth"),
			Weekday: rapid.SampledFrom(weekdayOrder).Draw(t, "nth_weekday"),
		})
	}
	// The day after a holiday, usually not on a weekend (C6).
	if rapid.Bool().Draw(t, "day_after_holiday") {
		r.DayAfterHoliday = true
		r.DayAfterHolidayAvoids = WeekdaySet().Draw(t, "day_after_holiday_avoids")
	}
	// A year-end closure of its own span, such as 12-28 to 01-04 (C7).
	if r.YearEnd && rapid.Bool().Draw(t, "year_end_span") {
		r.YearEndFrom = calendar.MonthDay{Month: time.December, Day: rapid.IntRange(20, 31).Draw(t, "year_end_from")}
		r.YearEndTo = calendar.MonthDay{Month: time.January, Day: rapid.IntRange(1, 10).Draw(t, "year_end_to")}
	}
	return r
}

// closures draws up to three one-off closures: an inventory period in
// March, or a few days anywhere in the span.
func closures(t *rapid.T) []calendar.Closure {
	var cs []calendar.Closure
	for i := rapid.IntRange(0, 3).Draw(t, "closures"); i > 0; i-- {
		var from calendar.Date
		if rapid.Bool().Draw(t, "inventory") {
			y := rapid.IntRange(spanFirst.Year(), spanLast.Year()).Draw(t, "inventory_year")
			from = calendar.NewDate(y, time.March, rapid.IntRange(1, 15).Draw(t, "inventory_day"))
		} else {
			from = DateIn(spanFirst, spanLast).Draw(t, "closure_from")
		}
		to := from.AddDays(rapid.IntRange(0, 14).Draw(t, "closure_days"))
		cs = append(cs, calendar.Closure{Name: "closure", From: from, To: to})
	}
	return cs
}

// openings draws up to two one-off openings of one to three days that
// overlap none of cs, as calendar.New requires.
func openings(t *rapid.T, cs []calendar.Closure) []calendar.Opening {
	var os []calendar.Opening
	for i := rapid.IntRange(0, 2).Draw(t, "openings"); i > 0; i-- {
		from := DateIn(spanFirst, spanLast).Draw(t, "opening_from")
		o := calendar.Opening{Name: "opening", From: from, To: from.AddDays(rapid.IntRange(0, 2).Draw(t, "opening_days"))}
		overlaps := false
		for _, c := range cs {
			overlaps = overlaps || !(o.To.Before(c.From) || o.From.After(c.To))
		}
		if !overlaps {
			os = append(os, o)
		}
	}
	return os
}

// CompiledCalendar draws a calendar compiled from LibraryRules.
func CompiledCalendar() *rapid.Generator[*calendar.Calendar] {
	return rapid.Custom(func(t *rapid.T) *calendar.Calendar {
		r := LibraryRules().Draw(t, "rules")
		c, err := calendar.New(r)
		if err != nil {
			t.Fatalf("ruletest: LibraryRules drew rules that do not compile: %v", err)
		}
		return c
	})
}
