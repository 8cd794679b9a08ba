package circulation_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/reason"
)

func date(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// The loan period counts the day of loan (L2). By default a due date on a
// closed day stands (L5), so no calendar is needed. The policy is the
// library's, in force on the day of loan.
func ExamplePolicy_DueDate() {
	loaned := date("2026-04-01")
	p := library.Default().CirculationPolicy(loaned)
	counter := circulation.Place{Method: circulation.PrefecturalLibrary}
	fmt.Println(p.DueDate(circulation.Loan{Place: counter, Loaned: loaned}, nil))
	fmt.Println(p.DueDate(circulation.Loan{Place: counter, Short: true, Loaned: loaned}, nil))
	fmt.Println(p.DueDate(circulation.Loan{Place: circulation.Place{Method: circulation.HomeDelivery}, Loaned: loaned}, nil))
	// Output:
	// 2026-04-15 <nil>
	// 2026-04-08 <nil>
	// 2026-04-30 <nil>
}

// Under the L5 knob, a due date on a closed day moves to the next open
// day of the place the item goes back to: April 30, 2026 is the
// Prefectural Library's month-end closure. Without that place's calendar
// the knob cannot apply, and DueDate says so.
func ExamplePolicy_DueDate_nextOpenDay() {
	lib := library.Default()
	loan := circulation.Loan{Place: circulation.Place{Method: circulation.HomeDelivery}, Loaned: date("2026-04-01")}
	returnTo, err := lib.ReturnCalendar(loan)
	if err != nil {
		panic(err)
	}
	p := lib.CirculationPolicy(loan.Loaned)
	p.DueOnClosedDay = circulation.DueDateNextOpenDay
	fmt.Println(p.DueDate(loan, returnTo))
	_, err = p.DueDate(loan, nil)
	fmt.Println(errors.Is(err, circulation.ErrNoCalendar), errors.Is(err, reason.ErrBadInput))
	// Output:
	// 2026-05-01 <nil>
	// true true
}

// The guide's example (L3): due April 8, extended on April 1, the item is
// due April 15, not April 22.
func ExamplePolicy_Extend() {
	loan := circulation.Loan{
		Item:   "b1",
		Place:  circulation.Place{Method: circulation.PrefecturalLibrary},
		Loaned: date("2026-03-25"),
		Due:    date("2026-04-08"),
	}
	today := date("2026-04-01")
	d, err := library.Default().CirculationPolicy(today).Extend(circulation.ExtendRequest{Loan: loan, Today: today})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Loan.Due, d.Loan.Extensions)
	// Output: 2026-04-15 1
}

// A refusal lists every reason (L4), in English or Japanese.
func ExamplePolicy_Extend_refused() {
	loan := circulation.Loan{
		Item:     "b2",
		Place:    circulation.Place{Method: circulation.PartnerLibrary, Library: "江別市情報図書館"},
		Reserved: true,
		Loaned:   date("2026-04-01"),
		Due:      date("2026-04-30"),
	}
	overdue := circulation.Loan{
		Item:   "b3",
		Place:  circulation.Place{Method: circulation.PrefecturalLibrary},
		Loaned: date("2026-03-20"),
		Due:    date("2026-04-03"),
	}
	today := date("2026-04-10")
	_, err := library.Default().CirculationPolicy(today).Extend(circulation.ExtendRequest{
		Loan: loan, Others: []circulation.Loan{overdue}, Today: today})
	for _, m := range reason.Localize(err, reason.Japanese) {
		fmt.Println(m.Code, m.Message)
	}
	// Output:
	// extension.partner_library 受取館で受け取った本は延長できません。
	// extension.reserved 予約が入っている本は延長できません。
	// extension.overdue 返却期限を過ぎた本があるため、延長できません。
}

// Input that cannot be right is bad input naming the field, not a
// refusal.
func ExamplePolicy_Extend_badInput() {
	loan := circulation.Loan{
		Item:   "b1",
		Place:  circulation.Place{Method: circulation.PrefecturalLibrary},
		Loaned: date("2026-04-01"),
		Due:    date("2026-03-01"),
	}
	today := date("2026-04-10")
	_, err := library.Default().CirculationPolicy(today).Extend(circulation.ExtendRequest{Loan: loan, Today: today})
	fmt.Println(errors.Is(err, reason.ErrBadInput))
	var ps reason.Problems
	if errors.As(err, &ps) {
		fmt.Println(ps[0].Path)
	}
	fmt.Println(err)
	// Output:
	// true
	// loan.due
	// bad input: loan.due: is before the loan date 2026-04-01
}

// Staff at the counter extend a reserved loan all the same (L4 b is
// soft), but not an interlibrary loan (L4 d is hard). The override used
// goes to the host's audit log.
func ExampleOverride() {
	loan := circulation.Loan{
		Item:     "b4",
		Place:    circulation.Place{Method: circulation.PrefecturalLibrary},
		Reserved: true,
		Loaned:   date("2026-04-01"),
		Due:      date("2026-04-15"),
	}
	ov := circulation.Override{
		Staff: "k.sato",
		Codes: circulation.CodesOf(circulation.ErrReserved, circulation.ErrOverdue),
		Note:  "the reader is sitting an exam next week",
	}
	today := date("2026-04-10")
	p := library.Default().CirculationPolicy(today)
	d, err := p.Extend(circulation.ExtendRequest{Loan: loan, Today: today, Override: ov})
	fmt.Println(d.Loan.Due, d.Override, err)
	b, _ := json.Marshal(d.Override)
	fmt.Println(string(b))

	loan.Interlibrary = true
	_, err = p.Extend(circulation.ExtendRequest{Loan: loan, Today: today, Override: ov})
	fmt.Println(err)
	// Output:
	// 2026-04-24 override by "k.sato": extension.reserved <nil>
	// {"staff":"k.sato","codes":["extension.reserved"],"note":"the reader is sitting an exam next week"}
	// circulation: extension refused: extension.interlibrary_loan
}

// Reading the catalogue's status labels (I1).
func ExampleParseStatus() {
	for _, label := range []string{"短縮", "貸出中", "館内", "貸出"} {
		s, err := circulation.ParseStatus(label)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s %s (%s): loanable %v, available %v\n", s.Label(reason.Japanese), s, s.Label(reason.English), s.Loanable(), s.Available())
	}
	// Output:
	// 短縮 on_shelf_short (on the shelf (short loan)): loanable true, available true
	// 貸出中 on_loan (on loan): loanable true, available false
	// 館内 library_use_only (in-library use only): loanable false, available false
	// bad input: circulation: unknown status "貸出" (want on_shelf, on_shelf_short, on_loan, lent_to_library, assigned, in_transit, reference, library_use_only, library_use_only_short)
}

// Whether the Reserve button is offered (I2, H1), and whether a cart of
// items may be reserved: the limits first, then each item never lent,
// naming it.
func ExamplePolicy_MayReserve() {
	p := library.Default().CirculationPolicy(date("2026-04-01"))
	_, err := p.MayReserve(circulation.ReserveRequest{
		Items: []circulation.Item{{ID: "b1", Status: circulation.OnLoan}}, Loans: 10, Reservations: 3})
	fmt.Println(err)
	_, err = p.MayReserve(circulation.ReserveRequest{
		Items: []circulation.Item{{ID: "b1", Status: circulation.OnLoan}, {ID: "b2", Status: circulation.Reference}}, Reservations: 9})
	fmt.Println(err)
	for _, m := range reason.Localize(err, reason.English) {
		params, _ := json.Marshal(m.Params)
		fmt.Println(m.Code, string(params))
	}
	// Output:
	// <nil>
	// circulation: reservation refused: reservation.limit, reservation.not_loanable
	// reservation.limit {"limit":10,"count":11}
	// reservation.not_loanable {"item":"b2"}
}

// Returns at the Assembly Library are taken 09:00–17:00 at the counter
// (R-AL3) and show on My Page on the next staff day (R-AL4).
func ExampleReturnDesk_Accept() {
	desk, err := library.Default().ReturnDesk(date("2026-04-10"))
	if err != nil {
		panic(err)
	}
	loan := circulation.Loan{
		Item:   "b4",
		Place:  circulation.Place{Method: circulation.AssemblyLibrary},
		Loaned: date("2026-04-01"),
		Due:    date("2026-04-15"),
	}
	jst := calendar.JST()
	friday := time.Date(2026, 4, 10, 12, 0, 0, 0, jst)
	receipt, err := desk.Accept(circulation.Return{Loan: loan, At: loan.Place, Channel: circulation.Counter, When: friday})
	fmt.Println(receipt.Returned, receipt.Shown, err)

	evening := time.Date(2026, 4, 10, 18, 0, 0, 0, jst)
	_, err = desk.Accept(circulation.Return{Loan: loan, At: loan.Place, Channel: circulation.BookDrop, When: evening})
	for _, m := range reason.Localize(err, reason.English) {
		fmt.Println(m.Code, m.Message)
	}
	// Output:
	// 2026-04-10 2026-04-14 <nil>
	// return.channel.book_drop The Assembly Library has no book drop; return items at its counter.
	// return.assembly_hours The Assembly Library takes returns only from 9:00 to 17:00 on the days it is open.
}

// A patron page asks until when a loan can be extended (L9). The loan is
// due April 15, but another is due April 10: from April 11 that one is
// overdue and no loan can be extended (L4 e), so the window closes after
// April 10. Extended today, the loan would be due April 19.
func ExamplePolicy_ExtensionWindow() {
	today := date("2026-04-05")
	counter := circulation.Place{Method: circulation.PrefecturalLibrary}
	loan := circulation.Loan{Item: "b1", Place: counter, Loaned: date("2026-04-01"), Due: date("2026-04-15")}
	other := circulation.Loan{Item: "b2", Place: counter, Loaned: date("2026-03-27"), Due: date("2026-04-10")}
	p := library.Default().CirculationPolicy(today)
	w, err := p.ExtensionWindow(circulation.ExtendRequest{Loan: loan, Others: []circulation.Loan{other}, Today: today})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(w.From, w.To, w.DueFrom, w.DueTo)
	fmt.Printf("延長できます（%sまで）。今日延長すると返却期限は%sです。\n", w.To, w.DueFrom)
	// Output:
	// 2026-04-05 2026-04-10 2026-04-19 2026-04-24
	// 延長できます（2026-04-10まで）。今日延長すると返却期限は2026-04-19です。
}
