package holds

import (
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/shipping"
)

// Calendars shared by the tests: compiled once, immutable.
var (
	prefectural = calendar.MustNew(calendar.PrefecturalLibraryRules())
	assembly    = calendar.MustNew(calendar.AssemblyLibraryRules())
	courier, _  = shipping.NewCourier(shipping.CourierRules()) // the published rules always compile
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
	cals = Calendars{
		Library:  prefectural,
		Assembly: assembly,
		Partners: map[string]*calendar.Calendar{"江別市情報図書館": ebetsu, "木曜休館図書館": thursdays},
		Courier:  courier,
	}
)

var (
	atPrefectural = circulation.Place{Method: circulation.PrefecturalLibrary}
	atAssembly    = circulation.Place{Method: circulation.AssemblyLibrary}
	atEbetsu      = circulation.Place{Method: circulation.PartnerLibrary, Library: "江別市情報図書館"}
	atThursdays   = circulation.Place{Method: circulation.PartnerLibrary, Library: "木曜休館図書館"}
	atHome        = circulation.Place{Method: circulation.HomeDelivery}
)

// mustDay parses YYYY-MM-DD, in tests and in tables built outside them.
func mustDay(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// staffOverride is what staff give to cancel or change the place after
// the notice (H5): an override letting ErrNeedsStaff go.
var staffOverride = circulation.Override{Staff: "s.tanaka", Codes: circulation.CodesOf(ErrNeedsStaff), Note: "telephoned"}

// ovFor returns the override an actor gives: staffOverride for staff,
// none for the patron (who can never override).
func ovFor(by Actor) circulation.Override {
	if by == ByStaff {
		return staffOverride
	}
	return circulation.Override{}
}

// noOv drops the override a decision used, for tests that look only at
// the reservation.
func noOv(r Reservation, _ circulation.Override, err error) (Reservation, error) { return r, err }
