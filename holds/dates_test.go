package holds

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
)

// TestShelfDeadlineH4TenOpenDaysFromNotice: the guide's example, notice
// on Tuesday 2026-04-07 at the Prefectural Library, gives Saturday
// 2026-04-18 (Monday 04-13 closed) in Timeline, in MakeReady on the
// notice day and in ShelfDeadline from the first collectable day.
func TestShelfDeadlineH4TenOpenDaysFromNotice(t *testing.T) {
	p := DefaultPolicy()
	notice := day(t, "2026-04-07")
	tl, err := p.Timeline(notice, cals, atPrefectural, 0, false)
	require.NoError(t, err)
	assert.Equal(t, "2026-04-08", tl.FirstPickup.String(), "R-PL1 pickup from the next open day")
	assert.Equal(t, "2026-04-18", tl.Deadline.String())
	assert.Equal(t, "2026-04-18", p.ShelfDeadline(tl.FirstPickup, prefectural).String())

	r := Reservation{ID: 1, Patron: "p", Item: "i", Place: atPrefectural, State: Waiting, PlacedOn: notice.AddDays(-3)}
	r, err = r.Secure(notice)
	require.NoError(t, err)
	r, err = r.MakeReady(notice, prefectural, p)
	require.NoError(t, err)
	assert.Equal(t, "2026-04-18", r.Deadline.String())
	assert.Equal(t, 10, prefectural.OpenDaysBetween(notice, r.Deadline), "10 open pickup days")
}

// TestShelfDeadlineH4PartnerFirstCollectableDayIsDayOne: at a partner
// library the first collectable day (R-PT3) is the first of the 10.
func TestShelfDeadlineH4PartnerFirstCollectableDayIsDayOne(t *testing.T) {
	p := DefaultPolicy()
	// Thursday email, Friday 11-20 courier, Sunday 11-22 collectable;
	// Ebetsu closes Mondays and on the holiday 11-23.
	tl, err := p.Timeline(day(t, "2026-11-19"), cals, atEbetsu, 0, false)
	require.NoError(t, err)
	assert.Equal(t, "2026-11-22", tl.FirstPickup.String())
	assert.Equal(t, "2026-12-03", tl.Deadline.String())
	assert.Equal(t, 10, ebetsu.OpenDaysBetween(tl.FirstPickup.AddDays(-1), tl.Deadline))

	r := reachOn(t, atEbetsu, day(t, "2026-11-19"), tl.Sent)
	for _, arrival := range []calendar.Date{tl.Sent.AddDays(1), tl.FirstPickup} {
		rd, err := r.MakeReady(arrival, ebetsu, p)
		require.NoError(t, err)
		assert.Equal(t, tl.Deadline, rd.Deadline, "made ready on %v", arrival)
	}
}

// TestShelfDaysH4DayAfterReadingIsOneMoreDay: the reading before
// 2026-11-27 (count from the open day after the first collectable day)
// needs no setting of its own: ShelfDays 11 gives its deadlines.
func TestShelfDaysH4DayAfterReadingIsOneMoreDay(t *testing.T) {
	p := DefaultPolicy()
	p.ShelfDays = 11
	tl, err := p.Timeline(day(t, "2026-04-07"), cals, atPrefectural, 0, false)
	require.NoError(t, err)
	assert.Equal(t, "2026-04-19", tl.Deadline.String())
	assert.Equal(t, "2026-04-19", p.ShelfDeadline(tl.FirstPickup, prefectural).String())
}

// TestTimelineL2PartnerLoanDatedCourierDay: a loan for a partner library
// is made the day the courier takes it, 30 days shipping included.
func TestTimelineL2PartnerLoanDatedCourierDay(t *testing.T) {
	tl, err := DefaultPolicy().Timeline(day(t, "2026-11-19"), cals, atEbetsu, 0, false)
	require.NoError(t, err)
	assert.Equal(t, tl.Sent, tl.Loaned)
	assert.Equal(t, "2026-12-19", tl.Due.String())
}

// TestCollectL2PartnerLoanDatedShippedDay: the day the patron collects at
// the partner library changes nothing.
func TestCollectL2PartnerLoanDatedShippedDay(t *testing.T) {
	r := reach(t, atEbetsu, Ready)
	_, loan, err := r.Collect(r.Deadline, false, ebetsu, DefaultPolicy())
	require.NoError(t, err)
	assert.Equal(t, r.ShippedOn, loan.Loaned)
	assert.Equal(t, r.ShippedOn.AddDays(29), loan.Due)
}

// TestCollectL5NextOpenDayNeedsCalendar: under the next-open-day rule a
// due date cannot be computed without the calendar of the place the item
// goes back to; Collect says so instead of leaving it on a closed day.
func TestCollectL5NextOpenDayNeedsCalendar(t *testing.T) {
	p := DefaultPolicy()
	p.Circulation.DueOnClosedDay = circulation.DueDateNextOpenDay
	r := reach(t, atPrefectural, Ready)
	got, _, err := r.Collect(r.ReadyOn, false, nil, p)
	assert.ErrorContains(t, err, "calendar")
	assert.Equal(t, r, got)
}

// reachOn returns a reservation to place secured on secured and shipped
// on shipped.
func reachOn(t *testing.T, place circulation.Place, secured, shipped calendar.Date) Reservation {
	t.Helper()
	r := Reservation{ID: 1, Patron: "p", Item: "i", Place: place, State: Waiting, PlacedOn: secured}
	r, err := r.Secure(secured)
	require.NoError(t, err)
	r, err = r.Ship(shipped, 0, DefaultPolicy())
	require.NoError(t, err)
	return r
}

// TestDeskAgreesWithTimelineH4L2: for any route and secured day, a desk
// that follows the timeline (make ready on the notice day at the
// Prefectural and Assembly Libraries, on arrival at a partner library,
// collect on the first collectable day) gets the timeline's deadline,
// loan day and due date, under both shelf readings (10 and 11 days).
func TestDeskAgreesWithTimelineH4L2(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := DefaultPolicy()
		p.ShelfDays = rapid.IntRange(10, 11).Draw(t, "shelf days")
		place := genPlace().Draw(t, "place")
		short := rapid.Bool().Draw(t, "short")
		at, err := cals.At(place)
		if err != nil {
			t.Fatal(err)
		}
		secured := genDate().Draw(t, "secured")
		tl, err := p.Timeline(secured, cals, place, 0, short)
		if err != nil {
			t.Fatal(err)
		}
		d, err := NewDesk(p, nil)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := d.Checkout(Cart{Patron: "p", Items: []CartItem{{Item: "i", Status: circulation.OnLoan}},
			Place: place, Ordering: Normal, PartnerLibraries: []string{atEbetsu.Library, atThursdays.Library}}, secured)
		if err != nil {
			t.Fatal(err)
		}
		id := rs[0].ID
		if _, err := d.SecureNext("i", secured); err != nil {
			t.Fatal(err)
		}
		collect := tl.FirstPickup
		switch place.Method {
		case circulation.PrefecturalLibrary, circulation.AssemblyLibrary:
			if _, err := d.MakeReady(id, secured, at); err != nil {
				t.Fatal(err)
			}
		case circulation.PartnerLibrary:
			if _, err := d.Ship(id, tl.Sent, 0); err != nil {
				t.Fatal(err)
			}
			arrival := tl.Sent.AddDays(rapid.IntRange(0, tl.FirstPickup.DaysSince(tl.Sent)).Draw(t, "arrival"))
			if _, err := d.MakeReady(id, arrival, at); err != nil {
				t.Fatal(err)
			}
		case circulation.HomeDelivery:
			if _, err := d.Ship(id, tl.Sent, 0); err != nil {
				t.Fatal(err)
			}
			collect = tl.Sent.AddDays(rapid.IntRange(0, 5).Draw(t, "delivered"))
		}
		if r, _ := d.Get(id); r.Deadline != tl.Deadline {
			t.Fatalf("H4 desk deadline %v, timeline %v (%+v)", r.Deadline, tl.Deadline, tl)
		}
		if place.Method != circulation.HomeDelivery && p.ShelfDeadline(tl.FirstPickup, at) != tl.Deadline {
			t.Fatalf("H4 ShelfDeadline %v, timeline %v", p.ShelfDeadline(tl.FirstPickup, at), tl.Deadline)
		}
		_, loan, err := d.Collect(id, collect, short, at)
		if err != nil {
			t.Fatal(err)
		}
		if loan.Loaned != tl.Loaned || loan.Due != tl.Due {
			t.Fatalf("L2 desk loan %v due %v, timeline %v due %v", loan.Loaned, loan.Due, tl.Loaned, tl.Due)
		}
	})
}
