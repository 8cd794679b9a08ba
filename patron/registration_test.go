package patron

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
)

var (
	prefCal   = calendar.MustNew(prefecturalLibraryRules())
	staffCal  = calendar.MustNew(staffDayRules())
	otaruCal  = calendar.MustNew(calendar.WeeklySchedule("小樽", time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday))
	tuesday   = calendar.NewDate(2026, time.May, 12)
	wednesday = calendar.NewDate(2026, time.May, 13)
	monday    = calendar.NewDate(2026, time.May, 11)
	// 2026-11-03 (Culture Day) is a Tuesday.
	holidayTuesday = calendar.NewDate(2026, time.November, 3)
)

// P1: where and when registration can be done: the Prefectural Library
// on its open days, the Assembly Library on staff days (Tuesdays and
// Thursdays, holidays excepted, R-AL1), registration partner libraries
// on their open days, and by post any day.
func TestCanRegisterAtP1Places(t *testing.T) {
	otaru := RegistrationPlace{Kind: RegisterAtPartnerLibrary, Calendar: otaruCal, Library: "小樽市立図書館", RegistrationPartner: true}
	notPartner := otaru
	notPartner.RegistrationPartner = false
	for _, tt := range []struct {
		name  string
		place RegistrationPlace
		day   calendar.Date
		want  []string
	}{
		{"prefectural open", RegistrationPlace{Kind: RegisterAtPrefecturalLibrary, Calendar: prefCal}, tuesday, nil},
		{"prefectural monday closed", RegistrationPlace{Kind: RegisterAtPrefecturalLibrary, Calendar: prefCal}, monday, []string{"registration.closed"}},
		{"prefectural no day", RegistrationPlace{Kind: RegisterAtPrefecturalLibrary, Calendar: prefCal}, calendar.Date{}, []string{"registration.closed"}},
		{"assembly tuesday staff", RegistrationPlace{Kind: RegisterAtAssemblyLibrary, Calendar: staffCal}, tuesday, nil},
		{"assembly wednesday no staff", RegistrationPlace{Kind: RegisterAtAssemblyLibrary, Calendar: staffCal}, wednesday, []string{"registration.no_staff"}},
		{"assembly holiday tuesday", RegistrationPlace{Kind: RegisterAtAssemblyLibrary, Calendar: staffCal}, holidayTuesday, []string{"registration.no_staff"}},
		{"registration partner", otaru, tuesday, nil},
		{"registration partner closed", otaru, monday, []string{"registration.closed"}},
		{"not a registration partner", notPartner, tuesday, []string{"registration.not_partner"}},
		{"not a partner and closed", notPartner, monday, []string{"registration.not_partner", "registration.closed"}},
		{"post any day", RegistrationPlace{Kind: RegisterByPost}, calendar.Date{}, nil},
		{"post on a monday", RegistrationPlace{Kind: RegisterByPost}, monday, nil},
		{"zero place", RegistrationPlace{}, tuesday, []string{"registration.place_unknown"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := CanRegisterAt(tt.place, tt.day)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			checkRefusal(t, err)
			if got := codes(err); !slices.Equal(got, tt.want) {
				t.Fatalf("codes %v, want %v", got, tt.want)
			}
		})
	}
}

// P1: a counter place without a calendar, and a kind that is none of the
// ways to register, are the host's mistakes, not a patron's refusal: bad
// input naming the field.
func TestCanRegisterAtP1NeedsCalendar(t *testing.T) {
	for _, k := range []RegistrationPlaceKind{RegisterAtPrefecturalLibrary, RegisterAtAssemblyLibrary, RegisterAtPartnerLibrary} {
		checkBadInput(t, CanRegisterAt(RegistrationPlace{Kind: k}, tuesday), "place.calendar")
	}
	for _, k := range []RegistrationPlaceKind{5, 99} {
		checkBadInput(t, CanRegisterAt(RegistrationPlace{Kind: k, Calendar: prefCal}, tuesday), "place.kind")
	}
}

// checkBadInput fails t unless err is bad input, a reason.Problems of one
// problem at path, and no refusal.
func checkBadInput(t *testing.T, err error, path string) {
	t.Helper()
	var ps reason.Problems
	var ref *reason.Refusal
	if !errors.Is(err, reason.ErrBadInput) || !errors.As(err, &ps) || errors.As(err, &ref) {
		t.Fatalf("%v: want bad input", err)
	}
	if len(ps) != 1 || ps[0].Path != path {
		t.Errorf("problems %v, want one at %s", ps, path)
	}
}

// P1: the refusal names the day in both languages.
func TestCanRegisterAtP1DayDetail(t *testing.T) {
	err := CanRegisterAt(RegistrationPlace{Kind: RegisterAtAssemblyLibrary, Calendar: staffCal}, wednesday)
	if got := messages(err); len(got) != 1 || !strings.HasSuffix(got[0], " (2026-05-13 is not such a day).") {
		t.Fatalf("messages %q", got)
	}
	if ms := reason.Localize(err, reason.Japanese); !strings.HasSuffix(ms[0].Message, "（2026年5月13日は在室日ではありません）。") {
		t.Fatalf("Japanese %q", ms[0].Message)
	}
}

// P5: a new password may take about 10 minutes to work.
func TestPasswordUsableFromP5TenMinutes(t *testing.T) {
	set := time.Date(2026, 11, 27, 23, 55, 0, 0, calendar.JST())
	if got, want := PasswordUsableFrom(set), set.Add(10*time.Minute); !got.Equal(want) {
		t.Errorf("PasswordUsableFrom(%v) = %v, want %v", set, got, want)
	}
	if !PasswordUsableFrom(time.Time{}).IsZero() {
		t.Error("zero time gave a time")
	}
}

func FuzzCanRegisterAt(f *testing.F) {
	f.Add(uint8(1), 2026, 5, 12, true, "小樽")
	f.Add(uint8(2), 2026, 11, 3, false, "")
	f.Add(uint8(9), -5, 0, 99, true, "x")
	cals := []*calendar.Calendar{nil, prefCal, staffCal, otaruCal}
	f.Fuzz(func(t *testing.T, kind uint8, y, m, d int, partner bool, name string) {
		day := calendar.NewDate(y%3000, time.Month(m), d)
		for _, c := range cals {
			p := RegistrationPlace{Kind: RegistrationPlaceKind(kind % 6), Calendar: c, Library: name, RegistrationPartner: partner}
			err := CanRegisterAt(p, day)
			if err == nil || errors.Is(err, reason.ErrBadInput) {
				continue
			}
			checkRefusal(t, err)
			if len(err.Error()) > 1000 {
				t.Fatalf("error of %d bytes", len(err.Error()))
			}
		}
	})
}

// prefecturalLibraryRules are the opening rules of the Prefectural Library
// (C2), as the library's configuration states them (library.Default()).
func prefecturalLibraryRules() calendar.Rules {
	return calendar.Rules{
		Name:                      "北海道立図書館",
		ClosedWeekdays:            calendar.WeekdaysOf(time.Monday),
		HolidayOpensWeeklyClosure: true,
		MonthEnd:                  true,
		MonthEndAvoids:            calendar.WeekdaysOf(time.Monday, time.Saturday, time.Sunday),
		YearEnd:                   true,
	}
}

// staffDayRules are the days Prefectural Library staff are at the
// Assembly Library (R-AL1): Tuesdays and Thursdays, not on public
// holidays nor at the year end.
func staffDayRules() calendar.Rules {
	r := calendar.WeeklySchedule("道立図書館職員在室日", time.Tuesday, time.Thursday)
	r.ClosedOnHolidays, r.YearEnd = true, true
	return r
}
