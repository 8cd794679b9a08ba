package patron

import (
	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/internal/enum"
	"github.com/kashidashi/kashidashi/reason"
)

// RegistrationPlaceKind says where or how a patron registers with the
// Prefectural Library (P1 step 1). The zero value is no place.
type RegistrationPlaceKind uint8

// The ways to register, as the guide lists them.
const (
	// RegisterAtPrefecturalLibrary is the counter of the Prefectural
	// Library, on its open days.
	RegisterAtPrefecturalLibrary RegistrationPlaceKind = iota + 1
	// RegisterAtAssemblyLibrary is the Assembly Library, while
	// Prefectural Library staff are there: Tuesdays and Thursdays,
	// holidays excepted (R-AL1).
	RegisterAtAssemblyLibrary
	// RegisterAtPartnerLibrary is a partner library, which registers
	// patrons only when it is a registration partner (利用登録協力館).
	RegisterAtPartnerLibrary
	// RegisterByPost is registration by post, any day.
	RegisterByPost
)

var registrationPlaceKinds = enum.NewTable[RegistrationPlaceKind](pkg, "registration place kind", reason.ErrBadInput,
	enum.Name{},
	enum.Name{Code: "prefectural_library", En: "Prefectural Library", Ja: "道立図書館"},
	enum.Name{Code: "assembly_library", En: "Assembly Library", Ja: "道議会図書室"},
	enum.Name{Code: "partner_library", En: "Partner library", Ja: "協力館"},
	enum.Name{Code: "post", En: "By post", Ja: "郵送"})

// Valid reports whether k is one of the ways to register.
func (k RegistrationPlaceKind) Valid() bool { return registrationPlaceKinds.Valid(k) }

// String returns the stable code, such as "assembly_library".
func (k RegistrationPlaceKind) String() string { return registrationPlaceKinds.String(k) }

// Label returns the name of k in language l.
func (k RegistrationPlaceKind) Label(l reason.Lang) string { return registrationPlaceKinds.Label(k, l) }

// MarshalText encodes k as its stable code; the zero kind is an error.
func (k RegistrationPlaceKind) MarshalText() ([]byte, error) {
	return registrationPlaceKinds.MarshalText(k)
}

// UnmarshalText decodes a stable code or label; an unknown one is an error
// matching reason.ErrBadInput.
func (k *RegistrationPlaceKind) UnmarshalText(b []byte) error {
	return registrationPlaceKinds.UnmarshalText(k, b)
}

// RegistrationPlace is a place where, or a way by which, a patron asks to
// register with the Prefectural Library (P1). It is a plain value.
type RegistrationPlace struct {
	// Kind is the kind of place.
	Kind RegistrationPlaceKind
	// Calendar says on which days the place registers patrons. For the
	// Prefectural Library and a partner library, their opening calendar;
	// for the Assembly Library, the days Prefectural Library staff are
	// there: the staff days of the library's configuration (package
	// library), or the host's own staff-day calendar (not the Assembly
	// Library's opening days, which include days without staff). Unused for
	// RegisterByPost; required for the others.
	Calendar *calendar.Calendar
	// Library names a partner library, for messages.
	Library string
	// RegistrationPartner, for a partner library, says whether the host
	// lists it as a registration partner (利用登録協力館).
	RegistrationPartner bool
}

// CanRegisterAt returns nil when a patron can register with the
// Prefectural Library at place on day (P1: "where and when registration
// can be done"). Otherwise it returns a *reason.Refusal listing every
// reason that applies:
//
//   - ErrRegistrationPlaceUnknown for the zero Kind: no place chosen;
//   - ErrRegistrationNotPartner for a partner library that is not a
//     registration partner;
//   - ErrRegistrationNoStaff for the Assembly Library on a day without
//     Prefectural Library staff (R-AL1);
//   - ErrRegistrationClosed for the Prefectural Library or a partner
//     library on a day it is closed, or the zero day.
//
// By post, any day will do and day may be zero. A Kind that is none of
// the constants above, and a counter place without a Calendar, are the
// host's mistakes: an error, not a refusal, a reason.Problems matching
// reason.ErrBadInput at the path "place.kind" or "place.calendar".
func CanRegisterAt(place RegistrationPlace, day calendar.Date) error {
	var rs refusal
	switch place.Kind {
	case RegisterByPost:
		return nil
	case RegisterAtPrefecturalLibrary, RegisterAtAssemblyLibrary, RegisterAtPartnerLibrary:
	case 0:
		rs.add(ErrRegistrationPlaceUnknown)
		return rs.refuse("registration")
	default:
		return reason.BadInput("place.kind", "%s is not a way to register", place.Kind)
	}
	if place.Calendar == nil {
		return reason.BadInput("place.calendar", "a %s registration place needs a calendar", place.Kind)
	}
	if place.Kind == RegisterAtPartnerLibrary && !place.RegistrationPartner {
		rs.add(ErrRegistrationNotPartner.With(reason.LibraryName(place.Library)))
	}
	if !place.Calendar.IsOpen(day) {
		if place.Kind == RegisterAtAssemblyLibrary {
			rs.add(ErrRegistrationNoStaff.With(reason.Date(day)))
		} else {
			rs.add(ErrRegistrationClosed.With(reason.Date(day)))
		}
	}
	return rs.refuse("registration")
}
