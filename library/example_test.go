package library_test

import (
	"fmt"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/reason"
)

// A snowstorm closes the Prefectural Library for two days: what it
// changes for a loan due on the first and an item secured for home
// delivery the day before (X1, X4).
func ExampleLibrary_Consequences() {
	lib := library.Default()
	from, to := calendar.NewDate(2027, 2, 17), calendar.NewDate(2027, 2, 18)
	change, err := lib.Closing("prefectural", calendar.Closure{From: from, To: to, Name: "臨時休館（大雪）", NameEn: "closed (snowstorm)"})
	if err != nil {
		panic(err)
	}
	loans := []circulation.Loan{{Item: "0012345678", Place: circulation.Place{Method: circulation.PrefecturalLibrary},
		Loaned: calendar.NewDate(2027, 2, 3), Due: from}}
	rs := []holds.Reservation{{ID: 7, Patron: "A", Item: "0087654321", Place: circulation.Place{Method: circulation.HomeDelivery},
		State: holds.Secured, PlacedOn: calendar.NewDate(2027, 2, 1), SecuredOn: calendar.NewDate(2027, 2, 16)}}
	cs, err := lib.Consequences(change, loans, rs)
	if err != nil {
		panic(err)
	}
	for _, c := range cs {
		m := reason.Localize(c.Reason, reason.Japanese)[0]
		fmt.Println(c.Old, "→", c.New, m.Code)
		fmt.Println(m.Message)
	}
	// Output:
	// 2027-02-17 → 2027-02-17 closure.due_stands
	// 北海道立図書館は返却期限日の2027年2月17日に臨時休館となります。返却期限日は変わりません。
	// 2027-02-17 → 2027-02-19 closure.posting_moved
	// 北海道立図書館の臨時休館のため、予約資料の発送日が2027年2月19日に変わりました。
}

// The snowstorm applied under "next open day", the moved due dates
// spread over three open days from the reopening, two a day (X5, X7),
// and the notice to one of the patrons (X6).
func ExampleLibrary_Apply() {
	cfg := library.Default().Config()
	cfg.Policies.Circulation.DueOnClosedDay = circulation.DueDateNextOpenDay
	lib, err := library.New(cfg)
	if err != nil {
		panic(err)
	}
	from, to := calendar.NewDate(2027, 2, 17), calendar.NewDate(2027, 2, 18)
	change, err := lib.Closing("prefectural", calendar.Closure{From: from, To: to, Name: "臨時休館（大雪）", NameEn: "closed (snowstorm)"})
	if err != nil {
		panic(err)
	}
	var loans []library.LoanRecord
	for i, patron := range []string{"A", "B", "C", "D", "E"} {
		loans = append(loans, library.LoanRecord{Patron: patron, Loan: circulation.Loan{Item: fmt.Sprintf("001234567%d", i),
			Place: circulation.Place{Method: circulation.PrefecturalLibrary}, Loaned: calendar.NewDate(2027, 2, 3), Due: from}})
	}
	applied, err := lib.Apply(change, loans, nil, library.ApplyOptions{SpreadDays: 3, SpreadPerDay: 2})
	if err != nil {
		panic(err)
	}
	for _, a := range applied.Loans {
		fmt.Println(a.Record.Patron, a.Original, "→", a.New, a.Record.Mark.Original)
	}
	fmt.Print(lib.ClosureNotices(applied)[3].Text(nil, reason.Japanese))
	// Output:
	// A 2027-02-17 → 2027-02-19 2027-02-17
	// B 2027-02-17 → 2027-02-20 2027-02-17
	// C 2027-02-17 → 2027-02-20 2027-02-17
	// D 2027-02-17 → 2027-02-21 2027-02-17
	// E 2027-02-17 → 2027-02-19 2027-02-17
	// 臨時休館等に伴う日付変更のお知らせ
	// 図書館の開館日の変更により、次の日付が変わりました。
	// ・0012345673：休館明けに返却が集中しないよう、北海道立図書館への返却期限日を2027年2月17日（水）から2027年2月21日（日）に変更しました。
}

// After the snowstorm is applied (Apply), the library with it counts it
// in every later decision: an item made ready on the day before stays on
// the hold shelf until Wednesday 03-03 rather than Sunday 02-28 (X5, H4).
func ExampleLibrary_WithClosure() {
	lib := library.Default()
	storm := calendar.Closure{From: calendar.NewDate(2027, 2, 17), To: calendar.NewDate(2027, 2, 18), Name: "臨時休館（大雪）", NameEn: "closed (snowstorm)"}
	closed, err := lib.WithClosure("prefectural", storm)
	if err != nil {
		panic(err)
	}
	ready := calendar.NewDate(2027, 2, 16)
	for _, l := range []*library.Library{lib, closed} {
		at := l.Calendars(ready).Library
		fmt.Println(at.IsOpen(storm.From), l.HoldPolicy(ready).ShelfDeadline(at.AddOpenDays(ready, 1), at))
	}
	// Output:
	// true 2027-02-28
	// false 2027-03-03
}

// Loading a document reports every problem at once, each with its path.
func ExampleLoad() {
	_, err := library.Load([]byte(`{"version": 1,
	  "places": [{"id": "otaru", "kind": "partner_library", "name": "小樽市立図書館",
	    "rules": {"closed_nth_weekdays": [{"nth": 6, "weekday": "thursday"}], "colour": "red"}}]}`))
	fmt.Println(err)
	// Output:
	// bad input: places[0].rules: unknown key "colour"; courier: is required; policies: is required; places: there must be one prefectural_library (there are 0)
}
