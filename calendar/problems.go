package calendar

import (
	"fmt"
	"time"

	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// Problems lists every thing wrong with r that New would refuse (C8),
// each with its path in the JSON form of Rules
// ("closed_nth_weekdays[0].nth"), so that a document embedding Rules can
// prefix its own (reason.Problems.Prefix). It is empty for good rules;
// its Err is the error New returns for them, which matches
// reason.ErrBadInput. It does not compile r, so it says nothing of
// ErrNeverOpen.
func (r Rules) Problems() reason.Problems {
	var ps reason.Problems
	if !r.ClosedWeekdays.valid() {
		ps.Add("closed_weekdays", "bits %#x beyond the seven days", uint8(r.ClosedWeekdays&^everyDay))
	}
	for i, n := range r.ClosedNthWeekdays {
		if n.Nth < 1 || n.Nth > 5 {
			ps.Add(fmt.Sprintf("closed_nth_weekdays[%d].nth", i), "%d is not 1–5", n.Nth)
		}
		if n.Weekday < time.Sunday || n.Weekday > time.Saturday {
			ps.Add(fmt.Sprintf("closed_nth_weekdays[%d].weekday", i), "%d is not a day of the week", int(n.Weekday))
		}
	}
	if !r.DayAfterHolidayAvoids.valid() {
		ps.Add("day_after_holiday.avoids", "bits %#x beyond the seven days", uint8(r.DayAfterHolidayAvoids&^everyDay))
	}
	if !r.MonthEndAvoids.valid() {
		ps.Add("month_end.avoids", "bits %#x beyond the seven days", uint8(r.MonthEndAvoids&^everyDay))
	} else if r.MonthEnd && r.MonthEndAvoids == everyDay {
		ps.Add("month_end.avoids", "the month-end closure avoids every day of the week")
	}
	ps = append(ps, r.yearEndProblems()...)
	for i, c := range r.Closures {
		spanProblems(&ps, "closures", i, c.From, c.To)
	}
	for i, o := range r.Openings {
		spanProblems(&ps, "openings", i, o.From, o.To)
	}
	for _, ov := range overlaps(r.Openings, r.Closures) {
		o, c := r.Openings[ov[0]], r.Closures[ov[1]]
		ps.Add(fmt.Sprintf("openings[%d]", ov[0]), "opening %s overlaps closures[%d] %s", text.Quote(o.Name), ov[1], text.Quote(c.Name))
	}
	return append(ps, r.Hours.problems()...)
}

// yearEndProblems checks the year-end span (C7).
func (r Rules) yearEndProblems() reason.Problems {
	from, to := r.YearEndFrom, r.YearEndTo
	switch {
	case from.IsZero() && to.IsZero():
		return nil
	case !r.YearEnd:
		return reason.Problems{{Path: "year_end", Message: "from and to are set but the year-end closure is off"}}
	}
	var ps reason.Problems
	if from.Month != time.December || !from.valid() {
		ps.Add("year_end.from", "%s is not a day of December", monthDayText(from))
	}
	if to.Month != time.January || !to.valid() {
		ps.Add("year_end.to", "%s is not a day of January", monthDayText(to))
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

// spanProblems checks that the i-th closure or opening of list runs
// forwards, adding to ps what is wrong; the path is formatted only then.
func spanProblems(ps *reason.Problems, list string, i int, from, to Date) {
	if !from.IsZero() && !to.IsZero() && !to.Before(from) {
		return
	}
	path := fmt.Sprintf("%s[%d]", list, i)
	if from.IsZero() {
		ps.Add(path+".from", "a date is needed")
	}
	if to.IsZero() {
		ps.Add(path+".to", "a date is needed")
	}
	if !from.IsZero() && !to.IsZero() {
		ps.Add(path+".to", "%v is before from %v", to, from)
	}
}
