package modulecheck

import (
	"errors"
	"fmt"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
)

// Example is the README's first look, kept compiling and true.
func Example() {
	lib, _ := calendar.New(calendar.PrefecturalLibraryRules())  // C2: Mondays, month end, year end
	first := calendar.NewDate(2026, time.November, 20)          // first day it can be collected
	deadline := holds.DefaultPolicy().ShelfDeadline(first, lib) // H4: 10th open day, 2026-12-02

	policy := circulation.DefaultPolicy()
	loan := circulation.Loan{Item: "0012345678",
		Place:  circulation.Place{Method: circulation.PrefecturalLibrary},
		Loaned: calendar.NewDate(2026, 3, 25), Due: calendar.NewDate(2026, 4, 8)}
	extended, _, err := policy.Extend(loan, nil, calendar.NewDate(2026, 4, 1), lib, circulation.Override{}) // L3: due 04-15
	if errors.Is(err, circulation.ErrReserved) {                                                            /* someone is waiting for it */
	}
	for _, m := range reason.Localize(err, reason.Japanese) {
		fmt.Println(m.Code, m.Message) // extension.reserved 予約が入っている…
	}
	_, err = patron.ParseEmail("taro.@docomo.ne.jp") // P6: errors.Is(err, patron.ErrDotBeforeAt)
	fmt.Println(deadline, extended.Due, errors.Is(err, patron.ErrDotBeforeAt))

	loan.Reserved = true
	_, _, err = policy.Extend(loan, nil, calendar.NewDate(2026, 4, 1), lib, circulation.Override{})
	for _, m := range reason.Localize(err, reason.Japanese) {
		fmt.Println(m.Code, m.Message)
	}
	// Output:
	// 2026-12-02 2026-04-15 true
	// extension.reserved 予約が入っている本は延長できません。
}
