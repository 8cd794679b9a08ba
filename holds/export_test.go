package holds

import (
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/shipping"
)

// The rules of the Hokkaido Prefectural Library as published on
// 2026-03-10, for the package's own tests (package holds and holds_test).
// A host reads them from the configuration of package library
// (library.Default()), which states the same rules; these fixtures are
// written out here so that the tests of holds depend on no other
// package's presets.

// DefaultPolicy returns the reservation rules as published on 2026-03-10:
// a hold shelf of 10 open pickup days counted from the first collectable
// day (H4), reading order that never leaves an item idle (H2), the
// circulation policy of defaultCirculation, and DefaultOverridable.
func DefaultPolicy() Policy {
	return Policy{ShelfDays: 10, Circulation: defaultCirculation(), Overridable: DefaultOverridable()}
}

// DefaultOverridable returns the package's soft reasons as published
// (overrides [reading]): ErrNeedsStaff, so that staff cancel or change
// the pickup place after the notice (H5) with an override naming it.
func DefaultOverridable() circulation.Codes { return circulation.CodesOf(ErrNeedsStaff) }

// defaultCirculation returns the circulation policy as published: loans
// of 15 days (8 short) at the libraries and 30 (15) by partner library or
// home delivery (L2), one extension (L4 c) of 14 (7) days (L3), 10 loans
// (L1) and 10 reservations (H1); due dates on closed days stand (L5),
// only the reservation limit stops a reservation (I2), and staff may
// override the limits and the extension reasons that are the library's
// own to waive.
func defaultCirculation() circulation.Policy {
	return circulation.Policy{
		LoanDays: 15, ShortLoanDays: 8,
		RemoteLoanDays: 30, RemoteShortLoanDays: 15,
		ExtensionDays: 14, ShortExtensionDays: 7,
		MaxExtensions: 1,
		MaxLoans:      10, MaxReservations: 10,
		Overridable: circulation.CodesOf(circulation.ErrLoanLimit, circulation.ErrReservationLimit,
			circulation.ErrReserved, circulation.ErrAlreadyExtended, circulation.ErrOverdue),
	}
}

// yearEndFrom and yearEndTo bound the year-end closure of every place: December 29 to
// January 3 (C7).
var yearEndFrom, yearEndTo = calendar.MonthDay{Month: time.December, Day: 29}, calendar.MonthDay{Month: time.January, Day: 3}

// prefecturalRules are the Prefectural Library's opening rules (C2):
// closed on Mondays (a holiday Monday opens and the next day that is not
// a holiday closes instead), on the last day of each month (moved to the
// nearest earlier day that is not a holiday, Monday, Saturday or Sunday)
// and from December 29 to January 3.
func prefecturalRules() calendar.Rules {
	return calendar.Rules{
		Name:                      "北海道立図書館",
		ClosedWeekdays:            calendar.WeekdaysOf(time.Monday),
		HolidayOpensWeeklyClosure: true,
		MonthEnd:                  true,
		MonthEndAvoids:            calendar.WeekdaysOf(time.Monday, time.Saturday, time.Sunday),
		YearEnd:                   true,
		YearEndFrom:               yearEndFrom,
		YearEndTo:                 yearEndTo,
	}
}

// assemblyRules are the Assembly Library's (R-AL1): closed on Saturdays,
// Sundays, public holidays and from December 29 to January 3.
func assemblyRules() calendar.Rules {
	return calendar.Rules{
		Name:             "北海道議会図書室",
		ClosedWeekdays:   calendar.WeekdaysOf(time.Saturday, time.Sunday),
		ClosedOnHolidays: true,
		YearEnd:          true,
		YearEndFrom:      yearEndFrom,
		YearEndTo:        yearEndTo,
	}
}

// courierRules are the courier's days to the partner libraries (R-PT2):
// Tuesdays and Fridays, none on public holidays nor from December 29 to
// January 3.
func courierRules() calendar.Rules {
	return calendar.Rules{
		Name:             "協力車",
		ClosedWeekdays:   calendar.WeekdaysOf(time.Sunday, time.Monday, time.Wednesday, time.Thursday, time.Saturday),
		ClosedOnHolidays: true,
		YearEnd:          true,
		YearEndFrom:      yearEndFrom,
		YearEndTo:        yearEndTo,
	}
}

// DefaultCalendars returns the Prefectural Library, the Assembly Library
// and the courier as published, with no announced closures and no partner
// libraries: add those before use.
func DefaultCalendars() (Calendars, error) {
	lib, err := calendar.New(prefecturalRules())
	if err != nil {
		return Calendars{}, err
	}
	asm, err := calendar.New(assemblyRules())
	if err != nil {
		return Calendars{}, err
	}
	courier, err := shipping.NewCourier(courierRules())
	if err != nil {
		return Calendars{}, err
	}
	return Calendars{Library: lib, Assembly: asm, Courier: courier}, nil
}

// Fixed returns Rules that give p and c on every day, for the tests of
// package holds_test (the package's own use fixed).
func Fixed(p Policy, c Calendars) Rules { return fixed{p, c} }

// fixed is Rules with one policy and one set of calendars on every day.
type fixed struct {
	p Policy
	c Calendars
}

func (f fixed) HoldPolicy(calendar.Date) Policy   { return f.p }
func (f fixed) Calendars(calendar.Date) Calendars { return f.c }

// changing is Rules that change on a day: those of before until the day
// before from, those of after from it on (V1).
type changing struct {
	from          calendar.Date
	before, after Rules
}

func (c changing) HoldPolicy(day calendar.Date) Policy {
	if day.Before(c.from) {
		return c.before.HoldPolicy(day)
	}
	return c.after.HoldPolicy(day)
}

func (c changing) Calendars(day calendar.Date) Calendars {
	if day.Before(c.from) {
		return c.before.Calendars(day)
	}
	return c.after.Calendars(day)
}
