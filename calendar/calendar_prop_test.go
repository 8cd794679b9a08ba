package calendar_test

import (
	"encoding/json"
	"reflect"
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

// C2, C4: ClosedDays lists exactly the days IsOpen calls closed, with
// WhyClosed's reason, for random rules and ranges.
func TestPropClosedDaysC2MatchesIsOpen(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := calendar.MustNew(ruletest.LibraryRules().Draw(t, "rules"))
		from := nearDate.Draw(t, "from")
		to := from.AddDays(rapid.IntRange(-5, 400).Draw(t, "len"))
		want := map[calendar.Date]calendar.ClosedReason{}
		for d := from; !d.After(to); d = d.AddDays(1) {
			if why, closed := c.WhyClosed(d); closed {
				want[d] = why
			}
		}
		got := map[calendar.Date]calendar.ClosedReason{}
		prev := calendar.Date{}
		for d, why := range c.ClosedDays(from, to) {
			if !d.After(prev) {
				t.Fatalf("%v after %v: out of order", d, prev)
			}
			prev = d
			got[d] = why
		}
		if len(got) != len(want) {
			t.Fatalf("got %d closed days, want %d", len(got), len(want))
		}
		for d, why := range want {
			if got[d] != why {
				t.Fatalf("%v: got %v, want %v", d, got[d], why)
			}
		}
	})
}

// ChangedDays (closure impact): exactly the days whose status differs.
func TestPropChangedDaysC8MatchesIsOpen(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b := calendar.MustNew(ruletest.LibraryRules().Draw(t, "a")), calendar.MustNew(ruletest.LibraryRules().Draw(t, "b"))
		from := nearDate.Draw(t, "from")
		to := from.AddDays(rapid.IntRange(-5, 700).Draw(t, "len"))
		var want, got []calendar.Date
		for d := from; !d.After(to); d = d.AddDays(1) {
			if a.IsOpen(d) != b.IsOpen(d) {
				want = append(want, d)
			}
		}
		for d := range calendar.ChangedDays(a, b, from, to) {
			got = append(got, d)
		}
		if len(got) != len(want) {
			t.Fatalf("got %v, want %v", got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("got %v, want %v", got, want)
			}
		}
	})
}

// day parses a YYYY-MM-DD date or panics.
func day(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// inventoryRules are the Prefectural Library's rules with the March 2027
// inventory period.
func inventoryRules() calendar.Rules {
	r := calendar.PrefecturalLibraryRules()
	r.Closures = append(r.Closures, calendar.Closure{Name: "特別整理期間", NameEn: "inventory", From: day("2027-03-08"), To: day("2027-03-15")})
	return r
}

// rapidJSONRules draws valid Rules in the form the JSON decoder gives
// back: nil rather than empty slices, except Hours.Regular, whose nil and
// empty differ.
func rapidJSONRules() *rapid.Generator[calendar.Rules] {
	names := rapid.SampledFrom([]string{"", "特別整理期間", "a, b; c\\d\ne", "🌨 snow", "inventory"})
	return rapid.Custom(func(t *rapid.T) calendar.Rules {
		r := ruletest.LibraryRules().Draw(t, "rules")
		r.Name = names.Draw(t, "name")
		for i := range r.Closures {
			r.Closures[i].Name, r.Closures[i].NameEn = names.Draw(t, "ja"), names.Draw(t, "en")
		}
		for i := range r.Openings {
			r.Openings[i].Name, r.Openings[i].NameEn = names.Draw(t, "ja"), names.Draw(t, "en")
		}
		if !r.MonthEnd {
			r.MonthEndAvoids = 0
		}
		if !r.DayAfterHoliday {
			r.DayAfterHolidayAvoids = 0
		}
		window := func() calendar.Window {
			from := rapid.IntRange(0, 24*60-1).Draw(t, "from")
			return calendar.Window{calendar.Clock(from), calendar.Clock(rapid.IntRange(from+1, 24*60).Draw(t, "to"))}
		}
		windows := func(min int) []calendar.Window {
			ws := []calendar.Window{}
			for i := rapid.IntRange(min, 2).Draw(t, "windows"); i > 0; i-- {
				ws = append(ws, window())
			}
			return ws
		}
		if rapid.Bool().Draw(t, "regular") {
			r.Hours.Regular = windows(0)
		}
		for i := rapid.IntRange(0, 2).Draw(t, "seasons"); i > 0; i-- {
			r.Hours.Seasonal = append(r.Hours.Seasonal, calendar.SeasonalHours{
				Months:   calendar.Months(rapid.IntRange(0, 1<<12-1).Draw(t, "months") << 1),
				Weekdays: calendar.Weekdays(rapid.IntRange(0, 127).Draw(t, "weekdays")),
				Windows:  windows(1),
			})
		}
		return r
	})
}

func TestPropRulesJSONC8RoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := rapidJSONRules().Draw(t, "rules")
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back calendar.Rules
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if !reflect.DeepEqual(r, back) {
			t.Fatalf("%s\nwant %+v\n got %+v", b, r, back)
		}
	})
}
