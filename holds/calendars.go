package holds

import (
	"fmt"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/shipping"
)

// Calendars gathers the calendars of the pickup places and the courier
// schedule that Policy.Timeline needs, and hands out the calendar of a
// place. It is safe for concurrent use as long as no one modifies the
// Partners map meanwhile.
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

// DefaultCalendars returns the Prefectural Library, the Assembly Library
// and the courier as published, with no announced closures and no partner
// libraries: add those before use.
func DefaultCalendars() (Calendars, error) {
	lib, err := calendar.New(calendar.PrefecturalLibraryRules())
	if err != nil {
		return Calendars{}, err
	}
	asm, err := calendar.New(calendar.AssemblyLibraryRules())
	if err != nil {
		return Calendars{}, err
	}
	courier, err := shipping.NewCourier(shipping.CourierRules())
	if err != nil {
		return Calendars{}, err
	}
	return Calendars{Library: lib, Assembly: asm, Courier: courier}, nil
}

// At returns the calendar of the pickup place p: the one whose open days
// count for its hold shelf (H4). Home delivery has no pickup place and
// gets the Prefectural Library's calendar, from where it is posted.
func (c Calendars) At(p circulation.Place) (*calendar.Calendar, error) {
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInconsistentInput, err)
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
		return nil, fmt.Errorf("%w: no calendar for %v", ErrInconsistentInput, p)
	}
	return at, nil
}
