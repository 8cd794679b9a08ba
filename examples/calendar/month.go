package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/reason"
)

// monthWords are the words of the month view in one language.
type monthWords struct {
	header   string // the place's name, the year and the month
	weekdays string // the grid's first line, Sunday first
	open     string // opening hours, then how many days
	allDay   string // how many days
}

var monthText = map[reason.Lang]monthWords{
	reason.English: {
		header:   "%s %d-%02d (× closed, * holiday)\n",
		weekdays: "  Sun  Mon  Tue  Wed  Thu  Fri  Sat\n",
		open:     "  open %s on %s\n",
		allDay:   "  open all day on %s\n",
	},
	reason.Japanese: {
		header:   "%s %d年%d月（×休館日 *祝日）\n",
		weekdays: "  日   月   火   水   木   金   土\n",
		open:     "  開館 %s（%s）\n",
		allDay:   "  終日開館（%s）\n",
	},
}

// printMonth draws the month view (calendar.MonthView) as a grid, Sunday
// first, marking closed days with "×" and holidays with "*", then lists
// each closed day with its reason and the hours of the open days, all in
// o.lang: holidays by calendar.HolidayName, the place by its English name
// (name_en) when the configuration gives one.
func printMonth(w io.Writer, o options) error {
	v, err := o.lib.Month(o.place, o.first.Year(), o.first.Month())
	if err != nil {
		return err
	}
	site, _ := o.lib.Site(o.place)
	words := monthText[o.lang]
	fmt.Fprintf(w, words.header, siteName(site, o.lang), v.Year, v.Month)
	fmt.Fprint(w, words.weekdays)
	printGrid(w, v)
	hours := map[string]int{}
	var order []string
	for _, week := range v.Weeks {
		for _, d := range week {
			switch {
			case !d.InMonth:
				continue
			case !d.Open:
				fmt.Fprintf(w, "  × %s %s\n", d.Date, closedWhy(d, o.lang))
				continue
			case d.Holiday != "":
				name, _ := calendar.HolidayName(d.Date, o.lang)
				fmt.Fprintf(w, "  * %s %s\n", d.Date, name)
			}
			h := windows(d.Hours)
			if hours[h] == 0 {
				order = append(order, h)
			}
			hours[h]++
		}
	}
	for _, h := range order {
		if h == allDayKey {
			fmt.Fprintf(w, words.allDay, days(hours[h], o.lang))
		} else {
			fmt.Fprintf(w, words.open, h, days(hours[h], o.lang))
		}
	}
	return nil
}

// printGrid draws the weeks of v, each day followed by its mark: "×"
// closed, "*" a holiday.
func printGrid(w io.Writer, v calendar.MonthView) {
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
}

// closedWhy is why day d is closed, in language l. A day closed for a
// public holiday is labelled with the holiday's name in l.
func closedWhy(d calendar.DayView, l reason.Lang) string {
	if l == reason.Japanese {
		return d.ClosedJa
	}
	if name, ok := calendar.HolidayName(d.Date, l); ok && d.Closed == calendar.HolidayClosure {
		return calendar.ClosedReason{Kind: d.Closed, Name: d.Holiday, NameEn: name}.Label(l)
	}
	return d.ClosedEn
}

// siteName is the place's name in language l: its English name when the
// configuration gives one, else its (Japanese) name.
func siteName(s library.Site, l reason.Lang) string {
	if l == reason.English && s.NameEn != "" {
		return s.NameEn
	}
	return s.Name
}

// days counts days in language l: "1 day", "23 days", "23日".
func days(n int, l reason.Lang) string {
	switch {
	case l == reason.Japanese:
		return fmt.Sprintf("%d日", n)
	case n == 1:
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

// allDay is the one window of a day open all day, as calendar.Hours
// gives it for a place with no hours: 00:00–24:00.
var allDay = calendar.Window{From: 0, To: calendar.ClockAt(24, 0)}

// allDayKey is what windows returns for allDay, and no hours otherwise.
const allDayKey = "all day"

// windows formats opening hours: "09:00–17:00, 18:00–20:00", and
// allDayKey for a day open all day, printed "open all day", not like a
// library open round the clock.
func windows(ws []calendar.Window) string {
	if len(ws) == 1 && ws[0] == allDay {
		return allDayKey
	}
	s := ""
	for i, win := range ws {
		if i > 0 {
			s += ", "
		}
		s += win.String()
	}
	return s
}
