package circulation

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
	"pgregory.net/rapid"
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
	if err == nil {
		return nil
	}
	var ref *reason.Refusal
	if !errors.As(err, &ref) {
		t.Fatalf("want a *reason.Refusal, got %T: %v", err, err)
	}
	var cs []string
	for _, r := range ref.Reasons {
		cs = append(cs, r.Code())
	}
	return cs
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

// Generators for property tests.

// genDate draws a day from 2000 to about 2040.
func genDate(t *rapid.T, label string) calendar.Date {
	return calendar.NewDate(2000, time.January, 1).AddDays(rapid.IntRange(0, 15000).Draw(t, label))
}

// genPlace draws a valid place; partner libraries come from a small set so
// that two draws are sometimes the same place.
func genPlace(t *rapid.T, label string) Place {
	m := rapid.SampledFrom(allMethods).Draw(t, label+".method")
	if m != PartnerLibrary {
		return Place{Method: m}
	}
	lib := rapid.SampledFrom([]string{"江別市情報図書館", "札幌市中央図書館", "小樽市立図書館"}).Draw(t, label+".library")
	return Place{Method: m, Library: lib}
}

// genLoan draws a consistent loan made on loaned or, if loaned is zero, on
// a random day; its due date is 0 to 40 days after.
func genLoan(t *rapid.T, label string, loaned calendar.Date) Loan {
	if loaned.IsZero() {
		loaned = genDate(t, label+".loaned")
	}
	return Loan{
		Item:         rapid.StringMatching(`b[0-9]{1,4}`).Draw(t, label+".item"),
		Place:        genPlace(t, label+".place"),
		Collection:   rapid.SampledFrom([]Collection{General, Hokkaido}).Draw(t, label+".collection"),
		Short:        rapid.Bool().Draw(t, label+".short"),
		Interlibrary: rapid.Bool().Draw(t, label+".interlibrary"),
		Reserved:     rapid.Bool().Draw(t, label+".reserved"),
		NoBookDrop:   rapid.Bool().Draw(t, label+".no_book_drop"),
		Loaned:       loaned,
		Due:          loaned.AddDays(rapid.IntRange(0, 40).Draw(t, label+".period")),
		Extensions:   rapid.IntRange(0, 3).Draw(t, label+".extensions"),
	}
}

// genPolicy draws a valid policy.
func genPolicy(t *rapid.T) Policy {
	var p Policy
	p.LoanDays = rapid.IntRange(1, 60).Draw(t, "loan_days")
	p.ShortLoanDays = rapid.IntRange(1, p.LoanDays).Draw(t, "short_loan_days")
	p.RemoteLoanDays = rapid.IntRange(1, maxPeriodDays).Draw(t, "remote_loan_days")
	p.RemoteShortLoanDays = rapid.IntRange(1, p.RemoteLoanDays).Draw(t, "remote_short_loan_days")
	p.ExtensionDays = rapid.IntRange(max(1, p.LoanDays-1), 90).Draw(t, "extension_days")
	p.ShortExtensionDays = rapid.IntRange(max(1, p.ShortLoanDays-1), p.ExtensionDays).Draw(t, "short_extension_days")
	p.MaxExtensions = rapid.IntRange(1, 3).Draw(t, "max_extensions")
	p.MaxLoans = rapid.IntRange(1, 30).Draw(t, "max_loans")
	p.MaxReservations = rapid.IntRange(1, 30).Draw(t, "max_reservations")
	p.DueOnClosedDay = rapid.SampledFrom([]DueDateRule{DueDateStands, DueDateNextOpenDay}).Draw(t, "due_on_closed_day")
	p.HideReserveAtLoanLimit = rapid.Bool().Draw(t, "hide_reserve_at_loan_limit")
	return p
}

func TestGeneratorsAreValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		if err := genPolicy(t).Validate(); err != nil {
			t.Fatal(err)
		}
		if err := genLoan(t, "loan", calendar.Date{}).Validate(); err != nil {
			t.Fatal(err)
		}
	})
}

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
