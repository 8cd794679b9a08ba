package holds

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// reserve places one normal reservation of item by who at the
// Prefectural Library.
func reserve(t *testing.T, d testDesk, who, id, on string) Reservation {
	t.Helper()
	rs, _, err := d.Checkout(Cart{Patron: who, Items: []circulation.Item{item(id, circulation.OnLoan)},
		Place: atPrefectural, Ordering: Normal}, mustDay(on), circulation.Override{})
	require.NoError(t, err)
	return rs[0]
}

func TestQueuePositions(t *testing.T) {
	// H3: first come, first served; everyone moves up when one leaves.
	d := newDesk(t)
	a := reserve(t, d, "A", "book", "2026-11-16")
	b := reserve(t, d, "B", "book", "2026-11-16")
	c := reserve(t, d, "C", "book", "2026-11-17")
	assert.Equal(t, []int{1, 2, 3}, []int{d.Position(a.ID), d.Position(b.ID), d.Position(c.ID)})

	s, err := d.SecureNext("book", mustDay("2026-11-18"))
	require.NoError(t, err)
	assert.Equal(t, a.ID, s.ID, "the first in line is secured")
	assert.Equal(t, 1, d.Position(a.ID), "a secured reservation keeps its place until it leaves")

	_, _, err = d.Cancel(b.ID, ByPatron, mustDay("2026-11-18"), circulation.Override{})
	require.NoError(t, err)
	assert.Equal(t, 0, d.Position(b.ID))
	assert.Equal(t, 2, d.Position(c.ID), "C moves up")

	_, err = d.MakeReady(a.ID, mustDay("2026-11-19"))
	require.NoError(t, err)
	_, loan, err := d.Collect(a.ID, mustDay("2026-11-19"))
	require.NoError(t, err)
	assert.True(t, loan.Reserved, "L4 b: C still waits for the book")
	assert.Equal(t, 1, d.Position(c.ID))
	assert.Equal(t, []Reservation{d.mustGet(t, c.ID)}, d.Queue("book"))
	assert.Equal(t, []Reservation{d.mustGet(t, c.ID)}, d.Reservations("C"))
	assert.Empty(t, d.Reservations("A"))

	_, err = d.SecureNext("nothing", mustDay("2026-11-19"))
	assert.ErrorIs(t, err, ErrNobodyWaiting)
	_, _, err = d.Cancel(99, ByStaff, mustDay("2026-11-19"), staffOverride)
	assert.ErrorIs(t, err, ErrUnknownReservation)
	assert.Equal(t, 0, d.Position(99))
}

func (d *Desk) mustGet(t *testing.T, id uint64) Reservation {
	t.Helper()
	r, ok := d.Get(id)
	require.True(t, ok)
	return r
}

func TestReadingOrder(t *testing.T) {
	// H2 [reading]: volume 2 is not secured for A before volume 1; B,
	// behind A, gets it meanwhile; cancelling volume 1 lets volume 2 go
	// ahead.
	d := newDesk(t)
	today := mustDay("2026-11-16")
	rs, _, err := d.Checkout(Cart{Patron: "A", Items: volumes(3, circulation.OnLoan), Place: atEbetsu,
		Ordering: ReadingOrder, PartnerLibraries: []string{"江別市情報図書館"}}, today, circulation.Override{})
	require.NoError(t, err)
	v1, v2, v3 := rs[0], rs[1], rs[2]

	_, err = d.SecureNext("vol2", today)
	assert.ErrorIs(t, err, ErrOrderPending)

	b := reserve(t, d, "B", "vol2", "2026-11-16")
	s, err := d.SecureNext("vol2", today)
	require.NoError(t, err)
	assert.Equal(t, b.ID, s.ID, "the item goes to the next in line")
	assert.Equal(t, 1, d.Position(v2.ID), "A keeps its place")

	_, _, err = d.Cancel(v1.ID, ByPatron, today, circulation.Override{})
	require.NoError(t, err)
	s, err = d.SecureNext("vol2", today)
	require.NoError(t, err)
	assert.Equal(t, v2.ID, s.ID, "with volume 1 cancelled, volume 2 goes ahead")

	s, err = d.SecureNext("vol3", today)
	require.NoError(t, err)
	assert.Equal(t, v3.ID, s.ID)
}

func TestHoldForReadingOrder(t *testing.T) {
	p := DefaultPolicy()
	p.HoldForReadingOrder = true
	d := newDeskWith(t, p)
	today := mustDay("2026-11-16")
	_, _, err := d.Checkout(Cart{Patron: "A", Items: volumes(2, circulation.OnLoan), Place: atHome, Ordering: ReadingOrder}, today, circulation.Override{})
	require.NoError(t, err)
	reserve(t, d, "B", "vol2", "2026-11-16")
	_, err = d.SecureNext("vol2", today)
	assert.ErrorIs(t, err, ErrOrderPending, "the item waits for A")
}

func TestExpireDue(t *testing.T) {
	d := newDesk(t)
	a := reserve(t, d, "A", "book", "2026-11-16")
	b := reserve(t, d, "B", "book", "2026-11-16")
	_, err := d.SecureNext("book", mustDay("2026-11-19"))
	require.NoError(t, err)
	r, err := d.MakeReady(a.ID, mustDay("2026-11-20"))
	require.NoError(t, err)
	assert.Equal(t, "2026-12-03", r.Deadline.String())
	got, err := d.ExpireDue(mustDay("2026-12-03"))
	require.NoError(t, err)
	assert.Empty(t, got, "H4 not on the deadline day")
	got, err = d.ExpireDue(mustDay("2026-12-04"))
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, Expired, got[0].State)
	assert.Equal(t, 1, d.Position(b.ID), "H3 B moves up")
	_, err = d.Expire(a.ID, mustDay("2026-12-05"))
	assert.ErrorIs(t, err, ErrNoStep)
}

func TestDeskRebuild(t *testing.T) {
	d := newDesk(t)
	today := mustDay("2026-11-16")
	_, _, err := d.Checkout(Cart{Patron: "A", Items: volumes(3, circulation.OnLoan), Place: atHome, Ordering: ReadingOrder}, today, circulation.Override{})
	require.NoError(t, err)
	reserve(t, d, "B", "vol1", "2026-11-16")
	_, err = d.SecureNext("vol1", today)
	require.NoError(t, err)
	_, _, err = d.Cancel(3, ByPatron, today, circulation.Override{})
	require.NoError(t, err)

	b, err := json.Marshal(d.All())
	require.NoError(t, err)
	var stored []Reservation
	require.NoError(t, json.Unmarshal(b, &stored))
	stored[0], stored[2] = stored[2], stored[0] // any order
	rules := fixed{DefaultPolicy(), cals}
	e, err := NewDesk(rules, stored)
	require.NoError(t, err)
	assert.Equal(t, d.All(), e.All())
	for id := uint64(1); id <= 4; id++ {
		assert.Equal(t, d.Position(id), e.Position(id))
	}
	assert.Equal(t, d.Active("A"), e.Active("A"))
	r := reserve(t, testDesk{e, t}, "C", "vol9", "2026-11-17")
	assert.Equal(t, uint64(5), r.ID, "numbering continues")

	_, err = NewDesk(rules, append(stored, stored[0]))
	assert.ErrorContains(t, err, "twice")
	assert.Equal(t, []string{"[4].id"}, pathsOf(t, err), "the second of the two")
	bad := stored[0]
	bad.Patron = ""
	_, err = NewDesk(rules, []Reservation{stored[1], bad})
	assert.Equal(t, []string{"[1].patron"}, pathsOf(t, err))
	_, err = NewDesk(nil, nil)
	assert.Equal(t, []string{"rules"}, pathsOf(t, err))
	mixed := []Reservation{stored[1], stored[2]}
	mixed[0].Patron = "Z"
	_, err = NewDesk(rules, mixed)
	assert.ErrorContains(t, err, "mixes patrons")
	assert.ErrorIs(t, err, reason.ErrBadInput)
}
