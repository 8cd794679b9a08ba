package calendar_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
)

func ExampleDate() {
	loaned := calendar.NewDate(2026, time.April, 1)
	due := loaned.AddDays(14)
	fmt.Println(due, due.Weekday(), due.DaysSince(loaned))

	d, err := calendar.ParseDate("2026-02-30")
	fmt.Println(d.IsZero(), err)
	// Output:
	// 2026-04-15 Wednesday 14
	// true bad input: "2026-02-30" is no such day
}

func ExampleDateOf() {
	// 16:00 UTC is already the next day in Japan.
	t := time.Date(2026, time.March, 31, 16, 0, 0, 0, time.UTC)
	fmt.Println(calendar.DateOf(t))
	// Output: 2026-04-01
}

func ExampleHoliday() {
	for _, s := range []string{"2026-05-06", "2026-09-22", "2026-11-23", "2026-11-24"} {
		d, _ := calendar.ParseDate(s)
		name, ok := calendar.Holiday(d)
		fmt.Println(s, name, ok)
	}
	// Output:
	// 2026-05-06 振替休日 true
	// 2026-09-22 国民の休日 true
	// 2026-11-23 勤労感謝の日 true
	// 2026-11-24  false
}

func ExampleCalendar() {
	rules := prefecturalLibrary()
	rules.Closures = append(rules.Closures, calendar.Closure{
		Name: "特別整理期間",
		From: calendar.NewDate(2027, time.March, 8),
		To:   calendar.NewDate(2027, time.March, 14),
	})
	lib, err := calendar.New(rules)
	if err != nil {
		panic(err)
	}
	for _, d := range []calendar.Date{
		calendar.NewDate(2026, time.November, 23),
		calendar.NewDate(2026, time.November, 24),
		calendar.NewDate(2026, time.November, 27),
		calendar.NewDate(2027, time.March, 10),
	} {
		if why, closed := lib.WhyClosed(d); closed {
			fmt.Println(d, "closed:", why.Label(reason.English))
		} else {
			fmt.Println(d, "open")
		}
	}
	ready := calendar.NewDate(2026, time.November, 20)
	fmt.Println("10th open day after", ready, "is", lib.AddOpenDays(ready, 10))
	// Output:
	// 2026-11-23 open
	// 2026-11-24 closed: closed after a holiday opening
	// 2026-11-27 closed: month-end closure
	// 2027-03-10 closed: closure (特別整理期間)
	// 10th open day after 2026-11-20 is 2026-12-03
}

func ExampleWeeklySchedule() {
	// Prefectural Library staff at the Assembly Library (R-AL1): Tuesdays
	// and Thursdays, not on public holidays nor at the year end.
	staffDays := calendar.WeeklySchedule("道立図書館職員在室日", time.Tuesday, time.Thursday)
	staffDays.ClosedOnHolidays, staffDays.YearEnd = true, true
	staff := calendar.MustNew(staffDays)
	returned := calendar.NewDate(2026, time.November, 2) // a Monday
	fmt.Println(staff.NextOpen(returned))                // Tuesday 11-03 is a holiday
	// Output: 2026-11-05
}

func ExampleCalendar_OpenAt() {
	// The Assembly Library opens 08:45–17:30 (R-AL1) but lends and takes
	// back reserved items 09:00–17:00: a service with hours of its own is a
	// calendar of its own.
	rules := assemblyLibrary()
	assembly := calendar.MustNew(rules)
	rules.Hours = calendar.Hours{Regular: []calendar.Window{{From: calendar.ClockAt(9, 0), To: calendar.ClockAt(17, 0)}}}
	service := calendar.MustNew(rules)
	at := time.Date(2026, time.November, 30, 8, 50, 0, 0, calendar.JST())
	fmt.Println(assembly.OpenAt(at), service.OpenAt(at))
	// Output: true false
}

func ExampleParseDate() {
	for _, s := range []string{"2026-11-26", "2026-02-30", "26/11/2026"} {
		d, err := calendar.ParseDate(s)
		fmt.Println(d, err)
	}
	// Output:
	// 2026-11-26 <nil>
	//  bad input: "2026-02-30" is no such day
	//  bad input: "26/11/2026" is not a date written YYYY-MM-DD
}

func ExampleCalendar_AddOpenDays() {
	lib := calendar.MustNew(prefecturalLibrary())
	// H4: the 10th open day after an item is ready, across the year end.
	fmt.Println(lib.AddOpenDays(calendar.NewDate(2026, time.December, 25), 10))
	// Output: 2027-01-13
}

func ExampleCalendar_OpenDaysBetween() {
	lib := calendar.MustNew(prefecturalLibrary())
	from := calendar.NewDate(2026, time.December, 25)
	to := calendar.NewDate(2027, time.January, 13)
	fmt.Println(lib.OpenDaysBetween(from, to), "open days in (from, to]")
	// Output: 10 open days in (from, to]
}

func ExampleCalendar_NextOpen() {
	lib := calendar.MustNew(prefecturalLibrary())
	fmt.Println(lib.NextOpen(calendar.NewDate(2026, time.December, 29)))
	// Output: 2027-01-05
}

// prefecturalLibrary returns the opening rules of the Hokkaido Prefectural
// Library (C2) in their JSON form, as its configuration states them
// (package library, library.Default()).
func prefecturalLibrary() calendar.Rules {
	return mustRules(`{
	  "name": "北海道立図書館",
	  "closed_weekdays": ["monday"],
	  "holiday_opens_weekly_closure": true,
	  "month_end": {"avoids": ["sunday", "monday", "saturday"]},
	  "year_end": {"from": "12-29", "to": "01-03"},
	  "hours": {
	    "regular": [{"from": "09:00", "to": "17:00"}],
	    "seasonal": [{"months": ["june", "july", "august"], "weekdays": ["thursday", "friday"], "windows": [{"from": "09:00", "to": "19:00"}]}]
	  }
	}`)
}

// assemblyLibrary returns the opening rules of the Hokkaido Assembly
// Library (R-AL1), as its configuration states them.
func assemblyLibrary() calendar.Rules {
	return mustRules(`{
	  "name": "北海道議会図書室",
	  "closed_weekdays": ["saturday", "sunday"],
	  "closed_on_holidays": true,
	  "year_end": {},
	  "hours": {"regular": [{"from": "08:45", "to": "17:30"}]}
	}`)
}

// mustRules decodes the JSON form of Rules.
func mustRules(doc string) calendar.Rules {
	var r calendar.Rules
	if err := json.Unmarshal([]byte(doc), &r); err != nil {
		panic(err)
	}
	return r
}
