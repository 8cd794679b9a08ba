package patron

import (
	"errors"
	"testing"

	"github.com/kashidashi/kashidashi/reason"
)

// checkEnum fails t unless v has the stable code and Japanese label given,
// decodes back from its code, and an unknown code is refused as bad
// input (reason.ErrBadInput).
func checkEnum[T interface {
	comparable
	String() string
	Label(reason.Lang) string
}, P interface {
	*T
	UnmarshalText([]byte) error
}](t *testing.T, v T, code, ja string) {
	t.Helper()
	if v.String() != code || v.Label(reason.Japanese) != ja {
		t.Errorf("%v: code %q, label %q; want %q, %q", v, v.String(), v.Label(reason.Japanese), code, ja)
	}
	var back T
	if err := P(&back).UnmarshalText([]byte(code)); err != nil || back != v {
		t.Errorf("UnmarshalText(%q) = %v, %v", code, back, err)
	}
	if err := P(&back).UnmarshalText([]byte("no_such_code")); !errors.Is(err, reason.ErrBadInput) {
		t.Errorf("UnmarshalText of an unknown code: %v", err)
	}
}

// the enums name themselves through internal/enum: the stable
// code from String, a label from Label, text both ways (P1).
func TestEnumsP1CodesLabelsText(t *testing.T) {
	checkEnum(t, Unregistered, "unregistered", "未登録")
	checkEnum(t, Provisional, "provisional", "仮利用登録")
	checkEnum(t, Registered, "registered", "利用者登録済み")
	checkEnum(t, RegisterAtAssemblyLibrary, "assembly_library", "道議会図書室")
	checkEnum(t, RegisterByPost, "post", "郵送")
	if got := RegistrationStatus(9).String(); got != "registration status(9)" {
		t.Errorf("invalid status %q", got)
	}
	if _, err := RegistrationPlaceKind(0).MarshalText(); err == nil {
		t.Error("the zero place kind was encoded")
	}
}
