package circulation

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/internal/reasontest"
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

// The published calendars, compiled once for all tests from the one
// source of the library's rules, package library's configuration
// (library/default.json), without announcements; they are immutable.
var (
	prefecturalCal, assemblyCal, staffDaysCal = publishedCalendars("../library/default.json")
	desk, _                                   = NewReturnDesk(prefecturalCal, assemblyCal, staffDaysCal)
)

// publishedCalendars compiles the rules of the Prefectural Library, the
// Assembly Library and its staff days from the configuration document
// at path (package library's format), or panics.
func publishedCalendars(path string) (prefectural, assembly, staffDays *calendar.Calendar) {
	b, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	var doc struct {
		Places []struct {
			Kind      string          `json:"kind"`
			Name      string          `json:"name"`
			Rules     calendar.Rules  `json:"rules"`
			StaffDays *calendar.Rules `json:"staff_days"`
		} `json:"places"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		panic(err)
	}
	for _, p := range doc.Places {
		p.Rules.Name = p.Name
		switch p.Kind {
		case "prefectural_library":
			prefectural = calendar.MustNew(p.Rules)
		case "assembly_library":
			assembly = calendar.MustNew(p.Rules)
			staffDays = calendar.MustNew(*p.StaffDays)
		}
	}
	if prefectural == nil || assembly == nil || staffDays == nil {
		panic(path + ": a place is missing")
	}
	return prefectural, assembly, staffDays
}

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

// errOf returns the error of a decision, for the tests that look only
// at the refusal.
func errOf(_ Decision, err error) error { return err }

// badInput fails unless err is bad input (reason.ErrBadInput, not a
// refusal) whose problems are at the paths given, in order; it returns
// the problems.
func badInput(t testing.TB, err error, paths ...string) reason.Problems {
	t.Helper()
	if !errors.Is(err, reason.ErrBadInput) {
		t.Fatalf("%v does not match reason.ErrBadInput", err)
	}
	var ref *reason.Refusal
	if errors.As(err, &ref) {
		t.Fatalf("%v is a refusal", err)
	}
	var ps reason.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("%v is not reason.Problems", err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.Path)
	}
	if strings.Join(got, " ") != strings.Join(paths, " ") {
		t.Fatalf("%v: paths %q, want %q", err, got, paths)
	}
	return ps
}
