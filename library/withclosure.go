package library

import (
	"errors"
	"fmt"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
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
	if err := l.checkClosure(key, c); err != nil {
		return nil, err
	}
	return l.withClosures([]Closed{{key, c}})
}

// Closed is one closure for WithClosures: the ID or name of the place
// closed, or "courier", and the closure.
type Closed struct {
	Place   string
	Closure calendar.Closure
}

// WithClosures returns a Library like l whose configuration also has
// every closure of cs, in order, each as WithClosure adds it, compiled
// once: a host that keeps its closures rebuilds its Library from them in
// the time of one New, however many there are. Each closure is checked
// as WithClosure checks it, the problems naming its index ("[2].place");
// the first unknown place is ErrUnknownSite. l is unchanged; with no
// closures, it is the result. The zero Library has no places: bad
// input.
func (l *Library) WithClosures(cs ...Closed) (*Library, error) {
	switch {
	case l == nil || len(l.sites) == 0:
		return nil, errNoPlaces
	case len(cs) == 0:
		return l, nil // immutable: l is a Library like l
	}
	for i, c := range cs {
		if err := l.checkClosure(c.Place, c.Closure); err != nil {
			var ps reason.Problems
			if errors.As(err, &ps) {
				return nil, ps.Prefix(fmt.Sprintf("[%d]", i)).Err()
			}
			return nil, fmt.Errorf("closure %d: %w", i, err)
		}
	}
	return l.withClosures(cs)
}

// withClosures adds the checked closures cs to a copy of l's
// configuration and compiles it.
func (l *Library) withClosures(cs []Closed) (*Library, error) {
	cfg := l.Config() // a deep copy: l is unchanged
	for _, c := range cs {
		if c.Place == courierKey {
			cfg.Courier = cfg.Courier.closed(c.Closure)
		} else {
			cfg.Sites[l.byKey[c.Place]].close(c.Closure)
		}
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
