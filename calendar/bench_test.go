package calendar

import (
	"math"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/jp"
)

// rickarAssemblyLibrary configures rickar/cal's BusinessCalendar for the
// Assembly Library (R-AL1): Monday to Friday, public holidays and the
// year-end closure off. It is the naive baseline of the benchmarks.
func rickarAssemblyLibrary() *cal.BusinessCalendar {
	b := cal.NewBusinessCalendar()
	for _, h := range jp.Holidays {
		if h != jp.VernalEquinoxDay { // its Func writes shared state
			b.AddHoliday(h)
		}
	}
	for _, md := range []struct {
		m time.Month
		d int
	}{{12, 29}, {12, 30}, {12, 31}, {1, 2}, {1, 3}} {
		b.AddHoliday(&cal.Holiday{Name: "year end", Month: md.m, Day: md.d, Func: cal.CalcDayOfMonth})
	}
	return b
}

var sinkDate Date
var sinkInt int
var sinkTime time.Time

// versus benchmarks the i-th query of this package and of rickar/cal
// side by side.
func versus(b *testing.B, ours, theirs func(i int)) {
	for _, run := range []struct {
		name  string
		query func(i int)
	}{{"kashidashi", ours}, {"rickar", theirs}} {
		b.Run(run.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				run.query(i)
			}
		})
	}
}

func BenchmarkAddOpenDays10(b *testing.B) {
	c, rc := MustNew(AssemblyLibraryRules()), rickarAssemblyLibrary()
	d, t := NewDate(2026, 11, 20), time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	versus(b,
		func(i int) { sinkDate = c.AddOpenDays(d.AddDays(i&1023), 10) },
		func(i int) { sinkTime = rc.WorkdaysFrom(t.AddDate(0, 0, i&1023), 10) })
}

func BenchmarkOpenDaysBetweenYear(b *testing.B) {
	c, rc := MustNew(AssemblyLibraryRules()), rickarAssemblyLibrary()
	d, t := NewDate(2026, 1, 1), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	versus(b,
		func(i int) { x := d.AddDays(i & 1023); sinkInt = c.OpenDaysBetween(x, x.AddDays(365)) },
		func(i int) { x := t.AddDate(0, 0, i&1023); sinkInt = rc.WorkdaysInRange(x, x.AddDate(0, 0, 365)) })
}

// BenchmarkNew measures compiling a calendar for 1955–2100.
func BenchmarkNew(b *testing.B) {
	r := PrefecturalLibraryRules()
	holidays() // the shared holiday table is built once per process
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		MustNew(r)
	}
}

func BenchmarkHoliday(b *testing.B) {
	d := NewDate(2026, 1, 1)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_, ok := Holiday(d.AddDays(i & 1023))
		if ok {
			sinkInt++
		}
	}
}

func BenchmarkIsOpen(b *testing.B) {
	c := MustNew(PrefecturalLibraryRules())
	d := NewDate(2026, 1, 1)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if c.IsOpen(d.AddDays(i & 1023)) {
			sinkInt++
		}
	}
}

func BenchmarkHolidayTable(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buildHolidayTable()
	}
}

// The worst cases of the bounded queries: the widest count, the largest
// additions, and a search across the whole span of the sparsest calendar
// New accepts.

func BenchmarkOpenDaysBetweenWidest(b *testing.B) {
	c := MustNew(PrefecturalLibraryRules())
	first, last := c.Span()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkInt = c.OpenDaysBetween(first, last)
	}
}

func BenchmarkAddOpenDaysWorst(b *testing.B) {
	c := MustNew(PrefecturalLibraryRules())
	first, last := c.Span()
	n := c.OpenDaysBetween(first, last)
	for _, w := range []struct {
		name  string
		from  Date
		count int
	}{
		{"MaxInt", first, math.MaxInt},
		{"MinInt", last, math.MinInt},
		{"ToEndOfSpan", first, n},
		{"BackToStartOfSpan", last, -n + 1},
	} {
		b.Run(w.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				sinkDate = c.AddOpenDays(w.from, w.count)
			}
		})
	}
}

func BenchmarkNextOpenSparsest(b *testing.B) {
	c := MustNew(sparsest())
	first, _ := c.Span()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkDate = c.NextOpen(first)
	}
}

func BenchmarkOpenAt(b *testing.B) {
	c := MustNew(PrefecturalLibraryRules())
	t := time.Date(2026, 7, 2, 18, 30, 0, 0, JST())
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if c.OpenAt(t.Add(time.Duration(i&1023) * time.Hour)) {
			sinkInt++
		}
	}
}
