package library

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/notice"
	"github.com/kashidashi/kashidashi/reason"
)

// nextOpenDay is the configuration with partners whose due dates on a
// closed day move to the next open day (L5).
func nextOpenDay(t *testing.T) *Library {
	c := withPartners()
	c.Policies.Circulation.DueOnClosedDay = circulation.DueDateNextOpenDay
	return mustNew(t, c)
}

// withRule is the configuration with partners under closed-day rule r
// (L5–L7).
func withRule(t *testing.T, r circulation.DueDateRule) *Library {
	c := withPartners()
	c.Policies.Circulation.DueOnClosedDay = r
	return mustNew(t, c)
}

// loanOf is patron's loan of item at p.
func loanOf(patron, item string, p circulation.Place, loaned, due string) LoanRecord {
	return LoanRecord{Patron: patron, Loan: circulation.Loan{Item: item, Place: p, Loaned: day(loaned), Due: day(due)}}
}

// readyAt is a reservation of item made ready at the Prefectural Library
// on ready, with the deadline the desk gave it before the snowstorm.
func readyAt(t *testing.T, l *Library, id uint64, patron, item, ready string) ReservationRecord {
	t.Helper()
	at := l.Calendars(day(ready)).Library
	r := holds.Reservation{ID: id, Patron: patron, Item: item, Place: atPrefectural, State: holds.Ready,
		PlacedOn: day(ready).AddDays(-7), SecuredOn: day(ready), ReadyOn: day(ready)}
	r.Deadline = l.HoldPolicy(r.ReadyOn).ShelfDeadline(at.AddOpenDays(r.ReadyOn, 1), at)
	return ReservationRecord{Reservation: r}
}

// X5, L5: under "next open day" the snowstorm moves a loan due on
// Thursday 2027-02-18 to Friday 2027-02-19: the record to store has the
// new due date and keeps the original with the closure; loans due on
// other days or at other places are left out.
func TestApplyX5MovesDueAndKeepsTheOriginal(t *testing.T) {
	l := nextOpenDay(t)
	ch := snowstorm(t, l)
	loans := []LoanRecord{
		loanOf("A", "a", atPrefectural, "2027-02-05", "2027-02-19"),
		loanOf("A", "b", atPrefectural, "2027-02-04", "2027-02-18"),
		loanOf("B", "c", atEbetsu, "2027-01-19", "2027-02-17"),
	}
	got, err := l.Apply(ch, loans, nil, ApplyOptions{})
	require.NoError(t, err)
	require.Len(t, got.Loans, 1)
	a := got.Loans[0]
	assert.Equal(t, 1, a.Index)
	assert.Equal(t, day("2027-02-18"), a.Original)
	assert.Equal(t, day("2027-02-19"), a.New)
	assert.ErrorIs(t, a.Reason, ErrDueMoved)
	want := loans[1]
	want.Loan.Due = day("2027-02-19")
	want.Mark = Mark{From: day("2027-02-17"), To: day("2027-02-18"), Original: day("2027-02-18")}
	assert.Equal(t, want, a.Record)
	assert.Equal(t, day("2027-02-18"), loans[1].Loan.Due, "the input is not changed")
	assert.Empty(t, got.Reservations)
}

// X5, L5: under the default "stands" applying moves nothing: the loan
// due on a closed day is listed once (ErrDueStands, the same date
// before and after), marked so that its patron is told once.
func TestApplyX5DueStandsMovesNothing(t *testing.T) {
	l := mustNew(t, withPartners())
	ch := snowstorm(t, l)
	loans := []LoanRecord{loanOf("A", "a", atHome, "2027-01-20", "2027-02-18")}
	got, err := l.Apply(ch, loans, nil, ApplyOptions{SpreadDays: 3, SpreadPerDay: 1})
	require.NoError(t, err)
	require.Len(t, got.Loans, 1)
	a := got.Loans[0]
	assert.Equal(t, a.Original, a.New)
	assert.Equal(t, day("2027-02-18"), a.Record.Loan.Due, "a due date that stands is not spread")
	assert.ErrorIs(t, a.Reason, ErrDueStands)
	assert.Equal(t, Mark{From: ch.From, To: ch.To, Original: day("2027-02-18")}, a.Record.Mark)

	again, err := l.Apply(ch, []LoanRecord{a.Record}, nil, ApplyOptions{SpreadDays: 3, SpreadPerDay: 1})
	require.NoError(t, err)
	assert.Empty(t, again.Loans)
}

// X5, H4: a ready reservation's deadline gains back the open days the
// closure took from its shelf span: made ready Wednesday 2027-02-10, due
// off the shelf Sunday 02-21; the snowstorm takes Wednesday 17 and
// Thursday 18, so the deadline is Wednesday 02-24 (Monday 22 is closed),
// what X2 gives. A deadline a host had extended to Tuesday 02-23 keeps
// its extra open day: Thursday 02-25.
func TestApplyX5ShelfDeadlineGainsBackClosedOpenDays(t *testing.T) {
	l := mustNew(t, withPartners())
	ch := snowstorm(t, l)
	std := readyAt(t, l, 1, "A", "a", "2027-02-10")
	require.Equal(t, day("2027-02-21"), std.Reservation.Deadline)
	extended := readyAt(t, l, 2, "B", "b", "2027-02-10")
	extended.Reservation.Deadline = day("2027-02-23")
	after := readyAt(t, l, 3, "C", "c", "2027-02-19")

	got, err := l.Apply(ch, nil, []ReservationRecord{std, extended, after}, ApplyOptions{})
	require.NoError(t, err)
	require.Len(t, got.Reservations, 2)
	a, b := got.Reservations[0], got.Reservations[1]
	assert.Equal(t, 0, a.Index)
	assert.Equal(t, [2]calendar.Date{day("2027-02-21"), day("2027-02-24")}, [2]calendar.Date{a.Original, a.New})
	assert.Equal(t, day("2027-02-24"), a.Record.Reservation.Deadline)
	assert.Equal(t, Mark{From: ch.From, To: ch.To, Original: day("2027-02-21")}, a.Record.Mark)
	assert.ErrorIs(t, a.Reason, ErrShelfDeadlineMoved)
	assert.Equal(t, 1, b.Index)
	assert.Equal(t, [2]calendar.Date{day("2027-02-23"), day("2027-02-25")}, [2]calendar.Date{b.Original, b.New})

	cs, err := l.Consequences(ch, nil, []holds.Reservation{std.Reservation})
	require.NoError(t, err)
	require.Len(t, cs, 1)
	assert.Equal(t, cs[0].New, a.New, "X5 and X2 agree on a deadline the desk set")
}

// X5, X3: a reservation not yet on the shelf keeps its record (it holds
// none of the dates that move) but is marked, and each date its notice
// gave that moves is listed, so that the patron is told once.
func TestApplyX5NoticeDatesOfASecuredReservation(t *testing.T) {
	l := mustNew(t, withPartners())
	ch, err := l.Closing("courier", calendar.Closure{From: day("2027-02-19"), To: day("2027-02-19"), Name: "運休（大雪）", NameEn: "suspended (snowstorm)"})
	require.NoError(t, err)
	r := ReservationRecord{Reservation: holds.Reservation{ID: 1, Patron: "A", Item: "a", Place: atEbetsu, State: holds.Secured,
		PlacedOn: day("2027-02-01"), SecuredOn: day("2027-02-17")}}
	got, err := l.Apply(ch, nil, []ReservationRecord{r}, ApplyOptions{})
	require.NoError(t, err)
	require.Len(t, got.Reservations, 3)
	for i, why := range []*reason.Reason{ErrCourierMoved, ErrCollectableMoved, ErrShelfDeadlineMoved} {
		a := got.Reservations[i]
		assert.ErrorIs(t, a.Reason, why)
		assert.Equal(t, r.Reservation, a.Record.Reservation)
		assert.Equal(t, Mark{From: ch.From, To: ch.To}, a.Record.Mark)
	}
	assert.Equal(t, [2]calendar.Date{day("2027-02-19"), day("2027-02-26")}, [2]calendar.Date{got.Reservations[0].Original, got.Reservations[0].New})

	again, err := l.Apply(ch, nil, []ReservationRecord{got.Reservations[0].Record}, ApplyOptions{})
	require.NoError(t, err)
	assert.Empty(t, again.Reservations)
}

// X5: applying the same closure again to the records it gave changes
// nothing; a record marked by another closure is applied and its mark
// replaced.
func TestApplyX5TwiceChangesNothing(t *testing.T) {
	l := nextOpenDay(t)
	ch := snowstorm(t, l)
	loans := []LoanRecord{loanOf("A", "a", atPrefectural, "2027-02-03", "2027-02-17")}
	rs := []ReservationRecord{readyAt(t, l, 1, "A", "r", "2027-02-10")}
	first, err := l.Apply(ch, loans, rs, ApplyOptions{})
	require.NoError(t, err)
	require.Len(t, first.Loans, 1)
	require.Len(t, first.Reservations, 1)
	loans[0], rs[0] = first.Loans[0].Record, first.Reservations[0].Record
	second, err := l.Apply(ch, loans, rs, ApplyOptions{})
	require.NoError(t, err)
	assert.Empty(t, second.Loans)
	assert.Empty(t, second.Reservations)

	// Marked by an earlier closure of the same place: applied, mark replaced.
	other := loanOf("A", "b", atPrefectural, "2027-02-04", "2027-02-18")
	other.Mark = Mark{From: day("2027-01-05"), To: day("2027-01-05"), Original: day("2027-01-05")}
	got, err := l.Apply(ch, []LoanRecord{other}, nil, ApplyOptions{})
	require.NoError(t, err)
	require.Len(t, got.Loans, 1)
	assert.Equal(t, Mark{From: ch.From, To: ch.To, Original: day("2027-02-18")}, got.Loans[0].Record.Mark)
}

// X5: bad options name their field; the zero Library and a bad change
// are errors, a change that changes no day applies nothing.
func TestApplyX5BadInput(t *testing.T) {
	l := nextOpenDay(t)
	ch := snowstorm(t, l)
	for opt, path := range map[ApplyOptions]string{
		{SpreadDays: -1, SpreadPerDay: 1}:   "options.spread_days",
		{SpreadDays: 400, SpreadPerDay: 1}:  "options.spread_days",
		{SpreadDays: 3}:                     "options.spread_per_day",
		{SpreadDays: 3, SpreadPerDay: -2}:   "options.spread_per_day",
		{SpreadPerDay: 5}:                   "options.spread_per_day",
		{SpreadDays: -1, SpreadPerDay: -1}:  "options.spread_days",
		{SpreadDays: 31, SpreadPerDay: 100}: "",
	} {
		_, err := l.Apply(ch, nil, nil, opt)
		if path == "" {
			assert.NoError(t, err, "%+v", opt)
			continue
		}
		var ps reason.Problems
		require.ErrorAs(t, err, &ps, "%+v", opt)
		assert.ErrorIs(t, err, reason.ErrBadInput)
		assert.Equal(t, path, ps[0].Path, "%+v", opt)
	}
	_, err := (&Library{}).Apply(ch, nil, nil, ApplyOptions{})
	assert.ErrorIs(t, err, reason.ErrBadInput)
	_, err = (*Library)(nil).Apply(ch, nil, nil, ApplyOptions{})
	assert.ErrorIs(t, err, reason.ErrBadInput)
	_, err = l.Apply(Change{From: day("2027-02-18"), To: day("2027-02-17")}, nil, nil, ApplyOptions{})
	assert.ErrorIs(t, err, reason.ErrBadInput)
	same := l.Calendars(day("2027-02-17"))
	got, err := l.Apply(Change{Before: same, After: same, From: ch.From, To: ch.To},
		[]LoanRecord{loanOf("A", "a", atPrefectural, "2027-02-03", "2027-02-17")}, nil, ApplyOptions{})
	require.NoError(t, err)
	assert.Equal(t, Applied{}, got)
}

// X7: ten loans due on the closed Wednesday, spread over the first three
// open days from the reopening (Friday 19, Saturday 20, Sunday 21), at
// most four a day: none before Friday, none after Sunday, at most four a
// day, each loan on the same day whatever the order of the input.
func TestApplyX7SpreadsReturnsOverThreeOpenDays(t *testing.T) {
	l := nextOpenDay(t)
	ch := snowstorm(t, l)
	var loans []LoanRecord
	for i := range 10 {
		loans = append(loans, loanOf("P"+string(rune('0'+i%4)), "item-"+string(rune('a'+i)), atPrefectural, "2027-02-03", "2027-02-17"))
	}
	opt := ApplyOptions{SpreadDays: 3, SpreadPerDay: 4}
	got, err := l.Apply(ch, loans, nil, opt)
	require.NoError(t, err)
	require.Len(t, got.Loans, 10)
	perDay := map[calendar.Date]int{}
	byItem := map[string]calendar.Date{}
	for i, a := range got.Loans {
		assert.Equal(t, i, a.Index, "listed in input order")
		assert.False(t, a.New.Before(day("2027-02-19")), a.New)
		assert.False(t, a.New.After(day("2027-02-21")), a.New)
		assert.Equal(t, a.New, a.Record.Loan.Due)
		assert.Equal(t, day("2027-02-17"), a.Record.Mark.Original)
		if a.New == day("2027-02-19") {
			assert.ErrorIs(t, a.Reason, ErrDueMoved)
		} else {
			assert.ErrorIs(t, a.Reason, ErrDueSpread)
			assert.Contains(t, reason.Localize(a.Reason, reason.English)[0].Message, a.New.String())
		}
		perDay[a.New]++
		byItem[a.Record.Loan.Item] = a.New
	}
	assert.Len(t, perDay, 3)
	for d, n := range perDay {
		assert.LessOrEqual(t, n, 4, d)
	}
	reversed := make([]LoanRecord, len(loans))
	for i := range loans {
		reversed[len(loans)-1-i] = loans[i]
	}
	back, err := l.Apply(ch, reversed, nil, opt)
	require.NoError(t, err)
	for _, a := range back.Loans {
		assert.Equal(t, byItem[a.Record.Loan.Item], a.New, a.Record.Loan.Item)
	}
}

// X7: more loans than the days can take at M a day (ten loans, two days,
// three a day): the days share the excess evenly, five each, and no loan
// goes past the last day of the spread.
func TestApplyX7OverflowIsSharedEvenly(t *testing.T) {
	l := nextOpenDay(t)
	ch := snowstorm(t, l)
	var loans []LoanRecord
	for i := range 10 {
		loans = append(loans, loanOf("P", "item-"+string(rune('a'+i)), atHome, "2027-01-19", "2027-02-18"))
	}
	got, err := l.Apply(ch, loans, nil, ApplyOptions{SpreadDays: 2, SpreadPerDay: 3})
	require.NoError(t, err)
	perDay := map[calendar.Date]int{}
	for _, a := range got.Loans {
		perDay[a.New]++
	}
	assert.Equal(t, map[calendar.Date]int{day("2027-02-19"): 5, day("2027-02-20"): 5}, perDay)
}

// X6: one notice per affected patron, listing each of their loans and
// reservations with the date before and after, in both languages.
func TestClosureNoticesX6OnePerPatron(t *testing.T) {
	l := nextOpenDay(t)
	ch := snowstorm(t, l)
	loans := []LoanRecord{
		loanOf("B", "b1", atPrefectural, "2027-02-03", "2027-02-17"),
		loanOf("A", "a1", atHome, "2027-01-19", "2027-02-18"),
		loanOf("C", "c1", atPrefectural, "2027-02-05", "2027-02-19"),
	}
	rs := []ReservationRecord{readyAt(t, l, 1, "A", "a2", "2027-02-10")}
	applied, err := l.Apply(ch, loans, rs, ApplyOptions{})
	require.NoError(t, err)
	ns := l.ClosureNotices(applied)
	require.Len(t, ns, 2)
	assert.Equal(t, "A", ns[0].Patron)
	assert.Equal(t, []notice.ClosureLine{
		{Patron: "A", Item: "a1", Kind: notice.DueMoved, Library: "北海道立図書館", LibraryEn: "Hokkaido Prefectural Library",
			Original: day("2027-02-18"), New: day("2027-02-19")},
		{Patron: "A", Item: "a2", Kind: notice.DeadlineMoved, Library: "北海道立図書館", LibraryEn: "Hokkaido Prefectural Library",
			Original: day("2027-02-21"), New: day("2027-02-24")},
	}, ns[0].Lines)
	assert.Equal(t, "B", ns[1].Patron)
	ja := ns[0].Text(nil, reason.Japanese)
	assert.Contains(t, ja, "2027年2月18日（木）から2027年2月19日（金）に")
	assert.Contains(t, ja, "2027年2月21日（日）から2027年2月24日（水）に")
	assert.Equal(t, 4, strings.Count(ns[0].Text(nil, reason.English), "\n"))

	// Every kind of reason maps to its line.
	kinds := map[*reason.Reason]notice.ClosureKind{
		ErrDueStands: notice.DueStands, ErrDueMoved: notice.DueMoved, ErrDueSpread: notice.DueSpread,
		ErrShelfDeadlineMoved: notice.DeadlineMoved, ErrCourierMoved: notice.CourierMoved,
		ErrCollectableMoved: notice.CollectableMoved, ErrPostingMoved: notice.PostingMoved,
	}
	for r, k := range kinds {
		n := l.ClosureNotices(Applied{Loans: []AppliedLoan{{Record: LoanRecord{Patron: "A"}, Reason: r.With()}}})
		assert.Equal(t, k, n[0].Lines[0].Kind, r.Code())
	}
	assert.Empty(t, l.ClosureNotices(Applied{}))
	assert.NotPanics(t, func() { (&Library{}).ClosureNotices(applied) })
}

// X5: the records and the result encode to JSON with snake_case keys;
// a record that no closure touched has no mark.
func TestApplyX5JSON(t *testing.T) {
	b, err := json.Marshal(LoanRecord{Patron: "A", Loan: circulation.Loan{Item: "a", Place: atPrefectural,
		Loaned: day("2027-02-03"), Due: day("2027-02-19")},
		Mark: Mark{From: day("2027-02-17"), To: day("2027-02-18"), Original: day("2027-02-17")}})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"mark":{"from":"2027-02-17","to":"2027-02-18","original":"2027-02-17"}`)
	b, err = json.Marshal(ReservationRecord{Reservation: holds.Reservation{ID: 1, Place: atPrefectural, State: holds.Waiting}})
	require.NoError(t, err)
	assert.NotContains(t, string(b), "mark")
	var o ApplyOptions
	require.NoError(t, json.Unmarshal([]byte(`{"spread_days":3,"spread_per_day":40}`), &o))
	assert.Equal(t, ApplyOptions{SpreadDays: 3, SpreadPerDay: 40}, o)
}

// X7, L6, L7: only due dates the closed-day rule moves later are spread.
// Under "previous open day" a loan due on Wednesday 2027-02-17 moves back
// to Tuesday 16 and stays there. Under "end of the closure" it moves to
// Thursday 18, the last closed day, and is spread from the reopening,
// Friday 19 (never past Thursday plus N open days); one due on Thursday
// 18 already is the end of the closure: it stands and is not spread.
func TestApplyX7OnlyDueDatesMovedLaterAreSpread(t *testing.T) {
	opt := ApplyOptions{SpreadDays: 2, SpreadPerDay: 1}
	prev := withRule(t, circulation.DueDatePreviousOpenDay)
	got, err := prev.Apply(snowstorm(t, prev), []LoanRecord{
		loanOf("A", "a", atPrefectural, "2027-02-03", "2027-02-17"),
		loanOf("B", "b", atPrefectural, "2027-02-03", "2027-02-17"),
	}, nil, opt)
	require.NoError(t, err)
	require.Len(t, got.Loans, 2)
	for _, a := range got.Loans {
		assert.Equal(t, day("2027-02-16"), a.New)
		assert.ErrorIs(t, a.Reason, ErrDueMoved)
	}

	end := withRule(t, circulation.DueDateEndOfClosure)
	got, err = end.Apply(snowstorm(t, end), []LoanRecord{
		loanOf("A", "a", atPrefectural, "2027-02-03", "2027-02-17"),
		loanOf("B", "b", atPrefectural, "2027-02-03", "2027-02-17"),
		loanOf("C", "c", atPrefectural, "2027-02-04", "2027-02-18"),
	}, nil, opt)
	require.NoError(t, err)
	require.Len(t, got.Loans, 3)
	days := []calendar.Date{got.Loans[0].New, got.Loans[1].New}
	assert.ElementsMatch(t, []calendar.Date{day("2027-02-19"), day("2027-02-20")}, days)
	assert.ErrorIs(t, got.Loans[0].Reason, ErrDueSpread)
	assert.Equal(t, day("2027-02-18"), got.Loans[2].New)
	assert.ErrorIs(t, got.Loans[2].Reason, ErrDueStands)
}

// X5: a change that opens days (the snowstorm called off, from two
// configurations) moves no due date and shortens no hold shelf.
func TestApplyX5OpeningShortensNothing(t *testing.T) {
	l := nextOpenDay(t)
	ch := snowstorm(t, l)
	undo := Change{Before: ch.After, After: ch.Before, From: ch.From, To: ch.To}
	r := readyAt(t, l, 1, "A", "a", "2027-02-10")
	r.Reservation.Deadline = day("2027-02-24") // as the snowstorm gave it
	got, err := l.Apply(undo, []LoanRecord{loanOf("A", "b", atPrefectural, "2027-02-05", "2027-02-19")}, []ReservationRecord{r}, ApplyOptions{})
	require.NoError(t, err)
	assert.Empty(t, got.Loans)
	assert.Empty(t, got.Reservations)
}
