package ruletest

import (
	"sync"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
)

// placeCalendars is built once: compiled calendars are immutable and safe
// to share.
var placeCalendars = sync.OnceValue(func() holds.Calendars {
	c := library.Default().Calendars(spanFirst)
	c.Partners = map[string]*calendar.Calendar{
		// Closed on Mondays, public holidays and at the year end.
		partnerLibraries[0]: calendar.MustNew(calendar.Rules{
			Name:             partnerLibraries[0],
			ClosedWeekdays:   calendar.WeekdaysOf(time.Monday),
			ClosedOnHolidays: true,
			YearEnd:          true,
		}),
		// Closed on Thursdays and at the year end.
		partnerLibraries[1]: calendar.MustNew(calendar.Rules{
			Name:           partnerLibraries[1],
			ClosedWeekdays: calendar.WeekdaysOf(time.Thursday),
			YearEnd:        true,
		}),
	}
	return c
})

// PlaceCalendars returns the calendars of every place the generators
// draw: the published Prefectural Library, Assembly Library and courier
// (library.Default) and the two partner libraries of PickupPlace,
// one closed on Mondays and holidays, one on Thursdays. Each call returns
// a new Partners map over the same immutable calendars.
func PlaceCalendars() holds.Calendars {
	c := placeCalendars()
	partners := make(map[string]*calendar.Calendar, len(c.Partners))
	for k, v := range c.Partners {
		partners[k] = v
	}
	c.Partners = partners
	return c
}
