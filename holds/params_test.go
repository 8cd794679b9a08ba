package holds

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/internal/reasontest"
	"github.com/kashidashi/kashidashi/reason"
)

// H1, I2, P1: a refused cart carries the policy's limits, the count the
// patron would hold, and the partner library, as parameters a form can
// use, and survives JSON.
func TestCheckoutH1P1Params(t *testing.T) {
	p := DefaultPolicy()
	p.Circulation.MaxReservations = 2
	p.Circulation.HideReserveAtLoanLimit = true
	p.Circulation.MaxLoans = 5
	d := newDeskWith(t, p)
	_, _, err := d.CheckoutLoans(Cart{Patron: "A", Items: volumes(3, circulation.OnLoan), Place: atEbetsu,
		Ordering: Normal}, 5, mustDay("2026-11-16"), circulation.Override{})
	reasontest.CheckParams(t, err,
		reason.Params{reason.LibraryName("江別市情報図書館")},
		reason.Params{reason.Limit(2), reason.Count(3)},
		reason.Params{reason.Limit(5)})
	assert.Equal(t, "予約冊数の上限（2冊）に達しています。", reason.Localize(err, reason.Japanese)[1].Message)
}

// R-HD4, R-PT5: the held-back notice says the policy's loan limit, not
// the guide's 10.
func TestShipRHD4HeldBackLimitParam(t *testing.T) {
	p := DefaultPolicy()
	p.Circulation.MaxLoans = 5
	r := Reservation{ID: 1, Patron: "A", Item: "i", Place: circulation.Place{Method: circulation.HomeDelivery},
		State: Secured, PlacedOn: mustDay("2026-11-10"), SecuredOn: mustDay("2026-11-16")}
	_, err := r.ship(mustDay("2026-11-17"), 5, p)
	require.ErrorIs(t, err, ErrHeldBack)
	ms := reason.Localize(err, reason.Japanese)
	require.Len(t, ms, 1)
	assert.Equal(t, reason.Params{reason.Limit(5)}, ms[0].Params)
	assert.Equal(t, "貸出上限（5冊）に達しているため、返却処理後の発送となります。", ms[0].Message)
}
