package circulation

import (
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
)

// sink keeps results alive so that the compiler does not drop the work.
var sink any

func BenchmarkDueDate(b *testing.B) {
	p := DefaultPolicy()
	loaned := day(b, "2026-04-01")
	var due calendar.Date
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if due, err = p.DueDate(HomeDelivery, true, loaned, nil); err != nil {
			b.Fatal(err)
		}
	}
	sink = due
}

// BenchmarkDueDateNextOpenDay moves a due date off a month-end closure
// (L5).
func BenchmarkDueDateNextOpenDay(b *testing.B) {
	p := DefaultPolicy()
	p.DueOnClosedDay = DueDateNextOpenDay
	loaned := day(b, "2026-04-01")
	var due calendar.Date
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if due, err = p.DueDate(HomeDelivery, false, loaned, prefecturalCal); err != nil {
			b.Fatal(err)
		}
	}
	sink = due
}

// BenchmarkExtend extends a loan of a patron with 9 other loans, moving
// the new due date off a closed day (L5).
func BenchmarkExtend(b *testing.B) {
	p := DefaultPolicy()
	p.DueOnClosedDay = DueDateNextOpenDay
	l := loanAt(b, "2026-04-01", "2026-04-15")
	others := make([]Loan, 9)
	for i := range others {
		others[i] = loanAt(b, "2026-04-01", "2026-04-20")
	}
	today := day(b, "2026-04-10")
	var got Loan
	b.ReportAllocs()
	for b.Loop() {
		var err error
		got, err = p.Extend(l, others, today, prefecturalCal)
		if err != nil {
			b.Fatal(err)
		}
	}
	sink = got
}

// BenchmarkExtendRefused is the price of a refusal with three reasons.
func BenchmarkExtendRefused(b *testing.B) {
	p := DefaultPolicy()
	l := loanAt(b, "2026-04-01", "2026-04-15")
	l.Reserved, l.Extensions, l.Interlibrary = true, 1, true
	today := day(b, "2026-04-10")
	b.ReportAllocs()
	for b.Loop() {
		_, err := p.Extend(l, nil, today, nil)
		sink = err
	}
}

func BenchmarkParseStatus(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s, err := ParseStatus("館短")
		if err != nil {
			b.Fatal(err)
		}
		sink = s
	}
}

func BenchmarkMayReserve(b *testing.B) {
	p := DefaultPolicy()
	b.ReportAllocs()
	for b.Loop() {
		if err := p.MayReserve(OnLoan, 10, 9); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAccept(b *testing.B) {
	l := Loan{Item: "b1", Place: atAssembly, Loaned: day(b, "2026-04-01"), Due: day(b, "2026-04-15")}
	r := Return{Loan: l, At: atAssembly, Channel: Counter, When: at(b, "2026-04-10", 12, 0)}
	var got ReturnReceipt
	b.ReportAllocs()
	for b.Loop() {
		var err error
		got, err = desk.Accept(r)
		if err != nil {
			b.Fatal(err)
		}
	}
	sink = got
}
