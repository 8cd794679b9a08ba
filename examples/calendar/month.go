package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
)

// printMonth draws the month view (calendar.MonthView) as a grid, Sunday
// first, marking closed days with "×" and holidays with "*", then lists
// each closed day with its reason and the hours of the open days.
func printMonth(w io.Writer, o options) error {
	v, err := o.lib.Month(o.place, o.first.Year(), o.first.Month())
	if err != nil {
		return err
	}
	site, _ := o.lib.Site(o.place)
	name := site.Name
	if o.lang == reason.English && site.NameEn != "" {
		name = site.NameEn
	}
	fmt.Fprintf(w, "%s %d-%02d (× closed, * holiday)\n", name, v.Year, v.Month)
	fmt.Fprintln(w, "  Sun  Mon  Tue  Wed  Thu  Fri  Sat")
	for _, week := range v.Weeks {
		line := ""
		for _, d := range week {
			if !d.InMonth {
				line += "     "
				continue
			}
			mark := " "
			if d.Holiday != "" {
				mark = "*"
			}
			if !d.Open {
				mark = "×"
			}
			line += fmt.Sprintf(" %2d%s ", d.Date.Day(), mark)
		}
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
	hours := map[string]int{}
	var order []string
	for _, week := range v.Weeks {
		for _, d := range week {
			switch {
			case !d.InMonth:
			case !d.Open:
				why := d.ClosedEn
				if o.lang == reason.Japanese {
					why = d.ClosedJa
				}
				fmt.Fprintf(w, "  × %s %s\n", d.Date, why)
			case d.Holiday != "":
				fmt.Fprintf(w, "  * %s %s\n", d.Date, d.Holiday)
			}
			if d.InMonth && d.Open {
				h := windows(d.Hours)
				if hours[h] == 0 {
					order = append(order, h)
				}
				hours[h]++
			}
		}
	}
	for _, h := range order {
		fmt.Fprintf(w, "  open %s on %d days\n", h, hours[h])
	}
	return nil
}

// windows formats opening hours: "09:00–17:00, 18:00–20:00".
func windows(ws []calendar.Window) string {
	s := ""
	for i, win := range ws {
		if i > 0 {
			s += ", "
		}
		s += win.String()
	}
	return s
}
