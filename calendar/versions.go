package calendar

import (
	"fmt"

	"github.com/kashidashi/kashidashi/reason"
)

// Version is a calendar in force from a day on (V1): the rules a place
// announces for a later date, compiled. See Versions.
type Version struct {
	// From is the first day Calendar is in force.
	From Date
	// Calendar answers the days from From until the next version's From.
	Calendar *Calendar
}

// version is one entry of a calendar made by Versions: the plain
// calendar (made by New) in force from from until the next entry's from.
// The first entry's from is the zero Date.
type version struct {
	from Date
	cal  *Calendar
}

// Versions returns one calendar that answers every day under the rules in
// force on that day (V1): first until the first change's From, then each
// change's Calendar from its From until the next change's From. Every
// query of the result answers day d as the calendar in force on d does:
// IsOpen, WhyClosed, OpenAt, HoursOn, the month view and ClosedDays day
// by day; the counting queries (OpenDaysBetween, AddOpenDays, NextOpen)
// count each day as open when it is open under the rules in force on it,
// so that "休館日はカウントしません" skips the days the place is closed,
// whichever version closes them. They keep their cost: the versions' open
// days are spliced into one bitmap with its running counts. WriteICS
// exports every change inside its span, and ChangedDays compares the
// spliced days.
//
// Rules, Name and Hours of the result are those of the first version (of
// first's first version when first is itself made by Versions); HoursOn
// gives the hours of a day under its own rules. A change whose Calendar
// was itself made by Versions contributes the versions of it in force
// from its From on. With no change, Versions returns first.
//
// Versions refuses, with a reason.Problems matching reason.ErrBadInput, a
// nil or zero first ("first"), a change with no day ("changes[i].from")
// or no calendar ("changes[i].calendar"), and changes whose days do not
// strictly increase ("changes[i].from"); and, matching ErrNeverOpen too,
// versions under which no day of the span is open.
func Versions(first *Calendar, changes ...Version) (*Calendar, error) {
	if err := versionProblems(first, changes).Err(); err != nil {
		return nil, err
	}
	if len(changes) == 0 {
		return first, nil
	}
	vs := flatten(first, changes)
	if len(vs) == 1 {
		return vs[0].cal, nil
	}
	c := &Calendar{rules: first.rules, first: spanFirst.n, versions: vs}
	c.words = make([]uint64, len(first.words))
	c.ranks = make([]int32, len(c.words)+1)
	n := len(c.words) * 64
	for k, v := range vs {
		lo, hi := 0, n // bits [lo, hi) of v
		if k > 0 {
			lo = clamp(int(v.from.n-c.first), 0, n)
		}
		if k+1 < len(vs) {
			hi = clamp(int(vs[k+1].from.n-c.first), 0, n)
		}
		spliceBits(c.words, v.cal.words, lo, hi)
	}
	c.count()
	if c.total() == 0 {
		return nil, neverOpenError{reason.Problems{{
			Message: fmt.Sprintf("the versions close every day from %v to %v", spanFirst, spanLast),
		}}}
	}
	return c, nil
}

// versionProblems checks the arguments of Versions.
func versionProblems(first *Calendar, changes []Version) reason.Problems {
	var ps reason.Problems
	if !first.compiled() {
		ps.Add("first", "no calendar: compile one with New")
	}
	for i, v := range changes {
		path := fmt.Sprintf("changes[%d]", i)
		switch {
		case v.From.IsZero():
			ps.Add(path+".from", "a date is needed")
		case i > 0 && !changes[i-1].From.IsZero() && !v.From.After(changes[i-1].From):
			ps.Add(path+".from", "%v is not after the previous change's %v", v.From, changes[i-1].From)
		}
		if !v.Calendar.compiled() {
			ps.Add(path+".calendar", "no calendar: compile one with New")
		}
	}
	return ps
}

// plain returns the versions of c: its own, or c alone from the start.
func (c *Calendar) plain() []version {
	if len(c.versions) > 0 {
		return c.versions
	}
	return []version{{cal: c}}
}

// flatten lists the plain calendars in force from first and each change
// on, in date order, merging neighbours that are the same calendar.
func flatten(first *Calendar, changes []Version) []version {
	pieces := append([]Version{{Calendar: first}}, changes...)
	var out []version
	for i, p := range pieces {
		var end Date // the zero Date: no end
		if i+1 < len(pieces) {
			end = pieces[i+1].From
		}
		own := p.Calendar.plain()
		for k, v := range own {
			start := maxDate(v.from, p.From)
			if !end.IsZero() && !start.Before(end) {
				break
			}
			if k+1 < len(own) && !own[k+1].from.After(start) {
				continue // replaced before p is in force
			}
			if len(out) > 0 && out[len(out)-1].cal == v.cal {
				continue
			}
			out = append(out, version{start, v.cal})
		}
	}
	return out
}

// at returns the plain calendar in force on d: c itself unless c was
// made by Versions.
func (c *Calendar) at(d Date) *Calendar {
	if c == nil || len(c.versions) == 0 {
		return c
	}
	return c.versions[c.versionOf(d)].cal
}

// versionOf returns the index of the version of c in force on d.
func (c *Calendar) versionOf(d Date) int {
	lo, hi := 0, len(c.versions)-1 // the last version whose from is not after d
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if c.versions[mid].from.After(d) {
			hi = mid - 1
		} else {
			lo = mid
		}
	}
	return lo
}

// spliceBits copies bits [lo, hi) of src into dst.
func spliceBits(dst, src []uint64, lo, hi int) {
	if lo >= hi {
		return
	}
	for w := lo >> 6; w <= (hi-1)>>6; w++ {
		m := rangeMask(w, lo, hi-1)
		dst[w] = dst[w]&^m | src[w]&m
	}
}

func clamp(x, lo, hi int) int { return min(max(x, lo), hi) }

// HoursOn returns the windows of day d in which the place is open, under
// the rules in force on d (see Versions): none on a day it is closed, and
// 00:00–24:00 for a place open all day. It agrees with OpenAt. The zero
// Calendar gives none. The result is the caller's own.
func (c *Calendar) HoursOn(d Date) []Window {
	if !c.IsOpen(d) {
		return nil
	}
	return c.at(d).rules.Hours.On(d)
}
