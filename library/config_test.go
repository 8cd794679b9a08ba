package library

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

// threePartners is the default configuration with three partner
// libraries whose rules differ: the common Monday closure, a third
// Thursday and day-after-holiday closure with a March inventory, and a
// long year end with summer hours; a courier move and suspension; a
// policy change.
func threePartners() Config {
	c := withPartners()
	otaru := calendar.Rules{
		ClosedWeekdays:        calendar.WeekdaysOf(time.Monday),
		ClosedNthWeekdays:     []calendar.NthWeekday{{Nth: 3, Weekday: time.Thursday}},
		DayAfterHoliday:       true,
		DayAfterHolidayAvoids: calendar.WeekdaysOf(time.Saturday, time.Sunday),
		YearEnd:               true,
		Closures:              []calendar.Closure{{Name: "特別整理期間", NameEn: "inventory", From: day("2027-03-08"), To: day("2027-03-14")}},
		Openings:              []calendar.Opening{{Name: "臨時開館", NameEn: "special opening", From: day("2027-03-22"), To: day("2027-03-22")}},
	}
	asahikawa := calendar.Rules{
		ClosedWeekdays: calendar.WeekdaysOf(time.Monday, time.Tuesday),
		MonthEnd:       true,
		YearEnd:        true, YearEndFrom: calendar.MonthDay{Month: time.December, Day: 28}, YearEndTo: calendar.MonthDay{Month: time.January, Day: 4},
		Hours: calendar.Hours{
			Regular:  []calendar.Window{{From: calendar.ClockAt(9, 30), To: calendar.ClockAt(18, 0)}},
			Seasonal: []calendar.SeasonalHours{{Months: calendar.MonthsOf(time.July, time.August), Windows: []calendar.Window{{From: calendar.ClockAt(9, 30), To: calendar.ClockAt(20, 0)}}}},
		},
	}
	c.Sites = append(c.Sites,
		Site{ID: "otaru", Name: "小樽市立図書館", NameEn: "Otaru City Library", Kind: Partner, Region: "後志", Rules: otaru},
		Site{ID: "asahikawa", Name: "旭川市中央図書館", NameEn: "Asahikawa Central Library", Kind: Partner, Region: "上川", RegistrationPartner: true, Rules: asahikawa},
	)
	c.Courier.Moves = []CourierMove{{From: day("2027-02-23"), To: day("2027-02-24"), Name: "祝日振替", NameEn: "moved for the holiday"}}
	c.Courier.Suspensions = []CourierSuspension{{Day: day("2027-03-12"), Name: "運休", NameEn: "suspended"}}
	next := c.Policies.Circulation
	next.LoanDays, next.ExtensionDays = 21, 21
	c.Policies.Changes = []PolicyChange{{From: day("2027-04-01"), Circulation: &next}}
	return c
}

// Done when: a configuration of the Prefectural Library, the
// Assembly Library and three partner libraries with different rules
// round-trips through JSON, and every calendar gives the same answers
// after it as before, the presets included.
func TestConfigRoundTripThreePartnersC8(t *testing.T) {
	c := threePartners()
	b, err := json.Marshal(c)
	require.NoError(t, err)
	l, err := Load(b)
	require.NoError(t, err)
	orig := mustNew(t, c)
	for _, s := range c.Sites {
		want, err := orig.Calendar(s.ID, day("2027-01-01"))
		require.NoError(t, err)
		got, err := l.Calendar(s.ID, day("2027-01-01"))
		require.NoError(t, err)
		sameDays(t, s.ID, want, got)
	}
	sameDays(t, "courier", orig.Courier().Calendar(), l.Courier().Calendar())
	assert.False(t, l.Courier().IsCourierDay(day("2027-03-12")))
	assert.True(t, l.Courier().IsCourierDay(day("2027-02-24")))
	assert.Equal(t, 21, l.CirculationPolicy(day("2027-04-01")).LoanDays)
	pref, _ := l.Calendar("prefectural", calendar.Date{})
	defaultPref, _ := Default().Calendar("prefectural", calendar.Date{})
	sameDays(t, "default", defaultPref, pref)

	again, err := json.Marshal(l.Config())
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(again))
	s, err := l.Site("小樽市立図書館")
	require.NoError(t, err)
	assert.Equal(t, "後志", s.Region)
}

// docs/config-example.json is the configuration of threePartners, and
// loads.
func TestConfigExampleDocLoads(t *testing.T) {
	b, err := os.ReadFile("../docs/config-example.json")
	require.NoError(t, err)
	l, err := Load(b)
	require.NoError(t, err)
	want, err := json.Marshal(threePartners())
	require.NoError(t, err)
	got, err := json.Marshal(l.Config())
	require.NoError(t, err)
	assert.JSONEq(t, string(want), string(got))
}

// The embedded default configuration loads, and has no problems.
func TestDefaultJSONIsValid(t *testing.T) {
	_, err := Load(DefaultJSON())
	require.NoError(t, err)
	assert.Empty(t, DefaultConfig().Problems())
}

// problemsOf loads b and returns its problems as "path: message" lines.
func problemsOf(t *testing.T, b string) []string {
	t.Helper()
	_, err := Load([]byte(b))
	require.Error(t, err)
	require.ErrorIs(t, err, reason.ErrBadInput)
	var ps reason.Problems
	require.True(t, errors.As(err, &ps), "%v", err)
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

// The loader reports every problem at once, each with its JSON path:
// the rules' own problems prefixed with the place's path, unknown keys,
// values of the wrong type, and problems of sense.
func TestLoadReportsEveryProblemWithPath(t *testing.T) {
	got := problemsOf(t, `{"version": 2,
	  "places": [
	    {"id": "prefectural", "kind": "prefectural_library", "name": "北海道立図書館", "rules": {}},
	    {"id": "Bad ID", "kind": "partner_library", "name": "A", "rules": {"closed_weekdays": ["mon"]}},
	    {"id": "a", "kind": "museum", "name": "A", "rules": {}},
	    {"id": "a", "kind": "partner_library", "name": "B", "rules": {"closed_nth_weekdays": [{"nth": 6, "weekday": "thursday"}]}, "staff_days": {}},
	    {"id": "c", "kind": "partner_library", "name": "C", "colour": "red", "rules": {}},
	    {"id": "courier", "kind": "partner_library", "name": "E", "rules": {}},
	    {"id": "d", "kind": "partner_library", "name": "D", "rules": {"closures": [{"from": "2027-03-10", "to": "2027-03-01"}]},
	     "changes": [{"from": "2027-05-01", "rules": {}}, {"from": "2027-04-01", "rules": {"year_end": {"from": "11-29"}}}]}
	  ],
	  "courier": {"rules": {}, "moves": [{"from": "2027-02-30", "to": "2027-02-24"}]},
	  "policies": {"circulation": {"loan_days": "15"}, "holds": {"shelf_days": 0, "overridable": ["change.nope"]},
	    "changes": [{"from": "2027-04-01"}]}}`)
	want := []string{
		"version: 2 is not supported: this loader reads version 1",
		`places[1].rules.closed_weekdays[0]: "mon" is not a day of the week (sunday, monday, ..., saturday)`,
		`places[2].kind: "museum" is not prefectural_library, assembly_library or partner_library`,
		`places[3].rules.closed_nth_weekdays[0].nth: 6 is not 1–5`,
		`places[4]: unknown key "colour"`,
		`places[6].rules.closures[0].to: 2027-03-01 is before from 2027-03-10`,
		`places[6].changes[1].rules.year_end: from and to go together: give both or neither (12-29 to 01-03)`,
		`courier.moves[0].from: "2027-02-30" is not a date (YYYY-MM-DD)`,
		`policies.circulation.loan_days: a JSON string where a number is wanted`,
		`policies.changes[0]: changes nothing: give circulation, holds or rules`,
		`places[1].id: "Bad ID" is not 1 to 64 lower-case letters, digits, _ or -`,
		`places[2].name: "A" is also places[1].name`,
		`places[3].id: "a" is also places[2].id`,
		`places[3].staff_days: only the Assembly Library has staff days`,
		`places[6].changes[1].from: 2027-04-01 is not after the change before it (2027-05-01): changes are in date order`,
		`places[5].id: "courier" names the courier (Library.Closing): choose another id`,
		`policies.holds.shelf_days: must be 1 to 366 open days (got 0)`,
		`policies.holds.overridable[0]: unknown reason code "change.nope"`,
	}
	for _, w := range want {
		assert.Contains(t, got, w)
	}
	if t.Failed() {
		t.Log(strings.Join(got, "\n"))
	}
}

// The loader refuses what it cannot read at all, and documents over
// 4 MiB unread.
func TestLoadRefusesMalformedAndHuge(t *testing.T) {
	assert.Equal(t, []string{"not valid JSON at byte 1: invalid character 'x' looking for beginning of value"}, problemsOf(t, "x"))
	assert.Equal(t, []string{`unknown key "extra"`, "courier: is required", "policies: is required",
		"places: there must be one prefectural_library (there are 0)"}, problemsOf(t, `{"version": 1, "extra": 1}`))
	assert.Equal(t, []string{"text after the JSON value"}, problemsOf(t, `{} {}`))
	got := problemsOf(t, `{}`)
	assert.Equal(t, []string{"version: is required (1)", "courier: is required", "policies: is required",
		"places: there must be one prefectural_library (there are 0)"}, got)
	huge := make([]byte, MaxDocumentBytes+1)
	assert.Len(t, problemsOf(t, string(huge)), 1)
	many := `{"version": 1, "places": [` + strings.Repeat(`{},`, maxSites) + `{}]}`
	assert.Contains(t, problemsOf(t, many), "places: 501 places; at most 500 are read")
}

// A rate table with a problem is reported under the shipping policy.
func TestLoadShippingRateTables(t *testing.T) {
	c := DefaultConfig()
	c.Policies.RateTables = shipping.SampleTariff().Tables()
	b, err := json.Marshal(c)
	require.NoError(t, err)
	l, err := Load(b)
	require.NoError(t, err)
	assert.Len(t, l.Tariff().Tables(), 2)
	c.Policies.RateTables[1].Effective = c.Policies.RateTables[0].Effective
	assert.NotEmpty(t, c.Problems())
}

// New reports rules under which a place never opens (calendar's
// ErrNeverOpen) at the place's path, with the other compile problems.
func TestNewReportsNeverOpenRules(t *testing.T) {
	c := withPartners()
	c.Sites[2].Rules.ClosedWeekdays = calendar.WeekdaysOf(time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday)
	_, err := New(c)
	var ps reason.Problems
	require.True(t, errors.As(err, &ps))
	assert.Equal(t, reason.Problems{{Path: "places[2].rules", Message: "the rules close every day"}}, ps)
	assert.Equal(t, "bad input: places[2].rules: the rules close every day", err.Error())
}
