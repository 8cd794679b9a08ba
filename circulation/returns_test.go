package circulation

import (
	"errors"
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
		{"M2 Prefectural loan at the Assembly Library", atPrefectural, General, atAssembly, Counter, at(t, "2026-04-08", 10, 0), "", []*reason.Reason{ErrReturnWrongPlace}},
		{"M2 R-PT4 another partner library", atEbetsu, General, atSapporo, Counter, at(t, "2026-04-08", 10, 0), "", []*reason.Reason{ErrReturnWrongPlace}},
		{"M2 R-PT4 partner loan at the Prefectural Library", atEbetsu, General, atPrefectural, GeneralCounter, at(t, "2026-04-08", 10, 0), "", []*reason.Reason{ErrReturnWrongPlace}},
		{"M2 home delivery at the Prefectural counter", atHome, Hokkaido, atPrefectural, GeneralCounter, at(t, "2026-04-08", 10, 0), "", []*reason.Reason{ErrReturnWrongPlace}},
		{"M2 R-PL2 Prefectural loan by post", atPrefectural, General, atPrefectural, Post, at(t, "2026-04-08", 10, 0), "", []*reason.Reason{ErrReturnChannel}},
		{"M2 R-HD1 home delivery handed in", atHome, General, atHome, Counter, at(t, "2026-04-08", 10, 0), "", []*reason.Reason{ErrReturnChannel}},
		{"R-AL3 no book drop", atAssembly, General, atAssembly, BookDrop, at(t, "2026-04-08", 10, 0), "", []*reason.Reason{ErrReturnChannel}},
		{"R-AL3 by post", atAssembly, General, atAssembly, Post, at(t, "2026-04-11", 10, 0), "", []*reason.Reason{ErrReturnChannel}},
		{"R-AL3 before 09:00 (open from 08:45)", atAssembly, General, atAssembly, Counter, at(t, "2026-04-08", 8, 50), "", []*reason.Reason{ErrAssemblyHours}},
		{"R-AL3 at 17:00", atAssembly, General, atAssembly, Counter, at(t, "2026-04-08", 17, 0), "", []*reason.Reason{ErrAssemblyHours}},
		{"R-AL3 Saturday", atAssembly, General, atAssembly, Counter, at(t, "2026-04-11", 10, 0), "", []*reason.Reason{ErrAssemblyHours}},
		{"R-AL3 public holiday", atAssembly, General, atAssembly, Counter, at(t, "2026-04-29", 10, 0), "", []*reason.Reason{ErrAssemblyHours}},
		{"R-AL3 book drop at night", atAssembly, General, atAssembly, BookDrop, at(t, "2026-04-08", 20, 0), "", []*reason.Reason{ErrReturnChannel, ErrAssemblyHours}},
		{"R-PL2 Hokkaido collection in the book drop", atPrefectural, Hokkaido, atPrefectural, BookDrop, at(t, "2026-04-13", 22, 0), "", []*reason.Reason{ErrBookDropExcluded}},
		{"R-PL2 counter on a Monday", atPrefectural, General, atPrefectural, GeneralCounter, at(t, "2026-04-13", 10, 0), "", []*reason.Reason{ErrCounterClosed}},
		{"R-PL2 counter after 17:00", atPrefectural, Hokkaido, atPrefectural, HokkaidoCounter, at(t, "2026-04-08", 17, 0), "", []*reason.Reason{ErrCounterClosed}},
		{"R-PL2 C2 month-end closure", atPrefectural, General, atPrefectural, GeneralCounter, at(t, "2026-04-30", 10, 0), "", []*reason.Reason{ErrCounterClosed}},
		{"M2 R-PL2 Hokkaido Assembly loan in the Prefectural book drop", atAssembly, Hokkaido, atPrefectural, BookDrop, at(t, "2026-04-13", 22, 0), "", []*reason.Reason{ErrReturnWrongPlace, ErrBookDropExcluded}},
		{"M2 R-AL3 partner loan in the Assembly book drop on Sunday", atEbetsu, General, atAssembly, BookDrop, at(t, "2026-04-12", 10, 0), "", []*reason.Reason{ErrReturnWrongPlace, ErrReturnChannel, ErrAssemblyHours}},
		{"M2 home delivery posted to the Assembly Library", atHome, General, atAssembly, Post, at(t, "2026-04-12", 10, 0), "", []*reason.Reason{ErrReturnWrongPlace, ErrReturnChannel}},
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

func TestAcceptInconsistent(t *testing.T) {
	loan := Loan{Item: "b1", Place: atPrefectural, Loaned: day(t, "2026-04-01"), Due: day(t, "2026-04-15")}
	ok := Return{Loan: loan, At: atPrefectural, Channel: GeneralCounter, When: at(t, "2026-04-08", 10, 0)}
	with := func(f func(*Return)) Return { r := ok; f(&r); return r }
	for _, c := range []struct {
		name string
		desk *ReturnDesk
		r    Return
		is   error
		want string
	}{
		{"zero instant", desk, with(func(r *Return) { r.When = time.Time{} }), ErrInconsistentInput, "no instant"},
		{"no channel", desk, with(func(r *Return) { r.Channel = 0 }), ErrInconsistentInput, "invalid return channel(0)"},
		{"R-PL2 which counter", desk, with(func(r *Return) { r.Channel = Counter }), ErrInconsistentInput, "the Prefectural Library has two counters"},
		{"R-PL2 a Prefectural counter elsewhere", desk, with(func(r *Return) { r.At, r.Channel = atAssembly, HokkaidoCounter }), ErrInconsistentInput,
			"hokkaido_counter is a counter of the Prefectural Library, not of assembly_library"},
		{"bad place", desk, with(func(r *Return) { r.At = Place{Method: PartnerLibrary} }), ErrInconsistentInput, "at: a partner-library place must name the library"},
		{"returned before the loan", desk, with(func(r *Return) { r.When = at(t, "2026-03-31", 10, 0) }), ErrInconsistentInput, "loaned 2026-04-01 after today 2026-03-31"},
		{"bad loan", desk, with(func(r *Return) { r.Loan.Due = calendar.Date{} }), ErrInconsistentInput, "no due date"},
		{"zero desk", &ReturnDesk{}, ok, ErrInconsistentInput, "NewReturnDesk"},
		{"nil desk", nil, ok, ErrInconsistentInput, "NewReturnDesk"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.desk.Accept(c.r)
			require.Error(t, err)
			assert.ErrorIs(t, err, c.is)
			assert.Contains(t, err.Error(), c.want)
			var ref *reason.Refusal
			assert.False(t, errors.As(err, &ref))
		})
	}
	_, err := NewReturnDesk(prefecturalCal, nil, staffDaysCal)
	assert.ErrorIs(t, err, ErrInconsistentInput)
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
		ja         string
	}{
		{"R-PL2 Hokkaido item at the general counter", Hokkaido, GeneralCounter, open,
			[]*reason.Reason{ErrReturnWrongPlace}, "借りたときと同じ受取方法・場所で返却してください。（北方資料カウンターで借りた本です）"},
		{"R-PL2 general item at the Hokkaido counter", General, HokkaidoCounter, open,
			[]*reason.Reason{ErrReturnWrongPlace}, "借りたときと同じ受取方法・場所で返却してください。（一般資料カウンターで借りた本です）"},
		{"R-PL2 wrong counter while closed", General, HokkaidoCounter, monday,
			[]*reason.Reason{ErrReturnWrongPlace, ErrCounterClosed}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			loan := Loan{Item: "b1", Place: atPrefectural, Collection: c.collection, Loaned: day(t, "2026-04-01"), Due: day(t, "2026-04-15")}
			_, err := desk.Accept(Return{Loan: loan, At: atPrefectural, Channel: c.channel, When: c.when})
			assert.Equal(t, codesOf(c.want...), codes(t, err))
			if c.ja != "" {
				assert.Equal(t, c.ja, reason.Localize(err, reason.Japanese)[0].Message)
			}
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
	assert.Equal(t, "この本はブックポストに返却できません。開館時間中に、貸出を受けたカウンターに返却してください。（ブックポストに返却できない資料です）",
		reason.Localize(err, reason.Japanese)[0].Message)

	_, err = desk.Accept(Return{Loan: loan, At: atPrefectural, Channel: GeneralCounter, When: at(t, "2026-04-08", 10, 0)})
	assert.NoError(t, err, "the counter takes it")

	loan.NoBookDrop, loan.Collection = false, Hokkaido
	_, err = desk.Accept(Return{Loan: loan, At: atPrefectural, Channel: BookDrop, When: night})
	assert.Equal(t, "This item cannot be returned in the book drop; return it at the counter that lent it while the library is open. (Hokkaido collection)",
		reason.Localize(err, reason.English)[0].Message)

	// The closed counter does not send such an item to the book drop.
	_, err = desk.Accept(Return{Loan: loan, At: atPrefectural, Channel: HokkaidoCounter, When: night})
	assert.Equal(t, codesOf(ErrCounterClosed), codes(t, err))
	assert.Contains(t, english(err), "(this item cannot go in the book drop)")

	partner := Loan{Item: "b1", Place: atEbetsu, NoBookDrop: true, Loaned: day(t, "2026-04-01"), Due: day(t, "2026-04-30")}
	_, err = desk.Accept(Return{Loan: partner, At: atEbetsu, Channel: BookDrop, When: night})
	assert.NoError(t, err, "R-PT4: a partner library's own method")
}

// TestAcceptModel: M2, R-PL2, R-AL3, R-HD1 — for random returns, the
// reasons equal a model's; R-AL4, R-PT4 — accepted returns show when the
// model says.
func TestAcceptModel(t *testing.T) {
	places := []Place{atPrefectural, atAssembly, atEbetsu, atSapporo, atHome}
	rapid.Check(t, func(t *rapid.T) {
		loanPlace := rapid.SampledFrom(places).Draw(t, "loan place")
		loaned := calendar.NewDate(2026, time.January, 1).AddDays(rapid.IntRange(0, 700).Draw(t, "loaned"))
		loan := Loan{Item: "b", Place: loanPlace, Loaned: loaned, Due: loaned.AddDays(14),
			Collection: rapid.SampledFrom([]Collection{General, Hokkaido}).Draw(t, "collection")}
		loan.NoBookDrop = rapid.IntRange(0, 4).Draw(t, "no book drop") == 0
		r := Return{Loan: loan, At: loanPlace}
		if rapid.IntRange(0, 3).Draw(t, "elsewhere") == 0 {
			r.At = rapid.SampledFrom(places).Draw(t, "at")
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

		// The model, from the rules' own words.
		d := calendar.DateOf(r.When)
		jst := r.When.In(calendar.JST())
		minute := jst.Hour()*60 + jst.Minute()
		closeAt := 17 * 60
		if m := jst.Month(); (m >= time.June && m <= time.August) && (jst.Weekday() == time.Thursday || jst.Weekday() == time.Friday) {
			closeAt = 19 * 60
		}
		prefOpen := prefecturalCal.IsOpen(d) && minute >= 9*60 && minute < closeAt
		assemblyService := assemblyCal.IsOpen(d) && minute >= 9*60 && minute < 17*60
		atLibrary := r.At.Method == PrefecturalLibrary || r.At.Method == AssemblyLibrary
		atPref := r.At.Method == PrefecturalLibrary
		prefCounter := r.Channel == GeneralCounter || r.Channel == HokkaidoCounter
		rightCounter := map[Collection]ReturnChannel{General: GeneralCounter, Hokkaido: HokkaidoCounter}[loan.Collection]
		excluded := loan.Collection == Hokkaido || loan.NoBookDrop
		var want []string
		for _, rule := range []struct {
			applies bool
			r       *reason.Reason
		}{
			{r.At.Method != loan.Place.Method || r.At.Library != loan.Place.Library, ErrReturnWrongPlace},
			{atPref && loan.Place.Method == PrefecturalLibrary && prefCounter && r.Channel != rightCounter, ErrReturnWrongPlace},
			{atLibrary && r.Channel == Post, ErrReturnChannel},
			{r.At.Method == HomeDelivery && r.Channel != Post, ErrReturnChannel},
			{r.At.Method == AssemblyLibrary && r.Channel == BookDrop, ErrReturnChannel},
			{atPref && r.Channel == BookDrop && excluded, ErrBookDropExcluded},
			{r.At.Method == AssemblyLibrary && r.Channel != Post && !assemblyService, ErrAssemblyHours},
			{atPref && prefCounter && !prefOpen, ErrCounterClosed},
		} {
			if rule.applies {
				want = append(want, rule.r.Code())
			}
		}

		got, err := desk.Accept(r)
		if c := codes(t, err); !slices.Equal(c, want) {
			t.Fatalf("%v at %v (%v): reasons %v, model %v", r.Channel, r.At, jst, c, want)
		}
		if err != nil {
			return
		}
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
			for x := d; x.Before(got.Shown); x = x.AddDays(1) {
				if staffDaysCal.IsOpen(x) {
					t.Fatalf("R-AL4: staff day %v before shown %v", x, got.Shown)
				}
			}
		default:
			if !got.OnArrival || !got.Shown.IsZero() {
				t.Fatalf("R-PT4: got %+v, want on arrival", got)
			}
		}
	})
}
