package circulation

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

var (
	atPrefectural = Place{Method: PrefecturalLibrary}
	atAssembly    = Place{Method: AssemblyLibrary}
	atEbetsu      = Place{Method: PartnerLibrary, Library: "江別市情報図書館"}
	atSapporo     = Place{Method: PartnerLibrary, Library: "札幌市中央図書館"}
	atHome        = Place{Method: HomeDelivery}
)

// TestAccept: returns the guide accepts, and when they show on My Page;
// and returns it refuses, each reason alone and some together.
func TestAccept(t *testing.T) {
	for _, c := range []struct {
		name       string
		loanPlace  Place
		collection Collection
		at         Place
		channel    ReturnChannel
		when       time.Time
		shown      string           // "" for OnArrival
		want       []*reason.Reason // the refusal's reasons; nil when accepted
	}{
		{"R-PL2 general counter while open", atPrefectural, General, atPrefectural, GeneralCounter, at(t, "2026-04-08", 10, 0), "2026-04-08", nil},
		{"R-PL2 C2 summer Thursday evening, Hokkaido counter", atPrefectural, Hokkaido, atPrefectural, HokkaidoCounter, at(t, "2026-07-02", 18, 30), "2026-07-02", nil},
		{"R-PL2 book drop while closed (Monday night)", atPrefectural, General, atPrefectural, BookDrop, at(t, "2026-04-13", 22, 0), "2026-04-13", nil},
		{"R-PL2 book drop while open", atPrefectural, General, atPrefectural, BookDrop, at(t, "2026-04-08", 10, 0), "2026-04-08", nil},
		{"R-PL2 instant read in Japan", atPrefectural, General, atPrefectural, GeneralCounter, time.Date(2026, 4, 8, 1, 0, 0, 0, time.UTC), "2026-04-08", nil},
		{"R-AL4 Tuesday return shows the same day", atAssembly, General, atAssembly, Counter, at(t, "2026-04-07", 9, 0), "2026-04-07", nil},
		{"R-AL4 Wednesday return shows Thursday", atAssembly, General, atAssembly, Counter, at(t, "2026-04-08", 16, 59), "2026-04-09", nil},
		{"R-AL4 Friday return shows Tuesday", atAssembly, Hokkaido, atAssembly, Counter, at(t, "2026-04-10", 12, 0), "2026-04-14", nil},
		{"R-AL4 holiday Tuesday skipped", atAssembly, General, atAssembly, Counter, at(t, "2026-05-01", 12, 0), "2026-05-07", nil},
		{"R-PT4 partner counter", atEbetsu, General, atEbetsu, Counter, at(t, "2026-04-13", 3, 0), "", nil},
		{"R-PT4 partner book drop, its own method", atEbetsu, Hokkaido, atEbetsu, BookDrop, at(t, "2026-04-12", 23, 0), "", nil},
		{"R-HD1 home delivery by post", atHome, Hokkaido, atHome, Post, at(t, "2026-04-12", 23, 0), "", nil},
		{"M2 Prefectural loan at the Assembly Library", atPrefectural, General, atAssembly, Counter, at(t, "2026-04-08", 10, 0), "", []*reason.Reason{ErrReceivedAtPrefectural}},
		{"M2 R-PT4 another partner library", atEbetsu, General, atSapporo, Counter, at(t, "2026-04-08", 10, 0), "", []*reason.Reason{ErrReturnWrongPlace}},
		{"M2 R-PT4 partner loan at the Prefectural Library", atEbetsu, General, atPrefectural, GeneralCounter, at(t, "2026-04-08", 10, 0), "", []*reason.Reason{ErrReturnWrongPlace}},
		{"M2 home delivery at the Prefectural counter", atHome, Hokkaido, atPrefectural, GeneralCounter, at(t, "2026-04-08", 10, 0), "", []*reason.Reason{ErrReceivedByDelivery}},
		{"M2 R-PL2 Prefectural loan by post", atPrefectural, General, atPrefectural, Post, at(t, "2026-04-08", 10, 0), "", []*reason.Reason{ErrNotByPost}},
		{"M2 R-HD1 home delivery handed in", atHome, General, atHome, Counter, at(t, "2026-04-08", 10, 0), "", []*reason.Reason{ErrOnlyByPost}},
		{"R-AL3 no book drop", atAssembly, General, atAssembly, BookDrop, at(t, "2026-04-08", 10, 0), "", []*reason.Reason{ErrAssemblyNoBookDrop}},
		{"R-AL3 by post", atAssembly, General, atAssembly, Post, at(t, "2026-04-11", 10, 0), "", []*reason.Reason{ErrNotByPost}},
		{"R-AL3 before 09:00 (open from 08:45)", atAssembly, General, atAssembly, Counter, at(t, "2026-04-08", 8, 50), "", []*reason.Reason{ErrAssemblyHours}},
		{"R-AL3 at 17:00", atAssembly, General, atAssembly, Counter, at(t, "2026-04-08", 17, 0), "", []*reason.Reason{ErrAssemblyHours}},
		{"R-AL3 Saturday", atAssembly, General, atAssembly, Counter, at(t, "2026-04-11", 10, 0), "", []*reason.Reason{ErrAssemblyHours}},
		{"R-AL3 public holiday", atAssembly, General, atAssembly, Counter, at(t, "2026-04-29", 10, 0), "", []*reason.Reason{ErrAssemblyHours}},
		{"R-AL3 book drop at night", atAssembly, General, atAssembly, BookDrop, at(t, "2026-04-08", 20, 0), "", []*reason.Reason{ErrAssemblyNoBookDrop, ErrAssemblyHours}},
		{"R-PL2 Hokkaido collection in the book drop", atPrefectural, Hokkaido, atPrefectural, BookDrop, at(t, "2026-04-13", 22, 0), "", []*reason.Reason{ErrBookDropHokkaido}},
		{"R-PL2 counter on a Monday", atPrefectural, General, atPrefectural, GeneralCounter, at(t, "2026-04-13", 10, 0), "", []*reason.Reason{ErrCounterClosed}},
		{"R-PL2 counter after 17:00", atPrefectural, General, atPrefectural, GeneralCounter, at(t, "2026-04-08", 17, 0), "", []*reason.Reason{ErrCounterClosed}},
		{"R-PL2 Hokkaido counter after 17:00", atPrefectural, Hokkaido, atPrefectural, HokkaidoCounter, at(t, "2026-04-08", 17, 0), "", []*reason.Reason{ErrCounterClosedExcluded}},
		{"R-PL2 C2 month-end closure", atPrefectural, General, atPrefectural, GeneralCounter, at(t, "2026-04-30", 10, 0), "", []*reason.Reason{ErrCounterClosed}},
		{"M2 R-PL2 Hokkaido Assembly loan in the Prefectural book drop", atAssembly, Hokkaido, atPrefectural, BookDrop, at(t, "2026-04-13", 22, 0), "", []*reason.Reason{ErrReceivedAtAssembly, ErrBookDropHokkaido}},
		{"M2 R-AL3 partner loan in the Assembly book drop on Sunday", atEbetsu, General, atAssembly, BookDrop, at(t, "2026-04-12", 10, 0), "", []*reason.Reason{ErrReturnWrongPlace, ErrAssemblyNoBookDrop, ErrAssemblyHours}},
		{"M2 home delivery posted to the Assembly Library", atHome, General, atAssembly, Post, at(t, "2026-04-12", 10, 0), "", []*reason.Reason{ErrReceivedByDelivery, ErrNotByPost}},
	} {
		t.Run(c.name, func(t *testing.T) {
			loan := Loan{Item: "b1", Place: c.loanPlace, Collection: c.collection, Loaned: day(t, "2026-04-01"), Due: day(t, "2026-04-30")}
			got, err := desk.Accept(Return{Loan: loan, At: c.at, Channel: c.channel, When: c.when})
			if c.want != nil {
				require.Error(t, err)
				assert.Equal(t, ReturnReceipt{}, got)
				assert.Equal(t, codesOf(c.want...), codes(t, err))
				for _, r := range c.want {
					assert.ErrorIs(t, err, r)
				}
				assert.True(t, strings.HasPrefix(err.Error(), "circulation: return refused: "), err.Error())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, calendar.DateOf(c.when), got.Returned)
			if c.shown == "" {
				assert.True(t, got.OnArrival)
				assert.True(t, got.Shown.IsZero())
			} else {
				assert.False(t, got.OnArrival)
				assert.Equal(t, day(t, c.shown), got.Shown)
			}
		})
	}
}

func TestAcceptWrongPlaceDetail(t *testing.T) {
	loan := Loan{Item: "b1", Place: atEbetsu, Loaned: day(t, "2026-04-01"), Due: day(t, "2026-04-30")}
	_, err := desk.Accept(Return{Loan: loan, At: atPrefectural, Channel: GeneralCounter, When: at(t, "2026-04-08", 10, 0)})
	ms := reason.Localize(err, reason.Japanese)
	require.Len(t, ms, 1)
	assert.Equal(t, "return.wrong_place", ms[0].Code)
	assert.Equal(t, "借りたときと同じ受取方法・場所（江別市情報図書館）で返却してください。", ms[0].Message)
	assert.Equal(t, "Return the item by the same method and at the same place where you received it (江別市情報図書館).", english(err))
}

// TestAcceptInconsistent: input that cannot be right is an error naming
// every field at fault, not a refusal.
func TestAcceptInconsistent(t *testing.T) {
	loan := Loan{Item: "b1", Place: atPrefectural, Loaned: day(t, "2026-04-01"), Due: day(t, "2026-04-15")}
	ok := Return{Loan: loan, At: atPrefectural, Channel: GeneralCounter, When: at(t, "2026-04-08", 10, 0)}
	with := func(f func(*Return)) Return { r := ok; f(&r); return r }
	for _, c := range []struct {
		name  string
		r     Return
		paths []string
		want  string
	}{
		{"zero instant", with(func(r *Return) { r.When = time.Time{} }), []string{"when"}, "when: is missing"},
		{"no channel", with(func(r *Return) { r.Channel = 0 }), []string{"channel"}, "channel: is missing"},
		{"invalid channel", with(func(r *Return) { r.Channel = 9 }), []string{"channel"}, "channel: is not a valid return channel (return channel(9))"},
		{"R-PL2 which counter", with(func(r *Return) { r.Channel = Counter }), []string{"channel"}, "the Prefectural Library has two counters"},
		{"R-PL2 a Prefectural counter elsewhere", with(func(r *Return) { r.At, r.Channel = atAssembly, HokkaidoCounter }), []string{"channel"},
			"hokkaido_counter is a counter of the Prefectural Library, not of assembly_library"},
		{"bad place", with(func(r *Return) { r.At = Place{Method: PartnerLibrary} }), []string{"at.library", "channel"}, "at.library: is missing"},
		{"returned before the loan", with(func(r *Return) { r.When = at(t, "2026-03-31", 10, 0) }), []string{"loan.loaned"}, "loan.loaned: is after today 2026-03-31"},
		{"bad loan", with(func(r *Return) { r.Loan.Due = calendar.Date{} }), []string{"loan.due"}, "loan.due: is missing"},
		{"everything at once", Return{Loan: Loan{Extensions: -1}}, []string{"loan.place.method", "loan.loaned", "loan.due", "loan.extensions", "at.method", "channel", "when"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := desk.Accept(c.r)
			assert.Equal(t, ReturnReceipt{}, got)
			badInput(t, err, c.paths...)
			assert.Contains(t, err.Error(), c.want)
		})
	}
	for _, d := range []*ReturnDesk{nil, {}} {
		_, err := d.Accept(ok)
		assert.ErrorIs(t, err, reason.ErrBadInput)
		assert.ErrorContains(t, err, "NewReturnDesk")
	}
	_, err := NewReturnDesk(prefecturalCal, nil, staffDaysCal)
	assert.ErrorIs(t, err, reason.ErrBadInput)
}

// TestAcceptReasonsSayWhich: where a return is refused for its place,
// counter, channel or the book drop, the reason says which, in both
// languages (M2, R-PL2, R-AL3, R-HD1).
func TestAcceptReasonsSayWhich(t *testing.T) {
	open, night := at(t, "2026-04-08", 10, 0), at(t, "2026-04-13", 22, 0)
	for _, c := range []struct {
		name       string
		loanPlace  Place
		collection Collection
		noBookDrop bool
		at         Place
		channel    ReturnChannel
		when       time.Time
		en, ja     string
	}{
		{"M2 received at the Prefectural Library", atPrefectural, General, false, atAssembly, Counter, open,
			"This item was received at the Prefectural Library: return it there.", "道立図書館で受け取った本です。道立図書館に返却してください。"},
		{"M2 received at the Assembly Library", atAssembly, General, false, atEbetsu, Counter, open,
			"This item was received at the Assembly Library: return it at its counter.", "道議会図書室で受け取った本です。道議会図書室のカウンターに返却してください。"},
		{"M2 R-HD1 delivered home", atHome, General, false, atEbetsu, Counter, open,
			"This item was delivered to your home: return it by post, postage prepaid.", "自宅で受け取った本です。元払いで返送してください。"},
		{"R-PL2 lent at the general counter", atPrefectural, General, false, atPrefectural, HokkaidoCounter, open,
			"This item was lent at the general counter: return it there.", "一般資料カウンターで借りた本です。一般資料カウンターに返却してください。"},
		{"R-PL2 lent at the Hokkaido counter", atPrefectural, Hokkaido, false, atPrefectural, GeneralCounter, open,
			"This item was lent at the Hokkaido collection counter: return it there.", "北方資料カウンターで借りた本です。北方資料カウンターに返却してください。"},
		{"M2 R-PL2 not by post", atPrefectural, General, false, atPrefectural, Post, open,
			"Items received at a library go back to that library, not by post.", "図書館（室）で受け取った本は郵送では返却できません。受け取った図書館（室）に返却してください。"},
		{"R-HD1 only by post", atHome, General, false, atHome, Counter, open,
			"Items delivered to your home are returned by post, postage prepaid.", "自宅で受け取った本は元払いで返送してください。"},
		{"R-AL3 no book drop", atAssembly, General, false, atAssembly, BookDrop, open,
			"The Assembly Library has no book drop; return items at its counter.", "道議会図書室にはブックポストはありません。カウンターに返却してください。"},
		{"R-PL2 book drop: Hokkaido collection", atPrefectural, Hokkaido, false, atPrefectural, BookDrop, night,
			"Hokkaido collection items cannot be returned in the book drop; return this one at the counter that lent it while the library is open.",
			"北方資料はブックポストに返却できません。開館時間中に、貸出を受けたカウンターに返却してください。"},
		{"R-PL2 book drop: an item marked", atPrefectural, General, true, atPrefectural, BookDrop, night,
			"This item cannot be returned in the book drop; return it at the counter that lent it while the library is open.",
			"この本はブックポストに返却できません。開館時間中に、貸出を受けたカウンターに返却してください。"},
		{"R-PL2 counter closed: use the book drop", atPrefectural, General, false, atPrefectural, GeneralCounter, night,
			"The Prefectural Library is closed now; use the book drop, or the counter during opening hours.",
			"道立図書館は閉館中です。ブックポストをご利用いただくか、開館時間中にカウンターに返却してください。"},
		{"R-PL2 counter closed: not the book drop", atPrefectural, Hokkaido, false, atPrefectural, HokkaidoCounter, night,
			"The Prefectural Library is closed now, and this item cannot go in the book drop; return it at the counter during opening hours.",
			"道立図書館は閉館中です。この本はブックポストに返却できないため、開館時間中にカウンターに返却してください。"},
	} {
		t.Run(c.name, func(t *testing.T) {
			loan := Loan{Item: "b1", Place: c.loanPlace, Collection: c.collection, NoBookDrop: c.noBookDrop, Loaned: day(t, "2026-04-01"), Due: day(t, "2026-04-30")}
			_, err := desk.Accept(Return{Loan: loan, At: c.at, Channel: c.channel, When: c.when})
			en, ja := reason.Localize(err, reason.English), reason.Localize(err, reason.Japanese)
			require.Len(t, en, 1, "%v", err)
			assert.Equal(t, c.en, en[0].Message)
			assert.Equal(t, c.ja, ja[0].Message)
			assert.Nil(t, en[0].Params)
		})
	}
}

// TestAcceptRPL2WrongCounterRefused: at the Prefectural Library an item
// goes back to the counter that lent it (R-PL2), and the refusal names it.
func TestAcceptRPL2WrongCounterRefused(t *testing.T) {
	open := at(t, "2026-04-08", 10, 0)
	monday := at(t, "2026-04-13", 10, 0)
	for _, c := range []struct {
		name       string
		collection Collection
		channel    ReturnChannel
		when       time.Time
		want       []*reason.Reason
	}{
		{"R-PL2 Hokkaido item at the general counter", Hokkaido, GeneralCounter, open, []*reason.Reason{ErrLentAtHokkaidoCounter}},
		{"R-PL2 general item at the Hokkaido counter", General, HokkaidoCounter, open, []*reason.Reason{ErrLentAtGeneralCounter}},
		{"R-PL2 wrong counter while closed", General, HokkaidoCounter, monday, []*reason.Reason{ErrLentAtGeneralCounter, ErrCounterClosed}},
		{"R-PL2 wrong counter for a Hokkaido item while closed", Hokkaido, GeneralCounter, monday, []*reason.Reason{ErrLentAtHokkaidoCounter, ErrCounterClosedExcluded}},
	} {
		t.Run(c.name, func(t *testing.T) {
			loan := Loan{Item: "b1", Place: atPrefectural, Collection: c.collection, Loaned: day(t, "2026-04-01"), Due: day(t, "2026-04-15")}
			_, err := desk.Accept(Return{Loan: loan, At: atPrefectural, Channel: c.channel, When: c.when})
			assert.Equal(t, codesOf(c.want...), codes(t, err))
		})
	}
	assert.Equal(t, GeneralCounter, General.Counter())
	assert.Equal(t, HokkaidoCounter, Hokkaido.Counter())
}

// TestAcceptRPL2NoBookDropItemRefused: the book drop excludes "北方資料など
// 一部の資料" — the Hokkaido collection and items the host marks — and
// says which; the counter, and a partner library's own book drop, still
// take them.
func TestAcceptRPL2NoBookDropItemRefused(t *testing.T) {
	night := at(t, "2026-04-13", 22, 0)
	loan := Loan{Item: "b1", Place: atPrefectural, NoBookDrop: true, Loaned: day(t, "2026-04-01"), Due: day(t, "2026-04-15")}
	_, err := desk.Accept(Return{Loan: loan, At: atPrefectural, Channel: BookDrop, When: night})
	assert.Equal(t, codesOf(ErrBookDropExcluded), codes(t, err))

	_, err = desk.Accept(Return{Loan: loan, At: atPrefectural, Channel: GeneralCounter, When: at(t, "2026-04-08", 10, 0)})
	assert.NoError(t, err, "the counter takes it")

	loan.Collection = Hokkaido
	_, err = desk.Accept(Return{Loan: loan, At: atPrefectural, Channel: BookDrop, When: night})
	assert.Equal(t, codesOf(ErrBookDropHokkaido), codes(t, err), "the Hokkaido collection, marked or not, says so")

	// The closed counter does not send such an item to the book drop.
	for _, marked := range []Loan{loan, {Item: "b1", Place: atPrefectural, NoBookDrop: true, Loaned: loan.Loaned, Due: loan.Due}} {
		_, err = desk.Accept(Return{Loan: marked, At: atPrefectural, Channel: marked.Collection.Counter(), When: night})
		assert.Equal(t, codesOf(ErrCounterClosedExcluded), codes(t, err))
		assert.NotContains(t, english(err), "use the book drop")
	}

	partner := Loan{Item: "b1", Place: atEbetsu, NoBookDrop: true, Loaned: day(t, "2026-04-01"), Due: day(t, "2026-04-30")}
	_, err = desk.Accept(Return{Loan: partner, At: atEbetsu, Channel: BookDrop, When: night})
	assert.NoError(t, err, "R-PT4: a partner library's own method")
}

// modelPlaces are the places TestAcceptModel draws from.
var modelPlaces = []Place{atPrefectural, atAssembly, atEbetsu, atSapporo, atHome}

// drawReturn draws a consistent return: a loan received at any place,
// returned there (or, one time in four, anywhere) by a channel that place
// has, at any minute of up to 40 days after the loan, in one of three
// time zones.
func drawReturn(t *rapid.T) Return {
	loanPlace := rapid.SampledFrom(modelPlaces).Draw(t, "loan place")
	loaned := calendar.NewDate(2026, time.January, 1).AddDays(rapid.IntRange(0, 700).Draw(t, "loaned"))
	loan := Loan{Item: "b", Place: loanPlace, Loaned: loaned, Due: loaned.AddDays(14),
		Collection: rapid.SampledFrom([]Collection{General, Hokkaido}).Draw(t, "collection")}
	loan.NoBookDrop = rapid.IntRange(0, 4).Draw(t, "no book drop") == 0
	r := Return{Loan: loan, At: loanPlace}
	if rapid.IntRange(0, 3).Draw(t, "elsewhere") == 0 {
		r.At = rapid.SampledFrom(modelPlaces).Draw(t, "at")
	}
	counters := []ReturnChannel{Counter}
	if r.At.Method == PrefecturalLibrary {
		counters = []ReturnChannel{GeneralCounter, HokkaidoCounter}
	}
	r.Channel = rapid.SampledFrom(append(counters, BookDrop, Post)).Draw(t, "channel")
	zone := rapid.SampledFrom([]*time.Location{calendar.JST(), time.UTC, time.FixedZone("HST", -10*3600)}).Draw(t, "zone")
	local := loaned.AddDays(rapid.IntRange(0, 40).Draw(t, "days later")).In(calendar.JST()).
		Add(time.Duration(rapid.IntRange(0, 24*60-1).Draw(t, "minute")) * time.Minute)
	r.When = local.In(zone)
	return r
}

// openModel reports, from the rules' own words, whether the Prefectural
// Library's counters (C2: 09:00–17:00, June to August on Thursdays and
// Fridays to 19:00) and the Assembly Library's service (R-AL3:
// 09:00–17:00) are open at r.When.
func openModel(r Return) (prefectural, assembly bool) {
	d := calendar.DateOf(r.When)
	jst := r.When.In(calendar.JST())
	minute := jst.Hour()*60 + jst.Minute()
	closeAt := 17 * 60
	summer := jst.Month() >= time.June && jst.Month() <= time.August
	if summer && (jst.Weekday() == time.Thursday || jst.Weekday() == time.Friday) {
		closeAt = 19 * 60
	}
	prefectural = prefecturalCal.IsOpen(d) && minute >= 9*60 && minute < closeAt
	assembly = assemblyCal.IsOpen(d) && minute >= 9*60 && minute < 17*60
	return prefectural, assembly
}

// acceptModel returns the codes of the reasons the guide gives for r,
// computed apart from ReturnDesk.Accept's table: those of the place and
// channel, then those of the book drop and the hours.
func acceptModel(r Return) []string {
	var want []string
	for _, rule := range append(placeModel(r), hoursModel(r)...) {
		if rule.applies {
			want = append(want, rule.r.Code())
		}
	}
	return want
}

// modelRule is a reason of the model and whether it applies.
type modelRule struct {
	applies bool
	r       *reason.Reason
}

// placeModel is the model's rules of the place where an item goes back
// (M2), the counter that lent it (R-PL2) and the channel (M2, R-AL3,
// R-HD1).
func placeModel(r Return) []modelRule {
	loan := r.Loan
	atPref, atAsm := r.At.Method == PrefecturalLibrary, r.At.Method == AssemblyLibrary
	wrongPlace := r.At.Method != loan.Place.Method || r.At.Library != loan.Place.Library
	lentAtPref := atPref && loan.Place.Method == PrefecturalLibrary
	received := map[Method]*reason.Reason{PrefecturalLibrary: ErrReceivedAtPrefectural, AssemblyLibrary: ErrReceivedAtAssembly,
		PartnerLibrary: ErrReturnWrongPlace, HomeDelivery: ErrReceivedByDelivery}[loan.Place.Method]
	return []modelRule{
		{wrongPlace, received}, // M2
		{lentAtPref && loan.Collection == General && r.Channel == HokkaidoCounter, ErrLentAtGeneralCounter}, // R-PL2
		{lentAtPref && loan.Collection == Hokkaido && r.Channel == GeneralCounter, ErrLentAtHokkaidoCounter},
		{(atPref || atAsm) && r.Channel == Post, ErrNotByPost},            // M2
		{r.At.Method == HomeDelivery && r.Channel != Post, ErrOnlyByPost}, // R-HD1
		{atAsm && r.Channel == BookDrop, ErrAssemblyNoBookDrop},           // R-AL3
	}
}

// hoursModel is the model's rules of the Prefectural Library's book drop
// (R-PL2) and of the hours of the counters (R-AL3, R-PL2).
func hoursModel(r Return) []modelRule {
	loan := r.Loan
	prefOpen, assemblyOpen := openModel(r)
	atPref := r.At.Method == PrefecturalLibrary
	bookDrop := atPref && r.Channel == BookDrop
	counterClosed := atPref && (r.Channel == GeneralCounter || r.Channel == HokkaidoCounter) && !prefOpen
	excluded := loan.Collection == Hokkaido || loan.NoBookDrop
	return []modelRule{
		{bookDrop && loan.NoBookDrop && loan.Collection != Hokkaido, ErrBookDropExcluded}, // R-PL2
		{bookDrop && loan.Collection == Hokkaido, ErrBookDropHokkaido},
		{r.At.Method == AssemblyLibrary && r.Channel != Post && !assemblyOpen, ErrAssemblyHours}, // R-AL3
		{counterClosed && !excluded, ErrCounterClosed},                                           // R-PL2
		{counterClosed && excluded, ErrCounterClosedExcluded},
	}
}

// checkShown fails unless an accepted return r shows on My Page when
// the rules say: the same day at the Prefectural Library (R-PL2), the
// first staff day on or after it at the Assembly Library (R-AL4, R-AL1:
// Tuesdays and Thursdays that are not holidays), on arrival elsewhere
// (R-PT4, R-HD1).
func checkShown(t *rapid.T, r Return, got ReturnReceipt) {
	d := calendar.DateOf(r.When)
	switch r.At.Method {
	case PrefecturalLibrary:
		if got.Shown != d || got.OnArrival {
			t.Fatalf("R-PL2: shown %v, want %v", got.Shown, d)
		}
	case AssemblyLibrary:
		wd := got.Shown.Weekday()
		if got.Shown.Before(d) || got.OnArrival || (wd != time.Tuesday && wd != time.Thursday) || calendar.IsHoliday(got.Shown) {
			t.Fatalf("R-AL4: returned %v, shown %v", d, got.Shown)
		}
		if n := staffDaysCal.OpenDaysBetween(d.AddDays(-1), got.Shown.AddDays(-1)); n != 0 {
			t.Fatalf("R-AL4: %d staff days from %v before shown %v", n, d, got.Shown)
		}
	default:
		if !got.OnArrival || !got.Shown.IsZero() {
			t.Fatalf("R-PT4: got %+v, want on arrival", got)
		}
	}
}

// TestAcceptModel: M2, R-PL2, R-AL3, R-HD1 — for random returns, the
// reasons equal a model's; R-AL4, R-PT4 — accepted returns show when the
// model says.
func TestAcceptModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := drawReturn(t)
		want := acceptModel(r)
		got, err := desk.Accept(r)
		if c := codes(t, err); !slices.Equal(c, want) {
			t.Fatalf("%v at %v (%v): reasons %v, model %v", r.Channel, r.At, r.When.In(calendar.JST()), c, want)
		}
		if err == nil {
			checkShown(t, r, got)
		}
	})
}
