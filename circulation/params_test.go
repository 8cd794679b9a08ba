package circulation

import (
	"github.com/kashidashi/kashidashi/internal/reasontest"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/kashidashi/kashidashi/reason"
)

// L1: the loan limit is the refusal's limit parameter, the policy's.
func TestMayBorrowL1LimitParam(t *testing.T) {
	p := DefaultPolicy()
	p.MaxLoans = 7
	reasontest.CheckParams(t, errOf(p.MayBorrow(BorrowRequest{Loans: 7})), reason.Params{reason.Limit(7)})
}

// H1, I2, I1: the reservation and loan limits are the refusal's limits,
// the reservations the patron would hold its count, and each item never
// lent its item.
func TestMayReserveH1LimitParams(t *testing.T) {
	p := DefaultPolicy()
	p.HideReserveAtLoanLimit = true
	items := []Item{{ID: "0012345678", Status: Reference}, {ID: "b2", Status: OnShelf}}
	err := errOf(p.MayReserve(ReserveRequest{Items: items, Loans: p.MaxLoans, Reservations: p.MaxReservations}))
	assert.Equal(t, "予約冊数の上限（10冊）に達しています。", reason.Localize(err, reason.Japanese)[0].Message)
	reasontest.CheckParams(t, err, reason.Params{reason.Limit(p.MaxReservations), reason.Count(p.MaxReservations + 2)},
		reason.Params{reason.Limit(p.MaxLoans)}, reason.Params{reason.Item("0012345678")})
}

// L4 c: already extended carries the policy's number of extensions.
func TestExtendL4cLimitParam(t *testing.T) {
	l := loanAt(t, "2026-04-01", "2026-04-15")
	p := DefaultPolicy()
	p.MaxExtensions = 3
	l.Extensions = 3
	_, err := p.Extend(ExtendRequest{Loan: l, Today: day(t, "2026-04-10")})
	reasontest.CheckParams(t, err, reason.Params{reason.Limit(3)})
}

// M2: an item received at a partner library names it as the refusal's
// library.
func TestAcceptM2LibraryParam(t *testing.T) {
	loan := Loan{Item: "b1", Place: atEbetsu, Loaned: day(t, "2026-04-01"), Due: day(t, "2026-04-30")}
	_, err := desk.Accept(Return{Loan: loan, At: atPrefectural, Channel: GeneralCounter, When: at(t, "2026-04-08", 10, 0)})
	reasontest.CheckParams(t, err, reason.Params{reason.LibraryName("江別市情報図書館")})
}
