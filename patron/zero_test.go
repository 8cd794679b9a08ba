package patron

import (
	"testing"

	"github.com/kashidashi/kashidashi/internal/zerotest"
)

// The zero value of every type of the package works or returns an error;
// no method panics on it.
func TestZeroValuesNeverPanic(t *testing.T) {
	for name, v := range map[string]any{
		"CardNumber": &CardNumber{}, "EligibilityPolicy": &EligibilityPolicy{}, "Email": &Email{},
		"Password": &Password{}, "Record": &Record{}, "Registration": &Registration{},
		"RegistrationPlace": &RegistrationPlace{}, "RegistrationPlaceKind": new(RegistrationPlaceKind),
		"RegistrationStatus": new(RegistrationStatus), "VerifyPolicy": &VerifyPolicy{},
	} {
		zerotest.CallEveryMethod(t, name, v)
	}
	if err := CanRegisterAt(RegistrationPlace{}, tuesday); err == nil {
		t.Error("the zero place registered a patron")
	}
	if err := (VerifyPolicy{}).Verify(Record{}, Credentials{Card: "", Name: "", BirthKey: ""}); err == nil {
		t.Error("the zero record verified")
	}
	if err := (EligibilityPolicy{}).Eligible(Registration{}, ""); err == nil {
		t.Error("the zero registration is eligible")
	}
}
