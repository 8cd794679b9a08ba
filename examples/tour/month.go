package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
)

// printMonth draws the month of first as a grid, Sunday first, marking
// closed days with "×" and holidays with "*", and lists why each closed
// day is closed (C1, C2).
func (s *story) printMonth(first calendar.Date) {
	lib := s.cals.Library
	first = first.AddDays(1 - first.Day())
	s.heading(6, fmt.Sprintf("Hokkaido Prefectural Library, %d-%02d (× closed, * holiday)", first.Year(), int(first.Month())),
		fmt.Sprintf("北海道立図書館 %d年%d月（×休館日 *祝日）", first.Year(), int(first.Month())))
	s.say("  Sun  Mon  Tue  Wed  Thu  Fri  Sat", "  日   月   火   水   木   金   土")
	fmt.Fprint(s.w, strings.Repeat(" ", int(first.Weekday())*5))
	for d := first; d.Month() == first.Month(); d = d.AddDays(1) {
		mark := " "
		if calendar.IsHoliday(d) {
			mark = "*"
		}
		if !lib.IsOpen(d) {
			mark = "×"
		}
		fmt.Fprintf(s.w, " %2d%s ", d.Day(), mark)
		if d.Weekday() == time.Saturday {
			fmt.Fprintln(s.w)
		}
	}
	if first.AddDays(first.DaysInMonth()-1).Weekday() != time.Saturday {
		fmt.Fprintln(s.w)
	}
	for d := first; d.Month() == first.Month(); d = d.AddDays(1) {
		if name, ok := calendar.Holiday(d); ok {
			fmt.Fprintf(s.w, "  * %s %s\n", d, name)
		}
		if why, closed := lib.WhyClosed(d); closed {
			fmt.Fprintf(s.w, "  × %s %s\n", d, why.Label(s.lang))
		}
	}
}
