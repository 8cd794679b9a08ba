package calendar

import (
	"fmt"
	"io"
	"testing"
	"time"
)

// The day queries with many one-off closures (the defect of scanning
// every closure for each day): each at 4,000 and 40,000 closures, whose
// ratio of times shows the cost growing with the closures only where it
// must (New), and not with days × closures.

var closureCounts = []int{4000, 40000}

// benchClosures runs f on a calendar of n closures, for each n.
func benchClosures(b *testing.B, f func(b *testing.B, c *Calendar)) {
	for _, n := range closureCounts {
		c := MustNew(manyClosures(n))
		b.Run(fmt.Sprintf("closures=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			f(b, c)
		})
	}
}

// BenchmarkClosuresClosedDaysSpan lists the closed days of the whole span.
func BenchmarkClosuresClosedDaysSpan(b *testing.B) {
	benchClosures(b, func(b *testing.B, c *Calendar) {
		first, last := c.Span()
		for b.Loop() {
			n := 0
			for range c.ClosedDays(first, last) {
				n++
			}
			sinkInt = n
		}
	})
}

// BenchmarkClosuresWhyClosed asks why one day is closed.
func BenchmarkClosuresWhyClosed(b *testing.B) {
	benchClosures(b, func(b *testing.B, c *Calendar) {
		d, i := day("2027-01-01"), 0
		for b.Loop() {
			why, _ := c.WhyClosed(d.AddDays(i & 1023))
			sinkInt += int(why.Kind)
			i++
		}
	})
}

// BenchmarkClosuresMonth renders one month view.
func BenchmarkClosuresMonth(b *testing.B) {
	benchClosures(b, func(b *testing.B, c *Calendar) {
		for b.Loop() {
			sinkView = c.Month(2027, time.March)
		}
	})
}

// BenchmarkClosuresWriteICSYear exports one year.
func BenchmarkClosuresWriteICSYear(b *testing.B) {
	benchClosures(b, func(b *testing.B, c *Calendar) {
		opt := ICSOptions{Stamp: time.Date(2026, time.November, 27, 3, 0, 0, 0, time.UTC)}
		for b.Loop() {
			if err := c.WriteICS(io.Discard, day("2027-01-01"), day("2027-12-31"), opt); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkClosuresNew compiles the rules, the index of closures
// included.
func BenchmarkClosuresNew(b *testing.B) {
	for _, n := range closureCounts {
		r := manyClosures(n)
		b.Run(fmt.Sprintf("closures=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c, err := New(r)
				if err != nil {
					b.Fatal(err)
				}
				sinkInt = len(c.words)
			}
		})
	}
}
