package shipping

import (
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
)

// Sinks keep results alive so that the compiler does not drop the work.
var (
	sinkClass Class
	sinkDate  calendar.Date
	sinkErr   error
)

func BenchmarkClassify(b *testing.B) {
	for _, c := range []struct {
		name string
		p    Parcel
	}{
		{"yu_mail", parcel("21", "14.8", "1.5", "0.3")},
		{"yu_pack", parcel("34.01", "25", "3", "1.25")},
		{"heavy", parcel("60.5", "40", "30", "27.5")},
		{"exact_path", parcel("21.0000001", "14.8", "1.5", "0.3")},
		{"refused", parcel("200", "50", "20", "-1")},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkClass, sinkErr = classify(c.p)
			}
		})
	}
}

func BenchmarkBundle3(b *testing.B) {
	books := []Parcel{
		parcel("21", "14.8", "1.5", "0.3"),
		parcel("1.2", "25.7", "18.2", "0.45"),
		parcel("30", "10", "0.8", "0.2"),
	}
	b.ReportAllocs()
	for b.Loop() {
		p, err := Packing{}.Bundle(books...)
		sinkErr = err
		sinkClass, _ = classify(p)
	}
}

func BenchmarkPostage(b *testing.B) {
	tariff := SampleTariff()
	posted := calendar.NewDate(2025, 11, 1)
	weight := dec("0.3")
	b.ReportAllocs()
	for b.Loop() {
		_, sinkErr = tariff.Postage(Shipment{Class: yuMail, Weight: weight, Zone: ZoneHokkaido, Posted: posted})
	}
}

func BenchmarkNextDay(b *testing.B) {
	c := publishedCourier()
	d := calendar.NewDate(2026, 12, 25)
	b.ReportAllocs()
	for b.Loop() {
		sinkDate = c.NextDay(d)
	}
}

func BenchmarkCollectable(b *testing.B) {
	c := publishedCourier()
	partner := calendar.MustNew(prefecturalLibraryRules())
	d := calendar.NewDate(2026, 12, 25)
	b.ReportAllocs()
	for b.Loop() {
		sinkDate = c.Collectable(d, partner)
	}
}

func BenchmarkParseParcel(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, sinkErr = ParseParcel("21x14.8x1.5cm 300g")
	}
}
