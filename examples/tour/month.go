package main

import (
	"fmt"

	"github.com/kashidashi/kashidashi/calendar"
)

// printMonth draws the month of first as a grid, Sunday first, marking
// closed days with "×" and holidays with "*", and lists why each closed
// day is closed (C1, C2): the library's month view of the Prefectural
// Library, each day under the rules in force on it (C8), holidays by
// their names in the story's language.
func (s *story) printMonth(first calendar.Date) error {
	v, err := s.lib.Month("prefectural", first.Year(), first.Month())
	if err != nil {
		return err
	}
	s.heading(6, fmt.Sprintf("Hokkaido Prefectural Library, %d-%02d (× closed, * holiday)", v.Year, v.Month),
		fmt.Sprintf("北海道立図書館 %d年%d月（×休館日 *祝日）", v.Year, v.Month))
	s.say("  Sun  Mon  Tue  Wed  Thu  Fri  Sat", "  日   月   火   水   木   金   土")
	var days []calendar.DayView
	for i, week := range v.Weeks {
		for _, d := range week {
			switch {
			case d.InMonth:
				days = append(days, d)
				fmt.Fprintf(s.w, " %2d%s ", d.Date.Day(), mark(d))
			case i == 0:
				fmt.Fprint(s.w, "     ") // before the 1st
			}
		}
		fmt.Fprintln(s.w) // every week has days of the month
	}
	for _, d := range days {
		if name, ok := calendar.HolidayName(d.Date, s.lang); ok {
			fmt.Fprintf(s.w, "  * %s %s\n", d.Date, name)
		}
		if !d.Open {
			fmt.Fprintf(s.w, "  × %s %s\n", d.Date, s.tr(d.ClosedEn, d.ClosedJa))
		}
	}
	return nil
}

// mark is the mark after a day of the grid: "×" closed, "*" a holiday.
func mark(d calendar.DayView) string {
	switch {
	case !d.Open:
		return "×"
	case d.Holiday != "":
		return "*"
	}
	return " "
}
