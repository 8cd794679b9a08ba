package calendar

import (
	"encoding/binary"
	"errors"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/reason"
)

// Time budgets per call in FuzzCalendar: far above the microseconds the
// queries take, even instrumented on a machine busy with other fuzzers,
// and below a day-by-day walk of the years 1..9999.
const (
	newBudget   = 2 * time.Second
	queryBudget = 250 * time.Millisecond
)

// fuzzBytes hands out the fuzzer's bytes, then zeros once they run out.
type fuzzBytes []byte

func (b *fuzzBytes) byte() byte {
	if len(*b) == 0 {
		return 0
	}
	v := (*b)[0]
	*b = (*b)[1:]
	return v
}

func (b *fuzzBytes) uint64() uint64 {
	var buf [8]byte
	for i := range buf {
		buf[i] = b.byte()
	}
	return binary.LittleEndian.Uint64(buf[:])
}

// date decodes three bytes: 0 is the zero Date, a set top bit any day of
// years 1..9999, otherwise a day near the span.
func (b *fuzzBytes) date() Date {
	v := int(b.byte())<<16 | int(b.byte())<<8 | int(b.byte())
	switch {
	case v == 0:
		return Date{}
	case v&0x800000 != 0:
		return Date{int32((v&0x7FFFFF)%maxDays + 1)}
	}
	return spanFirst.AddDays(v%60000 - 3000)
}

func (b *fuzzBytes) count() int {
	switch b.byte() % 4 {
	case 0:
		return int(int8(b.byte()))
	case 1:
		return int(int16(b.byte())<<8 | int16(b.byte()))
	}
	return int(b.uint64()) // anything, math.MinInt and math.MaxInt included
}

// rules decodes Rules, every bit of each Weekdays and Months included.
func (b *fuzzBytes) rules() Rules {
	flags := b.byte()
	r := Rules{
		Name:                      "fuzz",
		ClosedWeekdays:            Weekdays(b.byte()),
		MonthEndAvoids:            Weekdays(b.byte()),
		ClosedOnHolidays:          flags&1 != 0,
		HolidayOpensWeeklyClosure: flags&2 != 0,
		MonthEnd:                  flags&4 != 0,
		YearEnd:                   flags&8 != 0,
	}
	for i := b.byte() % 4; i > 0; i-- {
		r.Closures = append(r.Closures, Closure{Name: "c", From: b.date(), To: b.date()})
	}
	for i := b.byte() % 4; i > 0; i-- {
		r.Openings = append(r.Openings, Opening{Name: "o", From: b.date(), To: b.date()})
	}
	window := func() Window {
		return Window{From: Clock(int16(b.byte())<<3 | int16(b.byte())), To: Clock(int16(b.byte())<<3 | int16(b.byte()))}
	}
	switch n := b.byte() % 4; n {
	case 0: // nil Regular: all day
	default:
		r.Hours.Regular = []Window{}
		for ; n > 1; n-- {
			r.Hours.Regular = append(r.Hours.Regular, window())
		}
	}
	if b.byte()%2 == 1 {
		r.Hours.Seasonal = []SeasonalHours{{Months: Months(b.byte())<<8 | Months(b.byte()), Weekdays: Weekdays(b.byte()), Windows: []Window{window()}}}
	}
	// C5, C6, C7, read last so that older corpus entries keep their meaning.
	for i := b.byte() % 3; i > 0; i-- {
		r.ClosedNthWeekdays = append(r.ClosedNthWeekdays, NthWeekday{Nth: int(int8(b.byte())), Weekday: time.Weekday(int8(b.byte()))})
	}
	r.DayAfterHoliday = flags&16 != 0
	r.DayAfterHolidayAvoids = Weekdays(b.byte())
	if flags&32 != 0 {
		r.YearEndFrom = MonthDay{time.Month(b.byte()), int(b.byte())}
		r.YearEndTo = MonthDay{time.Month(b.byte()), int(b.byte())}
	}
	return r
}

// timed runs f and, with KASHIDASHI_TIMING=1 (see timing), fails t when
// it takes longer than budget.
func timed(t *testing.T, budget time.Duration, what string, f func()) {
	t.Helper()
	if !timing {
		f()
		return
	}
	start := time.Now()
	f()
	if took := time.Since(start); took > budget {
		t.Fatalf("%s took %v, over the budget of %v", what, took, budget)
	}
}

// FuzzCalendar compiles random Rules and asks random queries: New must
// refuse or compile in bounded time, and every query must answer in
// bounded time with a result that agrees with IsOpen and the span.
func FuzzCalendar(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{4, 0, 0xFF})                // every unknown month-end bit: used to hang New
	f.Add([]byte{3, 0x7F, 0})                // closed every weekday, holidays both open and close
	f.Add([]byte{4, 0x02, 0x43, 0, 0, 0, 0}) // the Prefectural Library's weekly shape
	f.Add([]byte{0, 0x7F, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F})
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0x80, 0, 1, 2, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80})
	f.Fuzz(func(t *testing.T, data []byte) {
		b := fuzzBytes(data)
		r := b.rules()
		var c *Calendar
		var err error
		timed(t, newBudget, "New", func() { c, err = New(r) })
		if err != nil {
			var ps reason.Problems
			if !errors.Is(err, reason.ErrBadInput) || !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("New: %v is not a reason.Problems matching reason.ErrBadInput", err)
			}
			if errors.Is(err, ErrNeverOpen) != (len(r.Problems()) == 0) {
				t.Fatalf("New: %v: ErrNeverOpen exactly when Rules.Problems finds nothing", err)
			}
			return
		}
		first, last := c.Span()
		inSpan := func(d Date) bool { return !d.Before(first) && !d.After(last) }
		for q := 0; q < 8 && len(b) > 0; q++ {
			d, e, n := b.date(), b.date(), b.count()
			var open bool
			var why ClosedReason
			var closed bool
			var next, added Date
			var between, back int
			timed(t, queryBudget, "IsOpen", func() { open = c.IsOpen(d) })
			timed(t, queryBudget, "WhyClosed", func() { why, closed = c.WhyClosed(d) })
			timed(t, queryBudget, "NextOpen", func() { next = c.NextOpen(d) })
			timed(t, queryBudget, "AddOpenDays", func() { added = c.AddOpenDays(d, n) })
			timed(t, queryBudget, "OpenDaysBetween", func() { between, back = c.OpenDaysBetween(d, e), c.OpenDaysBetween(e, d) })
			if !d.IsZero() && closed == open || closed && !why.Kind.Valid() {
				t.Fatalf("%v: IsOpen %v, WhyClosed %v %v", d, open, why, closed)
			}
			if !next.IsZero() && (!inSpan(next) || next.Before(d) || !c.IsOpen(next) || c.OpenDaysBetween(d.AddDays(-1), next.AddDays(-1)) != 0) {
				t.Fatalf("NextOpen(%v) = %v", d, next)
			}
			if !added.IsZero() && (!inSpan(added) || n != 0 && !c.IsOpen(added) || n > 0 && c.OpenDaysBetween(d, added) != n) {
				t.Fatalf("AddOpenDays(%v, %d) = %v", d, n, added)
			}
			if between != -back || (!inSpan(d) || !inSpan(e)) && between != 0 {
				t.Fatalf("OpenDaysBetween(%v, %v) = %d, reversed %d", d, e, between, back)
			}
		}
	})
}
