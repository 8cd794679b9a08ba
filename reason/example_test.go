package reason_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/kashidashi/kashidashi/reason"
)

// errLoanLimit is declared as a package declares its reasons: the limit
// is shown when the call site gives it.
var errLoanLimit = reason.New("demo", "demo.loan_limit",
	"You have reached the loan limit[ of {limit} items].",
	"貸出上限[（{limit}冊）]に達しています。")

func ExampleReason_With() {
	err := reason.Refuse("demo", "loan", []reason.Coded{errLoanLimit.With(reason.Limit(10))})
	fmt.Println(errors.Is(err, errLoanLimit))
	b, _ := json.Marshal(reason.Localize(err, reason.Japanese))
	fmt.Println(string(b))
	fmt.Println(errLoanLimit.Message(reason.English))
	// Output:
	// true
	// [{"code":"demo.loan_limit","message":"貸出上限（10冊）に達しています。","params":{"limit":10}}]
	// You have reached the loan limit.
}

func ExampleRefusal_MarshalJSON() {
	err := reason.Refuse("demo", "loan", []reason.Coded{
		errLoanLimit.With(reason.Limit(10)),
		errB.With(reason.Position(3)),
	})
	b, _ := json.Marshal(err)
	var back reason.Refusal
	fmt.Println(json.Unmarshal(b, &back))
	fmt.Println(back.Error(), errors.Is(&back, errLoanLimit))
	fmt.Println(back.Reasons[1].Message(reason.Japanese))
	// Output:
	// <nil>
	// demo: loan refused: demo.loan_limit, demo.b true
	// Bが違います（3文字目）。
}

func ExampleCatalogue() {
	for _, e := range reason.Catalogue([]*reason.Reason{errA, errLoanLimit}) {
		fmt.Println(e.Code, e.Params, e.Ja)
	}
	// Output:
	// demo.a [] Aが違います。
	// demo.loan_limit [limit] 貸出上限[（{limit}冊）]に達しています。
}

func ExampleNegotiate() {
	l, err := reason.Negotiate("fr;q=1, ja-JP;q=0.8, en;q=0.5")
	fmt.Println(l, err)
	_, err = reason.Negotiate("fr")
	fmt.Println(errors.Is(err, reason.ErrUnknownLang))
	fmt.Println(reason.NegotiateOr("fr", reason.English))
	// Output:
	// ja <nil>
	// true
	// en
}

func ExampleParseLang() {
	l, _ := reason.ParseLang("JA-jp")
	fmt.Println(l)
	// Output: ja
}

func ExampleNewWording() {
	w, err := reason.NewWording([]*reason.Reason{errLoanLimit}, map[string]map[reason.Lang]string{
		"demo.loan_limit": {reason.Japanese: "貸出上限[（{limit}冊）]です。お問い合わせは 011-000-0000 へ。"},
	})
	fmt.Println(err)
	ms := w.Localize(errLoanLimit.With(reason.Limit(10)), reason.Japanese)
	fmt.Println(ms[0].Message)
	_, err = reason.NewWording([]*reason.Reason{errLoanLimit}, map[string]map[reason.Lang]string{
		"demo.loan_limit": {reason.English: "Call us[ at {phone}]."},
	})
	fmt.Println(err)
	// Output:
	// <nil>
	// 貸出上限（10冊）です。お問い合わせは 011-000-0000 へ。
	// bad input: demo.loan_limit.en: unknown parameter {phone}
}

func ExampleDate() {
	c := errPlace.With(reason.LibraryName("小樽市立図書館"), reason.Date(time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)))
	fmt.Println(c.Message(reason.English))
	fmt.Println(c.Message(reason.Japanese))
	// Output:
	// Not registered at 小樽市立図書館 since 2026-04-01.
	// 小樽市立図書館に登録がありません（2026年4月1日から）。
}
