package library

import (
	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// changedSet is the days one calendar changes on, as a running count
// over [lo, hi], the first and last of them, so that whether a day or a
// span of days holds a change is answered in O(1).
type changedSet struct {
	before, after *calendar.Calendar
	lo, hi        calendar.Date
	count         []int32 // count[i]: changed days in [lo, lo+i)
	closed        []int32 // closed[i]: days in [lo, lo+i) open before and closed after
}

// newChangedSet returns the changes between before and after from from
// to to, or nil when there are none.
func newChangedSet(before, after *calendar.Calendar, from, to calendar.Date) *changedSet {
	if before == nil || after == nil || before == after {
		return nil
	}
	var days []calendar.Date
	for d := range calendar.ChangedDays(before, after, from, to) {
		days = append(days, d)
	}
	if len(days) == 0 {
		return nil
	}
	s := &changedSet{before: before, after: after, lo: days[0], hi: days[len(days)-1]}
	s.count = make([]int32, s.hi.DaysSince(s.lo)+2)
	s.closed = make([]int32, len(s.count))
	k, closed := 0, 0
	for i := range len(s.count) - 1 {
		if d := s.lo.AddDays(i); k < len(days) && days[k] == d {
			k++
			if before.IsOpen(d) && !after.IsOpen(d) {
				closed++
			}
		}
		s.count[i+1], s.closed[i+1] = int32(k), int32(closed)
	}
	return s
}

// closedIn returns the number of days of [a, b] open before the change
// and closed after it.
func (s *changedSet) closedIn(a, b calendar.Date) int {
	if a.IsZero() || b.IsZero() || b.Before(s.lo) || a.After(s.hi) {
		return 0
	}
	i := max(a.DaysSince(s.lo), 0)
	j := min(b.DaysSince(s.lo), len(s.closed)-2)
	if i > j {
		return 0
	}
	return int(s.closed[j+1] - s.closed[i])
}

// any reports whether a day of [a, b] changed.
func (s *changedSet) any(a, b calendar.Date) bool {
	if a.IsZero() || b.IsZero() || b.Before(s.lo) || a.After(s.hi) {
		return false
	}
	i := max(a.DaysSince(s.lo), 0)
	j := min(b.DaysSince(s.lo), len(s.count)-2)
	return i <= j && s.count[j+1] > s.count[i]
}

// has reports whether day d changed.
func (s *changedSet) has(d calendar.Date) bool { return s.any(d, d) }

// changeIndex is the changed days of every calendar of a Change, and the
// window [lo, hi] that holds them all: items whose dates lie outside it
// are passed over at once.
type changeIndex struct {
	ch                Change
	library, assembly *changedSet
	courier           *changedSet
	partners          map[string]*changedSet
	lo, hi            calendar.Date
	hasAny            bool
	reasons           map[reasonKey]reason.Coded
}

// reasonKey is a reason of a consequence with its date and place.
type reasonKey struct {
	why *reason.Reason
	d   calendar.Date
	p   circulation.Place
}

// reason returns why with the date d ({date}) and the names of the place
// whose calendar counts for p ({library}), made once for each reason,
// date and place of a change: a reason is immutable, so the many
// consequences that move to one date at one place share it.
func (idx *changeIndex) reason(l *Library, why *reason.Reason, d calendar.Date, p circulation.Place) reason.Coded {
	k := reasonKey{why: why, d: d, p: p}
	if c, ok := idx.reasons[k]; ok {
		return c
	}
	if idx.reasons == nil {
		idx.reasons = map[reasonKey]reason.Coded{}
	}
	ja, en := l.returnPlaceNames(p)
	c := why.With(reason.Date(d), ja, en)
	idx.reasons[k] = c
	return c
}

func newChangeIndex(ch Change) (*changeIndex, error) {
	switch {
	case ch.From.IsZero() || ch.To.IsZero() || ch.To.Before(ch.From) || ch.To.DaysSince(ch.From) >= maxChangeDays:
		return nil, reason.BadInput("change.to", "a change runs from a day to the same or a later day, at most %d days", maxChangeDays)
	case ch.Before.Library == nil || ch.After.Library == nil:
		return nil, reason.BadInput("change.before.library", "a change needs the Prefectural Library's calendar before and after")
	case (ch.Before.Courier == nil) != (ch.After.Courier == nil):
		return nil, reason.BadInput("change.before.courier", "a change needs the courier before and after, or neither")
	}
	idx := &changeIndex{ch: ch}
	idx.library = idx.note(newChangedSet(ch.Before.Library, ch.After.Library, ch.From, ch.To))
	idx.assembly = idx.note(newChangedSet(ch.Before.Assembly, ch.After.Assembly, ch.From, ch.To))
	if ch.Before.Courier != nil {
		idx.courier = idx.note(newChangedSet(ch.Before.Courier.Calendar(), ch.After.Courier.Calendar(), ch.From, ch.To))
	}
	for name, before := range ch.Before.Partners {
		if s := idx.note(newChangedSet(before, ch.After.Partners[name], ch.From, ch.To)); s != nil {
			if idx.partners == nil {
				idx.partners = map[string]*changedSet{}
			}
			idx.partners[name] = s
		}
	}
	return idx, nil
}

// note widens the window to hold s.
func (idx *changeIndex) note(s *changedSet) *changedSet {
	if s == nil {
		return nil
	}
	if !idx.hasAny || s.lo.Before(idx.lo) {
		idx.lo = s.lo
	}
	if !idx.hasAny || s.hi.After(idx.hi) {
		idx.hi = s.hi
	}
	idx.hasAny = true
	return s
}

// empty reports a change that changes no day.
func (idx *changeIndex) empty() bool { return !idx.hasAny }

// inWindow reports whether [a, b] meets the window of changed days.
func (idx *changeIndex) inWindow(a, b calendar.Date) bool {
	return !a.IsZero() && !b.IsZero() && !b.Before(idx.lo) && !a.After(idx.hi)
}

// of returns the changes of the calendar of place p (holds.Calendars.At:
// the Prefectural Library's for home delivery), or nil.
func (idx *changeIndex) of(p circulation.Place) *changedSet {
	switch p.Method {
	case circulation.PrefecturalLibrary, circulation.HomeDelivery:
		return idx.library
	case circulation.AssemblyLibrary:
		return idx.assembly
	case circulation.PartnerLibrary:
		if idx.partners != nil {
			return idx.partners[p.Library]
		}
	}
	return nil
}
