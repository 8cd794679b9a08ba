package library

import (
	"github.com/kashidashi/kashidashi/calendar"
)

// WithClosure returns a Library like l whose configuration also has
// closure c (X5): Apply changes the records a closure touches, and
// WithClosure changes the configuration, so that every decision made
// later counts the closure. The key is a place's ID or name, whose rules
// and every dated change of them in force on one of the closure's days
// (V1) get the closure, an opening announced inside its span cut back to
// the days outside; or "courier", whose rules get it, a move onto a day
// inside the span becoming a suspension of the day it moved from. On
// every day its calendars (Calendars) open and close as those after
// Closing(key, c) do. Its input is checked as Closing checks it: an
// empty key is bad input at "place", an unknown one ErrUnknownSite. l is
// unchanged.
func (l *Library) WithClosure(key string, c calendar.Closure) (*Library, error) {
	if _, err := l.Closing(key, c); err != nil {
		return nil, err
	}
	cfg := l.Config() // a deep copy: l is unchanged
	if key == courierKey {
		cfg.Courier = cfg.Courier.closed(c)
	} else {
		cfg.Sites[l.byKey[key]].close(c)
	}
	return New(cfg)
}

// close adds closure c to the rules of s and to every dated change of
// them in force on one of its days (V1), as compiled.closing does.
func (s *Site) close(c calendar.Closure) {
	for k := -1; k < len(s.Changes); k++ {
		var from calendar.Date // the rules are in force from the beginning
		rules := &s.Rules
		if k >= 0 {
			from, rules = s.Changes[k].From, &s.Changes[k].Rules
		}
		endsBefore := k+1 < len(s.Changes) && !s.Changes[k+1].From.After(c.From)
		if endsBefore || from.After(c.To) {
			continue
		}
		*rules = closeRules(*rules, c)
	}
}

// closed returns the courier days with closure c added to the rules; a
// move onto a day of c, whose opening Closing cuts, becomes a
// suspension of the day it moved from.
func (cd CourierDays) closed(c calendar.Closure) CourierDays {
	cd.Rules = closeRules(cd.Rules, c)
	var moves []CourierMove
	for _, m := range cd.Moves {
		if c.Covers(m.To) {
			cd.Suspensions = append(cd.Suspensions, CourierSuspension{Day: m.From, Name: m.Name, NameEn: m.NameEn})
			continue
		}
		moves = append(moves, m)
	}
	cd.Moves = moves
	return cd
}

// closeRules returns r with closure c added; the openings announced
// inside it are cut back to the days outside.
func closeRules(r calendar.Rules, c calendar.Closure) calendar.Rules {
	r = cloneRules(r)
	var openings []calendar.Opening
	for _, o := range r.Openings {
		if o.To.Before(c.From) || o.From.After(c.To) {
			openings = append(openings, o)
			continue
		}
		if o.From.Before(c.From) {
			head := o
			head.To = c.From.AddDays(-1)
			openings = append(openings, head)
		}
		if o.To.After(c.To) {
			tail := o
			tail.From = c.To.AddDays(1)
			openings = append(openings, tail)
		}
	}
	r.Openings = openings
	r.Closures = append(r.Closures, c)
	return r
}
