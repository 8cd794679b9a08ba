package ruletest_test

import (
	"slices"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/ruletest"
)

var sinkOpen bool

// BenchmarkOpenByRulesYear: the day-by-day model over a year of the
// Prefectural Library with every kind of closure set, the worst case of a
// CheckOpenDays window times three.
func BenchmarkOpenByRulesYear(b *testing.B) {
	first := calendar.NewDate(2027, time.January, 1)
	c, err := library.Default().Calendar("prefectural", first)
	if err != nil {
		b.Fatal(err)
	}
	r := c.Rules()
	r.Closures = slices.Clip(r.Closures)
	r.ClosedNthWeekdays = []calendar.NthWeekday{{Nth: 3, Weekday: time.Thursday}}
	r.DayAfterHoliday = true
	for i := 0; i < 3; i++ {
		from := calendar.NewDate(2027, time.March, 1+7*i)
		r.Closures = append(r.Closures, calendar.Closure{Name: "closure", From: from, To: from.AddDays(5)})
	}
	b.ReportAllocs()
	for b.Loop() {
		for d := first; d.Year() == 2027; d = d.AddDays(1) {
			sinkOpen = ruletest.OpenByRules(r, d)
		}
	}
}

var sinkCase ruletest.LoanCase

// BenchmarkLoanCasesDraw: what drawing one case of CheckExtend costs
// under the default policy (up to 10 loans).
func BenchmarkLoanCasesDraw(b *testing.B) {
	p := library.Default().CirculationPolicy(calendar.NewDate(2026, time.April, 1))
	g := ruletest.LoanCases(p)
	b.ReportAllocs()
	for b.Loop() {
		sinkCase = g.Example()
	}
}
