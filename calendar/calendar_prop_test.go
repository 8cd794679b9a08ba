package calendar_test

import (
	"sync"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/ruletest"
)

// nearDate draws the days the compiled calendars are checked on: 2019 to
// 2030, often at a month or year end.
var nearDate = ruletest.DateIn(calendar.NewDate(2019, 1, 1), calendar.NewDate(2029, 12, 31))

// C2, C4: the compiled calendar agrees with the naive reference.
func TestPropCompiledMatchesNaive(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := ruletest.LibraryRules().Draw(t, "rules")
		c, err := calendar.New(r)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 50; i++ {
			d := nearDate.Draw(t, "d")
			if got, want := c.IsOpen(d), ruletest.OpenByRules(r, d); got != want {
				t.Fatalf("%v: IsOpen %v, naive %v", d, got, want)
			}
			why, closed := c.WhyClosed(d)
			if closed == c.IsOpen(d) || (closed && why.Kind == calendar.ClosedKind(0)) {
				t.Fatalf("%v: WhyClosed %v %v", d, why, closed)
			}
		}
	})
}

func TestPropAddOpenDaysCountsExactlyN(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := ruletest.LibraryRules().Draw(t, "rules")
		c := calendar.MustNew(r)
		d := nearDate.Draw(t, "d")
		n := rapid.IntRange(1, 60).Draw(t, "n")
		got := c.AddOpenDays(d, n)
		if !got.After(d) || !ruletest.OpenByRules(r, got) {
			t.Fatalf("AddOpenDays(%v, %d) = %v: not an open day after d", d, n, got)
		}
		count := 0
		for x := d.AddDays(1); !x.After(got); x = x.AddDays(1) {
			if ruletest.OpenByRules(r, x) {
				count++
			}
		}
		if count != n || c.OpenDaysBetween(d, got) != n {
			t.Fatalf("AddOpenDays(%v, %d) = %v with %d open days in between", d, n, got, count)
		}
		if back := c.AddOpenDays(got, -n); back.After(d) || c.OpenDaysBetween(back, d) < 0 {
			t.Fatalf("AddOpenDays(%v, -%d) = %v, not at or before %v", got, n, back, d)
		}
	})
}

func TestPropAddOpenDaysMonotone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := calendar.MustNew(ruletest.LibraryRules().Draw(t, "rules"))
		d := nearDate.Draw(t, "d")
		e := d.AddDays(rapid.IntRange(0, 100).Draw(t, "later"))
		n := rapid.IntRange(1, 30).Draw(t, "n")
		m := n + rapid.IntRange(0, 30).Draw(t, "more")
		if c.AddOpenDays(e, n).Before(c.AddOpenDays(d, n)) {
			t.Fatalf("not monotone in d")
		}
		if c.AddOpenDays(d, m).Before(c.AddOpenDays(d, n)) {
			t.Fatalf("not monotone in n")
		}
	})
}

func TestPropNextOpenIdempotent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := calendar.MustNew(ruletest.LibraryRules().Draw(t, "rules"))
		d := nearDate.Draw(t, "d")
		n := c.NextOpen(d)
		if n.Before(d) || !c.IsOpen(n) || c.NextOpen(n) != n {
			t.Fatalf("NextOpen(%v) = %v", d, n)
		}
		for x := d; x.Before(n); x = x.AddDays(1) {
			if c.IsOpen(x) {
				t.Fatalf("NextOpen(%v) = %v skips open %v", d, n, x)
			}
		}
	})
}

func TestPropOpenDaysBetweenAdditive(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := calendar.MustNew(ruletest.LibraryRules().Draw(t, "rules"))
		a := nearDate.Draw(t, "a")
		b := nearDate.Draw(t, "b")
		x := nearDate.Draw(t, "c")
		if c.OpenDaysBetween(a, b)+c.OpenDaysBetween(b, x) != c.OpenDaysBetween(a, x) {
			t.Fatalf("not additive over %v %v %v", a, b, x)
		}
	})
}

// Outside the span a single day still follows the rules, and the counting
// queries answer their documented zero instead of walking day by day.
func TestPropOutsideSpan(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := ruletest.LibraryRules().Draw(t, "rules")
		c := calendar.MustNew(r)
		first, last := c.Span()
		d := calendar.NewDate(1900, 1, 1).AddDays(rapid.IntRange(0, 20000).Draw(t, "early"))
		if rapid.Bool().Draw(t, "late") {
			d = calendar.NewDate(2095, 1, 1).AddDays(rapid.IntRange(0, 20000).Draw(t, "late"))
		}
		n := rapid.IntRange(-40, 40).Draw(t, "n")
		got := c.AddOpenDays(d, n)
		inside := !d.Before(first) && !d.After(last)
		if c.IsOpen(d) != ruletest.OpenByRules(r, d) {
			t.Fatalf("IsOpen(%v) disagrees with the rules", d)
		}
		if _, closed := c.WhyClosed(d); closed == c.IsOpen(d) {
			t.Fatalf("WhyClosed(%v) disagrees with IsOpen", d)
		}
		if inside {
			if n > 0 && !got.IsZero() && c.OpenDaysBetween(d, got) != n {
				t.Fatalf("%v + %d open days = %v", d, n, got)
			}
			return
		}
		if !got.IsZero() || !c.NextOpen(d).IsZero() || c.OpenDaysBetween(d, calendar.NewDate(2026, 1, 1)) != 0 || c.OpenDaysBetween(calendar.NewDate(2026, 1, 1), d) != 0 {
			t.Fatalf("%v is outside the span, yet AddOpenDays gave %v, NextOpen %v", d, got, c.NextOpen(d))
		}
	})
}

func TestCalendarConcurrent(t *testing.T) {
	c := calendar.MustNew(calendar.PrefecturalLibraryRules())
	var wg sync.WaitGroup
	for g := 0; g < 32; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			d := calendar.NewDate(2026, time.Month(g%12+1), 1)
			for i := 0; i < 500; i++ {
				c.AddOpenDays(d, 10)
				c.OpenDaysBetween(d, d.AddDays(365))
				c.WhyClosed(d)
				calendar.Holiday(d.AddDays(i * 97))
				c.IsOpen(calendar.NewDate(2200+g, 1, 1).AddDays(i))
				d = d.AddDays(1)
			}
		}(g)
	}
	wg.Wait()
}

// C1, C2, C4: a compiled calendar opens exactly the days its rules open,
// checked with the kit's ready property as a host's calendar sync is.
func TestPropCompiledOpenDaysMatchRules(t *testing.T) {
	ruletest.CheckOpenDays(t, func(r calendar.Rules, from, to calendar.Date) ([]calendar.Date, error) {
		c, err := calendar.New(r)
		if err != nil {
			return nil, err
		}
		var open []calendar.Date
		for d := from; !d.After(to); d = d.AddDays(1) {
			if c.IsOpen(d) {
				open = append(open, d)
			}
		}
		return open, nil
	})
}
