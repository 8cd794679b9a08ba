package holds

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

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
			tl, err := p.Timeline(mustDay(tt.secured), cals, tt.place, tt.loans, false)
			require.NoError(t, err)
			got := [6]string{tl.Notice.String(), tl.Sent.String(), tl.FirstPickup.String(),
				tl.Deadline.String(), tl.Loaned.String(), tl.Due.String()}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.held, tl.HeldBack)
			assert.Equal(t, tt.place.Method, tl.Method)
		})
	}
}

func TestTimelineShortLoan(t *testing.T) {
	// L2: a short loan at the Prefectural Library is 8 days, day of loan
	// included.
	tl, err := DefaultPolicy().Timeline(mustDay("2026-11-19"), cals, atPrefectural, 0, true)
	require.NoError(t, err)
	assert.Equal(t, "2026-11-27", tl.Due.String())
}

func TestTimelineDueOnClosedDay(t *testing.T) {
	// L5: ready on the holiday Monday 2026-11-23 (open, C2), a 15-day
	// loan is due Monday 2026-12-07, a closed day. By default the date
	// stands; with the next-open-day rule it moves to Tuesday.
	p := DefaultPolicy()
	tl, err := p.Timeline(mustDay("2026-11-22"), cals, atPrefectural, 0, false)
	require.NoError(t, err)
	assert.Equal(t, "2026-11-23", tl.FirstPickup.String())
	assert.Equal(t, "2026-12-07", tl.Due.String())
	p.Circulation.DueOnClosedDay = circulation.DueDateNextOpenDay
	tl, err = p.Timeline(mustDay("2026-11-22"), cals, atPrefectural, 0, false)
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
	}{
		{"invalid place", cals, circulation.Place{}, 0},
		{"partner without a name", cals, circulation.Place{Method: circulation.PartnerLibrary}, 0},
		{"Assembly Library without a calendar", noAssembly, atAssembly, 0},
		{"partner without a calendar", cals, circulation.Place{Method: circulation.PartnerLibrary, Library: "unknown"}, 0},
		{"partner without a courier", noCourier, atEbetsu, 0},
		{"home delivery without the library", Calendars{}, atHome, 0},
		{"negative loans", cals, atPrefectural, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.Timeline(d, tt.c, tt.place, tt.loans, false)
			assert.ErrorIs(t, err, ErrInconsistentInput)
		})
	}
	_, err := p.Timeline(calendar.Date{}, cals, atPrefectural, 0, false)
	assert.ErrorIs(t, err, ErrInconsistentInput)
	bad := p
	bad.ShelfDays = 0
	_, err = bad.Timeline(d, cals, atPrefectural, 0, false)
	assert.ErrorContains(t, err, "policy")
}

func genPlace() *rapid.Generator[circulation.Place] {
	return rapid.SampledFrom([]circulation.Place{atPrefectural, atAssembly, atEbetsu, atThursdays, atHome})
}

// The timeline's dates never go backwards, and a later secured day never
// gives earlier dates (H4, R-PL1, R-AL2, R-HD2, R-PT2, R-PT3).
func TestTimelineProperties(t *testing.T) {
	p := DefaultPolicy()
	rapid.Check(t, func(t *rapid.T) {
		place := genPlace().Draw(t, "place")
		loans, short := rapid.IntRange(0, 12).Draw(t, "loans"), rapid.Bool().Draw(t, "short")
		at, err := cals.At(place)
		if err != nil {
			t.Fatal(err)
		}
		secured := genDate().Draw(t, "secured")
		later := secured.AddDays(rapid.IntRange(0, 30).Draw(t, "later"))
		a, err := p.Timeline(secured, cals, place, loans, short)
		if err != nil {
			t.Fatal(err)
		}
		b, err := p.Timeline(later, cals, place, loans, short)
		if err != nil {
			t.Fatal(err)
		}
		for _, tl := range []Timeline{a, b} {
			checkTimeline(t, p, at, tl)
		}
		if a.HeldBack != b.HeldBack {
			t.Fatalf("hold-back depends on the day")
		}
		pairs := [][2]calendar.Date{{a.Sent, b.Sent}, {a.FirstPickup, b.FirstPickup}, {a.Deadline, b.Deadline}, {a.Due, b.Due}}
		for _, pr := range pairs {
			if pr[1].Before(pr[0]) {
				t.Fatalf("secured %v gives %v, earlier than %v for secured %v", later, pr[1], pr[0], secured)
			}
		}
	})
}

// checkTimeline checks the laws of one timeline.
func checkTimeline(t *rapid.T, p Policy, at *calendar.Calendar, tl Timeline) {
	if tl.HeldBack {
		if tl != (Timeline{Method: tl.Method, Notice: tl.Notice, HeldBack: true}) {
			t.Fatalf("R-HD4 R-PT5 a held-back timeline invents dates: %+v", tl)
		}
		return
	}
	seq := []calendar.Date{tl.Notice, tl.Sent, tl.FirstPickup, tl.Deadline}
	last := calendar.Date{}
	for _, d := range seq {
		if d.IsZero() {
			continue
		}
		if d.Before(last) {
			t.Fatalf("dates go backwards: %+v", tl)
		}
		last = d
	}
	if !tl.Notice.Before(tl.Loaned) || tl.Due.Before(tl.Loaned) {
		t.Fatalf("loan before the notice or due before the loan: %+v", tl)
	}
	switch tl.Method {
	case circulation.HomeDelivery:
		if !tl.FirstPickup.IsZero() || !tl.Deadline.IsZero() || tl.Loaned != tl.Sent || !prefectural.IsOpen(tl.Sent) {
			t.Fatalf("R-HD2 %+v", tl)
		}
	case circulation.PartnerLibrary:
		if !courier.IsCourierDay(tl.Sent) || tl.FirstPickup.DaysSince(tl.Sent) < 2 || !at.IsOpen(tl.FirstPickup) {
			t.Fatalf("R-PT2 R-PT3 %+v", tl)
		}
	default:
		if !tl.Sent.IsZero() || !at.IsOpen(tl.FirstPickup) || at.OpenDaysBetween(tl.Notice, tl.FirstPickup.AddDays(-1)) != 0 {
			t.Fatalf("R-PL1 R-AL2 %+v", tl)
		}
	}
	switch tl.Method {
	case circulation.PartnerLibrary:
		if tl.Loaned != tl.Sent {
			t.Fatalf("L2 a partner loan is dated the courier day: %+v", tl)
		}
	case circulation.PrefecturalLibrary, circulation.AssemblyLibrary:
		if tl.Loaned != tl.FirstPickup {
			t.Fatalf("L2 %+v", tl)
		}
	}
	if tl.Method != circulation.HomeDelivery {
		// H4: ShelfDays open days, Ready the first.
		if n := at.OpenDaysBetween(tl.FirstPickup.AddDays(-1), tl.Deadline); n != p.ShelfDays || !at.IsOpen(tl.Deadline) {
			t.Fatalf("H4 %+v", tl)
		}
	}
}

func TestTimelineAllocs(t *testing.T) {
	p := DefaultPolicy()
	d := mustDay("2026-12-25")
	n := testing.AllocsPerRun(100, func() {
		if _, err := p.Timeline(d, cals, atEbetsu, 0, false); err != nil {
			t.Fatal(err)
		}
		_ = p.ShelfDeadline(d, prefectural)
	})
	assert.Zero(t, n)
}

func TestTimelineRows(t *testing.T) {
	p := DefaultPolicy()
	tl, err := p.Timeline(mustDay("2026-12-25"), cals, atEbetsu, 0, false)
	require.NoError(t, err)
	rows := tl.Rows()
	codes := make([]string, len(rows))
	for i, r := range rows {
		codes[i] = r.Code
		assert.NotEmpty(t, r.Label(reason.English))
		assert.NotEmpty(t, r.Label(reason.Japanese))
		assert.False(t, r.Date.IsZero())
	}
	assert.Equal(t, []string{"notice", "sent", "first_pickup", "deadline", "due"}, codes)
	assert.Equal(t, "取置期限", rows[3].Label(reason.Japanese))

	held, err := p.Timeline(mustDay("2026-12-25"), cals, atHome, 10, false)
	require.NoError(t, err)
	rows = held.Rows()
	require.Len(t, rows, 2)
	assert.Equal(t, "held_back", rows[1].Code)
	assert.True(t, rows[1].Date.IsZero())

	home, err := p.Timeline(mustDay("2026-12-25"), cals, atHome, 0, false)
	require.NoError(t, err)
	codes = codes[:0]
	for _, r := range home.Rows() {
		codes = append(codes, r.Code)
	}
	assert.Equal(t, []string{"notice", "sent", "due"}, codes)

	pl, err := p.Timeline(mustDay("2026-12-25"), cals, atPrefectural, 0, false)
	require.NoError(t, err)
	assert.Len(t, pl.Rows(), 4)
}

func TestCalendarsAt(t *testing.T) {
	_, err := cals.At(circulation.Place{Method: circulation.PartnerLibrary, Library: "unknown"})
	assert.ErrorIs(t, err, ErrInconsistentInput)
	_, err = cals.At(circulation.Place{})
	assert.ErrorIs(t, err, ErrInconsistentInput)
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
	tl, err := p.Timeline(mustDay("2026-11-19"), cals, atEbetsu, 0, false)
	require.NoError(t, err)
	assert.Equal(t, "2026-11-22", tl.FirstPickup.String())
	assert.Equal(t, "2026-12-03", tl.Deadline.String())
	assert.Equal(t, 10, ebetsu.OpenDaysBetween(tl.FirstPickup.AddDays(-1), tl.Deadline))

	r := reachOn(t, atEbetsu, mustDay("2026-11-19"), tl.Sent)
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
	tl, err := p.Timeline(mustDay("2026-04-07"), cals, atPrefectural, 0, false)
	require.NoError(t, err)
	assert.Equal(t, "2026-04-19", tl.Deadline.String())
	assert.Equal(t, "2026-04-19", p.ShelfDeadline(tl.FirstPickup, prefectural).String())
}

// TestTimelineL2PartnerLoanDatedCourierDay: a loan for a partner library
// is made the day the courier takes it, 30 days shipping included.
func TestTimelineL2PartnerLoanDatedCourierDay(t *testing.T) {
	tl, err := DefaultPolicy().Timeline(mustDay("2026-11-19"), cals, atEbetsu, 0, false)
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
		d, err := NewDesk(p, cals, nil)
		if err != nil {
			t.Fatal(err)
		}
		rs, _, err := d.Checkout(Cart{Patron: "p", Items: []CartItem{{Item: "i", Status: circulation.OnLoan}},
			Place: place, Ordering: Normal, PartnerLibraries: []string{atEbetsu.Library, atThursdays.Library}}, secured, circulation.Override{})
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
			if _, err := d.MakeReady(id, secured); err != nil {
				t.Fatal(err)
			}
		case circulation.PartnerLibrary:
			if _, err := d.Ship(id, tl.Sent, 0); err != nil {
				t.Fatal(err)
			}
			arrival := tl.Sent.AddDays(rapid.IntRange(0, tl.FirstPickup.DaysSince(tl.Sent)).Draw(t, "arrival"))
			if _, err := d.MakeReady(id, arrival); err != nil {
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
		_, loan, err := d.Collect(id, collect, short)
		if err != nil {
			t.Fatal(err)
		}
		if loan.Loaned != tl.Loaned || loan.Due != tl.Due {
			t.Fatalf("L2 desk loan %v due %v, timeline %v due %v", loan.Loaned, loan.Due, tl.Loaned, tl.Due)
		}
	})
}
