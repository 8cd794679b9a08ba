package main

import (
	"fmt"
	"io"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
)

// printMonth draws the month of first as a grid, Sunday first, marking
// closed days with "×" and listing why each is closed.
func printMonth(w io.Writer, lib *calendar.Calendar, first calendar.Date, t text) {
	first = first.AddDays(1 - first.Day())
	fmt.Fprintf(w, t.monthTitle+"\n", lib.Name(), first.Year(), int(first.Month()))
	fmt.Fprintln(w, t.weekHeader)
	col := int(first.Weekday())
	fmt.Fprint(w, spaces(col*5))
	for d := first; d.Month() == first.Month(); d = d.AddDays(1) {
		mark := " "
		if !lib.IsOpen(d) {
			mark = "×"
		}
		fmt.Fprintf(w, " %2d%s ", d.Day(), mark)
		if d.Weekday() == time.Saturday {
			fmt.Fprintln(w)
		}
	}
	if last := first.AddDays(first.DaysInMonth() - 1); last.Weekday() != time.Saturday {
		fmt.Fprintln(w)
	}
	for d := first; d.Month() == first.Month(); d = d.AddDays(1) {
		why, closed := lib.WhyClosed(d)
		if !closed {
			continue
		}
		reason := why.String()
		if t.lang == "ja" {
			reason = why.Japanese()
		}
		fmt.Fprintf(w, "  × %s %s\n", d, reason)
	}
}

func spaces(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = ' '
	}
	return string(b)
}
