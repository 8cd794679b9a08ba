package holds

import (
	"encoding/json"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

// TestNoticePropertyH6R_HD4TimelineJSONAndText: for any secured day
// 2026–2030, any route and any number of loans, the notice gives exactly
// the timeline's dates that apply to its route (H6, R-PL1, R-AL2, R-PT2,
// R-PT3, R-HD2), held back at the loan limit on the routes that travel
// (R-HD4, R-PT5); its JSON decodes back to the same notice; its text in
// each language names every date it gives.
func TestNoticePropertyH6R_HD4TimelineJSONAndText(t *testing.T) {
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
		p := DefaultPolicy()
		n, err := p.Notice(secured("b", place, col, day.String()), cals, loans, false, parcel)
		if err != nil {
			t.Fatal(err)
		}
		tl, err := p.Timeline(day, cals, place, loans, false)
		if err != nil {
			t.Fatal(err)
		}
		travels := place.Method == circulation.PartnerLibrary || place.Method == circulation.HomeDelivery
		if n.HeldBack != (travels && loans >= p.Circulation.MaxLoans) || n.HeldBack != tl.HeldBack {
			t.Fatalf("held back %v, timeline %v", n.HeldBack, tl.HeldBack)
		}
		want := Notice{Item: "b", Place: place, NoticeDay: day}
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
		if n.HeldBack {
			want.HeldBack, want.LoanLimit = true, p.Circulation.MaxLoans
		}
		if n != want {
			t.Fatalf("notice\n%+v\nwant\n%+v", n, want)
		}
		b, err := json.Marshal(n)
		if err != nil {
			t.Fatal(err)
		}
		var back Notice
		if err := json.Unmarshal(b, &back); err != nil || back != n {
			t.Fatalf("JSON %s decodes to %+v (%v)", b, back, err)
		}
		for _, l := range []reason.Lang{reason.English, reason.Japanese} {
			text := n.Text(l)
			var b noticeText
			b.lang = l
			for _, d := range []calendar.Date{n.NoticeDay, n.CourierDay, n.PostingDay, n.PickupFrom, n.Deadline, n.Due} {
				if !d.IsZero() && !strings.Contains(text, b.day(d)) {
					t.Fatalf("%s text does not name %s:\n%s", l, d, text)
				}
			}
		}
	})
}

// BenchmarkNotice is the notice of the route with the most work, a
// partner library (courier, collectable day, deadline, due date), and its
// Japanese text.
func BenchmarkNotice(b *testing.B) {
	p := DefaultPolicy()
	r := secured("0012345678", atEbetsu, circulation.General, "2026-12-25")
	b.ReportAllocs()
	for b.Loop() {
		n, err := p.Notice(r, cals, 3, false, shipping.Class{})
		if err != nil {
			b.Fatal(err)
		}
		_ = n.Text(reason.Japanese)
	}
}
