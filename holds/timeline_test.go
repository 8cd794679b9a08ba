package holds

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

func TestTimeline(t *testing.T) {
	p := DefaultPolicy()
	// Each want lists notice, sent, ready, deadline, loaned, due; "" for
	// a zero date.
	tests := []struct {
		name    string
		secured string
		place   circulation.Place
		loans   int
		held    bool
		want    [6]string
	}{
		{"R-PL1 H4 L2 Prefectural Library: pickup from the next day", "2026-11-19", atPrefectural, 0, false,
			[6]string{"2026-11-19", "", "2026-11-20", "2026-12-02", "2026-11-20", "2026-12-04"}},
		{"R-PL1 next day closed (Monday): first open day after", "2026-11-15", atPrefectural, 0, false,
			[6]string{"2026-11-15", "", "2026-11-17", "2026-11-28", "2026-11-17", "2026-12-01"}},
		{"R-PL1 H4 secured before the year-end closure", "2026-12-27", atPrefectural, 0, false,
			[6]string{"2026-12-27", "", "2027-01-05", "2027-01-15", "2027-01-05", "2027-01-19"}},
		{"R-PL1 the loan limit does not hold back a counter pickup", "2026-11-19", atPrefectural, 10, false,
			[6]string{"2026-11-19", "", "2026-11-20", "2026-12-02", "2026-11-20", "2026-12-04"}},
		{"R-AL2 Assembly Library: next weekday after a Friday email", "2026-11-20", atAssembly, 0, false,
			[6]string{"2026-11-20", "", "2026-11-24", "2026-12-07", "2026-11-24", "2026-12-08"}},
		{"R-AL2 year-end: first open day is January 4", "2026-12-28", atAssembly, 0, false,
			[6]string{"2026-12-28", "", "2027-01-04", "2027-01-18", "2027-01-04", "2027-01-18"}},
		{"R-PT2 R-PT3 L2 partner: Thursday email, Friday courier (day of loan), Sunday pickup", "2026-11-19", atEbetsu, 0, false,
			[6]string{"2026-11-19", "2026-11-20", "2026-11-22", "2026-12-03", "2026-11-20", "2026-12-19"}},
		{"R-PT2 courier day is strictly after the email (Tuesday email → Friday)", "2026-11-17", atEbetsu, 0, false,
			[6]string{"2026-11-17", "2026-11-20", "2026-11-22", "2026-12-03", "2026-11-20", "2026-12-19"}},
		{"R-PT2 R-PT3 year-end: Friday 12-25 → no courier 12-29..01-03 → Tuesday 01-05 → Thursday 01-07", "2026-12-25", atEbetsu, 0, false,
			[6]string{"2026-12-25", "2027-01-05", "2027-01-07", "2027-01-17", "2027-01-05", "2027-02-03"}},
		{"R-PT3 partner closed on the second day: its next open day", "2026-12-25", atThursdays, 0, false,
			[6]string{"2026-12-25", "2027-01-05", "2027-01-08", "2027-01-18", "2027-01-05", "2027-02-03"}},
		{"R-PT2 no courier on a holiday Tuesday (2026-11-03 文化の日)", "2026-10-30", atEbetsu, 0, false,
			[6]string{"2026-10-30", "2026-11-06", "2026-11-08", "2026-11-19", "2026-11-06", "2026-12-05"}},
		{"R-PT5 partner at the loan limit: notice only", "2026-11-19", atEbetsu, 10, true,
			[6]string{"2026-11-19", "", "", "", "", ""}},
		{"R-HD2 L2 home delivery: posted the next open day, 30-day loan", "2026-11-19", atHome, 9, false,
			[6]string{"2026-11-19", "2026-11-20", "", "", "2026-11-20", "2026-12-19"}},
		{"R-HD2 next day closed: posted on the next open day", "2026-12-28", atHome, 0, false,
			[6]string{"2026-12-28", "2027-01-05", "", "", "2027-01-05", "2027-02-03"}},
		{"R-HD4 home delivery at the loan limit: notice only", "2026-11-19", atHome, 10, true,
			[6]string{"2026-11-19", "", "", "", "", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, err := p.Timeline(securedFor(tt.place, mustDay(tt.secured)), cals, tt.loans)
			require.NoError(t, err)
			got := [6]string{tl.Notice.String(), tl.Sent.String(), tl.FirstPickup.String(),
				tl.Deadline.String(), tl.Loaned.String(), tl.Due.String()}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.held, tl.HeldBack)
			assert.Equal(t, tt.place, tl.Place)
			if tt.held {
				assert.Equal(t, 10, tl.LoanLimit, "R-HD4 R-PT5 the policy's limit")
			} else {
				assert.Zero(t, tl.LoanLimit)
			}
			if tt.place == atPrefectural {
				assert.Equal(t, circulation.GeneralCounter, tl.Counter, "R-PL1")
			} else {
				assert.Zero(t, tl.Counter)
			}
		})
	}
}

func TestTimelineShortLoan(t *testing.T) {
	// L2: a short loan at the Prefectural Library is 8 days, day of loan
	// included.
	r := securedFor(atPrefectural, mustDay("2026-11-19"))
	r.Short = true
	tl, err := DefaultPolicy().Timeline(r, cals, 0)
	require.NoError(t, err)
	assert.Equal(t, "2026-11-27", tl.Due.String())
}

func TestTimelineDueOnClosedDay(t *testing.T) {
	// L5: ready on the holiday Monday 2026-11-23 (open, C2), a 15-day
	// loan is due Monday 2026-12-07, a closed day. By default the date
	// stands; with the next-open-day rule it moves to Tuesday.
	p := DefaultPolicy()
	tl, err := p.Timeline(securedFor(atPrefectural, mustDay("2026-11-22")), cals, 0)
	require.NoError(t, err)
	assert.Equal(t, "2026-11-23", tl.FirstPickup.String())
	assert.Equal(t, "2026-12-07", tl.Due.String())
	p.Circulation.DueOnClosedDay = circulation.DueDateNextOpenDay
	tl, err = p.Timeline(securedFor(atPrefectural, mustDay("2026-11-22")), cals, 0)
	require.NoError(t, err)
	assert.Equal(t, "2026-12-08", tl.Due.String())
}

func TestTimelineErrors(t *testing.T) {
	p := DefaultPolicy()
	d := mustDay("2026-11-19")
	noCourier := cals
	noCourier.Courier = nil
	noAssembly := cals
	noAssembly.Assembly = nil
	tests := []struct {
		name  string
		c     Calendars
		place circulation.Place
		loans int
		path  string
	}{
		{"invalid place", cals, circulation.Place{}, 0, "place"},
		{"partner without a name", cals, circulation.Place{Method: circulation.PartnerLibrary}, 0, "place"},
		{"Assembly Library without a calendar", noAssembly, atAssembly, 0, "place"},
		{"partner without a calendar", cals, circulation.Place{Method: circulation.PartnerLibrary, Library: "unknown"}, 0, "place"},
		{"partner without a courier", noCourier, atEbetsu, 0, "courier"},
		{"home delivery without the library", Calendars{}, atHome, 0, "place"},
		{"negative loans", cals, atPrefectural, -1, "loans"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.Timeline(securedFor(tt.place, d), tt.c, tt.loans)
			ps := pathsOf(t, err)
			assert.True(t, strings.HasPrefix(ps[0], tt.path), "%v", ps)
		})
	}
	_, err := p.Timeline(securedFor(atPrefectural, calendar.Date{}), cals, 0)
	assert.Equal(t, []string{"secured_on"}, pathsOf(t, err))
	bad := p
	bad.ShelfDays = 0
	_, err = bad.Timeline(securedFor(atPrefectural, d), cals, 0)
	assert.Equal(t, []string{"shelf_days"}, pathsOf(t, err))
}

func TestTimelineAllocs(t *testing.T) {
	p := DefaultPolicy()
	d := mustDay("2026-12-25")
	n := testing.AllocsPerRun(100, func() {
		if _, err := p.Timeline(securedFor(atEbetsu, d), cals, 0); err != nil {
			t.Fatal(err)
		}
		_ = p.ShelfDeadline(d, prefectural)
	})
	assert.Zero(t, n)
}

// TestTimelineCounterAndLoanLimitH6: the timeline carries what the
// notice says besides its dates: the Prefectural Library counter of the
// item's collection (R-PL1), and the loan limit that holds the item back
// (R-HD4, R-PT5), the policy's, not the guide's 10.
func TestTimelineCounterAndLoanLimitH6(t *testing.T) {
	p := DefaultPolicy()
	r := securedFor(atPrefectural, mustDay("2026-12-25"))
	r.Collection = circulation.Hokkaido
	tl, err := p.Timeline(r, cals, 0)
	require.NoError(t, err)
	assert.Equal(t, circulation.HokkaidoCounter, tl.Counter)
	r.Place = atAssembly
	tl, err = p.Timeline(r, cals, 0)
	require.NoError(t, err)
	assert.Zero(t, tl.Counter, "only the Prefectural Library has counters")

	p.Circulation.MaxLoans = 5
	held, err := p.Timeline(securedFor(atHome, mustDay("2026-12-25")), cals, 5)
	require.NoError(t, err)
	assert.Equal(t, Timeline{Place: atHome, Notice: mustDay("2026-12-25"), HeldBack: true, LoanLimit: 5}, held)
}

func TestCalendarsAt(t *testing.T) {
	_, err := cals.At(circulation.Place{Method: circulation.PartnerLibrary, Library: "unknown"})
	assert.ErrorIs(t, err, reason.ErrBadInput)
	_, err = cals.At(circulation.Place{})
	assert.ErrorIs(t, err, reason.ErrBadInput)
	at, err := cals.At(atHome)
	require.NoError(t, err)
	assert.Same(t, prefectural, at)
	d, err := DefaultCalendars()
	require.NoError(t, err)
	assert.NotNil(t, d.Library)
	assert.NotNil(t, d.Assembly)
	assert.NotNil(t, d.Courier)
}

// TestShelfDeadlineH4TenOpenDaysFromNotice: the guide's example, notice
// on Tuesday 2026-04-07 at the Prefectural Library, gives Saturday
// 2026-04-18 (Monday 04-13 closed) in Timeline, in MakeReady on the
// notice day and in ShelfDeadline from the first collectable day.
func TestShelfDeadlineH4TenOpenDaysFromNotice(t *testing.T) {
	p := DefaultPolicy()
	notice := mustDay("2026-04-07")
	tl, err := p.Timeline(securedFor(atPrefectural, notice), cals, 0)
	require.NoError(t, err)
	assert.Equal(t, "2026-04-08", tl.FirstPickup.String(), "R-PL1 pickup from the next open day")
	assert.Equal(t, "2026-04-18", tl.Deadline.String())
	assert.Equal(t, "2026-04-18", p.ShelfDeadline(tl.FirstPickup, prefectural).String())

	r := Reservation{ID: 1, Patron: "p", Item: "i", Place: atPrefectural, State: Waiting, PlacedOn: notice.AddDays(-3)}
	r, err = r.secure(notice)
	require.NoError(t, err)
	r, err = r.makeReady(notice, cals, p)
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
	tl, err := p.Timeline(securedFor(atEbetsu, mustDay("2026-11-19")), cals, 0)
	require.NoError(t, err)
	assert.Equal(t, "2026-11-22", tl.FirstPickup.String())
	assert.Equal(t, "2026-12-03", tl.Deadline.String())
	assert.Equal(t, 10, ebetsu.OpenDaysBetween(tl.FirstPickup.AddDays(-1), tl.Deadline))

	r := reachOn(t, atEbetsu, mustDay("2026-11-19"), tl.Sent)
	for _, arrival := range []calendar.Date{tl.Sent.AddDays(1), tl.FirstPickup} {
		rd, err := r.makeReady(arrival, cals, p)
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
	tl, err := p.Timeline(securedFor(atPrefectural, mustDay("2026-04-07")), cals, 0)
	require.NoError(t, err)
	assert.Equal(t, "2026-04-19", tl.Deadline.String())
	assert.Equal(t, "2026-04-19", p.ShelfDeadline(tl.FirstPickup, prefectural).String())
}

// TestTimelineL2PartnerLoanDatedCourierDay: a loan for a partner library
// is made the day the courier takes it, 30 days shipping included.
func TestTimelineL2PartnerLoanDatedCourierDay(t *testing.T) {
	tl, err := DefaultPolicy().Timeline(securedFor(atEbetsu, mustDay("2026-11-19")), cals, 0)
	require.NoError(t, err)
	assert.Equal(t, tl.Sent, tl.Loaned)
	assert.Equal(t, "2026-12-19", tl.Due.String())
}

// TestCollectL2PartnerLoanDatedShippedDay: the day the patron collects at
// the partner library changes nothing.
func TestCollectL2PartnerLoanDatedShippedDay(t *testing.T) {
	r := reach(t, atEbetsu, Ready)
	_, loan, err := r.collect(r.Deadline, cals, DefaultPolicy())
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
	got, _, err := r.collect(r.ReadyOn, Calendars{}, p)
	assert.ErrorContains(t, err, "calendar")
	assert.Equal(t, r, got)
}

// reachOn returns a reservation to place secured on secured and shipped
// on shipped.
func reachOn(t *testing.T, place circulation.Place, secured, shipped calendar.Date) Reservation {
	t.Helper()
	r := Reservation{ID: 1, Patron: "p", Item: "i", Place: place, State: Waiting, PlacedOn: secured}
	r, err := r.secure(secured)
	require.NoError(t, err)
	r, err = r.ship(shipped, 0, DefaultPolicy())
	require.NoError(t, err)
	return r
}
