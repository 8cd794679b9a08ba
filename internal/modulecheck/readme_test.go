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
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
)

// Example is the README's first look, kept compiling and true: its
// Output is what the README's comments say it prints.
func Example() {
	lib, _ := calendar.New(calendar.PrefecturalLibraryRules()) // C2: Mondays, month end, year end
	notice := calendar.NewDate(2026, time.November, 19)        // secured: 貸出可能 from the next open day
	fmt.Println(holds.DefaultPolicy().ShelfDeadline(lib.AddOpenDays(notice, 1), lib))

	policy := circulation.DefaultPolicy()
	loan := circulation.Loan{Item: "0012345678", Place: circulation.Place{Method: circulation.PrefecturalLibrary},
		Loaned: calendar.NewDate(2026, 3, 25), Due: calendar.NewDate(2026, 4, 8)}
	extended, _, _ := policy.Extend(loan, nil, calendar.NewDate(2026, 4, 1), lib, circulation.Override{})
	loan.Reserved = true // someone is waiting for it
	_, _, err := policy.Extend(loan, nil, calendar.NewDate(2026, 4, 1), lib, circulation.Override{})
	fmt.Println(extended.Due, errors.Is(err, circulation.ErrReserved), err)
	for _, m := range reason.Localize(err, reason.Japanese) {
		fmt.Println(m.Code, m.Message)
	}
	_, err = patron.ParseEmail("taro.@docomo.ne.jp")
	fmt.Println(errors.Is(err, patron.ErrDotBeforeAt))
	// Output:
	// 2026-12-02
	// 2026-04-15 true circulation: extension refused: extension.reserved
	// extension.reserved 予約が入っている本は延長できません。
	// true
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
