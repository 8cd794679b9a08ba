package selfcheck_test

import (
	"encoding/xml"
	"fmt"
	"os"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/selfcheck"
)

// examplePatron is a registered patron on Friday 2026-04-10 with ten
// loans, one of them overdue since 2026-04-03 and one received at a
// partner library.
func examplePatron() selfcheck.Request {
	day := calendar.NewDate(2026, 4, 1)
	var loans []circulation.Loan
	for i := range 8 {
		loans = append(loans, circulation.Loan{Item: fmt.Sprintf("b%d", i), Place: circulation.Place{Method: circulation.PrefecturalLibrary},
			Loaned: day, Due: day.AddDays(14)})
	}
	loans = append(loans,
		circulation.Loan{Item: "late", Place: circulation.Place{Method: circulation.AssemblyLibrary},
			Loaned: calendar.NewDate(2026, 3, 20), Due: calendar.NewDate(2026, 4, 3)},
		circulation.Loan{Item: "ebetsu", Place: circulation.Place{Method: circulation.PartnerLibrary, Library: "江別市情報図書館"},
			Loaned: day, Due: day.AddDays(29)})
	return selfcheck.Request{
		Registration: patron.Registration{Status: patron.Registered, PasswordSet: true, EmailRegistered: true},
		Loans:        loans,
		Today:        calendar.NewDate(2026, 4, 10),
	}
}

// A patron at the loan limit with an overdue item (S1): no new loan
// (L1), no extension (L4 e), but reservations still (I2 [reading]); the
// loan from a partner library has a reason of its own (L4 a).
func ExampleEvaluate() {
	st, err := selfcheck.Evaluate(library.Default(), examplePatron())
	if err != nil {
		panic(err)
	}
	fmt.Printf("borrow %v, extend any %v, reserve %v\n", st.MayBorrow(), st.MayExtendAny(), st.MayReserve())
	fmt.Printf("loans %d/%d, overdue %d, reservations %d/%d\n",
		st.Counts.Loans, st.Counts.MaxLoans, st.Counts.Overdue, st.Counts.Reservations, st.Counts.MaxReservations)
	fmt.Println(st.Borrow)
	fmt.Println(st.Extend)
	fmt.Println(st.Loans[9].Refusal)
	for _, m := range reason.Localize(st.Borrow, reason.Japanese) {
		fmt.Println(m.Code, m.Message)
	}
	// Output:
	// borrow false, extend any false, reserve true
	// loans 10/10, overdue 1, reservations 0/10
	// selfcheck: loan refused: loan.limit
	// selfcheck: extension refused: extension.overdue
	// selfcheck: extension refused: extension.partner_library, extension.overdue
	// loan.limit 貸出冊数の上限（10冊）に達しています。
}

// The Patron Information Response (64) a self-check machine reads (S2),
// its screen message in Japanese (S4), then the error-detection fields.
func ExampleSIP2_AppendPatronInformation() {
	st, err := selfcheck.Evaluate(library.Default(), examplePatron())
	if err != nil {
		panic(err)
	}
	m := st.SIP2(nil, reason.Japanese)
	m.Institution, m.Patron, m.PersonalName = "HPL", "0123456789", "道立 太郎"
	m.TransactionDate = time.Date(2026, 4, 10, 10, 30, 0, 0, calendar.JST())
	fmt.Printf("patron status %q\n", m.Flags)
	msg, err := m.AppendPatronInformation(nil)
	if err != nil {
		panic(err)
	}
	msg, err = selfcheck.AppendErrorDetection(msg, 3)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(msg))
	// Output:
	// patron status "YY   YY       "
	// 64YY   YY       01420260410    103000000000010010000000000000AOHPL|AA0123456789|AE道立 太郎|BZ0010|CA0000|CB0010|BLY|AF貸出冊数の上限（10冊）に達しています。返却期限を過ぎた本があるため、延長できません。|AY3AZ88C0
}

// The Patron Status Response (24) in English, with a host's own wording
// of one reason (S4).
func ExampleSIP2_AppendPatronStatus() {
	st, err := selfcheck.Evaluate(library.Default(), examplePatron())
	if err != nil {
		panic(err)
	}
	w, err := reason.NewWording(circulation.Reasons(), map[string]map[reason.Lang]string{
		"extension.overdue": {reason.English: "Please return your overdue items first: ask at the counter (011-824-2630)."},
	})
	if err != nil {
		panic(err)
	}
	m := st.SIP2(w, reason.English)
	m.Institution, m.Patron, m.PersonalName = "HPL", "0123456789", "Taro Doritsu"
	m.TransactionDate = time.Date(2026, 4, 10, 1, 30, 0, 0, time.UTC)
	msg, err := m.AppendPatronStatus(nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(msg))
	// Output:
	// 24YY   YY       00120260410   Z013000AOHPL|AA0123456789|AETaro Doritsu|BLY|AFYou have reached the maximum number of items on loan (10 items). Please return your overdue items first: ask at the counter (011-824-2630).|
}

// The NCIP blocks of the patron (S3), in a host's LookupUserResponse.
func ExampleStatus_BlocksOrTraps() {
	st, err := selfcheck.Evaluate(library.Default(), examplePatron())
	if err != nil {
		panic(err)
	}
	blocks := st.BlocksOrTraps(selfcheck.AgencyID{Value: "HPL"})
	for _, b := range blocks {
		fmt.Println(b.Type)
	}
	enc := xml.NewEncoder(os.Stdout)
	enc.Indent("", "  ")
	if err := enc.Encode(blocks[0]); err != nil {
		panic(err)
	}
	fmt.Println()
	// Output:
	// Block Check Out
	// Block Renewal
	// <BlockOrTrap xmlns="http://www.niso.org/2008/ncip">
	//   <AgencyId xmlns="http://www.niso.org/2008/ncip">HPL</AgencyId>
	//   <BlockOrTrapType xmlns="http://www.niso.org/2008/ncip" xmlns:ncip="http://www.niso.org/2008/ncip" ncip:Scheme="http://www.niso.org/ncip/v1_0/imp1/schemes/blockortraptype/blockortraptype.scm">Block Check Out</BlockOrTrapType>
	// </BlockOrTrap>
}

// The screen message of a renewal refused at the machine (SIP2's Renew
// Response), from the loan's refusal (S4).
func ExampleScreenMessages() {
	st, err := selfcheck.Evaluate(library.Default(), examplePatron())
	if err != nil {
		panic(err)
	}
	for _, l := range []reason.Lang{reason.Japanese, reason.English} {
		fmt.Println(selfcheck.ScreenMessages(nil, l, st.Loans[9].Refusal))
	}
	// Output:
	// [受取館で受け取った本は延長できません。 返却期限を過ぎた本があるため、延長できません。]
	// [Items received at a partner library cannot be extended. You have an overdue item, so no loan can be extended until it is returned.]
}
