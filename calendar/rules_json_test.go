package calendar

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/internal/strictjson"
	"github.com/kashidashi/kashidashi/reason"
)

// The JSON form of the Prefectural Library's rules (C2), as a librarian
// would state them.
const prefecturalJSON = `{
  "name": "北海道立図書館",
  "closed_weekdays": ["monday"],
  "holiday_opens_weekly_closure": true,
  "month_end": {"avoids": ["sunday", "monday", "saturday"]},
  "year_end": {"from": "12-29", "to": "01-03"},
  "hours": {
    "regular": [{"from": "09:00", "to": "17:00"}],
    "seasonal": [{"months": ["june", "july", "august"], "weekdays": ["thursday", "friday"], "windows": [{"from": "09:00", "to": "19:00"}]}]
  }
}`

func TestRulesJSONC2PrefecturalLibraryReadsAsStated(t *testing.T) {
	var r Rules
	require.NoError(t, json.Unmarshal([]byte(prefecturalJSON), &r))
	assert.Equal(t, PrefecturalLibraryRules(), r)
	b, err := json.Marshal(PrefecturalLibraryRules())
	require.NoError(t, err)
	assert.JSONEq(t, prefecturalJSON, string(b))
}

func TestRulesJSONC8RoundTripsPresets(t *testing.T) {
	for _, r := range []Rules{PrefecturalLibraryRules(), AssemblyLibraryRules(), AssemblyLibraryServiceRules(),
		AssemblyLibraryStaffDayRules(), WeeklySchedule("courier", time.Tuesday, time.Friday), {}} {
		b, err := json.Marshal(r)
		require.NoError(t, err, r.Name)
		var back Rules
		require.NoError(t, json.Unmarshal(b, &back), string(b))
		assert.Equal(t, r, back, string(b))
	}
}

// Every problem is reported at once, each with its JSON path.
func TestRulesJSONC8ReportsEveryProblemWithItsPath(t *testing.T) {
	in := `{
	  "closed_weekdays": ["mon", "friday", "friday"],
	  "closed_nth_weekdays": [{"nth": 6, "weekday": "thursday"}, {"nth": 0, "weekday": "thu"}],
	  "day_after_holiday": {"avoids": ["sat"]},
	  "month_end": {"avoids": ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]},
	  "year_end": {"from": "11-28", "to": "01-32"},
	  "closures": [{"from": "2027-03-08", "to": "2027-03-01"}, {"from": "2027-02-30", "to": ""}],
	  "openings": [{"from": "2027-04-01", "to": "2027-04-01", "reason": {"ja": "特別開館"}}],
	  "hours": {"regular": [{"from": "9:00", "to": "17:00"}, {"from": "17:00", "to": "09:00"}],
	            "seasonal": [{"months": ["jun"], "weekdays": ["friday"], "windows": [{"from": "09:00", "to": "24:01"}]}]}
	}`
	var r Rules
	err := json.Unmarshal([]byte(in), &r)
	require.ErrorIs(t, err, reason.ErrBadInput)
	var ps reason.Problems
	require.True(t, errors.As(err, &ps))
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	assert.Equal(t, []string{
		`closed_weekdays[0]: "mon" is not a day of the week (sunday, monday, ..., saturday)`,
		`closed_weekdays[2]: friday is named twice`,
		`closed_nth_weekdays[1].weekday: "thu" is not a day of the week (sunday, monday, ..., saturday)`,
		`closed_nth_weekdays[0].nth: 6 is not 1–5`,
		`closed_nth_weekdays[1].nth: 0 is not 1–5`,
		`day_after_holiday.avoids[0]: "sat" is not a day of the week (sunday, monday, ..., saturday)`,
		`month_end.avoids: the month-end closure avoids every day of the week`,
		`year_end.to: "01-32" is not a month and day (MM-DD)`,
		`year_end.from: 11-28 is not a day of December`,
		`closures[1].from: "2027-02-30" is not a date (YYYY-MM-DD)`,
		`closures[0].to: 2027-03-01 is before from 2027-03-08`,
		`closures[1].to: a date is needed`,
		`hours.regular[0].from: "9:00" is not a time of day (HH:MM, 00:00 to 24:00)`,
		`hours.seasonal[0].months[0]: "jun" is not a month (january, ..., december)`,
		`hours.seasonal[0].windows[0].to: "24:01" is not a time of day (HH:MM, 00:00 to 24:00)`,
		`hours.regular[1]: 17:00–09:00 does not run forwards within 00:00–24:00`,
	}, got)
	assert.Equal(t, Rules{}, r, "left unchanged")
}

func TestRulesJSONC8RefusesUnknownKeysAtEveryDepth(t *testing.T) {
	for _, in := range []string{
		`{"closed_weekday": ["monday"]}`,
		`{"month_end": {"avoid": []}}`,
		`{"closures": [{"from": "2027-03-08", "to": "2027-03-08", "reason": {"fr": "x"}}]}`,
		`{"hours": {"seasonal": [{"windows": [], "days": []}]}}`,
		`{} {}`,
	} {
		var r Rules
		err := r.UnmarshalJSON([]byte(in)) // json.Unmarshal refuses trailing data itself
		assert.ErrorIs(t, err, reason.ErrBadInput, in)
		var ps reason.Problems
		if assert.ErrorAs(t, err, &ps, in) {
			assert.Len(t, ps, 1, in)
		}
		var se *strictjson.Error
		assert.ErrorAs(t, err, &se, "the decoder's own error stays reachable: %s", in)
	}
	for in, want := range map[string]reason.Problem{
		`{"closed_weekday": ["monday"]}`:        {Path: "", Message: `unknown key "closed_weekday"`},
		`{"closures": [{"from": 3, "to": ""}]}`: {Path: "closures.from", Message: "a JSON number where a string is wanted"},
		`{"closed_weekdays": "monday"}`:         {Path: "closed_weekdays", Message: "a JSON string where a list is wanted"},
		`{"name": "x"} {}`:                      {Path: "", Message: "text after the JSON value"},
	} {
		var r Rules
		var ps reason.Problems
		if assert.ErrorAs(t, r.UnmarshalJSON([]byte(in)), &ps, in) {
			assert.Equal(t, reason.Problems{want}, ps, in)
		}
	}
}

// C7: a year-end span of 12-28 to 01-04 closes those days, and the zero
// span is 12-29 to 01-03.
func TestYearEndSpanC7(t *testing.T) {
	wide := MustNew(Rules{YearEnd: true, YearEndFrom: MonthDay{12, 28}, YearEndTo: MonthDay{1, 4}})
	plain := MustNew(Rules{YearEnd: true})
	for d, want := range map[string][2]bool{
		"2026-12-27": {true, true}, "2026-12-28": {false, true}, "2026-12-29": {false, false},
		"2027-01-03": {false, false}, "2027-01-04": {false, true}, "2027-01-05": {true, true},
	} {
		assert.Equal(t, want, [2]bool{wide.IsOpen(day(d)), plain.IsOpen(day(d))}, d)
	}
	why, _ := wide.WhyClosed(day("2027-01-04"))
	assert.Equal(t, YearEndClosure, why.Kind)
}

// C5: the third Thursday closes; a fifth Thursday closes only in months
// that have one, and a holiday on the day does not open it.
func TestNthWeekdayC5(t *testing.T) {
	c := MustNew(Rules{ClosedNthWeekdays: []NthWeekday{{3, time.Thursday}, {5, time.Thursday}}, HolidayOpensWeeklyClosure: true})
	assert.False(t, c.IsOpen(day("2026-11-19")), "third Thursday of November 2026")
	assert.True(t, c.IsOpen(day("2026-11-12")))
	assert.True(t, c.IsOpen(day("2026-11-26")), "fourth Thursday")
	assert.False(t, c.IsOpen(day("2026-10-29")), "October 2026 has a fifth Thursday")
	// February 2027 has four Thursdays: no fifth-Thursday closure, and
	// nothing moves into March.
	assert.True(t, c.IsOpen(day("2027-03-04")))
	why, _ := c.WhyClosed(day("2026-11-19"))
	assert.Equal(t, NthWeekdayClosure, why.Kind)
	// 2024-03-20, 春分の日, is the third Wednesday: the closure holds.
	hol := NewDate(2024, time.March, 20)
	c2 := MustNew(Rules{ClosedNthWeekdays: []NthWeekday{{3, time.Wednesday}}, HolidayOpensWeeklyClosure: true})
	require.True(t, IsHoliday(hol))
	assert.False(t, c2.IsOpen(hol), "the n-th weekday closure holds on a holiday")
}

// C6: the day after a holiday closes unless it is itself a holiday or an
// avoided weekday; after a run of holidays, the first day after the run.
func TestDayAfterHolidayC6(t *testing.T) {
	c := MustNew(Rules{DayAfterHoliday: true, DayAfterHolidayAvoids: WeekdaysOf(time.Saturday, time.Sunday)})
	assert.False(t, c.IsOpen(day("2026-11-04")), "after 文化の日 (Tuesday)")
	assert.True(t, c.IsOpen(day("2026-05-04")), "みどりの日 is itself a holiday")
	assert.True(t, c.IsOpen(day("2026-05-05")))
	assert.True(t, c.IsOpen(day("2026-05-06")), "振替休日 2026-05-06 is a holiday")
	assert.False(t, c.IsOpen(day("2026-05-07")), "first day after the Golden Week run")
	assert.False(t, c.IsOpen(day("2026-11-24")), "勤労感謝の日 is Monday 11-23; Tuesday closes")
	why, _ := c.WhyClosed(day("2026-05-07"))
	assert.Equal(t, DayAfterHolidayClosure, why.Kind)
	assert.False(t, c.IsOpen(day("2026-09-24")), "09-22 国民の休日 and 09-23 秋分の日; Thursday closes")
	// 2025-03-20 春分の日 is a Thursday: Friday closes.
	assert.False(t, c.IsOpen(NewDate(2025, time.March, 21)))
	fri := NewDate(2021, time.July, 23) // スポーツの日, a Friday
	require.True(t, IsHoliday(fri))
	assert.True(t, c.IsOpen(fri.AddDays(1)), "Saturday after a holiday is avoided and not moved")
	assert.True(t, c.IsOpen(fri.AddDays(3)), "nor moved to Monday")
	// A day after a holiday that is closed anyway keeps its own reason.
	weekly := MustNew(Rules{ClosedWeekdays: WeekdaysOf(time.Tuesday), DayAfterHoliday: true})
	why, _ = weekly.WhyClosed(day("2026-11-24"))
	assert.Equal(t, WeeklyClosure, why.Kind)
	assert.True(t, weekly.IsOpen(day("2026-11-25")), "not moved to Wednesday")
}

func TestClosedReasonLabelUsesEnglishNameC4(t *testing.T) {
	c := MustNew(Rules{Closures: []Closure{{Name: "特別整理期間", NameEn: "inventory", From: day("2027-03-08"), To: day("2027-03-15")}}})
	why, _ := c.WhyClosed(day("2027-03-10"))
	assert.Equal(t, "closure (inventory)", why.Label("en"))
	assert.Equal(t, "臨時休館（特別整理期間）", why.Label("ja"))
	assert.True(t, strings.HasPrefix(why.String(), "closure:"))
}

// FuzzRulesJSON feeds arbitrary bytes to the decoder: no panic, bounded
// time, and what decodes is valid, compiles or is refused cleanly, and
// encodes back to the same Rules.
func FuzzRulesJSON(f *testing.F) {
	f.Add([]byte(prefecturalJSON))
	f.Add([]byte(`{"closed_nth_weekdays":[{"nth":3,"weekday":"thursday"}],"day_after_holiday":{}}`))
	f.Add([]byte(`{"closures":[{"from":"2027-03-08","to":"2027-03-15","reason":{"ja":"特別整理期間","en":"inventory"}}]}`))
	f.Add([]byte(`{"year_end":{"from":"12-28","to":"01-04"},"hours":{"regular":[]}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 4096 {
			return
		}
		var r Rules
		var err error
		timed(t, queryBudget, "UnmarshalJSON", func() { err = json.Unmarshal(b, &r) })
		if err != nil {
			return
		}
		if ps := r.Problems(); len(ps) > 0 {
			t.Fatalf("decoded rules with problems %v", ps)
		}
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back Rules
		if err := json.Unmarshal(out, &back); err != nil || !reflect.DeepEqual(normalize(r), normalize(back)) {
			t.Fatalf("%s: %v\n%+v\n%+v", out, err, r, back)
		}
	})
}

// normalize gives empty slices their nil form where the JSON form does
// not tell them apart.
func normalize(r Rules) Rules {
	if len(r.ClosedNthWeekdays) == 0 {
		r.ClosedNthWeekdays = nil
	}
	if len(r.Closures) == 0 {
		r.Closures = nil
	}
	if len(r.Openings) == 0 {
		r.Openings = nil
	}
	if len(r.Hours.Seasonal) == 0 {
		r.Hours.Seasonal = nil
	}
	for i := range r.Hours.Seasonal {
		if len(r.Hours.Seasonal[i].Windows) == 0 {
			r.Hours.Seasonal[i].Windows = nil
		}
	}
	return r
}

// The JSON form shown in the package documentation decodes.
func TestRulesJSONC8PackageDocExampleDecodes(t *testing.T) {
	in := `{
	  "name": "北海道立図書館",
	  "closed_weekdays": ["monday"],
	  "closed_nth_weekdays": [{"nth": 3, "weekday": "thursday"}],
	  "closed_on_holidays": false,
	  "holiday_opens_weekly_closure": true,
	  "day_after_holiday": {"avoids": ["saturday", "sunday"]},
	  "month_end": {"avoids": ["sunday", "monday", "saturday"]},
	  "year_end": {"from": "12-29", "to": "01-03"},
	  "closures": [{"from": "2027-03-08", "to": "2027-03-15", "reason": {"ja": "特別整理期間", "en": "inventory"}}],
	  "openings": [{"from": "2027-03-21", "to": "2027-03-21", "reason": {"ja": "特別開館", "en": "special opening"}}],
	  "hours": {
	    "regular": [{"from": "09:00", "to": "17:00"}],
	    "seasonal": [{"months": ["june", "july", "august"], "weekdays": ["thursday", "friday"], "windows": [{"from": "09:00", "to": "19:00"}]}]
	  }
	}`
	var r Rules
	require.NoError(t, json.Unmarshal([]byte(in), &r))
	_, err := New(r)
	require.NoError(t, err)
	assert.Equal(t, []Opening{{Name: "特別開館", NameEn: "special opening", From: day("2027-03-21"), To: day("2027-03-21")}}, r.Openings)
}

// JSON null leaves Rules as they are, as encoding/json does for values.
func TestRulesJSONC8NullLeavesRules(t *testing.T) {
	r := AssemblyLibraryRules()
	require.NoError(t, json.Unmarshal([]byte(` null `), &r))
	assert.Equal(t, AssemblyLibraryRules(), r)
}

// emptyClosuresJSON is rules with n closures of no dates, each two
// problems ("a date is needed"), and n closures whose from is no date,
// each a problem the decoder notes itself.
func emptyClosuresJSON(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"closures":[`)
	for i := range n {
		b.WriteString(`{},{"from":"x","to":"2027-01-01"}`)
		if i+1 < n {
			b.WriteByte(',')
		}
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// TestDefectRulesDecodeLinearInProblems: decoding rules that have many
// problems is linear in their number: the problems of the decoded values
// are checked against those the decoder noted in a bounded number of
// probes each, not one probe per problem noted so far (16,000 empty
// closures took 4 s). Every problem is still reported, once.
func TestDefectRulesDecodeLinearInProblems(t *testing.T) {
	for _, n := range []int{2000, 8000} {
		var r Rules
		probes, err := r.unmarshal(emptyClosuresJSON(n))
		var ps reason.Problems
		require.True(t, errors.As(err, &ps))
		require.Len(t, ps, 3*n)
		seen := map[string]bool{}
		for _, p := range ps {
			require.False(t, seen[p.Path], p.Path)
			seen[p.Path] = true
		}
		assert.True(t, seen["closures[0].from"] && seen["closures[0].to"] && seen["closures[1].from"])
		assert.False(t, seen["closures[1].to"])
		assert.LessOrEqual(t, probes, 16*len(ps), "%d closures", 2*n)
	}
}
