package notice_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/notice"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

// TestSecuredPropertyH6R_HD4TimelineJSONAndText: for any secured day
// 2026–2030, any route and any number of loans, the notice gives exactly
// the timeline's dates that apply to its route (H6, R-PL1, R-AL2, R-PT2,
// R-PT3, R-HD2), held back at the loan limit on the routes that travel
// (R-HD4, R-PT5); its JSON decodes back to the same notice; its text in
// each language names every date it gives with its weekday; the rows of
// the timeline give the same dates.
func TestSecuredPropertyH6R_HD4TimelineJSONAndText(t *testing.T) {
	first := mustDay("2026-01-01")
	rapid.Check(t, func(t *rapid.T) {
		day := first.AddDays(rapid.IntRange(0, 5*365).Draw(t, "day"))
		place := rapid.SampledFrom([]circulation.Place{atPrefectural, atAssembly, atEbetsu, atThursdays, atHome}).Draw(t, "place")
		loans := rapid.IntRange(0, 12).Draw(t, "loans")
		col := rapid.SampledFrom([]circulation.Collection{circulation.General, circulation.Hokkaido}).Draw(t, "collection")
		var parcel shipping.Class
		if place == atHome {
			parcel = rapid.SampledFrom([]shipping.Class{{Service: shipping.YuMail}, {Service: shipping.YuPack, Size: 80}}).Draw(t, "parcel")
		}
		r := secured("b", place, col, day.String())
		r.Short = rapid.Bool().Draw(t, "short")
		tl, err := policy.Timeline(r, cals, loans)
		if err != nil {
			t.Fatal(err)
		}
		n, err := notice.Secured(r, tl, parcel)
		if err != nil {
			t.Fatal(err)
		}
		travels := place.Method == circulation.PartnerLibrary || place.Method == circulation.HomeDelivery
		if n.HeldBack != (travels && loans >= policy.Circulation.MaxLoans) || n.HeldBack != tl.HeldBack {
			t.Fatalf("held back %v, timeline %v", n.HeldBack, tl.HeldBack)
		}
		if want := wantNotice(r.Item, place, col, day, parcel, tl); n != want {
			t.Fatalf("notice\n%+v\nwant\n%+v", n, want)
		}
		b, err := json.Marshal(n)
		if err != nil {
			t.Fatal(err)
		}
		var back notice.Notice
		if err := json.Unmarshal(b, &back); err != nil || back != n {
			t.Fatalf("JSON %s decodes to %+v (%v)", b, back, err)
		}
		checkDatesShown(t, n, tl)
	})
}

// checkDatesShown checks that the text of n in each language names every
// date n gives, with its weekday, and that the rows of tl give them.
func checkDatesShown(t *rapid.T, n notice.Notice, tl holds.Timeline) {
	dates := []calendar.Date{n.NoticeDay, n.CourierDay, n.PostingDay, n.PickupFrom, n.Deadline, n.Due}
	for _, l := range []reason.Lang{reason.English, reason.Japanese} {
		text := n.Text(nil, l)
		for _, d := range dates {
			if !d.IsZero() && !strings.Contains(text, dayText(d, l)) {
				t.Fatalf("%s text does not name %s:\n%s", l, dayText(d, l), text)
			}
		}
	}
	rowDates := map[calendar.Date]bool{}
	for _, row := range notice.Rows(tl) {
		rowDates[row.Date] = true
	}
	for _, d := range dates {
		if !d.IsZero() && !rowDates[d] {
			t.Fatalf("the rows of %+v lack %s", tl, d)
		}
	}
}

// wantNotice is the notice of item at place, of collection col, secured
// on day: the dates of tl that apply to the route.
func wantNotice(item string, place circulation.Place, col circulation.Collection, day calendar.Date, parcel shipping.Class, tl holds.Timeline) notice.Notice {
	want := notice.Notice{Item: item, Place: place, NoticeDay: day}
	switch place.Method {
	case circulation.PrefecturalLibrary:
		want.Counter = col.Counter()
		want.PickupFrom, want.Deadline = tl.FirstPickup, tl.Deadline
	case circulation.AssemblyLibrary:
		want.PickupFrom, want.Deadline = tl.FirstPickup, tl.Deadline
	case circulation.PartnerLibrary:
		want.CourierDay, want.PickupFrom, want.Deadline, want.Due = tl.Sent, tl.FirstPickup, tl.Deadline, tl.Due
	case circulation.HomeDelivery:
		want.Parcel, want.CashOnDelivery, want.PostingDay, want.Due = parcel, true, tl.Sent, tl.Due
	}
	if tl.HeldBack {
		want.HeldBack, want.LoanLimit = true, policy.Circulation.MaxLoans
	}
	return want
}

// weekdays are the weekday marks of dayText, Sunday first.
var weekdays = [2][7]string{
	{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
	{"日", "月", "火", "水", "木", "金", "土"},
}

// dayText writes d with its weekday as a notice does: "2026-11-20 (Fri)",
// "2026年11月20日（金）".
func dayText(d calendar.Date, l reason.Lang) string {
	if l == reason.Japanese {
		y, m, dd := d.Date()
		return strconv.Itoa(y) + "年" + strconv.Itoa(int(m)) + "月" + strconv.Itoa(dd) + "日（" + weekdays[1][d.Weekday()] + "）"
	}
	return d.String() + " (" + weekdays[0][d.Weekday()] + ")"
}

// BenchmarkSecured is the notice of the route with the most work, a
// partner library (courier, collectable day, deadline, due date), from
// its timeline, and its Japanese text.
func BenchmarkSecured(b *testing.B) {
	r := secured("0012345678", atEbetsu, circulation.General, "2026-12-25")
	b.ReportAllocs()
	for b.Loop() {
		tl, err := policy.Timeline(r, cals, 3)
		if err != nil {
			b.Fatal(err)
		}
		n, err := notice.Secured(r, tl, shipping.Class{})
		if err != nil {
			b.Fatal(err)
		}
		_ = n.Text(nil, reason.Japanese)
	}
}
