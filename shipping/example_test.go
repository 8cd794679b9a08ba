package shipping_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

func ExampleClassifier_Classify() {
	classifier, _ := shipping.NewClassifier(shipping.Limits{}) // the defaults never fail
	for _, s := range []string{"34x25x3cm 1kg", "3x34x25cm 1kg", "34.01x25x3cm 1kg", "40x30x20cm 27kg", "100x50x20.5cm 31kg"} {
		p, _ := shipping.ParseParcel(s)
		c, err := classifier.Classify(p)
		if err != nil {
			fmt.Println(s, "→", errors.Is(err, shipping.ErrTooLarge), errors.Is(err, shipping.ErrTooHeavy))
			for _, m := range reason.Localize(err, reason.Japanese) {
				fmt.Println("  ", m.Code, m.Message)
			}
			continue
		}
		fmt.Println(s, "→", c, "/", c.Label(reason.English), "/", c.Label(reason.Japanese))
	}
	// Output:
	// 34x25x3cm 1kg → yu_mail / Yu-Mail / ゆうメール
	// 3x34x25cm 1kg → yu_mail / Yu-Mail / ゆうメール
	// 34.01x25x3cm 1kg → yu_pack:80 / Yu-Pack size 80 / ゆうパック80サイズ
	// 40x30x20cm 27kg → heavy_yu_pack:100 / Heavy Yu-Pack size 100 / 重量ゆうパック100サイズ
	// 100x50x20.5cm 31kg → true true
	//    parcel.too_large 荷物がゆうパックで送れる大きさを超えています（3辺の合計は170cmまで）。
	//    parcel.too_heavy 荷物がゆうパックで送れる重さを超えています（30kgまで）。
}

func ExamplePacking_Bundle() {
	classifier, _ := shipping.NewClassifier(shipping.Limits{})
	a5, _ := shipping.ParseParcel("21x14.8x1.5cm 300g")
	b5, _ := shipping.ParseParcel("25.7x18.2x1.2cm 450g")

	two, _ := shipping.Packing{}.Bundle(a5, b5) // no allowance for wrapping
	c, _ := classifier.Classify(two)
	fmt.Println(two, c)

	// With an envelope: 5 mm and 50 g more.
	envelope := shipping.Packing{Thickness: decimal.RequireFromString("0.5"), Weight: decimal.RequireFromString("0.05")}
	wrapped, _ := envelope.Bundle(a5, b5)
	c, _ = classifier.Classify(wrapped)
	fmt.Println(wrapped, c)
	// Output:
	// 25.7x18.2x2.7cm 0.75kg yu_mail
	// 25.7x18.2x3.2cm 0.8kg yu_pack:60
}

func ExampleTariff_Postage() {
	tariff := shipping.SampleTariff() // sample figures: confirm them before use
	classifier, _ := shipping.NewClassifier(shipping.Limits{})
	book, _ := shipping.ParseParcel("21x14.8x1.5cm 300g")
	c, _ := classifier.Classify(book)
	for _, posted := range []calendar.Date{calendar.NewDate(2025, 10, 31), calendar.NewDate(2025, 11, 1)} {
		yen, _ := tariff.CashOnDelivery(shipping.Shipment{Class: c, Weight: book.Weight, Zone: shipping.ZoneHokkaido, Posted: posted})
		fmt.Println(posted, c.Label(reason.English), yen, "yen")
	}

	box, _ := shipping.ParseParcel("40x30x20cm 8kg")
	c, _ = classifier.Classify(box)
	yen, _ := tariff.Postage(shipping.Shipment{Class: c, Weight: box.Weight, Zone: shipping.ZoneHokkaido, Posted: calendar.NewDate(2026, 4, 1)})
	fmt.Println(c.Label(reason.English), yen, "yen")
	_, err := tariff.Postage(shipping.Shipment{Class: c, Weight: box.Weight, Zone: shipping.ZoneKanto, Posted: calendar.NewDate(2026, 4, 1)})
	fmt.Println(err)
	for _, m := range reason.Localize(err, reason.English) {
		fmt.Println(m.Message)
	}
	// Output:
	// 2025-10-31 Yu-Mail 310 yen
	// 2025-11-01 Yu-Mail 320 yen
	// Yu-Pack size 100 1450 yen
	// shipping: postage refused: postage.no_rate, postage.no_yu_pack_zone
	// The postage tariff has no rate for this parcel on the posting date.
	// The rate table in force from 2025-11-01 has no Yu-Pack rates to zone kanto.
}

func ExampleCourier() {
	// The courier runs on Tuesdays and Fridays, not on public holidays nor
	// at the year end (R-PT2), as the library's configuration states.
	courier := calendar.WeeklySchedule("協力車", time.Tuesday, time.Friday)
	courier.ClosedOnHolidays, courier.YearEnd = true, true
	// The library announces that Friday 2026-12-25's courier runs on
	// Monday 2026-12-28 instead.
	rules := courier.MoveDay(
		calendar.NewDate(2026, 12, 25), calendar.NewDate(2026, 12, 28), "年末の繰り下げ")
	announced, _ := shipping.NewCourier(rules)
	published, _ := shipping.NewCourier(courier)
	partner := calendar.MustNew(calendar.Rules{
		Name:           "江別市情報図書館",
		ClosedWeekdays: calendar.WeekdaysOf(time.Monday),
		YearEnd:        true,
	})

	ready := calendar.NewDate(2026, 12, 24) // the ready email
	for _, c := range []*shipping.Courier{published, announced} {
		sent := c.NextDay(ready)
		fmt.Println("sent", sent, sent.Weekday(), "collect from", c.Collectable(sent, partner))
	}
	fmt.Println(published.NextDay(calendar.NewDate(2026, 12, 25)))
	fmt.Println(published.IsCourierDay(calendar.NewDate(2026, 11, 3))) // 文化の日
	// Output:
	// sent 2026-12-25 Friday collect from 2026-12-27
	// sent 2026-12-28 Monday collect from 2027-01-05
	// 2027-01-05
	// false
}
