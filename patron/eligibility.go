package patron

import (
	"slices"

	"github.com/kashidashi/kashidashi/internal/enum"
	"github.com/kashidashi/kashidashi/reason"
)

// RegistrationStatus is the state of a patron's registration at the
// Prefectural Library (P1 step 1).
type RegistrationStatus uint8

// The registration states. The zero value is Unregistered; Eligible
// treats any value not listed here as Unregistered.
const (
	// Unregistered means no registration at the Prefectural Library.
	Unregistered RegistrationStatus = iota
	// Provisional means a provisional registration (仮利用登録), applied
	// for online; the guide does not say what it allows (see
	// EligibilityPolicy).
	Provisional
	// Registered means a full patron registration, made at the
	// Prefectural Library, the Assembly Library, a registration partner
	// library (利用登録協力館) or by post.
	Registered
)

var registrationStatuses = enum.NewTable[RegistrationStatus](pkg, "registration status", reason.ErrBadInput,
	enum.Name{Code: "unregistered", En: "Not registered", Ja: "未登録"},
	enum.Name{Code: "provisional", En: "Provisional registration", Ja: "仮利用登録"},
	enum.Name{Code: "registered", En: "Registered", Ja: "利用者登録済み"})

// Valid reports whether s is one of the registration states.
func (s RegistrationStatus) Valid() bool { return registrationStatuses.Valid(s) }

// String returns the stable code: "unregistered", "provisional" or
// "registered".
func (s RegistrationStatus) String() string { return registrationStatuses.String(s) }

// Label returns the name of s in language l.
func (s RegistrationStatus) Label(l reason.Lang) string { return registrationStatuses.Label(s, l) }

// MarshalText encodes s as its stable code.
func (s RegistrationStatus) MarshalText() ([]byte, error) { return registrationStatuses.MarshalText(s) }

// UnmarshalText decodes a stable code or label; an unknown one is an error
// matching reason.ErrBadInput.
func (s *RegistrationStatus) UnmarshalText(b []byte) error {
	return registrationStatuses.UnmarshalText(s, b)
}

// Registration is what the host knows of a patron's steps towards the
// reservation service (P1). The zero Registration has taken none.
// A Registration is safe for concurrent reads; EligibilityPolicy.Eligible
// does not modify it.
type Registration struct {
	// Status is the registration at the Prefectural Library (step 1).
	Status RegistrationStatus
	// PasswordSet reports whether a My Page password is set (step 2).
	PasswordSet bool
	// EmailRegistered reports whether an email address is registered
	// (step 3).
	EmailRegistered bool
	// PartnerLibraries names the partner libraries (受取館) where the
	// patron is registered too (step 4), as the host names them; names
	// are compared exactly.
	PartnerLibraries []string
}

// EligibilityPolicy holds the choices the guide leaves to the library
// (P1). The zero EligibilityPolicy is the default.
type EligibilityPolicy struct {
	// ProvisionalCounts, when true, lets a provisional registration count
	// as registration at the Prefectural Library. The guide says a
	// provisional registration exists but not what it allows, so by
	// default it does not count and is refused with
	// ErrProvisionalRegistration.
	ProvisionalCounts bool
}

// Eligible returns nil when the patron of r may reserve items to receive
// at partnerLibrary, or at any other place when partnerLibrary is empty
// (the Prefectural Library, the Assembly Library, home delivery). Otherwise
// it returns a *reason.Refusal listing every missing step, in the guide's
// order (P1, R-PT1):
//
//  1. ErrNotRegistered, or ErrProvisionalRegistration for a provisional
//     registration unless ProvisionalCounts;
//  2. ErrNoPassword;
//  3. ErrNoEmail;
//  4. ErrNotPartnerRegistered, with the library's name as its parameter
//     (cut to 32 characters), when partnerLibrary is not among
//     r.PartnerLibraries.
func (p EligibilityPolicy) Eligible(r Registration, partnerLibrary string) error {
	var rs refusal
	switch {
	case r.Status == Registered:
	case r.Status == Provisional && p.ProvisionalCounts:
	case r.Status == Provisional:
		rs.add(ErrProvisionalRegistration)
	default:
		rs.add(ErrNotRegistered)
	}
	if !r.PasswordSet {
		rs.add(ErrNoPassword)
	}
	if !r.EmailRegistered {
		rs.add(ErrNoEmail)
	}
	if partnerLibrary != "" && !slices.Contains(r.PartnerLibraries, partnerLibrary) {
		rs.add(ErrNotPartnerRegistered.With(reason.LibraryName(partnerLibrary)))
	}
	return rs.refuse("reservation")
}
