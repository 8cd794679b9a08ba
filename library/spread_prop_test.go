package library

import (
	"fmt"
	"testing"

	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
)

// spreadCase is a closure of the Prefectural Library drawn in the first
// months of 2027, and up to 60 loans due on its days or near them, at the
// Prefectural Library or sent home (both go back to it), every
// (item, patron) its own, under "next open day".
type spreadCase struct {
	ch    Change
	loans []LoanRecord
	opt   ApplyOptions
}

func drawSpreadCase(t *rapid.T, l *Library) spreadCase {
	from := day("2027-01-04").AddDays(rapid.IntRange(0, 80).Draw(t, "from"))
	to := from.AddDays(rapid.IntRange(0, 6).Draw(t, "days"))
	ch, err := l.Closing("prefectural", calendar.Closure{From: from, To: to, Name: "臨時休館", NameEn: "closed"})
	if err != nil {
		t.Fatal(err)
	}
	c := spreadCase{ch: ch, opt: ApplyOptions{SpreadDays: rapid.IntRange(1, 6).Draw(t, "N"), SpreadPerDay: rapid.IntRange(1, 5).Draw(t, "M")}}
	for i := range rapid.IntRange(0, 60).Draw(t, "loans") {
		due := from.AddDays(rapid.IntRange(-2, to.DaysSince(from)+2).Draw(t, "due"))
		p := rapid.SampledFrom([]circulation.Place{atPrefectural, atHome}).Draw(t, "place")
		c.loans = append(c.loans, LoanRecord{Patron: fmt.Sprintf("P%d", rapid.IntRange(0, 9).Draw(t, "patron")),
			Loan: circulation.Loan{Item: fmt.Sprintf("i%d", i), Place: p, Loaned: due.AddDays(-14), Due: due}})
	}
	return c
}

// X7: the laws of spreading, for any closure, N, M and loans, under
// "next open day" and "end of the closure" (L5, L7), the rules that move
// a due date later:
//   - deterministic per loan: a shuffled input gives each loan the same day;
//   - never earlier than the original due date;
//   - never past the day the strategy alone gives plus N open days;
//   - on an open day of the place;
//   - at most M loans a day when the loans fit (L <= N*M); otherwise the
//     days share them evenly, at most ceil(L/N) each.
func TestSpreadX7LawsProperty(t *testing.T) {
	libs := []*Library{nextOpenDay(t), withRule(t, circulation.DueDateEndOfClosure)}
	rapid.Check(t, func(t *rapid.T) {
		l := rapid.SampledFrom(libs).Draw(t, "rule")
		c := drawSpreadCase(t, l)
		plain, err := l.Apply(c.ch, c.loans, nil, ApplyOptions{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := l.Apply(c.ch, c.loans, nil, c.opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Loans) != len(plain.Loans) {
			t.Fatalf("%d loans spread, %d moved", len(got.Loans), len(plain.Loans))
		}
		n, m := c.opt.SpreadDays, c.opt.SpreadPerDay
		perDay := map[calendar.Date]int{}
		spread := 0
		for i, a := range got.Loans {
			strategy := plain.Loans[i].New
			if strategy == a.Original { // a due date that stands is not spread
				if a.New != a.Original {
					t.Fatalf("loan %d: stands on %v, spread to %v", a.Index, a.Original, a.New)
				}
				continue
			}
			spread++
			switch {
			case a.Index != plain.Loans[i].Index:
				t.Fatalf("loan %d listed as %d", plain.Loans[i].Index, a.Index)
			case a.New.Before(a.Original):
				t.Fatalf("loan %d: spread to %v, before its due date %v", a.Index, a.New, a.Original)
			case a.New.After(c.ch.After.Library.AddOpenDays(strategy, n)):
				t.Fatalf("loan %d: spread to %v, past %v plus %d open days", a.Index, a.New, strategy, n)
			case !c.ch.After.Library.IsOpen(a.New):
				t.Fatalf("loan %d: spread to %v, a closed day", a.Index, a.New)
			}
			perDay[a.New]++
		}
		limit := m
		if spread > n*m {
			limit = (spread + n - 1) / n
		}
		for d, k := range perDay {
			if k > limit {
				t.Fatalf("%d loans on %v, at most %d (N=%d, M=%d, %d loans)", k, d, limit, n, m, spread)
			}
		}

		perm := rapid.Permutation(indexes(len(c.loans))).Draw(t, "order")
		shuffled := make([]LoanRecord, len(c.loans))
		for i, j := range perm {
			shuffled[i] = c.loans[j]
		}
		again, err := l.Apply(c.ch, shuffled, nil, c.opt)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]calendar.Date{}
		for _, a := range got.Loans {
			want[a.Record.Loan.Item] = a.New
		}
		for _, a := range again.Loans {
			if want[a.Record.Loan.Item] != a.New {
				t.Fatalf("loan %s: %v in one order, %v in another", a.Record.Loan.Item, want[a.Record.Loan.Item], a.New)
			}
		}
	})
}

// X7, X5: a host that stored only some of the records a spread gave
// (a crash half way) and applies the closure again keeps the stored
// ones where they are and fits the others around them: still at most M
// a day when the loans fit.
func TestSpreadX7RerunAfterAPartialStoreProperty(t *testing.T) {
	l := nextOpenDay(t)
	rapid.Check(t, func(t *rapid.T) {
		c := drawSpreadCase(t, l)
		first, err := l.Apply(c.ch, c.loans, nil, c.opt)
		if err != nil {
			t.Fatal(err)
		}
		loans := append([]LoanRecord(nil), c.loans...)
		for _, a := range first.Loans {
			if rapid.Bool().Draw(t, "stored") {
				loans[a.Index] = a.Record
			}
		}
		second, err := l.Apply(c.ch, loans, nil, c.opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range second.Loans {
			loans[a.Index] = a.Record
		}
		if len(first.Loans) > c.opt.SpreadDays*c.opt.SpreadPerDay {
			return
		}
		perDay := map[calendar.Date]int{}
		for _, ln := range loans {
			if !ln.Mark.From.IsZero() {
				perDay[ln.Loan.Due]++
			}
		}
		for d, k := range perDay {
			if k > c.opt.SpreadPerDay {
				t.Fatalf("%d loans on %v after the rerun, at most %d", k, d, c.opt.SpreadPerDay)
			}
		}
	})
}

func indexes(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}
