package holds

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// waitingFor returns a stored waiting reservation.
func waitingFor(id uint64, who, item string) Reservation {
	return Reservation{ID: id, Patron: who, Item: item, Place: atPrefectural, State: Waiting, PlacedOn: mustDay("2026-11-16")}
}

func TestNewDeskRefusesTwoActiveReservationsOfOneItemH1(t *testing.T) {
	_, err := NewDesk(fixed{DefaultPolicy(), cals}, []Reservation{waitingFor(1, "A", "book"), waitingFor(9, "A", "book")})
	assert.ErrorContains(t, err, `patron "A" has two active reservations of item "book" (1 and 9)`)
	assert.Equal(t, []string{"[1].item"}, pathsOf(t, err))

	// Many reservations of one patron: found all the same.
	var stored []Reservation
	for i := range 40 {
		stored = append(stored, waitingFor(uint64(i+1), "A", "vol"+strconv.Itoa(i)))
	}
	stored = append(stored, waitingFor(41, "A", "vol17"))
	_, err = NewDesk(fixed{DefaultPolicy(), cals}, stored)
	assert.ErrorContains(t, err, `item "vol17" (18 and 41)`)

	// A final reservation of the item is no obstacle.
	done := waitingFor(1, "A", "book")
	done.State, done.EndedOn, done.CancelledBy = Cancelled, mustDay("2026-11-17"), ByPatron
	_, err = NewDesk(fixed{DefaultPolicy(), cals}, []Reservation{done, waitingFor(2, "A", "book"), waitingFor(3, "B", "book")})
	assert.NoError(t, err)
}

func TestCheckoutMaxUint64IDWraps(t *testing.T) {
	// A stored ID of math.MaxUint64 leaves no ID to give: Checkout is an
	// error and the desk is unchanged, rather than numbering from 0 again.
	dk, err := NewDesk(fixed{DefaultPolicy(), cals}, []Reservation{waitingFor(math.MaxUint64-1, "A", "book")})
	require.NoError(t, err)
	d := testDesk{dk, t}
	rs, _, err := d.Checkout(Cart{Patron: "B", Items: volumes(2, circulation.OnLoan), Place: atHome, Ordering: ReadingOrder}, mustDay("2026-11-16"), circulation.Override{})
	assert.ErrorContains(t, err, "run out of reservation IDs")
	assert.Equal(t, []string{"cart.items"}, pathsOf(t, err))
	assert.Empty(t, rs)
	r := reserve(t, d, "B", "book", "2026-11-16")
	assert.Equal(t, uint64(math.MaxUint64), r.ID, "the last ID")
	_, _, err = d.Checkout(Cart{Patron: "C", Items: volumes(1, circulation.OnLoan), Place: atHome, Ordering: Normal}, mustDay("2026-11-16"), circulation.Override{})
	assert.ErrorContains(t, err, "run out of reservation IDs")
	all := d.All()
	require.Len(t, all, 2)
	assert.Equal(t, []uint64{math.MaxUint64 - 1, math.MaxUint64}, []uint64{all[0].ID, all[1].ID})
	assert.Equal(t, 2, d.Position(math.MaxUint64))
	assert.Zero(t, d.Active("C"))
}

func TestExpireDueDropsErrorsH4(t *testing.T) {
	// A ready reservation that cannot be expired is reported, the others
	// are expired all the same, and it is tried again next time.
	d := newDesk(t)
	a := reserve(t, d, "A", "a", "2026-11-16")
	b := reserve(t, d, "B", "b", "2026-11-16")
	for _, r := range []Reservation{a, b} {
		_, err := d.SecureNext(r.Item, mustDay("2026-11-19"))
		require.NoError(t, err)
		_, err = d.MakeReady(r.ID, mustDay("2026-11-20"))
		require.NoError(t, err)
	}
	// Corrupt a: a ready day after its deadline makes Expire fail.
	i, _ := d.find(a.ID)
	d.rs[i].ReadyOn = mustDay("2026-12-10")
	got, err := d.ExpireDue(mustDay("2026-12-04"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "reservation 1")
	require.Len(t, got, 1)
	assert.Equal(t, b.ID, got[0].ID)
	assert.Equal(t, Ready, d.mustGet(t, a.ID).State)
	_, err = d.ExpireDue(mustDay("2026-12-05"))
	assert.Error(t, err, "still due, still reported")
	d.rs[i].ReadyOn = mustDay("2026-11-20")
	got, err = d.ExpireDue(mustDay("2026-12-05"))
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, a.ID, got[0].ID)
}

func TestJoinFailuresUnboundedMessage(t *testing.T) {
	var errs []error
	for range 1000 {
		errs = append(errs, ErrNoStep)
	}
	err := joinFailures("holds: ExpireDue", errs)
	assert.ErrorIs(t, err, ErrNoStep)
	assert.Contains(t, err.Error(), "992 more failures")
	assert.Less(t, len(err.Error()), 1000)
}

func TestDeskErrorsQuoteMegabyteIdentifiers(t *testing.T) {
	// Messages quote a short prefix of an identifier, however long.
	long := strings.Repeat("本", 400_000)
	d := newDesk(t)
	_, _, err := d.Checkout(Cart{Patron: "A", Items: []circulation.Item{{ID: long}}, Place: atHome, Ordering: Normal}, mustDay("2026-11-16"), circulation.Override{})
	assert.Equal(t, []string{"cart.items[0].status"}, pathsOf(t, err))
	assert.Less(t, len(err.Error()), 200)
	_, _, err = d.Checkout(Cart{Patron: "A", Items: []circulation.Item{{ID: long, Status: circulation.OnLoan, Collection: 99}}, Place: atHome, Ordering: Normal}, mustDay("2026-11-16"), circulation.Override{})
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 200)

	// A refusal too: its parameter is a short prefix of the item.
	_, _, err = d.Checkout(Cart{Patron: "A", Items: []circulation.Item{{ID: long, Status: circulation.Reference}}, Place: atHome, Ordering: Normal}, mustDay("2026-11-16"), circulation.Override{})
	assert.ErrorIs(t, err, circulation.ErrNotLoanable)
	assert.Less(t, len(err.Error()), 300)
	for _, m := range reason.Localize(err, reason.Japanese) {
		assert.Less(t, len(m.Message), 400)
		it, _ := m.Params.Get("item")
		assert.Contains(t, it.Value(), "本本本")
	}

	_, err = NewDesk(fixed{DefaultPolicy(), cals}, []Reservation{waitingFor(1, long, long), waitingFor(2, long, long)})
	assert.Equal(t, []string{"[1].item"}, pathsOf(t, err))
	assert.Less(t, len(err.Error()), 300, "two identifiers of 32 three-byte runes each")
}

func TestApplyCorruptsIndexesOnBackwardTransition(t *testing.T) {
	// The desk's indexes follow any transition back to waiting (none
	// exists today), and refuse, changing nothing, one out of a final
	// state or to another item, which they cannot follow.
	for _, hold := range []bool{false, true} {
		p := DefaultPolicy()
		p.HoldForReadingOrder = hold
		d := newDeskWith(t, p)
		today := mustDay("2026-11-17")
		a := reserve(t, d, "A", "book", "2026-11-16")
		b := reserve(t, d, "B", "book", "2026-11-16")
		rs, _, err := d.Checkout(Cart{Patron: "C", Items: []circulation.Item{item("book", circulation.OnLoan), item("sequel", circulation.OnLoan)},
			Place: atPrefectural, Ordering: ReadingOrder}, today, circulation.Override{})
		require.NoError(t, err)
		c1 := rs[0]
		for _, want := range []uint64{a.ID, b.ID, c1.ID} {
			s, err := d.SecureNext("book", today)
			require.NoError(t, err)
			require.Equal(t, want, s.ID)
		}
		// a and C's first volume wait again: a is first in line again, and
		// C's sequel may not go ahead of its first volume (H2).
		back := func(r Reservation) (Reservation, error) {
			r.State, r.SecuredOn = Waiting, calendar.Date{}
			return r, nil
		}
		_, _, err = d.apply(ActionSecure, a.ID, back)
		require.NoError(t, err)
		_, _, err = d.apply(ActionSecure, c1.ID, back)
		require.NoError(t, err)
		_, err = d.SecureNext("sequel", today)
		assert.ErrorIs(t, err, ErrOrderPending)
		s, err := d.SecureNext("book", today)
		require.NoError(t, err)
		assert.Equal(t, a.ID, s.ID, "H3 first come, first served")
		assert.Equal(t, 1, d.Position(a.ID))
		s, err = d.SecureNext("book", today)
		require.NoError(t, err)
		assert.Equal(t, c1.ID, s.ID)
		s, err = d.SecureNext("sequel", today)
		require.NoError(t, err)
		assert.Equal(t, rs[1].ID, s.ID, "H2 the sequel goes ahead now")

		_, _, err = d.apply(ActionSecure, a.ID, func(r Reservation) (Reservation, error) {
			r.Item = "other"
			return r, nil
		})
		assert.ErrorContains(t, err, "may not change")
		c, _, err := d.Cancel(b.ID, ByStaff, today, staffOverride)
		require.NoError(t, err)
		_, _, err = d.apply(ActionSecure, b.ID, func(r Reservation) (Reservation, error) {
			r.State, r.EndedOn, r.CancelledBy = Waiting, calendar.Date{}, 0
			return r, nil
		})
		assert.ErrorContains(t, err, "cannot take it from cancelled to waiting")
		assert.Equal(t, c, d.mustGet(t, b.ID))
		assert.Zero(t, d.Position(b.ID))
		assert.Equal(t, 2, d.Position(c1.ID))
	}
}
