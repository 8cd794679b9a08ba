package calendar

import (
	"fmt"
	"strings"
	"time"

	"github.com/kashidashi/kashidashi/internal/text"
)

// Problem is one thing wrong with Rules (C8). Path locates it in the JSON form
// of Rules ("closed_nth_weekdays[0].nth"), so that a document embedding
// Rules can prefix its own path ("places[3]."); Message says what is
// wrong ("6 is not 1–5").
type Problem struct {
	Path, Message string
}

// String returns "path: message".
func (p Problem) String() string { return p.Path + ": " + p.Message }

// Problems is every problem found in Rules, in the order of the JSON
// form. As an error it wraps ErrInvalidRules; New and Rules.UnmarshalJSON
// return it, so that errors.As finds the list.
type Problems []Problem

// Error lists the problems: "calendar: invalid rules: path: message; ...".
func (ps Problems) Error() string {
	var b strings.Builder
	b.WriteString(ErrInvalidRules.Error())
	for i, p := range ps {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns ErrInvalidRules.
func (ps Problems) Unwrap() error { return ErrInvalidRules }

// Problems lists every thing wrong with r that New would refuse
// (ErrInvalidRules), each with its JSON path; it is empty for good rules.
// It does not compile r, so it says nothing of ErrNeverOpen.
func (r Rules) Problems() Problems {
	var ps Problems
	add := func(path, format string, args ...any) {
		ps = append(ps, Problem{path, fmt.Sprintf(format, args...)})
	}
	if !r.ClosedWeekdays.valid() {
		add("closed_weekdays", "bits %#x beyond the seven days", uint8(r.ClosedWeekdays&^everyDay))
	}
	for i, n := range r.ClosedNthWeekdays {
		if n.Nth < 1 || n.Nth > 5 {
			add(fmt.Sprintf("closed_nth_weekdays[%d].nth", i), "%d is not 1–5", n.Nth)
		}
		if n.Weekday < time.Sunday || n.Weekday > time.Saturday {
			add(fmt.Sprintf("closed_nth_weekdays[%d].weekday", i), "%d is not a day of the week", int(n.Weekday))
		}
	}
	if !r.DayAfterHolidayAvoids.valid() {
		add("day_after_holiday.avoids", "bits %#x beyond the seven days", uint8(r.DayAfterHolidayAvoids&^everyDay))
	}
	if !r.MonthEndAvoids.valid() {
		add("month_end.avoids", "bits %#x beyond the seven days", uint8(r.MonthEndAvoids&^everyDay))
	} else if r.MonthEnd && r.MonthEndAvoids == everyDay {
		add("month_end.avoids", "the month-end closure avoids every day of the week")
	}
	ps = append(ps, r.yearEndProblems()...)
	for i, c := range r.Closures {
		ps = append(ps, spanProblems(fmt.Sprintf("closures[%d]", i), c.From, c.To)...)
	}
	for i, o := range r.Openings {
		ps = append(ps, spanProblems(fmt.Sprintf("openings[%d]", i), o.From, o.To)...)
	}
	for _, ov := range overlaps(r.Openings, r.Closures) {
		o, c := r.Openings[ov[0]], r.Closures[ov[1]]
		add(fmt.Sprintf("openings[%d]", ov[0]), "opening %s overlaps closures[%d] %s", text.Quote(o.Name), ov[1], text.Quote(c.Name))
	}
	return append(ps, r.Hours.problems()...)
}

// yearEndProblems checks the year-end span (C7).
func (r Rules) yearEndProblems() []Problem {
	from, to := r.YearEndFrom, r.YearEndTo
	switch {
	case from.IsZero() && to.IsZero():
		return nil
	case !r.YearEnd:
		return []Problem{{"year_end", "from and to are set but the year-end closure is off"}}
	}
	var ps []Problem
	if from.Month != time.December || !from.valid() {
		ps = append(ps, Problem{"year_end.from", fmt.Sprintf("%s is not a day of December", monthDayText(from))})
	}
	if to.Month != time.January || !to.valid() {
		ps = append(ps, Problem{"year_end.to", fmt.Sprintf("%s is not a day of January", monthDayText(to))})
	}
	return ps
}

// monthDayText formats md for a message, even when it is not a day.
func monthDayText(md MonthDay) string {
	if md.IsZero() {
		return "nothing"
	}
	if md.valid() {
		return md.String()
	}
	return fmt.Sprintf("month %d day %d", int(md.Month), md.Day)
}

// spanProblems checks that a closure or opening runs forwards.
func spanProblems(path string, from, to Date) []Problem {
	var ps []Problem
	if from.IsZero() {
		ps = append(ps, Problem{path + ".from", "a date is needed"})
	}
	if to.IsZero() {
		ps = append(ps, Problem{path + ".to", "a date is needed"})
	}
	if len(ps) == 0 && to.Before(from) {
		ps = append(ps, Problem{path + ".to", fmt.Sprintf("%v is before from %v", to, from)})
	}
	return ps
}
