package circulation

import "github.com/kashidashi/kashidashi/calendar"

// The presets of the package's own tests: the rules as published, which
// hosts get from package library's configuration (library.Default()).
// They are test-only, under the names the tests have always used.

// DefaultOverridable returns the soft reasons of the default policy
// (overrides [reading]): the limits, ErrLoanLimit (L1) and
// ErrReservationLimit (H1), and the extension reasons that are the
// library's own to waive, ErrReserved (L4 b), ErrAlreadyExtended (L4 c)
// and ErrOverdue (L4 e). Hard are what the lending library's terms or the
// route decide — ErrPartnerPickup (L4 a), ErrHomeDelivery (L2),
// ErrInterlibraryLoan (L4 d) — and ErrNotLoanable (I1), as well as every
// return reason, which no decision overrides.
func DefaultOverridable() Codes {
	return CodesOf(ErrLoanLimit, ErrReservationLimit, ErrReserved, ErrAlreadyExtended, ErrOverdue)
}

// DefaultPolicy returns the rules as published on 2026-03-10: loans of 15
// days (8 short) at the libraries and 30 (15) by partner library or home
// delivery (L2), one extension (L4 c) of 14 (7) days (L3), 10 loans (L1)
// and 10 reservations (H1); due dates on closed days stand (L5), only
// the reservation limit stops a reservation (I2), and staff may override
// the reasons of DefaultOverridable.
func DefaultPolicy() Policy {
	return Policy{
		LoanDays: 15, ShortLoanDays: 8,
		RemoteLoanDays: 30, RemoteShortLoanDays: 15,
		ExtensionDays: 14, ShortExtensionDays: 7,
		MaxExtensions: 1,
		MaxLoans:      10, MaxReservations: 10,
		Overridable: DefaultOverridable(),
	}
}

// PublishedCalendars returns the calendars of the Prefectural Library
// and the Assembly Library as package library's configuration states
// them (helpers_test.go), for the package's external tests.
func PublishedCalendars() (prefectural, assembly *calendar.Calendar) {
	return prefecturalCal, assemblyCal
}
