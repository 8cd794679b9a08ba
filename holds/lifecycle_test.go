package holds

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
)

// reach returns a reservation to place brought to state s through a
// desk, one day apart from 2026-11-16.
func reach(t testing.TB, place circulation.Place, s State) Reservation {
	t.Helper()
	d := newDesk(t)
	day := mustDay("2026-11-16")
	rs, _, err := d.Checkout(Cart{Patron: "0000000001", Items: []circulation.Item{item("B1", circulation.OnLoan)},
		Place: place, Ordering: Normal, PartnerLibraries: []string{place.Library}}, day, circulation.Override{})
	require.NoError(t, err)
	r := rs[0]
	step := func(f func() (Reservation, error)) {
		t.Helper()
		day = day.AddDays(1)
		var err error
		r, err = f()
		require.NoError(t, err)
	}
	collect := func() (Reservation, error) { r, _, err := d.Collect(r.ID, day); return r, err }
	if s == Waiting {
		return r
	}
	step(func() (Reservation, error) { return d.SecureNext("B1", day) })
	if s == Secured {
		return r
	}
	if place.Method != circulation.PrefecturalLibrary {
		step(func() (Reservation, error) { return d.Ship(r.ID, day, 0) })
	}
	if s == InTransit {
		return r
	}
	if place.Method == circulation.HomeDelivery {
		require.Equal(t, Collected, s)
		step(collect)
		return r
	}
	step(func() (Reservation, error) { return d.MakeReady(r.ID, day) })
	switch s {
	case Collected:
		step(collect)
	case Expired:
		day = r.Deadline
		step(func() (Reservation, error) { return d.Expire(r.ID, day) })
	case Cancelled:
		step(func() (Reservation, error) { return noOv(d.Cancel(r.ID, ByStaff, day, staffOverride)) })
	}
	require.Equal(t, s, r.State)
	require.NoError(t, r.Validate())
	return r
}

func TestTransitionsRefused(t *testing.T) {
	p := DefaultPolicy()
	later := mustDay("2026-12-31")
	tests := []struct {
		name  string
		r     Reservation
		apply func(Reservation) (Reservation, error)
		want  error
	}{
		{"secure twice", reach(t, atPrefectural, Secured), func(r Reservation) (Reservation, error) { return r.secure(later) }, ErrNoStep},
		{"secure a collected one", reach(t, atPrefectural, Collected), func(r Reservation) (Reservation, error) { return r.secure(later) }, ErrNoStep},
		{"R-PL1 nothing to send to the Prefectural Library", reach(t, atPrefectural, Secured), func(r Reservation) (Reservation, error) { return r.ship(later, 0, p) }, ErrNoStep},
		{"ship before securing", reach(t, atEbetsu, Waiting), func(r Reservation) (Reservation, error) { return r.ship(later, 0, p) }, ErrNoStep},
		{"ship twice", reach(t, atEbetsu, InTransit), func(r Reservation) (Reservation, error) { return r.ship(later, 0, p) }, ErrNoStep},
		{"ship a ready one", reach(t, atAssembly, Ready), func(r Reservation) (Reservation, error) { return r.ship(later, 0, p) }, ErrNoStep},
		{"R-PT5 partner at the loan limit", reach(t, atEbetsu, Secured), func(r Reservation) (Reservation, error) { return r.ship(later, 10, p) }, ErrHeldBack},
		{"R-HD4 home delivery at the loan limit", reach(t, atHome, Secured), func(r Reservation) (Reservation, error) { return r.ship(later, 11, p) }, ErrHeldBack},
		{"R-HD2 no hold shelf for home delivery", reach(t, atHome, Secured), func(r Reservation) (Reservation, error) { return r.makeReady(later, cals, p) }, ErrNoStep},
		{"R-PT2 ready at a partner only after the courier", reach(t, atEbetsu, Secured), func(r Reservation) (Reservation, error) { return r.makeReady(later, cals, p) }, ErrNoStep},
		{"ready before securing", reach(t, atPrefectural, Waiting), func(r Reservation) (Reservation, error) { return r.makeReady(later, cals, p) }, ErrNoStep},
		{"ready twice", reach(t, atPrefectural, Ready), func(r Reservation) (Reservation, error) { return r.makeReady(later, cals, p) }, ErrNoStep},
		{"H3 collect before ready", reach(t, atEbetsu, InTransit), func(r Reservation) (Reservation, error) {
			r, _, err := r.collect(later, cals, p)
			return r, err
		}, ErrNoStep},
		{"R-HD2 collect before posting", reach(t, atHome, Secured), func(r Reservation) (Reservation, error) {
			r, _, err := r.collect(later, cals, p)
			return r, err
		}, ErrNoStep},
		{"H4 expire a waiting one", reach(t, atPrefectural, Waiting), func(r Reservation) (Reservation, error) { return r.expire(later) }, ErrNoStep},
		{"H5 patron cancels a ready one", reach(t, atPrefectural, Ready), func(r Reservation) (Reservation, error) {
			return noOv(r.cancel(ByPatron, later, DefaultPolicy(), circulation.Override{}))
		}, ErrNeedsStaff},
		{"H5 patron cancels a posted one", reach(t, atHome, InTransit), func(r Reservation) (Reservation, error) {
			return noOv(r.cancel(ByPatron, later, DefaultPolicy(), circulation.Override{}))
		}, ErrNeedsStaff},
		{"H5 patron changes the place of a ready one", reach(t, atEbetsu, Ready), func(r Reservation) (Reservation, error) {
			return noOv(r.changePlace(ByPatron, atPrefectural, nil, cals, DefaultPolicy(), circulation.Override{}))
		}, ErrNeedsStaff},
		{"R-HD2 staff cannot redirect a posted item", reach(t, atHome, InTransit), func(r Reservation) (Reservation, error) {
			return noOv(r.changePlace(ByStaff, atPrefectural, nil, cals, DefaultPolicy(), staffOverride))
		}, ErrNoStep},
		{"cancel an expired one", reach(t, atPrefectural, Expired), func(r Reservation) (Reservation, error) {
			return noOv(r.cancel(ByStaff, later, DefaultPolicy(), staffOverride))
		}, ErrNoStep},
		{"change place of a cancelled one", reach(t, atPrefectural, Cancelled), func(r Reservation) (Reservation, error) {
			return noOv(r.changePlace(ByStaff, atAssembly, nil, cals, DefaultPolicy(), staffOverride))
		}, ErrNoStep},
		{"R-PT1 change to an unregistered partner", reach(t, atPrefectural, Waiting), func(r Reservation) (Reservation, error) {
			return noOv(r.changePlace(ByPatron, atEbetsu, []string{"other"}, cals, DefaultPolicy(), circulation.Override{}))
		}, patron.ErrNotPartnerRegistered},
		{"M1 change to an invalid place", reach(t, atPrefectural, Waiting), func(r Reservation) (Reservation, error) {
			return noOv(r.changePlace(ByPatron, circulation.Place{Method: circulation.HomeDelivery, Library: "x"}, nil, cals, DefaultPolicy(), circulation.Override{}))
		}, ErrPlace},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.apply(tt.r)
			require.ErrorIs(t, err, tt.want)
			var c reason.Coded
			require.True(t, errors.As(err, &c), "a refusal carries a code")
			var refusal *reason.Refusal
			require.True(t, errors.As(err, &refusal), "a lifecycle refusal is a *reason.Refusal")
			assert.Equal(t, pkg, refusal.Package)
			assert.Equal(t, tt.r, got, "a refused transition changes nothing")
		})
	}
}

// TestTransitionInputErrorsAreBadInput: a zero day, a day before the
// last step, no actor or no calendar is the host's mistake, not a
// refusal: each error is reason.Problems naming the field.
func TestTransitionInputErrorsAreBadInput(t *testing.T) {
	r := reach(t, atPrefectural, Secured)
	_, err := r.secure(calendar.Date{})
	assert.Equal(t, []string{"today"}, pathsOf(t, err))
	_, err = reach(t, atPrefectural, Waiting).secure(mustDay("2026-11-01"))
	assert.Equal(t, []string{"today"}, pathsOf(t, err))
	assert.ErrorContains(t, err, "before the last step", "days never go backwards")
	_, _, err = r.cancel(0, mustDay("2026-12-01"), DefaultPolicy(), circulation.Override{})
	assert.Equal(t, []string{"by"}, pathsOf(t, err))
	_, _, err = r.changePlace(Actor(9), atAssembly, nil, cals, DefaultPolicy(), circulation.Override{})
	assert.Equal(t, []string{"by"}, pathsOf(t, err))
	ready := reach(t, atPrefectural, Secured)
	_, err = ready.makeReady(mustDay("2026-12-01"), Calendars{}, DefaultPolicy())
	assert.Equal(t, []string{"place"}, pathsOf(t, err))
}

// TestErrNoStepNamesTheAction: R-PL1, an item picked up at the
// Prefectural Library is never shipped; the one refusal for a missing
// edge is a *reason.Refusal whose What names the action, the state and
// the route being the reservation's own.
func TestErrNoStepNamesTheAction(t *testing.T) {
	_, err := reach(t, atPrefectural, Secured).ship(mustDay("2026-12-31"), 0, DefaultPolicy())
	require.ErrorIs(t, err, ErrNoStep)
	assert.Equal(t, "holds: ship refused: lifecycle.no_step", err.Error())
	var refusal *reason.Refusal
	require.ErrorAs(t, err, &refusal)
	assert.Equal(t, "ship", refusal.What)
	msgs := reason.Localize(err, reason.English)
	require.Len(t, msgs, 1)
	assert.Equal(t, ErrNoStep.Message(reason.English), msgs[0].Message)
}

// TestLifecycleTableH2H6OneEdgePerStep: the table is a function of
// (action, state, route), every edge leaves an active state (or none, for
// ActionReserve) on a route, and every state is reachable on some route
// with the days its edges record.
func TestLifecycleTableH2H6OneEdgePerStep(t *testing.T) {
	type key struct {
		a Action
		s State
		m circulation.Method
	}
	seen := map[key]bool{}
	for _, e := range lifecycle {
		assert.True(t, e.action.Valid() && e.to.Valid() && e.on != 0, "%+v", e)
		assert.True(t, e.from == 0 || e.from.Active(), "%+v leaves a final state", e)
		for m := circulation.PrefecturalLibrary; m <= circulation.HomeDelivery; m++ {
			if e.on.has(m) {
				k := key{e.action, e.from, m}
				assert.False(t, seen[k], "two edges for %+v", k)
				seen[k] = true
			}
		}
	}
	for s := Waiting; s <= Cancelled; s++ {
		reached := false
		for m := circulation.PrefecturalLibrary; m <= circulation.HomeDelivery; m++ {
			reached = reached || recordable[m][s] != 0
		}
		assert.True(t, reached, "%v is unreachable", s)
	}
	assert.Zero(t, recordable[circulation.PrefecturalLibrary][InTransit], "R-PL1 never in transit")
	assert.Zero(t, recordable[circulation.HomeDelivery][Ready], "R-HD2 no hold shelf")
}

func TestLifecycle(t *testing.T) {
	p := DefaultPolicy()
	// H6 R-PL1 H4 L2: secured Thursday 2026-11-19, ready Friday, deadline
	// 2026-12-03, collected on the ready day, due 15 days later counting
	// that day.
	r := Reservation{ID: 7, Patron: "0000000001", Item: "B1", Place: atPrefectural, State: Waiting, PlacedOn: mustDay("2026-11-10")}
	s, err := r.secure(mustDay("2026-11-19"))
	require.NoError(t, err)
	assert.Equal(t, Waiting, r.State, "transitions leave the receiver unchanged")
	rd, err := s.makeReady(mustDay("2026-11-20"), cals, p)
	require.NoError(t, err)
	assert.Equal(t, "2026-12-03", rd.Deadline.String())
	c, loan, err := rd.collect(mustDay("2026-11-20"), cals, p)
	require.NoError(t, err)
	assert.Equal(t, Collected, c.State)
	assert.Equal(t, circulation.Loan{Item: "B1", Place: atPrefectural, Loaned: mustDay("2026-11-20"), Due: mustDay("2026-12-04")}, loan)
	require.NoError(t, c.Validate())
}

func TestExpire(t *testing.T) {
	// H4: the item stays through the deadline day; expiring is refused on
	// it and accepted the next day.
	r := reach(t, atPrefectural, Ready)
	assert.False(t, r.Expired(r.Deadline))
	_, err := r.expire(r.Deadline)
	assert.ErrorIs(t, err, ErrDeadlineNotPassed)
	assert.True(t, r.Expired(r.Deadline.AddDays(1)))
	e, err := r.expire(r.Deadline.AddDays(1))
	require.NoError(t, err)
	assert.Equal(t, Expired, e.State)
	assert.Equal(t, r.Deadline.AddDays(1), e.EndedOn)
	// Collecting late, before staff expire it, still works.
	_, _, err = r.collect(r.Deadline.AddDays(1), cals, DefaultPolicy())
	assert.NoError(t, err)
}

func TestCollectHomeDelivery(t *testing.T) {
	// R-HD2 L2: the loan is dated the posting day; 30 days, 15 short.
	r := reach(t, atHome, InTransit)
	r.Short = true
	c, loan, err := r.collect(r.ShippedOn.AddDays(3), cals, DefaultPolicy())
	require.NoError(t, err)
	assert.Equal(t, r.ShippedOn, loan.Loaned)
	assert.Equal(t, r.ShippedOn.AddDays(14), loan.Due)
	assert.True(t, loan.Short)
	assert.Equal(t, r.ShippedOn.AddDays(3), c.CollectedOn)
	require.NoError(t, c.Validate())
}

// TestH5PatronNeedsStaffFromNotice: once the notice has gone out (secured
// onwards, H6), the patron can neither cancel nor change the place on My
// Page, on every route; staff still can.
func TestH5PatronNeedsStaffFromNotice(t *testing.T) {
	later := mustDay("2026-12-31")
	for _, tt := range []struct {
		name   string
		place  circulation.Place
		state  State
		patron bool // whether the patron may act
	}{
		{"H5 waiting", atEbetsu, Waiting, true},
		{"H5 waiting at the Prefectural Library", atPrefectural, Waiting, true},
		{"H5 secured: the notice has gone out", atEbetsu, Secured, false},
		{"H5 secured for the Prefectural Library", atPrefectural, Secured, false},
		{"H5 secured for home delivery", atHome, Secured, false},
		{"H5 on its way to a partner library", atEbetsu, InTransit, false},
		{"H5 on its way to the Assembly Library", atAssembly, InTransit, false},
		{"H5 posted home (already lent)", atHome, InTransit, false},
		{"H5 ready (貸出可能)", atEbetsu, Ready, false},
		{"H5 ready at the Prefectural Library", atPrefectural, Ready, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := reach(t, tt.place, tt.state)
			c, _, err := r.cancel(ByPatron, later, DefaultPolicy(), circulation.Override{})
			if tt.patron {
				require.NoError(t, err)
				assert.Equal(t, ByPatron, c.CancelledBy)
			} else {
				require.ErrorIs(t, err, ErrNeedsStaff)
			}
			c, _, err = r.cancel(ByStaff, later, DefaultPolicy(), staffOverride)
			require.NoError(t, err, "staff may always cancel an active reservation")
			assert.Equal(t, Cancelled, c.State)
			assert.Equal(t, ByStaff, c.CancelledBy)
			require.NoError(t, c.Validate())

			moved, _, err := r.changePlace(ByPatron, atAssembly, nil, cals, DefaultPolicy(), circulation.Override{})
			if tt.patron {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, ErrNeedsStaff)
				if tt.place.Method == circulation.HomeDelivery && tt.state == InTransit {
					return
				}
				moved, _, err = r.changePlace(ByStaff, atAssembly, nil, cals, DefaultPolicy(), staffOverride)
				require.NoError(t, err)
			}
			assert.Equal(t, atAssembly, moved.Place)
			require.NoError(t, moved.Validate())
			if tt.state == Waiting {
				assert.Equal(t, Waiting, moved.State)
			} else if tt.place != atAssembly {
				assert.Equal(t, Secured, moved.State, "an item already on its way is routed again")
				assert.True(t, moved.ShippedOn.IsZero() && moved.ReadyOn.IsZero() && moved.Deadline.IsZero())
			}
		})
	}
}

func TestChangePlaceToPartner(t *testing.T) {
	// R-PT1: a registered partner library is accepted.
	r := reach(t, atPrefectural, Waiting)
	moved, _, err := r.changePlace(ByPatron, atEbetsu, []string{"江別市情報図書館"}, cals, DefaultPolicy(), circulation.Override{})
	require.NoError(t, err)
	assert.Equal(t, atEbetsu, moved.Place)
	same, _, err := moved.changePlace(ByPatron, atEbetsu, []string{"江別市情報図書館"}, cals, DefaultPolicy(), circulation.Override{})
	require.NoError(t, err)
	assert.Equal(t, moved, same)

	// Through the desk: the change is stored; the same place again
	// changes nothing, and Do says so with an empty Change.
	d := newDesk(t)
	w := reserve(t, d, "A", "book", "2026-11-16")
	got, _, err := d.ChangePlace(w.ID, ByPatron, mustDay("2026-11-17"), atEbetsu, []string{"江別市情報図書館"}, circulation.Override{})
	require.NoError(t, err)
	assert.Equal(t, atEbetsu, got.Place)
	ch, err := d.Do(Request{Action: ActionChangePlace, ID: w.ID, By: ByPatron, Today: mustDay("2026-11-18"),
		Place: atEbetsu, PartnerLibraries: []string{"江別市情報図書館"}})
	require.NoError(t, err)
	assert.Empty(t, ch.Reservations)
	assert.Empty(t, ch.Transitions)
	assert.Equal(t, got, d.mustGet(t, w.ID))
}

func TestStatesActiveOrFinal(t *testing.T) {
	for s := Waiting; s <= Cancelled; s++ {
		assert.Equal(t, s.Active(), !s.Final(), s)
	}
	for _, s := range []State{0, 8} {
		assert.False(t, s.Active() || s.Final())
	}
}
