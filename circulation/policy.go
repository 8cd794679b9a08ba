package circulation

import (
	"github.com/kashidashi/kashidashi/calendar"
)

// Policy holds the circulation rules as numbers a host may change. The
// fields are exported and JSON round-trips; DefaultPolicy returns the
// rules as published on 2026-03-10. A Policy is a plain value, safe for
// concurrent use.
type Policy struct {
	// LoanDays and ShortLoanDays are the loan periods at the Prefectural
	// Library and the Assembly Library, counting the day of loan (L2).
	LoanDays      int `json:"loan_days"`
	ShortLoanDays int `json:"short_loan_days"`
	// RemoteLoanDays and RemoteShortLoanDays are the loan periods for a
	// partner library or home delivery, shipping both ways included (L2).
	RemoteLoanDays      int `json:"remote_loan_days"`
	RemoteShortLoanDays int `json:"remote_short_loan_days"`
	// ExtensionDays and ShortExtensionDays are counted from the day of
	// the extension (L3).
	ExtensionDays      int `json:"extension_days"`
	ShortExtensionDays int `json:"short_extension_days"`
	// MaxLoans is the most items a patron may have on loan (L1).
	MaxLoans int `json:"max_loans"`
	// MaxReservations is the most reservations a patron may hold (H1).
	MaxReservations int `json:"max_reservations"`
}

// DefaultPolicy returns the rules as published on 2026-03-10: loans of 15
// days (8 short) at the libraries and 30 (15) by partner library or home
// delivery (L2), extensions of 14 (7) days (L3), 10 loans (L1) and 10
// reservations (H1).
func DefaultPolicy() Policy {
	return Policy{
		LoanDays: 15, ShortLoanDays: 8,
		RemoteLoanDays: 30, RemoteShortLoanDays: 15,
		ExtensionDays: 14, ShortExtensionDays: 7,
		MaxLoans: 10, MaxReservations: 10,
	}
}

// LoanPeriod returns the loan period in days for method m (L2), counting
// the day of loan.
func (p Policy) LoanPeriod(m Method, short bool) int {
	remote := m == PartnerLibrary || m == HomeDelivery
	switch {
	case remote && short:
		return p.RemoteShortLoanDays
	case remote:
		return p.RemoteLoanDays
	case short:
		return p.ShortLoanDays
	}
	return p.LoanDays
}

// DueDate returns the due date of a loan made on loaned by method m (L2):
// the loan period counts the day of loan, so a 15-day loan made on
// 2026-04-01 is due 2026-04-15.
func (p Policy) DueDate(m Method, short bool, loaned calendar.Date) calendar.Date {
	return loaned.AddDays(p.LoanPeriod(m, short) - 1)
}
