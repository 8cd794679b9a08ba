package circulation

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExtendFromDueDateL10: counted from the old due date, an extension
// gives the same due date on every day of the window, and a period
// shorter than the loan is valid (L3 still holds: never before the old
// due date).
func TestExtendFromDueDateL10(t *testing.T) {
	p := DefaultPolicy()
	p.ExtendFrom = ExtendFromDueDate
	require.NoError(t, p.Validate())
	loan := loanAt(t, "2026-04-01", "2026-04-15")
	for _, today := range []string{"2026-04-01", "2026-04-05", "2026-04-15"} {
		d, err := p.Extend(ExtendRequest{Loan: loan, Today: day(t, today)})
		require.NoError(t, err)
		assert.Equal(t, day(t, "2026-04-29"), d.Loan.Due, "L10 extended on %s", today)
	}
	w, err := p.ExtensionWindow(ExtendRequest{Loan: loan, Today: day(t, "2026-04-05")})
	require.NoError(t, err)
	assert.Equal(t, ExtensionWindow{From: day(t, "2026-04-05"), To: day(t, "2026-04-15"), DueFrom: day(t, "2026-04-29"), DueTo: day(t, "2026-04-29")}, w)
	// Staff extending an overdue loan: never before today.
	staff := Override{Staff: "s1", Codes: CodesOf(ErrOverdue)}
	d, err := p.Extend(ExtendRequest{Loan: loan, Today: day(t, "2026-05-10"), Override: staff})
	require.NoError(t, err)
	assert.Equal(t, day(t, "2026-05-10"), d.Loan.Due, "L10 floor: today")
	// A period shorter than the loan is valid from the due date only.
	p.ExtensionDays, p.ShortExtensionDays = 7, 3
	require.NoError(t, p.Validate())
	p.ExtendFrom = ExtendFromExtensionDay
	badInput(t, p.Validate(), "extension_days", "short_extension_days")
}

// TestExtendFromLoanDayL11: extensions offered from the 8th day of the
// loan (the day of loan is day 1): refused before with the day, and the
// window starts there.
func TestExtendFromLoanDayL11(t *testing.T) {
	p := DefaultPolicy()
	p.ExtendFromLoanDay = 8
	require.NoError(t, p.Validate())
	loan := loanAt(t, "2026-04-01", "2026-04-15")
	r := ExtendRequest{Loan: loan, Today: day(t, "2026-04-05")}
	_, err := p.Extend(r)
	assert.Equal(t, codesOf(ErrTooEarly), codes(t, err))
	assert.Contains(t, english(err), "2026")
	w, err := p.ExtensionWindow(r)
	require.NoError(t, err)
	assert.Equal(t, ExtensionWindow{From: day(t, "2026-04-08"), To: day(t, "2026-04-15"), DueFrom: day(t, "2026-04-22"), DueTo: day(t, "2026-04-29")}, w)
	r.Today = day(t, "2026-04-08")
	d, err := p.Extend(r)
	require.NoError(t, err)
	assert.Equal(t, day(t, "2026-04-22"), d.Loan.Due)
	// Too early and reserved: every reason, in order.
	r.Today, r.Loan.Reserved = day(t, "2026-04-02"), true
	_, err = p.Extend(r)
	assert.Equal(t, codesOf(ErrReserved, ErrTooEarly), codes(t, err))
	// Too early until another loan is overdue: an empty window, Extend's
	// refusal today.
	r.Loan.Reserved = false
	r.Others = []Loan{loanAt(t, "2026-03-20", "2026-04-03")}
	_, err = p.ExtensionWindow(r)
	assert.Equal(t, codesOf(ErrTooEarly), codes(t, err))
	p.ExtendFromLoanDay = 9 // beyond the short loan period (8)
	badInput(t, p.Validate(), "extend_from_loan_day")
	p.ExtendFromLoanDay = -1
	badInput(t, p.Validate(), "extend_from_loan_day")
}

// TestCountFromNextDayL12: the loan period counted from the day after the
// day of loan; an extension counted from its day must then be at least
// the loan period.
func TestCountFromNextDayL12(t *testing.T) {
	p := DefaultPolicy()
	p.CountFromNextDay = true
	badInput(t, p.Validate(), "extension_days", "short_extension_days")
	p.ExtensionDays, p.ShortExtensionDays = 15, 8
	require.NoError(t, p.Validate())
	for _, c := range []struct {
		name string
		loan Loan
		want string
	}{
		{"L12 15 days from 04-01: 04-16", Loan{Place: Place{Method: PrefecturalLibrary}, Loaned: day(t, "2026-04-01")}, "2026-04-16"},
		{"L12 short, 8 days: 04-09", Loan{Place: Place{Method: PrefecturalLibrary}, Short: true, Loaned: day(t, "2026-04-01")}, "2026-04-09"},
		{"L12 home delivery, 30 days: 05-01", Loan{Place: Place{Method: HomeDelivery}, Loaned: day(t, "2026-04-01")}, "2026-05-01"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := p.DueDate(c.loan, nil)
			require.NoError(t, err)
			assert.Equal(t, day(t, c.want), got)
		})
	}
}

// TestClosureGraceL13: within 14 days before a closure of at least 5
// days, the loan gains the closure's days: the year-end closure of the
// Prefectural Library runs from Monday 2026-12-28 to Monday 2027-01-04
// (8 days).
func TestClosureGraceL13(t *testing.T) {
	p := DefaultPolicy()
	p.ClosureGrace = ClosureGrace{WithinDays: 14, MinClosureDays: 5}
	require.NoError(t, p.Validate())
	for _, c := range []struct {
		name, loaned, want string
	}{
		{"L13 14 days before the closure: 12-28 + 8 days", "2026-12-14", "2027-01-05"},
		{"L13 a one-day closure (Monday 12-21) does not count; the year end does", "2026-12-20", "2027-01-11"},
		{"L13 15 days before: no grace", "2026-12-13", "2026-12-27"},
		{"L13 on a day of the closure: its days after it", "2026-12-30", "2027-01-18"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := p.DueDate(Loan{Place: Place{Method: PrefecturalLibrary}, Loaned: day(t, c.loaned)}, prefecturalCal)
			require.NoError(t, err)
			assert.Equal(t, day(t, c.want), got)
		})
	}
	_, err := p.DueDate(Loan{Place: Place{Method: PrefecturalLibrary}, Loaned: day(t, "2026-12-14")}, nil)
	assert.ErrorIs(t, err, ErrNoCalendar)
	// An extension made before the closure gains it too (L3 never shortens).
	d, err := p.Extend(ExtendRequest{Loan: loanAt(t, "2026-12-14", "2027-01-05"), Today: day(t, "2026-12-20"), ReturnTo: prefecturalCal})
	require.NoError(t, err)
	assert.Equal(t, day(t, "2027-01-11"), d.Loan.Due)
	p.ClosureGrace = ClosureGrace{WithinDays: 14}
	badInput(t, p.Validate(), "closure_grace.min_closure_days")
}

// TestPersonalLimitL14: the lower of the patron's own limit and the
// policy's applies; the refusal names which.
func TestPersonalLimitL14(t *testing.T) {
	p := DefaultPolicy()
	for _, c := range []struct {
		name            string
		loans, personal int
		want            []string
	}{
		{"L14 at the personal limit", 5, 5, codesOf(ErrPersonalLoanLimit)},
		{"L14 below the personal limit", 4, 5, nil},
		{"L14 a personal limit above MaxLoans: the library's", 10, 12, codesOf(ErrLoanLimit)},
		{"L14 a tie is the library's limit", 10, 10, codesOf(ErrLoanLimit)},
		{"L14 none", 9, 0, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := p.MayBorrow(BorrowRequest{Loans: c.loans, PersonalLimit: c.personal})
			assert.Equal(t, c.want, codes(t, err))
		})
	}
	_, err := p.MayBorrow(BorrowRequest{Loans: 5, PersonalLimit: 5})
	assert.Contains(t, english(err), "5")
	_, err = p.MayBorrow(BorrowRequest{PersonalLimit: -1})
	badInput(t, err, "personal_limit")
	p.HideReserveAtLoanLimit = true
	_, err = p.MayReserve(ReserveRequest{Loans: 3, PersonalLimit: 3})
	assert.Equal(t, codesOf(ErrPersonalLoanLimit), codes(t, err))
	_, err = p.MayReserve(ReserveRequest{PersonalLimit: -2})
	badInput(t, err, "personal_limit")
}

// TestVariantSettingsJSON: the settings' JSON keys, left out when zero so
// that the published policy encodes as before.
func TestVariantSettingsJSON(t *testing.T) {
	b, err := json.Marshal(DefaultPolicy())
	require.NoError(t, err)
	assert.NotContains(t, string(b), "extend_from")
	var p Policy
	require.NoError(t, json.Unmarshal([]byte(`{"extend_from":"due_date","extend_from_loan_day":8,"count_from_next_day":true,"closure_grace":{"within_days":14,"min_closure_days":5}}`), &p))
	assert.Equal(t, ExtendFromDueDate, p.ExtendFrom)
	assert.Equal(t, 8, p.ExtendFromLoanDay)
	assert.True(t, p.CountFromNextDay)
	assert.Equal(t, ClosureGrace{WithinDays: 14, MinClosureDays: 5}, p.ClosureGrace)
	assert.Error(t, json.Unmarshal([]byte(`{"extend_from":"tomorrow"}`), &p))
	roundTrip(t, p)
	b, err = json.Marshal(BorrowRequest{Loans: 1, PersonalLimit: 3})
	require.NoError(t, err)
	assert.JSONEq(t, `{"loans":1,"personal_limit":3}`, string(b))
	bad := DefaultPolicy()
	bad.ExtendFrom = 9
	badInput(t, bad.Validate(), "extend_from")
}
