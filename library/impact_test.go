package library

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/reason"
)

// A snowstorm closes the Prefectural Library on Wednesday 2027-02-17
// and Thursday 2027-02-18, both ordinary open days.
func snowstorm(t *testing.T, l *Library) Change {
	t.Helper()
	ch, err := l.Closing("prefectural", calendar.Closure{From: day("2027-02-17"), To: day("2027-02-18"), Name: "臨時休館（大雪）", NameEn: "closed (snowstorm)"})
	require.NoError(t, err)
	return ch
}

func loanAt(p circulation.Place, loaned, due string) circulation.Loan {
	return circulation.Loan{Item: "i", Place: p, Loaned: day(loaned), Due: day(due)}
}

// X1, L5: a loan due on a day its return place is now closed keeps its
// due date under the default policy (stands); a home-delivery loan goes
// back to the Prefectural Library; a partner library's loan and a loan
// due on another day are not touched.
func TestConsequencesX1DueStandsL5(t *testing.T) {
	l := mustNew(t, withPartners())
	loans := []circulation.Loan{
		loanAt(atPrefectural, "2027-02-03", "2027-02-17"),
		loanAt(atPrefectural, "2027-02-05", "2027-02-19"),
		loanAt(atEbetsu, "2027-01-19", "2027-02-17"),
		loanAt(atHome, "2027-01-20", "2027-02-18"),
	}
	got, err := l.Consequences(snowstorm(t, l), loans, nil)
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, 0, got[0].Loan)
	assert.Equal(t, day("2027-02-17"), got[0].Old)
	assert.Equal(t, day("2027-02-17"), got[0].New)
	assert.ErrorIs(t, got[0].Reason, ErrDueStands)
	assert.Equal(t, 3, got[1].Loan)
	assert.Equal(t, uint64(0), got[1].Reservation)
	m := reason.Localize(got[0].Reason, reason.Japanese)[0]
	assert.Equal(t, "closure.due_stands", m.Code)
	assert.Contains(t, m.Message, "2027年2月17日")
	assert.Contains(t, m.Message, "道立図書館")
}

// X1, L5: under DueDateNextOpenDay the due date moves to the next open
// day, Friday 2027-02-19, and the reason carries it.
func TestConsequencesX1DueMovesNextOpenDayL5(t *testing.T) {
	c := withPartners()
	c.Policies.Circulation.DueOnClosedDay = circulation.DueDateNextOpenDay
	l := mustNew(t, c)
	got, err := l.Consequences(snowstorm(t, l), []circulation.Loan{loanAt(atPrefectural, "2027-02-04", "2027-02-18")}, nil)
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, day("2027-02-18"), got[0].Old)
	assert.Equal(t, day("2027-02-19"), got[0].New)
	assert.ErrorIs(t, got[0].Reason, ErrDueMoved)
	assert.Contains(t, reason.Localize(got[0].Reason, reason.English)[0].Message, "2027-02-19")
}

// X2, H4: a ready reservation whose shelf span holds the closed days gets
// the deadline the desk would give it under the new calendar; one made
// ready after the closure, and a waiting one, do not change.
func TestConsequencesX2ShelfDeadlineMovesH4(t *testing.T) {
	l := mustNew(t, withPartners())
	ch := snowstorm(t, l)
	desk, err := holds.NewDesk(fixedRules{l.HoldPolicy(day("2027-02-10")), ch.After}, nil)
	require.NoError(t, err)
	placed, err := desk.Do(holds.Request{Action: holds.ActionReserve, Today: day("2027-02-01"), Cart: holds.Cart{Patron: "A", Place: atPrefectural, Ordering: holds.Normal,
		Items: []circulation.Item{{ID: "a", Status: circulation.OnShelf}, {ID: "b", Status: circulation.OnShelf}}}})
	require.NoError(t, err)
	rs := placed.Reservations
	_, err = desk.Do(holds.Request{Action: holds.ActionSecure, Item: "a", Today: day("2027-02-10")})
	require.NoError(t, err)
	readied, err := desk.Do(holds.Request{Action: holds.ActionMakeReady, ID: rs[0].ID, Today: day("2027-02-10")})
	require.NoError(t, err)
	want := readied.Reservations[0]

	ready := want
	ready.Deadline = l.HoldPolicy(ready.ReadyOn).ShelfDeadline(day("2027-02-11"), ch.Before.Library)
	assert.Equal(t, day("2027-02-21"), ready.Deadline)
	late := ready
	late.ID, late.ReadyOn, late.Deadline = 9, day("2027-02-19"), day("2027-03-03")
	got, err := l.Consequences(ch, nil, []holds.Reservation{ready, late, rs[1]})
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, Consequence{Loan: -1, Reservation: ready.ID, Place: atPrefectural,
		Old: day("2027-02-21"), New: want.Deadline, Reason: got[0].Reason}, got[0])
	assert.Equal(t, day("2027-02-24"), want.Deadline)
	assert.ErrorIs(t, got[0].Reason, ErrShelfDeadlineMoved)
}

// X3, R-PT2, R-PT3: a suspended courier day moves the dispatch of an
// item secured for a partner library to the next courier day, and its
// first collectable day and notified deadline with it; a closure of the
// partner library moves the first collectable day and the deadline of an
// item on its way there.
func TestConsequencesX3CourierAndCollectableRPT2RPT3(t *testing.T) {
	l := mustNew(t, withPartners())
	ch, err := l.Closing("courier", calendar.Closure{From: day("2027-02-19"), To: day("2027-02-19"), Name: "運休（大雪）", NameEn: "suspended (snowstorm)"})
	require.NoError(t, err)
	secured := holds.Reservation{ID: 1, Patron: "A", Item: "a", Place: atEbetsu, State: holds.Secured,
		PlacedOn: day("2027-02-01"), SecuredOn: day("2027-02-17")}
	got, err := l.Consequences(ch, nil, []holds.Reservation{secured})
	require.NoError(t, err)
	require.Len(t, got, 3)
	// Friday 19 is suspended and Tuesday 23 is a holiday: Friday 26.
	assert.ErrorIs(t, got[0].Reason, ErrCourierMoved)
	assert.Equal(t, [2]calendar.Date{day("2027-02-19"), day("2027-02-26")}, [2]calendar.Date{got[0].Old, got[0].New})
	assert.ErrorIs(t, got[1].Reason, ErrCollectableMoved)
	assert.Equal(t, [2]calendar.Date{day("2027-02-21"), day("2027-02-28")}, [2]calendar.Date{got[1].Old, got[1].New})
	// The deadline the notice gave moves with them (H4, V1).
	assert.ErrorIs(t, got[2].Reason, ErrShelfDeadlineMoved)
	assert.Equal(t, [2]calendar.Date{day("2027-03-05"), day("2027-03-11")}, [2]calendar.Date{got[2].Old, got[2].New})

	closed, err := l.Closing("ebetsu", calendar.Closure{From: day("2027-02-21"), To: day("2027-02-21"), Name: "臨時休館", NameEn: "closed"})
	require.NoError(t, err)
	onTheWay := secured
	onTheWay.State, onTheWay.ShippedOn = holds.InTransit, day("2027-02-19")
	got, err = l.Consequences(closed, nil, []holds.Reservation{onTheWay})
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.ErrorIs(t, got[0].Reason, ErrCollectableMoved)
	// Sunday 21 closed, Monday 22 its weekly closure, Tuesday 23 a holiday.
	assert.Equal(t, [2]calendar.Date{day("2027-02-21"), day("2027-02-24")}, [2]calendar.Date{got[0].Old, got[0].New})
	// Ten open days from 02-24 end on 03-06, not 03-05 (H4, V1).
	assert.ErrorIs(t, got[1].Reason, ErrShelfDeadlineMoved)
	assert.Equal(t, [2]calendar.Date{day("2027-03-05"), day("2027-03-06")}, [2]calendar.Date{got[1].Old, got[1].New})
}

// X4, R-HD2: an item secured for home delivery on Tuesday 2027-02-16
// would be posted on the 17th; the snowstorm moves it to the 19th.
func TestConsequencesX4PostingMovesRHD2(t *testing.T) {
	l := mustNew(t, withPartners())
	r := holds.Reservation{ID: 7, Patron: "A", Item: "a", Place: atHome, State: holds.Secured,
		PlacedOn: day("2027-02-01"), SecuredOn: day("2027-02-16")}
	got, err := l.Consequences(snowstorm(t, l), nil, []holds.Reservation{r})
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.ErrorIs(t, got[0].Reason, ErrPostingMoved)
	assert.Equal(t, [2]calendar.Date{day("2027-02-17"), day("2027-02-19")}, [2]calendar.Date{got[0].Old, got[0].New})
}

// A change with nothing in it changes nothing; bad changes are errors.
func TestConsequencesBadChange(t *testing.T) {
	l := mustNew(t, withPartners())
	same := l.Calendars(day("2027-02-17"))
	got, err := l.Consequences(Change{Before: same, After: same, From: day("2027-02-17"), To: day("2027-02-18")},
		[]circulation.Loan{loanAt(atPrefectural, "2027-02-03", "2027-02-17")}, nil)
	require.NoError(t, err)
	assert.Empty(t, got)
	_, err = l.Consequences(Change{From: day("2027-02-18"), To: day("2027-02-17")}, nil, nil)
	assert.ErrorIs(t, err, reason.ErrBadInput)
	_, err = l.Closing("nowhere", calendar.Closure{From: day("2027-02-17"), To: day("2027-02-17"), Name: "", NameEn: ""})
	assert.True(t, errors.Is(err, ErrUnknownSite))
}

// fixedRules are one policy and one set of calendars for every day: a
// desk under the calendars a change would make.
type fixedRules struct {
	p holds.Policy
	c holds.Calendars
}

func (f fixedRules) HoldPolicy(calendar.Date) holds.Policy   { return f.p }
func (f fixedRules) Calendars(calendar.Date) holds.Calendars { return f.c }
