package shipping

import (
	"github.com/shopspring/decimal"

	"github.com/kashidashi/kashidashi/calendar"
)

// SampleTariff returns sample rate tables, to try the package with and
// to show the shape of a real tariff. They are NOT an authoritative Japan
// Post tariff: a host must confirm every figure against the tariff in
// force before it quotes postage to patrons. All amounts are in yen.
//
// Two tables:
//
//   - in force from 2024-08-01 (a date we chose: the Yu-Pack figures are
//     as of August 2024, not from a revision we know the date of; postage
//     dated before it has no table): Yu-Mail up to 150 g 180, 250 g 215,
//     500 g 310, 1 kg 360;
//   - in force from 2025-11-01: Yu-Mail 190, 230, 320 and 380 for the
//     same steps.
//
// Both give Yu-Pack from Hokkaido to Hokkaido only (ZoneHokkaido), sizes
// 60 to 170: 820, 1130, 1450, 1770, 2120, 2450 and 3000; the later
// table repeats the August 2024 figures, since we know of no newer ones.
// Other zones have no rate (ErrNoRate) until the host supplies a table.
// The heavy Yu-Pack surcharge is 510, Japan Post's figure in the past,
// and the cash-on-delivery fee 0, since as far as we know Japan Post adds
// no fee for 着払い: both to confirm.
func SampleTariff() *Tariff {
	yen := decimal.NewFromInt
	kg := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	yuMail := func(p150, p250, p500, p1000 int64) []WeightRate {
		return []WeightRate{
			{UpTo: kg("0.15"), Postage: yen(p150)},
			{UpTo: kg("0.25"), Postage: yen(p250)},
			{UpTo: kg("0.5"), Postage: yen(p500)},
			{UpTo: kg("1"), Postage: yen(p1000)},
		}
	}
	var hokkaido []SizeRate
	sizes := defaultLimits().Sizes
	for i, p := range []int64{820, 1130, 1450, 1770, 2120, 2450, 3000} {
		hokkaido = append(hokkaido, SizeRate{Size: sizes[i], Postage: yen(p)})
	}
	table := func(effective calendar.Date, mail []WeightRate) RateTable {
		return RateTable{
			Effective:      effective,
			YuMail:         mail,
			YuPack:         map[Zone][]SizeRate{ZoneHokkaido: hokkaido},
			HeavySurcharge: decimal.NewNullDecimal(yen(510)),
			CODFee:         decimal.NewNullDecimal(yen(0)),
		}
	}
	t, err := NewTariff(
		table(calendar.NewDate(2024, 8, 1), yuMail(180, 215, 310, 360)),
		table(calendar.NewDate(2025, 11, 1), yuMail(190, 230, 320, 380)),
	)
	if err != nil {
		panic(err) // the sample tables are valid
	}
	return t
}
