package calendar_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
)

// The JSON form of Rules, as a librarian states them: a partner library
// closed on Sundays, the third Thursday, public holidays and the day after
// them (unless a Saturday or Sunday), and from December 28 to January 4.
func ExampleRules_UnmarshalJSON() {
	in := `{
	  "name": "江別市情報図書館",
	  "closed_weekdays": ["sunday"],
	  "closed_nth_weekdays": [{"nth": 3, "weekday": "thursday"}],
	  "closed_on_holidays": true,
	  "day_after_holiday": {"avoids": ["saturday", "sunday"]},
	  "year_end": {"from": "12-28", "to": "01-04"},
	  "closures": [{"from": "2027-03-08", "to": "2027-03-15", "reason": {"ja": "特別整理期間", "en": "inventory"}}],
	  "hours": {"regular": [{"from": "10:00", "to": "19:00"}]}
	}`
	var r calendar.Rules
	if err := json.Unmarshal([]byte(in), &r); err != nil {
		fmt.Println(err)
		return
	}
	c := calendar.MustNew(r)
	for _, s := range []string{"2026-11-19", "2026-11-24", "2026-12-28", "2027-03-09"} {
		d, _ := calendar.ParseDate(s)
		why, _ := c.WhyClosed(d)
		fmt.Println(s, why.Label(reason.English))
	}

	// Every problem at once, each with its path.
	bad := `{"closed_weekdays": ["mon"], "closed_nth_weekdays": [{"nth": 6, "weekday": "thursday"}]}`
	err := json.Unmarshal([]byte(bad), &r)
	var ps reason.Problems
	fmt.Println(errors.Is(err, reason.ErrBadInput), errors.As(err, &ps))
	for _, p := range ps {
		fmt.Println(p)
	}
	// Output:
	// 2026-11-19 monthly closure
	// 2026-11-24 closed the day after a holiday
	// 2026-12-28 year-end closure
	// 2027-03-09 closure (inventory)
	// true true
	// closed_weekdays[0]: "mon" is not a day of the week (sunday, monday, ..., saturday)
	// closed_nth_weekdays[0].nth: 6 is not 1–5
}

func ExampleRules_MarshalJSON() {
	b, _ := json.Marshal(calendar.Rules{
		Name:             "北海道議会図書室",
		ClosedWeekdays:   calendar.WeekdaysOf(time.Saturday, time.Sunday),
		ClosedOnHolidays: true,
		YearEnd:          true,
		YearEndFrom:      calendar.MonthDay{Month: time.December, Day: 29},
		YearEndTo:        calendar.MonthDay{Month: time.January, Day: 3},
		Hours:            calendar.Hours{Regular: []calendar.Window{{From: calendar.ClockAt(8, 45), To: calendar.ClockAt(17, 30)}}},
	})
	fmt.Println(string(b))
	// Output:
	// {"name":"北海道議会図書室","closed_weekdays":["sunday","saturday"],"closed_on_holidays":true,"year_end":{"from":"12-29","to":"01-03"},"hours":{"regular":[{"from":"08:45","to":"17:30"}]}}
}

func ExampleCalendar_ClosedDays() {
	c := calendar.MustNew(prefecturalLibrary())
	from, _ := calendar.ParseDate("2026-04-27")
	to, _ := calendar.ParseDate("2026-05-31")
	for d, why := range c.ClosedDays(from, to) {
		fmt.Println(d, why.Label(reason.Japanese), "/", why.Label(reason.English))
	}
	// Output:
	// 2026-04-27 定期休館日 / weekly closure
	// 2026-04-30 月末休館 / month-end closure
	// 2026-05-07 祝日開館の振替休館 / closed after a holiday opening
	// 2026-05-11 定期休館日 / weekly closure
	// 2026-05-18 定期休館日 / weekly closure
	// 2026-05-25 定期休館日 / weekly closure
	// 2026-05-29 月末休館 / month-end closure
}

func ExampleCalendar_Month() {
	c := calendar.MustNew(prefecturalLibrary())
	v := c.Month(2026, time.May)
	for _, week := range v.Weeks {
		var cells []string
		for _, d := range week {
			switch {
			case !d.InMonth:
				cells = append(cells, "  .")
			case d.Open:
				cells = append(cells, fmt.Sprintf("%3d", d.Date.Day()))
			default:
				cells = append(cells, fmt.Sprintf("%2dx", d.Date.Day()))
			}
		}
		fmt.Println("|" + strings.Join(cells, " "))
	}
	b, _ := json.Marshal(v.Weeks[1][4])
	fmt.Println(string(b))
	// Output:
	// |  .   .   .   .   .   1   2
	// |  3   4   5   6  7x   8   9
	// | 10 11x  12  13  14  15  16
	// | 17 18x  19  20  21  22  23
	// | 24 25x  26  27  28 29x  30
	// | 31   .   .   .   .   .   .
	// {"date":"2026-05-07","in_month":true,"open":false,"closed":"shifted","closed_ja":"祝日開館の振替休館","closed_en":"closed after a holiday opening"}
}

func ExampleCalendar_WriteICS() {
	r := prefecturalLibrary()
	r.Closures = append(r.Closures, calendar.Closure{Name: "特別整理期間", NameEn: "inventory",
		From: calendar.NewDate(2027, time.March, 8), To: calendar.NewDate(2027, time.March, 15)})
	c := calendar.MustNew(r)
	from, _ := calendar.ParseDate("2027-03-01")
	to, _ := calendar.ParseDate("2027-03-16")
	stamp := time.Date(2027, time.February, 1, 0, 0, 0, 0, time.UTC) // passed in: no clock
	var out strings.Builder
	err := c.WriteICS(&out, from, to, calendar.ICSOptions{Stamp: stamp, Lang: reason.English, UIDDomain: "library.example.jp"})
	fmt.Print(strings.ReplaceAll(out.String(), "\r\n", "\n")) // lines end in CRLF
	fmt.Println(err)
	// Output:
	// BEGIN:VCALENDAR
	// VERSION:2.0
	// PRODID:-//kashidashi//calendar//JA
	// CALSCALE:GREGORIAN
	// METHOD:PUBLISH
	// X-WR-CALNAME:北海道立図書館
	// BEGIN:VEVENT
	// UID:e8fc01a2e7c68bfced840697b872283c@library.example.jp
	// DTSTAMP:20270201T000000Z
	// DTSTART;VALUE=DATE:20270301
	// DTEND;VALUE=DATE:20270302
	// SUMMARY:weekly closure
	// TRANSP:TRANSPARENT
	// END:VEVENT
	// BEGIN:VEVENT
	// UID:3f94565b6a945dfd308ad01ac1bdfbdc@library.example.jp
	// DTSTAMP:20270201T000000Z
	// DTSTART;VALUE=DATE:20270308
	// DTEND;VALUE=DATE:20270316
	// SUMMARY:closure (inventory)
	// TRANSP:TRANSPARENT
	// END:VEVENT
	// END:VCALENDAR
	// <nil>
}
