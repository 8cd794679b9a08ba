package notice_test

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/notice"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

// ebetsuReservation is a reservation for a partner library secured on
// 2026-11-19, and its timeline as library.Library.Timeline (or
// holds.Policy.Timeline) gives it: sent by the courier on Friday
// (R-PT2), collectable from Sunday (R-PT3), on the shelf until the 10th
// open day (H4), due 30 days after the courier day (L2).
func ebetsuReservation() (holds.Reservation, holds.Timeline) {
	r := holds.Reservation{ID: 7, Patron: "0123456789", Item: "0012345678",
		Place: circulation.Place{Method: circulation.PartnerLibrary, Library: "江別市情報図書館"},
		State: holds.Secured, PlacedOn: calendar.NewDate(2026, 11, 1), SecuredOn: calendar.NewDate(2026, 11, 19)}
	t := holds.Timeline{Place: r.Place, Notice: r.SecuredOn,
		Sent:        calendar.NewDate(2026, 11, 20),
		FirstPickup: calendar.NewDate(2026, 11, 22),
		Deadline:    calendar.NewDate(2026, 12, 3),
		Loaned:      calendar.NewDate(2026, 11, 20),
		Due:         calendar.NewDate(2026, 12, 19)}
	return r, t
}

func ExampleSecured() {
	r, t := ebetsuReservation()
	n, err := notice.Secured(r, t, shipping.Class{})
	if err != nil {
		panic(err)
	}
	fmt.Print(n.Text(nil, reason.Japanese))
	b, _ := json.Marshal(n)
	fmt.Println(string(b))
	// Output:
	// 予約資料確保のお知らせ
	// 資料：0012345678
	// 確保日：2026年11月19日（木）
	// 受取場所：江別市情報図書館
	// 受取館への発送日（協力車）：2026年11月20日（金）
	// 受取開始日：2026年11月22日（日）から
	// 受け取りの際は道立図書館の利用者番号をご提示ください。
	// 取置期限：2026年12月3日（木）まで（休館日は数えません）。期限を過ぎると予約は取り消されます。
	// 返却期限：2026年12月19日（土）（延長はできません）
	// {"item":"0012345678","place":{"method":"partner_library","library":"江別市情報図書館"},"notice_day":"2026-11-19","courier_day":"2026-11-20","pickup_from":"2026-11-22","deadline":"2026-12-03","due":"2026-12-19"}
}

func ExampleSecured_badInput() {
	r, t := ebetsuReservation()
	_, err := notice.Secured(r, t, shipping.Class{Service: shipping.YuMail})
	fmt.Println(err)
	// Output:
	// bad input: parcel: only home delivery is posted in a parcel class (R-HD3)
}

// A host rewords a line of the notice, here to name its own card, with
// a wording built from the package's catalogue.
func ExampleNotice_Text() {
	r, t := ebetsuReservation()
	n, err := notice.Secured(r, t, shipping.Class{})
	if err != nil {
		panic(err)
	}
	w, err := reason.NewWording(notice.Reasons(), map[string]map[reason.Lang]string{
		"notice.secured.card_number": {reason.English: "Bring your library card."},
		"notice.secured.deadline":    {reason.English: "Collect it by[ {day}]."},
	})
	if err != nil {
		panic(err)
	}
	fmt.Print(n.Text(w, reason.English))
	// Output:
	// Your reserved item is ready
	// Item: 0012345678
	// Notice sent: 2026-11-19 (Thu)
	// Pickup place: 江別市情報図書館 (partner library)
	// Sent by courier to the library on: 2026-11-20 (Fri)
	// Pickup from: 2026-11-22 (Sun)
	// Bring your library card.
	// Collect it by 2026-12-03 (Thu).
	// Due back: 2026-12-19 (Sat) (no extension)
}

func ExampleExtension() {
	loan := circulation.Loan{Item: "0012345678", Place: circulation.Place{Method: circulation.PrefecturalLibrary},
		Loaned: calendar.NewDate(2026, 3, 25), Due: calendar.NewDate(2026, 4, 8)}

	// Extended on 2026-04-01: due 14 days later (L3).
	extended := loan
	extended.Due, extended.Extensions = calendar.NewDate(2026, 4, 15), 1
	n, err := notice.Extension(loan, extended, nil)
	if err != nil {
		panic(err)
	}
	fmt.Print(n.Text(nil, reason.English))

	// Refused: circulation.Policy.Extend's refusal (L4).
	refusal := reason.Refuse("circulation", "extension", []reason.Coded{circulation.ErrReserved})
	n, err = notice.Extension(loan, circulation.Loan{}, refusal)
	if err != nil {
		panic(err)
	}
	fmt.Print(n.Text(nil, reason.Japanese))
	// Output:
	// Extension of your loan
	// Item: 0012345678
	// Extended: now due back 2026-04-15 (Wed) (was 2026-04-08 (Wed)).
	// 貸出延長のお知らせ
	// 資料：0012345678
	// 延長できませんでした。返却期限は2026年4月8日（水）のままです。
	// ・予約が入っている本は延長できません。
}

func ExampleRows() {
	_, t := ebetsuReservation()
	for _, row := range notice.Rows(t) {
		fmt.Printf("%s  %-12s %s\n", row.Date, row.Code, row.Label(nil, reason.English))
	}
	// Output:
	// 2026-11-19  notice       Notice email: item secured
	// 2026-11-20  sent         Sent by courier to the partner library: day of loan
	// 2026-11-22  first_pickup Ready for pickup from
	// 2026-12-03  deadline     Hold-shelf deadline
	// 2026-12-19  due          Due date
}

// The catalogue of the package's lines, for translators: each code with
// its parameters and both templates.
func ExampleReasons() {
	enc := json.NewEncoder(os.Stdout)
	for _, e := range reason.Catalogue(notice.Reasons())[:3] {
		_ = enc.Encode(e)
	}
	// Output:
	// {"code":"notice.secured.subject","package":"notice","en":"Your reserved item is ready","ja":"予約資料確保のお知らせ"}
	// {"code":"notice.item","package":"notice","params":["item"],"en":"Item[: {item}]","ja":"資料[：{item}]"}
	// {"code":"notice.secured.notice_day","package":"notice","params":["day"],"en":"Notice sent[: {day}]","ja":"確保日[：{day}]"}
}
