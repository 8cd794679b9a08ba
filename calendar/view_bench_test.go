package calendar

import (
	"io"
	"testing"
	"time"
)

var sinkView MonthView

// BenchmarkMonth renders the month view with the most weeks (six).
func BenchmarkMonth(b *testing.B) {
	c := MustNew(inventoryRules())
	b.ReportAllocs()
	for b.Loop() {
		sinkView = c.Month(2026, time.May)
	}
}

// BenchmarkClosedDaysYear lists a year of closed days of the
// Prefectural Library with the inventory week.
func BenchmarkClosedDaysYear(b *testing.B) {
	c := MustNew(inventoryRules())
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for range c.ClosedDays(day("2027-01-01"), day("2027-12-31")) {
			n++
		}
		sinkInt = n
	}
}

// BenchmarkWriteICSYear exports a year of closures.
func BenchmarkWriteICSYear(b *testing.B) {
	c := MustNew(inventoryRules())
	b.ReportAllocs()
	for b.Loop() {
		if err := c.WriteICS(io.Discard, day("2027-01-01"), day("2027-12-31"), ICSOptions{Stamp: icsStamp}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkChangedDaysSpan compares two calendars over the whole span
// (1955–2100), the worst case of closure impact.
func BenchmarkChangedDaysSpan(b *testing.B) {
	before := MustNew(PrefecturalLibraryRules())
	after := MustNew(PrefecturalLibraryRules().SkipDay(day("2027-01-19"), "暴風雪"))
	first, last := before.Span()
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for range ChangedDays(before, after, first, last) {
			n++
		}
		sinkInt = n
	}
}
