package notice_test

import (
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/shipping"
)

// The published rules of 2026-03-10, written out for the tests: the
// calendars of the Prefectural Library (C2), the Assembly Library
// (R-AL1), two partner libraries and the courier (R-PT2), and the
// reservation policy (H4, L1, L2). Compiled once, immutable.
var (
	prefectural = calendar.MustNew(calendar.Rules{
		Name:                      "北海道立図書館",
		ClosedWeekdays:            calendar.WeekdaysOf(time.Monday),
		HolidayOpensWeeklyClosure: true,
		MonthEnd:                  true,
		MonthEndAvoids:            calendar.WeekdaysOf(time.Monday, time.Saturday, time.Sunday),
		YearEnd:                   true,
		YearEndFrom:               calendar.MonthDay{Month: time.December, Day: 29},
		YearEndTo:                 calendar.MonthDay{Month: time.January, Day: 3},
	})
	assembly = calendar.MustNew(calendar.Rules{
		Name:             "北海道議会図書室",
		ClosedWeekdays:   calendar.WeekdaysOf(time.Saturday, time.Sunday),
		ClosedOnHolidays: true,
		YearEnd:          true,
		YearEndFrom:      calendar.MonthDay{Month: time.December, Day: 29},
		YearEndTo:        calendar.MonthDay{Month: time.January, Day: 3},
	})
	// ebetsu is a partner library closed on Mondays, on public holidays
	// and at the year-end.
	ebetsu = calendar.MustNew(calendar.Rules{
		Name:             "江別市情報図書館",
		ClosedWeekdays:   calendar.WeekdaysOf(time.Monday),
		ClosedOnHolidays: true,
		YearEnd:          true,
	})
	// thursdays is a partner library closed on Thursdays and at the
	// year-end.
	thursdays = calendar.MustNew(calendar.Rules{
		Name:           "木曜休館図書館",
		ClosedWeekdays: calendar.WeekdaysOf(time.Thursday),
		YearEnd:        true,
	})
	cals = holds.Calendars{
		Library:  prefectural,
		Assembly: assembly,
		Partners: map[string]*calendar.Calendar{"江別市情報図書館": ebetsu, "木曜休館図書館": thursdays},
		Courier:  mustCourier(),
	}
	policy = holds.Policy{ShelfDays: 10, Circulation: loanPolicy}

	loanPolicy = circulation.Policy{
		LoanDays: 15, ShortLoanDays: 8,
		RemoteLoanDays: 30, RemoteShortLoanDays: 15,
		ExtensionDays: 14, ShortExtensionDays: 7,
		MaxExtensions: 1,
		MaxLoans:      10, MaxReservations: 10,
	}
)

// mustCourier compiles the courier as published: Tuesdays and Fridays,
// none on holidays nor at the year-end (R-PT2).
func mustCourier() *shipping.Courier {
	r := calendar.WeeklySchedule("協力車", time.Tuesday, time.Friday)
	r.ClosedOnHolidays, r.YearEnd = true, true
	c, err := shipping.NewCourier(r)
	if err != nil {
		panic(err)
	}
	return c
}

var (
	atPrefectural = circulation.Place{Method: circulation.PrefecturalLibrary}
	atAssembly    = circulation.Place{Method: circulation.AssemblyLibrary}
	atEbetsu      = circulation.Place{Method: circulation.PartnerLibrary, Library: "江別市情報図書館"}
	atThursdays   = circulation.Place{Method: circulation.PartnerLibrary, Library: "木曜休館図書館"}
	atHome        = circulation.Place{Method: circulation.HomeDelivery}
)

// mustDay parses YYYY-MM-DD.
func mustDay(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// secured returns a reservation of item at place secured on day.
func secured(item string, place circulation.Place, col circulation.Collection, day string) holds.Reservation {
	return holds.Reservation{ID: 1, Patron: "P", Item: item, Place: place, Collection: col, State: holds.Secured,
		PlacedOn: mustDay("2026-11-01"), SecuredOn: mustDay(day)}
}

// timelineOf returns the timeline of r under p for a patron with loans
// items on loan, or panics.
func timelineOf(p holds.Policy, r holds.Reservation, loans int) holds.Timeline {
	t, err := p.Timeline(r, cals, loans)
	if err != nil {
		panic(err)
	}
	return t
}
