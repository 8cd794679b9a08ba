package circulation

import (
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
)

// sink keeps results alive so that the compiler does not drop the work.
var sink any

// BenchmarkDueDate computes a 15-day due date, as computed (L2) and
// moved off a month-end closure (L5, L6, L7).
func BenchmarkDueDate(b *testing.B) {
	for _, rule := range closedDayRules {
		b.Run(rule.String(), func(b *testing.B) {
			p := DefaultPolicy()
			p.DueOnClosedDay = rule
			loaned := day(b, "2026-04-01")
			var due calendar.Date
			b.ReportAllocs()
			for b.Loop() {
				var err error
				if due, err = p.DueDate(Loan{Place: atHome, Short: true, Loaned: loaned}, prefecturalCal); err != nil {
					b.Fatal(err)
				}
			}
			sink = due
		})
	}
}

// extendWorstCase is the worst case of a successful extension: a patron
// with 9 other loans, the new due date moved off a closed day (L5).
func extendWorstCase(t testing.TB) (Policy, ExtendRequest) {
	p := DefaultPolicy()
	p.DueOnClosedDay = DueDateNextOpenDay
	others := make([]Loan, 9)
	for i := range others {
		others[i] = loanAt(t, "2026-04-01", "2026-04-20")
	}
	return p, ExtendRequest{Loan: loanAt(t, "2026-04-01", "2026-04-15"), Others: others, Today: day(t, "2026-04-10"), ReturnTo: prefecturalCal}
}

// BenchmarkExtend extends a loan in the worst case, extendWorstCase.
func BenchmarkExtend(b *testing.B) {
	p, r := extendWorstCase(b)
	var got Decision
	b.ReportAllocs()
	for b.Loop() {
		var err error
		got, err = p.Extend(r)
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
	r := ExtendRequest{Loan: l, Today: day(b, "2026-04-10")}
	b.ReportAllocs()
	for b.Loop() {
		_, err := p.Extend(r)
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
	r := ReserveRequest{Items: []Item{{ID: "b1", Status: OnLoan}}, Loans: 10, Reservations: 9}
	b.ReportAllocs()
	for b.Loop() {
		if err := errOf(p.MayReserve(r)); err != nil {
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
