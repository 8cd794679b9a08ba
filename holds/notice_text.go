package holds

import (
	"strconv"
	"strings"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// Text returns the notice email's text in language l (any language other
// than Japanese reads as English, as reason.Message does): a subject line,
// then one line for each fact of n, dates with their weekday. A host with
// its own wording builds its text from n's fields instead.
func (n Notice) Text(l reason.Lang) string {
	var b noticeText
	b.lang = l
	b.line("Your reserved item is ready", "予約資料確保のお知らせ")
	b.line("Item: "+n.Item, "資料："+n.Item)
	b.line("Notice sent: "+b.day(n.NoticeDay), "確保日："+b.day(n.NoticeDay))
	place := n.Place.Label(l)
	if n.Counter.Valid() {
		place = b.pick(place+", "+n.Counter.Label(l), place+" "+n.Counter.Label(l))
	}
	if n.Place.Method == circulation.HomeDelivery {
		b.line("Received by: home delivery to your registered address", "受取方法：自宅（登録住所へ郵送）")
	} else {
		b.line("Pickup place: "+place, "受取場所："+place)
	}
	if n.HeldBack {
		limit := strconv.Itoa(n.LoanLimit)
		what := b.pick("sent", "発送")
		b.line("You have reached the loan limit of "+limit+" items: the item will be "+what+" once a return has been processed at the Prefectural Library.",
			"貸出上限（"+limit+"冊）に達しているため、道立図書館で返却処理が済んだ後の"+what+"となります。")
		return b.String()
	}
	if !n.CourierDay.IsZero() {
		b.line("Sent by courier to the library on: "+b.day(n.CourierDay), "受取館への発送日（協力車）："+b.day(n.CourierDay))
	}
	if !n.PostingDay.IsZero() {
		b.line("Posted on: "+b.day(n.PostingDay), "発送日："+b.day(n.PostingDay))
	}
	if n.Parcel.Service.Valid() {
		service := n.Parcel.Label(b.lang)
		if n.CashOnDelivery {
			b.line("Service: "+service+", postage paid on delivery (cash on delivery)", "発送方法："+service+"（送料は着払い）")
		} else {
			b.line("Service: "+service, "発送方法："+service)
		}
	}
	if !n.PickupFrom.IsZero() {
		b.line("Pickup from: "+b.day(n.PickupFrom), "受取開始日："+b.day(n.PickupFrom)+"から")
		if n.Place.Method == circulation.PartnerLibrary {
			b.line("Show your Prefectural Library card number when you collect it.", "受け取りの際は道立図書館の利用者番号をご提示ください。")
		}
	}
	if !n.Deadline.IsZero() {
		b.line("Hold-shelf deadline: "+b.day(n.Deadline)+" (closed days are not counted); after it the reservation is cancelled.",
			"取置期限："+b.day(n.Deadline)+"まで（休館日は数えません）。期限を過ぎると予約は取り消されます。")
	}
	if !n.Due.IsZero() {
		b.line("Due back: "+b.day(n.Due)+" (no extension)", "返却期限："+b.day(n.Due)+"（延長はできません）")
	}
	return b.String()
}

// noticeText writes the lines of a notice in one language.
type noticeText struct {
	strings.Builder
	lang reason.Lang
}

// pick returns en or ja for the builder's language.
func (b *noticeText) pick(en, ja string) string {
	if b.lang == reason.Japanese {
		return ja
	}
	return en
}

// line writes en or ja, and a newline.
func (b *noticeText) line(en, ja string) {
	b.WriteString(b.pick(en, ja))
	b.WriteByte('\n')
}

// weekdaysJa are the weekday marks a Japanese date carries.
var weekdaysJa = [7]string{"日", "月", "火", "水", "木", "金", "土"}

// day writes d with its weekday: "2026-11-20 (Fri)", "2026年11月20日（金）".
// The zero Date, no date, is "-".
func (b *noticeText) day(d calendar.Date) string {
	if d.IsZero() {
		return "-"
	}
	y, m, dd := d.Date()
	wd := d.Weekday()
	if b.lang == reason.Japanese {
		return strconv.Itoa(y) + "年" + strconv.Itoa(int(m)) + "月" + strconv.Itoa(dd) + "日（" + weekdaysJa[wd] + "）"
	}
	return d.String() + " (" + wd.String()[:3] + ")"
}
