package main

import (
	"github.com/shopspring/decimal"

	"github.com/kashidashi/kashidashi/shipping"
)

// homeDelivery classifies one book and a bundle of three for posting
// (R-HD3) and quotes the postage from the sample tariff (R-HD1).
func (s *story) homeDelivery() error {
	s.heading(5, "Home delivery (R-HD1, R-HD3)", "自宅受取（R-HD1, R-HD3）")
	book := shipping.Parcel{
		Length: decimal.RequireFromString("21"), Width: decimal.RequireFromString("15"),
		Thickness: decimal.RequireFromString("2.5"), Weight: decimal.RequireFromString("0.45"),
	}
	bundle, err := shipping.Packing{}.Bundle(book, book, book)
	if err != nil {
		return err
	}
	classifier, err := shipping.NewClassifier(shipping.Limits{})
	if err != nil {
		return err
	}
	tariff := shipping.SampleTariff()
	for _, p := range []shipping.Parcel{book, bundle} {
		class, err := classifier.Classify(p)
		if err != nil {
			return err
		}
		postage, err := tariff.Postage(shipping.Shipment{Class: class, Weight: p.Weight, Zone: shipping.ZoneHokkaido, Posted: s.start})
		if err != nil {
			return err
		}
		name := class.Label(s.lang)
		s.say("%-22s → %s, %s yen (sample tariff, cash on delivery)",
			"%-22s → %s、%s円（見本料金、着払い）", p, name, postage)
	}
	return nil
}
