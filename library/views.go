package library

import (
	"io"
	"iter"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
)

// segments yields the days from from to to split where the place's rules
// change, each with the calendar in force on its days (V1).
func (s *compiled) segments(from, to calendar.Date) iter.Seq2[[2]calendar.Date, *calendar.Calendar] {
	return func(yield func([2]calendar.Date, *calendar.Calendar) bool) {
		for i, v := range s.cals {
			lo, hi := from, to
			if v.from.After(lo) {
				lo = v.from
			}
			if i+1 < len(s.cals) && !s.cals[i+1].from.After(hi) {
				hi = s.cals[i+1].from.AddDays(-1)
			}
			if !hi.Before(lo) && !yield([2]calendar.Date{lo, hi}, v.v) {
				return
			}
		}
	}
}

// ClosedDays yields the closed days of the place with the given ID or
// name from from to to inclusive, each with its reason in both languages
// (ClosedReason.Label), under the rules in force on each day (C8, V1).
func (l *Library) ClosedDays(key string, from, to calendar.Date) (iter.Seq2[calendar.Date, calendar.ClosedReason], error) {
	s, err := l.site(key)
	if err != nil {
		return nil, err
	}
	return func(yield func(calendar.Date, calendar.ClosedReason) bool) {
		if from.IsZero() || to.IsZero() {
			return
		}
		for span, cal := range s.segments(from, to) {
			for d, why := range cal.ClosedDays(span[0], span[1]) {
				if !yield(d, why) {
					return
				}
			}
		}
	}, nil
}

// Month returns the month view of the place with the given ID or name
// (C8), each day under the rules in force on it (V1).
func (l *Library) Month(key string, year int, m time.Month) (calendar.MonthView, error) {
	s, err := l.site(key)
	if err != nil {
		return calendar.MonthView{}, err
	}
	first := calendar.NewDate(year, m, 1)
	v := inForce(s.cals, first).Month(year, m)
	if len(s.cals) == 1 {
		return v, nil
	}
	// Days under other rules (a change within the view) are taken from
	// the view those rules give.
	views := map[*calendar.Calendar]calendar.MonthView{}
	for w := range v.Weeks {
		for i := range v.Weeks[w] {
			cal := inForce(s.cals, v.Weeks[w][i].Date)
			if cal == inForce(s.cals, first) {
				continue
			}
			o, ok := views[cal]
			if !ok {
				o = cal.Month(year, m)
				views[cal] = o
			}
			v.Weeks[w][i] = o.Weeks[w][i]
		}
	}
	return v, nil
}

// WriteICS writes the closed days of the place with the given ID or
// name from from to to as iCalendar (RFC 5545; calendar.WriteICS), under
// the rules in force on from.
func (l *Library) WriteICS(w io.Writer, key string, from, to calendar.Date, opt calendar.ICSOptions) error {
	cal, err := l.Calendar(key, from)
	if err != nil {
		return err
	}
	return cal.WriteICS(w, from, to, opt)
}
