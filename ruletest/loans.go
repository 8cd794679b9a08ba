package ruletest

import (
	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"pgregory.net/rapid"
)

// partnerLibraries are the partner libraries PickupPlace names: a small
// set, so that two draws are often the same place (M2). PlaceCalendars
// holds their calendars.
var partnerLibraries = []string{"江別市情報図書館", "木曜休館図書館"}

// PickupPlace draws a valid circulation.Place (it passes Validate): one of
// the four methods (M1), a partner library naming one of the
// two partner libraries of PlaceCalendars. Draws shrink toward the Prefectural Library.
func PickupPlace() *rapid.Generator[circulation.Place] {
	methods := []circulation.Method{circulation.PrefecturalLibrary, circulation.AssemblyLibrary, circulation.PartnerLibrary, circulation.HomeDelivery}
	return rapid.Custom(func(t *rapid.T) circulation.Place {
		m := rapid.SampledFrom(methods).Draw(t, "method")
		if m != circulation.PartnerLibrary {
			return circulation.Place{Method: m}
		}
		return circulation.Place{Method: m, Library: rapid.SampledFrom(partnerLibraries).Draw(t, "library")}
	})
}

// LoanCase is a patron's loans on a day: the loan a host acts on, the
// patron's other current loans, and today. It is what Policy.Extend reads,
// and it marshals to readable JSON for failure reports.
type LoanCase struct {
	Loan   circulation.Loan   `json:"loan"`
	Others []circulation.Loan `json:"others"`
	Today  calendar.Date      `json:"today"`
}

// LoanCases draws consistent cases under policy p: every loan passes
// Validate and was made on or before Today, and there are at most
// p.MaxLoans loans in all, sometimes exactly that many (L1). The loan is,
// half the time, one that L4 lets the patron extend: at a library, not
// reserved, not interlibrary, with extensions left, and neither it nor
// the others overdue; otherwise every field is free, so that each reason
// of L4 comes up. Draws shrink toward a fresh loan of the defaults, made
// today at the Prefectural Library, with no other loans.
func LoanCases(p circulation.Policy) *rapid.Generator[LoanCase] {
	return rapid.Custom(func(t *rapid.T) LoanCase {
		today := DateIn(spanFirst.AddDays(400), spanLast).Draw(t, "today")
		c := LoanCase{Today: today, Loan: loanOn(t, "loan", p, today)}
		n := rapid.IntRange(0, max(0, p.MaxLoans-1)).Draw(t, "others")
		if rapid.IntRange(0, 4).Draw(t, "at_loan_limit") == 4 {
			n = max(0, p.MaxLoans-1)
		}
		for i := 0; i < n; i++ {
			c.Others = append(c.Others, loanOn(t, "other", p, today))
		}
		if rapid.Bool().Draw(t, "extendable") {
			c.Loan.Place = circulation.Place{Method: rapid.SampledFrom([]circulation.Method{circulation.PrefecturalLibrary, circulation.AssemblyLibrary}).Draw(t, "library")}
			c.Loan.Reserved, c.Loan.Interlibrary = false, false
			c.Loan.Extensions = rapid.IntRange(0, max(0, p.MaxExtensions-1)).Draw(t, "extensions_done")
			notOverdue(t, &c.Loan, today)
			for i := range c.Others {
				notOverdue(t, &c.Others[i], today)
			}
		}
		return c
	})
}

// loanOn draws a consistent loan made up to 60 days before today, due
// as the loan period of p says or up to 40 days later or earlier (a host
// may have moved it, L5), but never before it was made.
func loanOn(t *rapid.T, label string, p circulation.Policy, today calendar.Date) circulation.Loan {
	place := PickupPlace().Draw(t, label+"_place")
	short := rapid.Bool().Draw(t, label+"_short")
	loaned := today.AddDays(-rapid.IntRange(0, 60).Draw(t, label+"_age"))
	due := loaned.AddDays(p.LoanPeriod(circulation.Loan{Place: place, Short: short}) - 1 + rapid.IntRange(-40, 40).Draw(t, label+"_due_moved"))
	if due.Before(loaned) {
		due = loaned
	}
	return circulation.Loan{
		Item:         rapid.StringMatching(`b[0-9]{1,3}`).Draw(t, label+"_item"),
		Place:        place,
		Collection:   rapid.SampledFrom([]circulation.Collection{circulation.General, circulation.Hokkaido}).Draw(t, label+"_collection"),
		Short:        short,
		Interlibrary: rapid.Bool().Draw(t, label+"_interlibrary"),
		Reserved:     rapid.Bool().Draw(t, label+"_reserved"),
		NoBookDrop:   rapid.Bool().Draw(t, label+"_no_book_drop"),
		Loaned:       loaned,
		Due:          due,
		Extensions:   rapid.IntRange(0, p.MaxExtensions).Draw(t, label+"_extensions"),
	}
}

// notOverdue moves l's due date to today or up to 30 days later, keeping
// it on or after the loan date.
func notOverdue(t *rapid.T, l *circulation.Loan, today calendar.Date) {
	l.Due = today.AddDays(rapid.IntRange(0, 30).Draw(t, "due_from_today"))
}
