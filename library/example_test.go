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

// Loading a document reports every problem at once, each with its path.
func ExampleLoad() {
	_, err := library.Load([]byte(`{"version": 1,
	  "places": [{"id": "otaru", "kind": "partner_library", "name": "小樽市立図書館",
	    "rules": {"closed_nth_weekdays": [{"nth": 6, "weekday": "thursday"}], "colour": "red"}}]}`))
	fmt.Println(err)
	// Output:
	// bad input: places[0].rules: unknown key "colour"; courier: is required; policies: is required; places: there must be one prefectural_library (there are 0)
}
