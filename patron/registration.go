package patron

import (
	"errors"
	"github.com/kashidashi/kashidashi/internal/text"
	"strconv"

	"github.com/kashidashi/kashidashi/calendar"
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

// RegistrationPlace is a place where, or a way by which, a patron asks to
// register with the Prefectural Library (P1). It is a plain value.
type RegistrationPlace struct {
	// Kind is the kind of place.
	Kind RegistrationPlaceKind
	// Calendar says on which days the place registers patrons. For the
	// Prefectural Library and a partner library, their opening calendar;
	// for the Assembly Library, the days Prefectural Library staff are
	// there: calendar.AssemblyLibraryStaffDayRules compiled, or the host's own
	// staff-day calendar (not the Assembly Library's opening days, which
	// include days without staff). Unused for RegisterByPost; required for
	// the others.
	Calendar *calendar.Calendar
	// Library names a partner library, for messages.
	Library string
	// RegistrationPartner, for a partner library, says whether the host
	// lists it as a registration partner (利用登録協力館).
	RegistrationPartner bool
}

// ErrNoRegistrationCalendar is returned, not as a refusal, by
// CanRegisterAt for a place at a counter that has no Calendar: the host
// must say when the place registers patrons.
var ErrNoRegistrationCalendar = errors.New("patron: registration place without a calendar")

// CanRegisterAt returns nil when a patron can register with the
// Prefectural Library at place on day (P1: "where and when registration
// can be done"). Otherwise it returns a *reason.Refusal listing every
// reason that applies:
//
//   - ErrRegistrationPlaceUnknown for a Kind not listed above;
//   - ErrRegistrationNotPartner for a partner library that is not a
//     registration partner;
//   - ErrRegistrationNoStaff for the Assembly Library on a day without
//     Prefectural Library staff (R-AL1);
//   - ErrRegistrationClosed for the Prefectural Library or a partner
//     library on a day it is closed, or the zero day.
//
// By post, any day will do and day may be zero. A counter place without
// a Calendar is a host error: ErrNoRegistrationCalendar.
func CanRegisterAt(place RegistrationPlace, day calendar.Date) error {
	var rs refusal
	switch place.Kind {
	case RegisterByPost:
		return nil
	case RegisterAtPrefecturalLibrary, RegisterAtAssemblyLibrary, RegisterAtPartnerLibrary:
	default:
		rs.add(ErrRegistrationPlaceUnknown.Detail("kind "+strconv.Itoa(int(place.Kind)), "種類 "+strconv.Itoa(int(place.Kind))))
		return rs.refuse("registration")
	}
	if place.Calendar == nil {
		return ErrNoRegistrationCalendar
	}
	if place.Kind == RegisterAtPartnerLibrary && !place.RegistrationPartner {
		name := text.Shorten(place.Library)
		rs.add(ErrRegistrationNotPartner.Detail(name, name))
	}
	if !place.Calendar.IsOpen(day) {
		en, ja := dayText(day)
		if place.Kind == RegisterAtAssemblyLibrary {
			rs.add(ErrRegistrationNoStaff.Detail(en, ja))
		} else {
			rs.add(ErrRegistrationClosed.Detail(en, ja))
		}
	}
	return rs.refuse("registration")
}

// dayText names day for a detail; the zero Date is "no day given".
func dayText(day calendar.Date) (en, ja string) {
	if day.IsZero() {
		return "no day given", "日付の指定なし"
	}
	y, m, d := day.Date()
	return day.String(), strconv.Itoa(y) + "年" + strconv.Itoa(int(m)) + "月" + strconv.Itoa(d) + "日"
}
