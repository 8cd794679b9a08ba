package ruletest

import (
	"slices"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"pgregory.net/rapid"
)

// openDaysCase is what CheckOpenDays logs for each draw.
type openDaysCase struct {
	Rules    calendar.Rules `json:"rules"`
	From, To calendar.Date
}

// CheckOpenDays checks that host, a host's own calendar (the job that
// syncs open days into its database, say), lists exactly the days
// OpenByRules finds open (C1, C2, C4): for rules drawn by LibraryRules
// and a window of up to 120 days from 2020 to 2035, host returns the
// open days from from to to inclusive, in order.
func CheckOpenDays(t *testing.T, host func(r calendar.Rules, from, to calendar.Date) ([]calendar.Date, error)) {
	t.Helper()
	rapid.Check(t, func(t *rapid.T) {
		c := openDaysCase{Rules: LibraryRules().Draw(t, "rules")}
		c.From = DateIn(spanFirst, spanLast).Draw(t, "from")
		c.To = c.From.AddDays(rapid.IntRange(0, 120).Draw(t, "days"))
		logCase(t, "case", c)
		var want []calendar.Date
		for d := c.From; !d.After(c.To); d = d.AddDays(1) {
			if OpenByRules(c.Rules, d) {
				want = append(want, d)
			}
		}
		got, err := host(c.Rules, c.From, c.To)
		if err != nil {
			t.Fatalf("C2 host refused valid rules: %v", err)
		}
		if !slices.Equal(got, want) {
			for d := c.From; !d.After(c.To); d = d.AddDays(1) {
				if slices.Contains(got, d) != slices.Contains(want, d) {
					t.Fatalf("C2 %v: host says open %v, the rules %v", d, slices.Contains(got, d), slices.Contains(want, d))
				}
			}
			t.Fatalf("C2 host lists %v, the rules %v", got, want)
		}
	})
}
