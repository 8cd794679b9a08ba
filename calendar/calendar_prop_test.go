package calendar

import (
	"sync"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// naiveOpen is an independent, day-by-day reading of Rules used as the
// reference the compiled Calendar must agree with.
func naiveOpen(r Rules, d Date) bool {
	if d.IsZero() {
		return false
	}
	for _, o := range r.Openings {
		if !d.Before(o.From) && !d.After(o.To) {
			return true
		}
	}
	for _, c := range r.Closures {
		if !d.Before(c.From) && !d.After(c.To) {
			return false
		}
	}
	y, m, dd := d.Date()
	yeFrom, yeTo := 29, 3
	if r.YearEndFrom.Day != 0 {
		yeFrom, yeTo = r.YearEndFrom.Day, r.YearEndTo.Day
	}
	if r.YearEnd && (m == 12 && dd >= yeFrom || m == 1 && dd <= yeTo) {
		return false
	}
	wd := d.Weekday()
	hol := IsHoliday(d)
	weeklyClosed := r.ClosedWeekdays&(1<<wd) != 0
	if weeklyClosed && !(hol && r.HolidayOpensWeeklyClosure) {
		return false
	}
	for _, n := range r.ClosedNthWeekdays {
		// C5: the n-th weekday is the one whose day of the month is in
		// week n of 7-day blocks counted from the 1st.
		if wd == n.Weekday && dd > 7*(n.Nth-1) && dd <= 7*n.Nth {
			return false
		}
	}
	if hol && r.ClosedOnHolidays {
		return false
	}
	if r.DayAfterHoliday && !hol && r.DayAfterHolidayAvoids&(1<<wd) == 0 && IsHoliday(d.AddDays(-1)) {
		return false // C6
	}
	if r.HolidayOpensWeeklyClosure && !hol {
		p := d.AddDays(-1)
		for IsHoliday(p) {
			if r.ClosedWeekdays&(1<<p.Weekday()) != 0 {
				return false
			}
			p = p.AddDays(-1)
		}
	}
	if r.MonthEnd && !(r.YearEnd && m == 12) {
		last := NewDate(y, m+1, 0)
		for r.MonthEndAvoids&(1<<last.Weekday()) != 0 || IsHoliday(last) {
			last = last.AddDays(-1)
		}
		if last == d {
			return false
		}
	}
	return true
}

func rapidRules() *rapid.Generator[Rules] {
	return rapid.Custom(func(t *rapid.T) Rules {
		r := Rules{
			ClosedWeekdays:            Weekdays(rapid.IntRange(0, 126).Draw(t, "closed")), // never all 7
			ClosedOnHolidays:          rapid.Bool().Draw(t, "holidays"),
			HolidayOpensWeeklyClosure: rapid.Bool().Draw(t, "shift"),
			MonthEnd:                  rapid.Bool().Draw(t, "monthEnd"),
			MonthEndAvoids:            Weekdays(rapid.IntRange(0, 126).Draw(t, "avoids")),
			YearEnd:                   rapid.Bool().Draw(t, "yearEnd"),
		}
		for i := rapid.IntRange(0, 2).Draw(t, "nths"); i > 0; i-- {
			r.ClosedNthWeekdays = append(r.ClosedNthWeekdays, NthWeekday{
				Nth:     rapid.IntRange(1, 5).Draw(t, "nth"),
				Weekday: time.Weekday(rapid.IntRange(0, 6).Draw(t, "nthDay")),
			})
		}
		if rapid.Bool().Draw(t, "dayAfter") {
			r.DayAfterHoliday = true
			r.DayAfterHolidayAvoids = Weekdays(rapid.IntRange(0, 127).Draw(t, "dayAfterAvoids"))
		}
		if r.YearEnd && rapid.Bool().Draw(t, "yearEndSpan") {
			r.YearEndFrom = MonthDay{time.December, rapid.IntRange(1, 31).Draw(t, "yearEndFrom")}
			r.YearEndTo = MonthDay{time.January, rapid.IntRange(1, 31).Draw(t, "yearEndTo")}
		}
		base := NewDate(2020, 1, 1)
		for i := rapid.IntRange(0, 3).Draw(t, "closures"); i > 0; i-- {
			from := base.AddDays(rapid.IntRange(0, 3000).Draw(t, "from"))
			r.Closures = append(r.Closures, Closure{Name: "closure", From: from, To: from.AddDays(rapid.IntRange(0, 30).Draw(t, "len"))})
		}
		for i := rapid.IntRange(0, 3).Draw(t, "openings"); i > 0; i-- {
			d := base.AddDays(rapid.IntRange(0, 3000).Draw(t, "open"))
			overlaps := false
			for _, c := range r.Closures {
				overlaps = overlaps || c.Covers(d)
			}
			if !overlaps {
				r.Openings = append(r.Openings, Opening{Name: "opening", From: d, To: d})
			}
		}
		return r
	})
}

func rapidNearDate() *rapid.Generator[Date] {
	return rapid.Custom(func(t *rapid.T) Date {
		return NewDate(2019, 1, 1).AddDays(rapid.IntRange(0, 4000).Draw(t, "day"))
	})
}

// C2, C4: the compiled calendar agrees with the naive reference.
func TestPropCompiledMatchesNaive(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := rapidRules().Draw(t, "rules")
		c, err := New(r)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 50; i++ {
			d := rapidNearDate().Draw(t, "d")
			if got, want := c.IsOpen(d), naiveOpen(r, d); got != want {
				t.Fatalf("%v: IsOpen %v, naive %v", d, got, want)
			}
			why, closed := c.WhyClosed(d)
			if closed == c.IsOpen(d) || (closed && why.Kind == ClosedKind(0)) {
				t.Fatalf("%v: WhyClosed %v %v", d, why, closed)
			}
		}
	})
}

func TestPropAddOpenDaysCountsExactlyN(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := rapidRules().Draw(t, "rules")
		c := MustNew(r)
		d := rapidNearDate().Draw(t, "d")
		n := rapid.IntRange(1, 60).Draw(t, "n")
		got := c.AddOpenDays(d, n)
		if !got.After(d) || !naiveOpen(r, got) {
			t.Fatalf("AddOpenDays(%v, %d) = %v: not an open day after d", d, n, got)
		}
		count := 0
		for x := d.AddDays(1); !x.After(got); x = x.AddDays(1) {
			if naiveOpen(r, x) {
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
		c := MustNew(rapidRules().Draw(t, "rules"))
		d := rapidNearDate().Draw(t, "d")
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
		c := MustNew(rapidRules().Draw(t, "rules"))
		d := rapidNearDate().Draw(t, "d")
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
		c := MustNew(rapidRules().Draw(t, "rules"))
		a := rapidNearDate().Draw(t, "a")
		b := rapidNearDate().Draw(t, "b")
		x := rapidNearDate().Draw(t, "c")
		if c.OpenDaysBetween(a, b)+c.OpenDaysBetween(b, x) != c.OpenDaysBetween(a, x) {
			t.Fatalf("not additive over %v %v %v", a, b, x)
		}
	})
}

// Outside the span a single day still follows the rules, and the counting
// queries answer their documented zero instead of walking day by day.
func TestPropOutsideSpan(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := rapidRules().Draw(t, "rules")
		c := MustNew(r)
		first, last := c.Span()
		d := NewDate(1900, 1, 1).AddDays(rapid.IntRange(0, 20000).Draw(t, "early"))
		if rapid.Bool().Draw(t, "late") {
			d = NewDate(2095, 1, 1).AddDays(rapid.IntRange(0, 20000).Draw(t, "late"))
		}
		n := rapid.IntRange(-40, 40).Draw(t, "n")
		got := c.AddOpenDays(d, n)
		inside := !d.Before(first) && !d.After(last)
		if c.IsOpen(d) != naiveOpen(r, d) {
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
		if !got.IsZero() || !c.NextOpen(d).IsZero() || c.OpenDaysBetween(d, NewDate(2026, 1, 1)) != 0 || c.OpenDaysBetween(NewDate(2026, 1, 1), d) != 0 {
			t.Fatalf("%v is outside the span, yet AddOpenDays gave %v, NextOpen %v", d, got, c.NextOpen(d))
		}
	})
}

func TestCalendarConcurrent(t *testing.T) {
	c := MustNew(PrefecturalLibraryRules())
	var wg sync.WaitGroup
	for g := 0; g < 32; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			d := NewDate(2026, time.Month(g%12+1), 1)
			for i := 0; i < 500; i++ {
				c.AddOpenDays(d, 10)
				c.OpenDaysBetween(d, d.AddDays(365))
				c.WhyClosed(d)
				Holiday(d.AddDays(i * 97))
				c.IsOpen(NewDate(2200+g, 1, 1).AddDays(i))
				d = d.AddDays(1)
			}
		}(g)
	}
	wg.Wait()
}
