package circulation

import (
	"encoding/json"
	"github.com/kashidashi/kashidashi/internal/reasontest"
	"strings"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
)

// day parses a YYYY-MM-DD date or fails the test.
func day(t testing.TB, s string) calendar.Date {
	t.Helper()
	d, err := calendar.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// at returns the instant of a day and clock time in Japan.
func at(t testing.TB, date string, h, m int) time.Time {
	t.Helper()
	y, mo, d := day(t, date).Date()
	return time.Date(y, mo, d, h, m, 0, 0, calendar.JST())
}

// codes returns the codes of the reasons of a refusal, in order; nil for a
// nil error. Any other error fails the test.
func codes(t fataler, err error) []string {
	t.Helper()
	return reasontest.Codes(t, err)
}

// codesOf returns the codes of rs.
func codesOf(rs ...*reason.Reason) []string {
	var cs []string
	for _, r := range rs {
		cs = append(cs, r.Code())
	}
	return cs
}

// The published calendars, compiled once for all tests; they are
// immutable.
var (
	prefecturalCal = calendar.MustNew(calendar.PrefecturalLibraryRules())
	assemblyCal    = calendar.MustNew(calendar.AssemblyLibraryRules())
	staffDaysCal   = calendar.MustNew(calendar.AssemblyLibraryStaffDayRules())
	desk, _        = NewReturnDesk(prefecturalCal, assemblyCal, staffDaysCal)
)

var allMethods = []Method{PrefecturalLibrary, AssemblyLibrary, PartnerLibrary, HomeDelivery}

// english joins the English messages of err's reasons with "; ": what a
// patron reads, where err.Error() gives only the codes.
func english(err error) string {
	var b strings.Builder
	for i, m := range reason.Localize(err, reason.English) {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(m.Message)
	}
	return b.String()
}

// fataler is what the helpers need of a *testing.T or a *rapid.T.
type fataler interface {
	Helper()
	Fatalf(string, ...any)
}

// roundTrip encodes v as JSON and fails unless it decodes back equal; it
// returns the encoding.
func roundTrip[T comparable](t fataler, v T) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%+v does not encode: %v", v, err)
	}
	var back T
	if err := json.Unmarshal(b, &back); err != nil || back != v {
		t.Fatalf("%s decodes to %+v, %v; want %+v", b, back, err, v)
	}
	return b
}

// errOf returns the error of a decision that also returns the override
// it used, for the tests that look only at the refusal.
func errOf(_ Override, err error) error { return err }
