package modulecheck

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/reason"
)

// Example is the README's first look, kept compiling and true: its
// Output is what the README's comments say it prints.
func Example() {
	lib := library.Default() // the Prefectural Library's own rules (C2, L1–L5, H1–H4)

	// A reservation secured on Thursday 2026-11-19 (H6): on the shelf until the tenth open day (H4).
	secured := holds.Reservation{Item: "0012345678", Place: circulation.Place{Method: circulation.PrefecturalLibrary},
		State: holds.Secured, SecuredOn: calendar.NewDate(2026, time.November, 19)}
	timeline, _ := lib.Timeline(secured, 0)
	fmt.Println(timeline.FirstPickup, timeline.Deadline)

	// An extension on April 1 gives 14 days from that day (L3), unless someone is waiting (L4 b).
	today := calendar.NewDate(2026, time.April, 1)
	loan := circulation.Loan{Item: "0012345678", Place: circulation.Place{Method: circulation.PrefecturalLibrary},
		Loaned: calendar.NewDate(2026, time.March, 25), Due: calendar.NewDate(2026, time.April, 8)}
	returnTo, _ := lib.ReturnCalendar(loan)
	policy := lib.LoanPolicy(loan, today) // the policy table's for this loan (V7); the base policy here
	granted, _ := policy.Extend(circulation.ExtendRequest{Loan: loan, Today: today, ReturnTo: returnTo})
	loan.Reserved = true
	_, err := policy.Extend(circulation.ExtendRequest{Loan: loan, Today: today, ReturnTo: returnTo})
	fmt.Println(granted.Loan.Due, errors.Is(err, circulation.ErrReserved), err)
	for _, m := range reason.Localize(err, reason.Japanese) {
		fmt.Println(m.Code, m.Message)
	}

	// Bad input is never a refusal: it names the field.
	_, err = policy.Extend(circulation.ExtendRequest{Loan: loan, ReturnTo: returnTo})
	fmt.Println(errors.Is(err, reason.ErrBadInput), err)
	// Output:
	// 2026-11-20 2026-12-02
	// 2026-04-15 true circulation: extension refused: extension.reserved
	// extension.reserved 予約が入っている本は延長できません。
	// true bad input: today: is missing
}

// The README shows the first look above, line for line (less the
// indentation and the Output comment).
func TestReadmeShowsTheFirstLook(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("readme_test.go")
	if err != nil {
		t.Fatal(err)
	}
	body := string(src)
	body = body[strings.Index(body, "func Example() {\n")+len("func Example() {\n") : strings.Index(body, "\t// Output:")]
	var want strings.Builder
	for _, line := range strings.Split(strings.TrimRight(body, "\n"), "\n") {
		want.WriteString(strings.TrimPrefix(line, "\t") + "\n")
	}
	if !strings.Contains(string(readme), "```go\n"+want.String()+"```") {
		t.Errorf("README.md's first look differs from Example in readme_test.go; it should read:\n%s", want.String())
	}
}
