package holds

import (
	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/shipping"
)

// Calendars gathers the calendars of the pickup places and the courier
// schedule in force on a day (Rules.Calendars), and hands out the
// calendar of a place: the desk's hold-shelf deadlines and due dates, and
// Policy.Timeline, read them. It is safe for concurrent use as long as no
// one modifies the Partners map meanwhile. library.Library.Calendars
// gives them for a configuration.
type Calendars struct {
	// Library is the Prefectural Library's calendar (C2).
	Library *calendar.Calendar
	// Assembly is the Assembly Library's calendar (R-AL1).
	Assembly *calendar.Calendar
	// Partners holds each partner library's own calendar (C4), by the
	// name used in circulation.Place.Library.
	Partners map[string]*calendar.Calendar
	// Courier is the courier schedule to the partner libraries (R-PT2).
	Courier *shipping.Courier
}

// At returns the calendar of the pickup place p: the one whose open days
// count for its hold shelf (H4) and to which the item goes back (L5).
// Home delivery has no pickup place and gets the Prefectural Library's
// calendar, from where it is posted. A place that is not valid, or that
// c has no calendar for, is bad input at "place".
func (c Calendars) At(p circulation.Place) (*calendar.Calendar, error) {
	if err := p.Validate(); err != nil {
		return nil, under("place", err)
	}
	var at *calendar.Calendar
	switch p.Method {
	case circulation.PrefecturalLibrary, circulation.HomeDelivery:
		at = c.Library
	case circulation.AssemblyLibrary:
		at = c.Assembly
	case circulation.PartnerLibrary:
		at = c.Partners[p.Library]
	}
	if at == nil {
		return nil, noCalendar(p)
	}
	return at, nil
}
