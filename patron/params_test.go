package patron

import (
	"reflect"
	"testing"

	"github.com/kashidashi/kashidashi/internal/reasontest"
	"github.com/kashidashi/kashidashi/reason"
)

// paramsOf returns the parameters of the reasons of err in language l,
// as a host reads them: name → value.
func paramsOf(err error, l reason.Lang) []map[string]any {
	var out []map[string]any
	for _, m := range reason.Localize(err, l) {
		ps := map[string]any{}
		for _, p := range m.Params {
			ps[p.Name()] = p.Value()
		}
		out = append(out, ps)
	}
	return out
}

// checkParams fails t unless the reasons of err carry want, in both
// languages, and err round-trips through JSON with its codes and
// parameters.
func checkParams(t *testing.T, err error, want []map[string]any) {
	t.Helper()
	for _, l := range []reason.Lang{reason.English, reason.Japanese} {
		if got := paramsOf(err, l); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s params %v, want %v", l, got, want)
		}
	}
	reasontest.CheckRoundTrip(t, err)
}

// P6: each offending character carries its 1-based position (in
// characters, not bytes), so that a form can highlight it.
func TestParseEmailP6PositionParam(t *testing.T) {
	_, err := ParseEmail("tａro x@example.jp")
	checkParams(t, err, []map[string]any{{"position": 2}, {"position": 5}})
	if ms := reason.Localize(err, reason.Japanese); ms[0].Message != ErrEmailCharacter.With(reason.Position(2)).Message(reason.Japanese) ||
		ms[0].Message[len(ms[0].Message)-len("（2文字目）。"):] != "（2文字目）。" {
		t.Errorf("Japanese %q", ms[0].Message)
	}
}

// P6: a bad part of the domain carries the position of its first
// character.
func TestParseEmailP6DomainLabelPositionParam(t *testing.T) {
	_, err := ParseEmail("taro@-x.example..jp")
	checkParams(t, err, []map[string]any{{"position": 6}, {"position": 17}})
}

// P6: too long carries the part at fault, its length and its limit.
func TestParseEmailP6TooLongParams(t *testing.T) {
	local := make([]byte, 65)
	for i := range local {
		local[i] = 'a'
	}
	_, err := ParseEmail(string(local) + "@example.jp")
	checkParams(t, err, []map[string]any{{"field": "local", "count": 65, "limit": 64}})
}

// P4: a bad character carries its position, a bad length the characters
// typed.
func TestParsePasswordP4PositionAndCountParams(t *testing.T) {
	_, err := ParsePassword("a!ａ")
	checkParams(t, err, []map[string]any{{"count": 3}, {"position": 2}, {"position": 3}})
}

// P2: the card number's length carries the characters typed, a bad
// character its position counted from what was typed, leading spaces
// included.
func TestParseCardNumberP2CountAndPositionParams(t *testing.T) {
	_, err := ParseCardNumber(" 0123x5678")
	checkParams(t, err, []map[string]any{{"count": 9}, {"position": 6}})
}

// P3: the birth key's length and characters carry parameters too.
func TestParseBirthKeyP3CountAndPositionParams(t *testing.T) {
	_, err := ParseBirthKey("2001-0101")
	checkParams(t, err, []map[string]any{{"count": 9}, {"position": 5}})
}

// P1: the partner library where the patron is not registered is its
// library parameter.
func TestEligibleP1LibraryParam(t *testing.T) {
	err := EligibilityPolicy{}.Eligible(Registration{Status: Registered, PasswordSet: true, EmailRegistered: true}, "小樽市立図書館")
	checkParams(t, err, []map[string]any{{"library": "小樽市立図書館"}})
}

// P1: a day without staff, or closed, is the refusal's date; a partner
// that is no registration partner its library.
func TestCanRegisterAtP1DateAndLibraryParams(t *testing.T) {
	err := CanRegisterAt(RegistrationPlace{Kind: RegisterAtAssemblyLibrary, Calendar: staffCal}, wednesday)
	checkParams(t, err, []map[string]any{{"date": "2026-05-13"}})
	err = CanRegisterAt(RegistrationPlace{Kind: RegisterAtPartnerLibrary, Library: "小樽市立図書館", Calendar: otaruCal}, wednesday)
	checkParams(t, err, []map[string]any{{"library": "小樽市立図書館"}})
}

// P3: a year of birth out of range carries January 1 of the year, the
// day the key names, and shows it in both languages; a year that is no
// date carries nothing.
func TestBirthYearRangeP3DateParam(t *testing.T) {
	_, err := ParseBirthKey("18500101")
	checkParams(t, err, []map[string]any{{"date": "1850-01-01"}})
	if got := messages(err); len(got) != 1 || got[0] != "The year of birth is not a plausible year (Western calendar, 1900 or later): the key gives 1850-01-01." {
		t.Errorf("English %q", got)
	}
	if ms := reason.Localize(err, reason.Japanese); ms[0].Message != "生まれ年が正しくありません（西暦、1900年以降）（入力された値：1850年1月1日）。" {
		t.Errorf("Japanese %q", ms[0].Message)
	}
	_, err = BirthKey(10000)
	checkParams(t, err, []map[string]any{{}})
	_, err = BirthKey(1899)
	checkParams(t, err, []map[string]any{{"date": "1899-01-01"}})
}
