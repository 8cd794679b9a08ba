package library

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/shipping"
)

// V1 (issue 17): every date under the rules of its own day. A partner
// library, Ebetsu, closed on Mondays, starts closing on Tuesdays too from
// 2027-04-01 (tuesdaysFrom), or, the reverse case, reopens on Tuesdays
// from that day (tuesdaysUntil). A reservation for it is noticed on
// Friday 2027-03-26, sent by the courier on Tuesday 03-30 and first
// collectable on Thursday 04-01 (R-PT2, R-PT3).

// tuesdaysFrom is withPartners with Ebetsu closed on Tuesdays too from
// 2027-04-01.
func tuesdaysFrom() Config {
	c := withPartners()
	later := ebetsuRules()
	later.ClosedWeekdays = calendar.WeekdaysOf(time.Monday, time.Tuesday)
	c.Sites[2].Changes = []RulesChange{{From: day("2027-04-01"), Rules: later}}
	return c
}

// tuesdaysUntil is withPartners with Ebetsu closed on Mondays and
// Tuesdays until 2027-03-31, on Mondays only from 2027-04-01.
func tuesdaysUntil() Config {
	c := withPartners()
	c.Sites[2].Changes = []RulesChange{{From: day("2027-04-01"), Rules: c.Sites[2].Rules}}
	c.Sites[2].Rules.ClosedWeekdays = calendar.WeekdaysOf(time.Monday, time.Tuesday)
	return c
}

// v1Walk reserves an item for Ebetsu on a desk of l, secures it on
// 2027-03-26 and sends it on 03-30; it returns the desk and the
// reservation as stored after shipping.
func v1Walk(t *testing.T, l *Library) (*holds.Desk, holds.Reservation) {
	t.Helper()
	desk, err := l.NewDesk(nil)
	require.NoError(t, err)
	placed, err := desk.Do(holds.Request{Action: holds.ActionReserve, Today: day("2027-03-20"), Cart: holds.Cart{Patron: "A", Place: atEbetsu,
		Ordering: holds.Normal, PartnerLibraries: []string{atEbetsu.Library}, Items: []circulation.Item{{ID: "a", Status: circulation.OnShelf}}}})
	require.NoError(t, err)
	_, err = desk.Do(holds.Request{Action: holds.ActionSecure, Item: "a", Today: day("2027-03-26")})
	require.NoError(t, err)
	sent, err := desk.Do(holds.Request{Action: holds.ActionShip, ID: placed.Reservations[0].ID, Today: day("2027-03-30")})
	require.NoError(t, err)
	return desk, sent.Reservations[0]
}

// TestV1ShelfDeadlineUnderRulesOfEachDay: the notice (Timeline, Notice)
// and the desk's MakeReady on arrival give the same deadline, 04-14: the
// ten open days from 04-01 skip the Tuesdays closed from 04-01 (H4,
// R-PT3). Before, the notice said 04-11 (the rules of its day) and the
// desk 04-14.
func TestV1ShelfDeadlineUnderRulesOfEachDay(t *testing.T) {
	l := mustNew(t, tuesdaysFrom())
	desk, r := v1Walk(t, l)
	tl, err := l.Timeline(r, 0)
	require.NoError(t, err)
	assert.Equal(t, day("2027-03-30"), tl.Sent)
	assert.Equal(t, day("2027-04-01"), tl.FirstPickup)
	assert.Equal(t, day("2027-04-14"), tl.Deadline)
	n, err := l.Notice(r, 0, shipping.Class{})
	require.NoError(t, err)
	assert.Equal(t, tl.Deadline, n.Deadline)

	ready, err := desk.Do(holds.Request{Action: holds.ActionMakeReady, ID: r.ID, Today: day("2027-04-01")})
	require.NoError(t, err)
	assert.Equal(t, tl.Deadline, ready.Reservations[0].Deadline, "the desk on arrival and the notice agree")
}

// TestV1ExpireDueNotBeforeTheDateTold: in the reverse case (Tuesdays
// reopen on 04-01) the notice and the desk both say 04-11, and ExpireDue
// does not expire the item before the day after the date the patron was
// told. Before, the notice said 04-14 and the item expired after 04-11.
func TestV1ExpireDueNotBeforeTheDateTold(t *testing.T) {
	l := mustNew(t, tuesdaysUntil())
	desk, r := v1Walk(t, l)
	tl, err := l.Timeline(r, 0)
	require.NoError(t, err)
	assert.Equal(t, day("2027-04-11"), tl.Deadline)
	_, err = desk.Do(holds.Request{Action: holds.ActionMakeReady, ID: r.ID, Today: day("2027-04-01")})
	require.NoError(t, err)
	for d := day("2027-04-02"); !d.After(tl.Deadline); d = d.AddDays(1) {
		ch, err := desk.ExpireDue(d)
		require.NoError(t, err)
		require.Empty(t, ch.Reservations, "expired on %v, before the date told, %v", d, tl.Deadline)
	}
	ch, err := desk.ExpireDue(tl.Deadline.AddDays(1))
	require.NoError(t, err)
	require.Len(t, ch.Reservations, 1)
	assert.Equal(t, holds.Expired, ch.Reservations[0].State)
}

// TestV1ConsequencesListNotifiedDeadlineInTransit: the host announces the
// Tuesday closure after the notice went out. The reservation on its way
// is first collectable on 04-01 either way, but the deadline it was told,
// 04-11, becomes 04-14: Consequences lists it (X3, H4). A reservation
// secured and not yet sent gets the same.
func TestV1ConsequencesListNotifiedDeadlineInTransit(t *testing.T) {
	before, after := mustNew(t, withPartners()), mustNew(t, tuesdaysFrom())
	_, r := v1Walk(t, after)
	require.Equal(t, holds.InTransit, r.State)
	told, err := before.Timeline(r, 0)
	require.NoError(t, err)
	require.Equal(t, day("2027-04-11"), told.Deadline)
	secured := r
	secured.ID, secured.State, secured.ShippedOn = 9, holds.Secured, calendar.Date{}

	ch := Change{Before: before.Calendars(day("2027-03-26")), After: after.Calendars(day("2027-03-26")),
		From: day("2027-04-01"), To: day("2027-12-31")}
	got, err := after.Consequences(ch, nil, []holds.Reservation{r, secured})
	require.NoError(t, err)
	require.Len(t, got, 2)
	for i, id := range []uint64{r.ID, 9} {
		assert.Equal(t, id, got[i].Reservation)
		assert.ErrorIs(t, got[i].Reason, ErrShelfDeadlineMoved)
		assert.Equal(t, [2]calendar.Date{day("2027-04-11"), day("2027-04-14")}, [2]calendar.Date{got[i].Old, got[i].New})
	}
}

// TestV1SameCalendarWhicheverDayAsks: the calendars a Library gives on
// the notice day and on the arrival day are the same, each day under its
// own rules; the month view, ClosedDays and the iCalendar export follow
// the change inside their span whatever day they start on (C8).
func TestV1SameCalendarWhicheverDayAsks(t *testing.T) {
	l := mustNew(t, tuesdaysFrom())
	early, err := l.Calendar("ebetsu", day("2027-03-26"))
	require.NoError(t, err)
	late, err := l.Calendar("江別市情報図書館", day("2027-04-01"))
	require.NoError(t, err)
	for _, cal := range []*calendar.Calendar{early, late, l.Calendars(day("2026-01-01")).Partners[atEbetsu.Library]} {
		assert.True(t, cal.IsOpen(day("2027-03-30")), "a Tuesday before the change")
		assert.False(t, cal.IsOpen(day("2027-04-06")), "a Tuesday after it")
		assert.Equal(t, day("2027-04-14"), cal.AddOpenDays(day("2027-03-31"), 10))
	}
	v, err := l.Month("ebetsu", 2027, time.March)
	require.NoError(t, err)
	last := v.Weeks[len(v.Weeks)-1]
	assert.Equal(t, day("2027-04-03"), last[6].Date)
	var ics bytes.Buffer
	require.NoError(t, l.WriteICS(&ics, "ebetsu", day("2027-03-01"), day("2027-04-30"), calendar.ICSOptions{Stamp: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}))
	exported := icsDays(ics.String())
	assert.Contains(t, exported, day("2027-04-06"), "the Tuesday closed under the rules of its day")
	assert.NotContains(t, exported, day("2027-03-30"), "the Tuesday open under the rules of its day")
	// An event's UID does not depend on where the window starts: the
	// year-end closure is one event for a subscriber whose export starts
	// in December or in January.
	var dec, jan bytes.Buffer
	opt := calendar.ICSOptions{Stamp: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}
	require.NoError(t, l.WriteICS(&dec, "prefectural", day("2026-12-01"), day("2027-01-31"), opt))
	require.NoError(t, l.WriteICS(&jan, "prefectural", day("2027-01-01"), day("2027-01-31"), opt))
	assert.Equal(t, icsUIDs(jan.String()), icsUIDs(dec.String())[len(icsUIDs(dec.String()))-len(icsUIDs(jan.String())):])
	assert.Contains(t, closedDaysOf(t, l, "ebetsu"), day("2027-04-06"))
	assert.NotContains(t, closedDaysOf(t, l, "ebetsu"), day("2027-03-30"))
}

// TestV1ClosingAcrossAChangeOfRules: closing a place over a span that
// holds a change of its rules closes it under each version: the change
// compares the versioned calendars, and the days after the closure keep
// the rules of their day.
func TestV1ClosingAcrossAChangeOfRules(t *testing.T) {
	l := mustNew(t, tuesdaysFrom())
	ch, err := l.Closing("ebetsu", calendar.Closure{From: day("2027-03-29"), To: day("2027-04-02"), Name: "臨時休館"})
	require.NoError(t, err)
	b, a := ch.Before.Partners[atEbetsu.Library], ch.After.Partners[atEbetsu.Library]
	var changed []calendar.Date
	for d := range calendar.ChangedDays(b, a, day("2027-03-01"), day("2027-04-30")) {
		changed = append(changed, d)
	}
	// Monday 03-29 was closed; Tuesday 03-30 open (old rules), 03-31 to 04-02 open.
	assert.Equal(t, []calendar.Date{day("2027-03-30"), day("2027-03-31"), day("2027-04-01"), day("2027-04-02")}, changed)
	assert.False(t, a.IsOpen(day("2027-04-06")), "the new rules still hold after the closure")
	assert.True(t, a.IsOpen(day("2027-04-07")))
}

// icsDays lists the days the events of an iCalendar export cover.
func icsDays(ics string) []calendar.Date {
	var out []calendar.Date
	var start calendar.Date
	parse := func(v string) calendar.Date { return day(v[:4] + "-" + v[4:6] + "-" + v[6:8]) }
	for _, line := range strings.Split(ics, "\r\n") {
		if v, ok := strings.CutPrefix(line, "DTSTART;VALUE=DATE:"); ok {
			start = parse(v)
		}
		if v, ok := strings.CutPrefix(line, "DTEND;VALUE=DATE:"); ok {
			for d := start; d.Before(parse(v)); d = d.AddDays(1) {
				out = append(out, d)
			}
		}
	}
	return out
}

// icsUIDs lists the UIDs of the events of an iCalendar export, in order.
func icsUIDs(ics string) []string {
	var out []string
	for _, line := range strings.Split(ics, "\r\n") {
		if v, ok := strings.CutPrefix(line, "UID:"); ok {
			out = append(out, v)
		}
	}
	return out
}

// TestV1ShelfDaysOfTheNoticeDay: when the hold shelf itself shortens
// from 10 to 7 open days on 2027-04-01, the item noticed on 03-26 keeps
// the deadline its notice gave: the desk making it ready on 04-01 counts
// the shelf days of the policy in force on the day it was secured (H4,
// V1, V2 for reservations), as the timeline does.
func TestV1ShelfDaysOfTheNoticeDay(t *testing.T) {
	c := withPartners()
	shorter := c.Policies.Holds
	shorter.ShelfDays = 7
	c.Policies.Changes = append(c.Policies.Changes, PolicyChange{From: day("2027-04-01"), Holds: &shorter})
	l := mustNew(t, c)
	desk, r := v1Walk(t, l)
	tl, err := l.Timeline(r, 0)
	require.NoError(t, err)
	ready, err := desk.Do(holds.Request{Action: holds.ActionMakeReady, ID: r.ID, Today: day("2027-04-01")})
	require.NoError(t, err)
	assert.Equal(t, tl.Deadline, ready.Reservations[0].Deadline, "the desk on arrival and the notice agree")
}

// H7, H8, H9 as configuration alone: a document sets the shelf count,
// the shelf days by contact and the one-time shelf extension, the hold
// policy of the day carries them, and a bad value is refused at its path.
func TestHoldShelfVariantsH7H8H9FromTheDocument(t *testing.T) {
	c := withPartners()
	c.Policies.Holds.ShelfCount = holds.CalendarDays
	c.Policies.Holds.ShelfDaysByContact = holds.ShelfDaysByContact{Telephone: 7}
	c.Policies.Holds.ShelfExtensionDays = 5
	b, err := json.Marshal(c)
	require.NoError(t, err)
	l, err := Load(b)
	require.NoError(t, err)
	p := l.HoldPolicy(day("2027-04-01"))
	assert.Equal(t, holds.CalendarDays, p.ShelfCount)
	assert.Equal(t, 7, p.ShelfDaysByContact.Telephone)
	assert.Equal(t, 5, p.ShelfExtensionDays)
	c.Policies.Holds.ShelfExtensionDays = -1
	ps := c.Problems()
	require.NotEmpty(t, ps)
	assert.Equal(t, "policies.holds.shelf_extension_days", ps[0].Path)
}

// TestX2ShelfDaysOfTheSecuredDayV1H9: the shelf days change from 10 to 7
// and the extension days from 3 to 5 on 2027-04-01, between the day the
// Ebetsu item is secured (03-26) and the day it is ready (04-01). A
// closure of Ebetsu on 04-08, inside the shelf span, moves the deadline
// to the one the desk would give had the closure been known: the shelf
// days of the secured day's policy (H4, V1), the extension days of the
// ready day's (H9), in Consequences and in Apply alike.
func TestX2ShelfDaysOfTheSecuredDayV1H9(t *testing.T) {
	config := func(closed bool) Config {
		c := withPartners()
		c.Policies.Holds.ShelfExtensionDays = 3
		later := c.Policies.Holds
		later.ShelfDays, later.ShelfExtensionDays = 7, 5
		c.Policies.Changes = append(c.Policies.Changes, PolicyChange{From: day("2027-04-01"), Holds: &later})
		if closed {
			c.Sites[2].Rules.Closures = append(c.Sites[2].Rules.Closures, closure0408)
		}
		return c
	}
	ready := func(t *testing.T, l *Library, extend bool) holds.Reservation {
		desk, r := v1Walk(t, l)
		ch, err := desk.Do(holds.Request{Action: holds.ActionMakeReady, ID: r.ID, Today: day("2027-04-01")})
		require.NoError(t, err)
		if !extend {
			return ch.Reservations[0]
		}
		ch, err = desk.Do(holds.Request{Action: holds.ActionExtendShelf, ID: r.ID, By: holds.ByPatron, Today: day("2027-04-02")})
		require.NoError(t, err)
		return ch.Reservations[0]
	}
	for _, extend := range []bool{false, true} {
		l, lc := mustNew(t, config(false)), mustNew(t, config(true))
		r, want := ready(t, l, extend), ready(t, lc, extend).Deadline
		require.NotEqual(t, r.Deadline, want, "the closure moves the deadline")
		ch, err := l.Closing("ebetsu", closure0408)
		require.NoError(t, err)
		cs, err := l.Consequences(ch, nil, []holds.Reservation{r})
		require.NoError(t, err)
		require.Len(t, cs, 1, "extended %v", extend)
		assert.Equal(t, r.Deadline, cs[0].Old, "extended %v", extend)
		assert.Equal(t, want, cs[0].New, "Consequences, extended %v", extend)
		ap, err := l.Apply(ch, nil, []ReservationRecord{{Reservation: r}}, ApplyOptions{})
		require.NoError(t, err)
		require.Len(t, ap.Reservations, 1, "extended %v", extend)
		assert.Equal(t, want, ap.Reservations[0].New, "Apply, extended %v", extend)
		assert.Equal(t, want, ap.Reservations[0].Record.Reservation.Deadline, "Apply, extended %v", extend)
	}
}

// closure0408 closes a place on 2027-04-08.
var closure0408 = calendar.Closure{From: day("2027-04-08"), To: day("2027-04-08"), Name: "臨時休館", NameEn: "closed"}
