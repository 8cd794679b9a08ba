package library

import (
	"io"
	"iter"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
)

// ClosedDays yields the closed days of the place with the given ID or
// name from from to to inclusive, each with its reason in both languages
// (ClosedReason.Label), each under the rules in force on it (C8, V1).
// A zero from or to yields nothing.
func (l *Library) ClosedDays(key string, from, to calendar.Date) (iter.Seq2[calendar.Date, calendar.ClosedReason], error) {
	s, err := l.site(key)
	if err != nil {
		return nil, err
	}
	return func(yield func(calendar.Date, calendar.ClosedReason) bool) {
		if from.IsZero() || to.IsZero() {
			return
		}
		for d, why := range s.cal.ClosedDays(from, to) {
			if !yield(d, why) {
				return
			}
		}
	}, nil
}

// Month returns the month view of the place with the given ID or name
// (C8), each day, those of the weeks around the month included, under
// the rules in force on it (V1).
func (l *Library) Month(key string, year int, m time.Month) (calendar.MonthView, error) {
	s, err := l.site(key)
	if err != nil {
		return calendar.MonthView{}, err
	}
	return s.cal.Month(year, m), nil
}

// WriteICS writes the closed days of the place with the given ID or
// name from from to to as iCalendar (RFC 5545; calendar.WriteICS), each
// under the rules in force on it (V1): the export follows every change
// of rules inside its span.
func (l *Library) WriteICS(w io.Writer, key string, from, to calendar.Date, opt calendar.ICSOptions) error {
	s, err := l.site(key)
	if err != nil {
		return err
	}
	return s.cal.WriteICS(w, from, to, opt)
}
