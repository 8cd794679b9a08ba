package shipping

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/internal/reasontest"
	"github.com/kashidashi/kashidashi/reason"
)

func TestSamplePostageRHD1(t *testing.T) {
	tariff := SampleTariff()
	for _, c := range []struct {
		name   string
		class  Class
		weight string
		zone   Zone
		posted string
		want   string
		code   string
	}{
		{"R-HD1 Yu-Mail 150 g the day before the revision", yuMail, "0.15", ZoneHokkaido, "2025-10-31", "180", ""},
		{"R-HD1 Yu-Mail 150 g on the revision day", yuMail, "0.15", ZoneHokkaido, "2025-11-01", "190", ""},
		{"R-HD1 Yu-Mail 151 g old", yuMail, "0.151", ZoneKanto, "2025-10-31", "215", ""},
		{"R-HD1 Yu-Mail 151 g new", yuMail, "0.151", ZoneKanto, "2025-11-01", "230", ""},
		{"R-HD1 Yu-Mail 250 g old", yuMail, "0.25", ZoneHokkaido, "2025-10-31", "215", ""},
		{"R-HD1 Yu-Mail 500 g new", yuMail, "0.5", ZoneHokkaido, "2026-04-01", "320", ""},
		{"R-HD1 Yu-Mail 1 kg old", yuMail, "1", ZoneHokkaido, "2024-08-01", "360", ""},
		{"R-HD1 Yu-Mail 1 kg new", yuMail, "1", ZoneHokkaido, "2025-11-01", "380", ""},
		{"R-HD1 Yu-Mail over 1 kg", yuMail, "1.001", ZoneHokkaido, "2025-11-01", "", "postage.no_yu_mail_step"},
		{"R-HD1 Yu-Mail weightless", yuMail, "0", ZoneHokkaido, "2025-11-01", "", "parcel.bad_measure"},
		{"R-HD1 Yu-Pack 60 old", pack(60), "2", ZoneHokkaido, "2025-10-31", "820", ""},
		{"R-HD1 Yu-Pack 60 new", pack(60), "2", ZoneHokkaido, "2025-11-01", "820", ""},
		{"R-HD1 Yu-Pack 80", pack(80), "2", ZoneHokkaido, "2025-11-01", "1130", ""},
		{"R-HD1 Yu-Pack 170", pack(170), "2", ZoneHokkaido, "2025-11-01", "3000", ""},
		{"R-HD1 heavy Yu-Pack 100 adds the surcharge", heavy(100), "28", ZoneHokkaido, "2025-11-01", "1960", ""},
		{"R-HD1 Yu-Pack to Kanto has no sample rate", pack(60), "2", ZoneKanto, "2025-11-01", "", "postage.no_yu_pack_zone"},
		{"R-HD1 Yu-Pack of a size the table lacks", pack(180), "2", ZoneHokkaido, "2025-11-01", "", "postage.no_yu_pack_size"},
		{"R-HD1 before the first table", yuMail, "0.1", ZoneHokkaido, "2024-07-31", "", "postage.no_table"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := tariff.Postage(Shipment{Class: c.class, Weight: dec(c.weight), Zone: c.zone, Posted: date(t, c.posted)})
			switch {
			case c.code == "parcel.bad_measure":
				assert.Equal(t, []string{c.code}, codes(err))
				return
			case c.code != "":
				assert.Equal(t, []string{"postage.no_rate", c.code}, codes(err), "R-HD1: no rate, then what is missing")
				assert.ErrorIs(t, err, ErrNoRate)
				return
			}
			require.NoError(t, err)
			assert.True(t, got.Equal(dec(c.want)), "got %v want %v", got, c.want)

			cod, err := tariff.CashOnDelivery(Shipment{Class: c.class, Weight: dec(c.weight), Zone: c.zone, Posted: date(t, c.posted)})
			require.NoError(t, err)
			assert.True(t, cod.Equal(got), "R-HD1: the sample cash-on-delivery fee is 0")
		})
	}
}

func TestPostageMessages(t *testing.T) {
	tariff := SampleTariff()
	_, err := tariff.Postage(Shipment{Class: pack(60), Weight: dec("2"), Zone: ZoneKanto, Posted: date(t, "2025-11-01")})
	assert.EqualError(t, err, "shipping: postage refused: postage.no_rate, postage.no_yu_pack_zone")
	assert.Equal(t, "The postage tariff has no rate for this parcel on the posting date.; The rate table in force from 2025-11-01 has no Yu-Pack rates to zone kanto.", english(err))
	assert.Equal(t, []string{"発送日の運賃表にこの荷物の運賃がありません。", "2025年11月1日からの運賃表にkanto宛のゆうパック運賃がありません。"}, japanese(err))
	reasontest.CheckParams(t, err, nil, reason.Params{reason.Date(date(t, "2025-11-01")), reason.Field("kanto")})

	_, err = tariff.Postage(Shipment{Class: pack(180), Weight: dec("2"), Zone: ZoneHokkaido, Posted: date(t, "2025-11-01")})
	assert.Contains(t, english(err), "The rate table in force from 2025-11-01 has no Yu-Pack rate of size 180 to zone hokkaido.")
	assert.Contains(t, japanese(err), "2025年11月1日からの運賃表にhokkaido宛のゆうパック180サイズの運賃がありません。")
	_, err = tariff.Postage(Shipment{Class: yuMail, Weight: dec("1.001"), Zone: ZoneHokkaido, Posted: date(t, "2025-11-01")})
	assert.Contains(t, english(err), "The rate table in force from 2025-11-01 has no Yu-Mail rate for this weight.")

	_, err = tariff.Postage(Shipment{Class: yuMail, Weight: dec("0.1"), Zone: ZoneHokkaido, Posted: date(t, "2024-07-31")})
	assert.ErrorIs(t, err, ErrNoRate)
	assert.Contains(t, english(err), "No rate table is in force on the posting date: the first takes effect on 2024-08-01.")
	assert.Contains(t, japanese(err), "発送日に有効な運賃表がありません（最初の運賃表は2024年8月1日から）。")

	var none *Tariff
	_, err = none.Postage(Shipment{Class: yuMail, Weight: dec("0.1"), Zone: ZoneHokkaido, Posted: date(t, "2024-07-31")})
	assert.ErrorIs(t, err, ErrNoRate)
	assert.Equal(t, []string{"postage.no_rate", "postage.no_table"}, codes(err))
	assert.Contains(t, english(err), "No rate table is in force on the posting date.", "no first table to name")
	assert.Nil(t, none.Tables())

	for _, c := range []Class{{}, {Service: YuMail, Size: 60}, {Service: YuPack}, {Service: 9, Size: 60}} {
		_, err := tariff.Postage(Shipment{Class: c, Weight: dec("1"), Zone: ZoneHokkaido, Posted: date(t, "2025-11-01")})
		assert.ErrorIs(t, err, reason.ErrBadInput, c)
		assert.False(t, isCoded(err), c)
	}
}

func TestTariffOn(t *testing.T) {
	tariff := SampleTariff()
	rt, err := tariff.On(date(t, "2025-10-31"))
	require.NoError(t, err)
	assert.Equal(t, "2024-08-01", rt.Effective.String())
	rt, err = tariff.On(date(t, "2099-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "2025-11-01", rt.Effective.String())

	// The copy On returns does not reach into the tariff.
	rt.YuMail[0].Postage = dec("1")
	rt.YuPack[ZoneHokkaido][0].Postage = dec("1")
	rt.YuPack[ZoneKanto] = nil
	p, err := tariff.Postage(Shipment{Class: yuMail, Weight: dec("0.1"), Zone: ZoneHokkaido, Posted: date(t, "2026-01-01")})
	require.NoError(t, err)
	assert.True(t, p.Equal(dec("190")))
	p, err = tariff.Postage(Shipment{Class: pack(60), Weight: dec("1"), Zone: ZoneHokkaido, Posted: date(t, "2026-01-01")})
	require.NoError(t, err)
	assert.True(t, p.Equal(dec("820")))
	assert.Len(t, tariff.Tables(), 2)
}

// ownTable is a host's table with two zones and no fees.
func ownTable(t testing.TB) RateTable {
	return RateTable{
		Effective: date(t, "2026-04-01"),
		YuMail:    []WeightRate{{UpTo: dec("1"), Postage: dec("400")}},
		YuPack: map[Zone][]SizeRate{
			ZoneHokkaido: {{Size: 60, Postage: dec("900")}, {Size: 80, Postage: dec("1200")}},
			ZoneKanto:    {{Size: 60, Postage: dec("1300")}},
		},
	}
}

func TestHostTableRHD1(t *testing.T) {
	rt := ownTable(t)
	tariff, err := NewTariff(rt)
	require.NoError(t, err)

	// The tariff copied the table.
	rt.YuMail[0].Postage = dec("1")
	rt.YuPack[ZoneKanto][0].Postage = dec("1")
	delete(rt.YuPack, ZoneHokkaido)

	on := date(t, "2026-05-01")
	p, err := tariff.Postage(Shipment{Class: pack(60), Weight: dec("5"), Zone: ZoneKanto, Posted: on})
	require.NoError(t, err)
	assert.True(t, p.Equal(dec("1300")))
	p, err = tariff.Postage(Shipment{Class: yuMail, Weight: dec("0.8"), Zone: ZoneOkinawa, Posted: on})
	require.NoError(t, err)
	assert.True(t, p.Equal(dec("400")), "Yu-Mail costs the same to every zone")
	p, err = tariff.Postage(Shipment{Class: pack(80), Weight: dec("5"), Zone: ZoneHokkaido, Posted: on})
	require.NoError(t, err)
	assert.True(t, p.Equal(dec("1200")))

	_, err = tariff.Postage(Shipment{Class: heavy(60), Weight: dec("28"), Zone: ZoneKanto, Posted: on})
	assert.ErrorIs(t, err, ErrNoRate)
	assert.Equal(t, []string{"postage.no_rate", "postage.no_heavy_surcharge"}, codes(err))
	assert.Contains(t, english(err), "The rate table in force from 2026-04-01 has no heavy Yu-Pack surcharge.")
	_, err = tariff.CashOnDelivery(Shipment{Class: pack(60), Weight: dec("5"), Zone: ZoneKanto, Posted: on})
	assert.ErrorIs(t, err, ErrNoRate)
	assert.Equal(t, []string{"postage.no_rate", "postage.no_cod_fee"}, codes(err))
	assert.Contains(t, english(err), "The rate table in force from 2026-04-01 has no cash-on-delivery fee.")
}

func TestNewTariffRefuses(t *testing.T) {
	bad := map[string]func(*RateTable){
		"no date":              func(rt *RateTable) { rt.Effective = calendar.Date{} },
		"steps descend":        func(rt *RateTable) { rt.YuMail = []WeightRate{{dec("1"), dec("1")}, {dec("0.5"), dec("2")}} },
		"steps repeat":         func(rt *RateTable) { rt.YuMail = []WeightRate{{dec("1"), dec("1")}, {dec("1.0"), dec("2")}} },
		"zero step":            func(rt *RateTable) { rt.YuMail = []WeightRate{{dec("0"), dec("1")}} },
		"postage decreases":    func(rt *RateTable) { rt.YuMail = []WeightRate{{dec("0.5"), dec("2")}, {dec("1"), dec("1")}} },
		"negative postage":     func(rt *RateTable) { rt.YuMail = []WeightRate{{dec("0.5"), dec("-2")}} },
		"sizes descend":        func(rt *RateTable) { rt.YuPack[ZoneKanto] = []SizeRate{{80, dec("1")}, {60, dec("2")}} },
		"size zero":            func(rt *RateTable) { rt.YuPack[ZoneKanto] = []SizeRate{{0, dec("1")}} },
		"size postage falls":   func(rt *RateTable) { rt.YuPack[ZoneKanto] = []SizeRate{{60, dec("2")}, {80, dec("1")}} },
		"zone without name":    func(rt *RateTable) { rt.YuPack[""] = []SizeRate{{60, dec("1")}} },
		"negative fee":         func(rt *RateTable) { rt.CODFee = decimal.NewNullDecimal(dec("-1")) },
		"implausible amount":   func(rt *RateTable) { rt.HeavySurcharge = decimal.NewNullDecimal(decimal.New(1, 99)) },
		"implausible postage":  func(rt *RateTable) { rt.YuMail = []WeightRate{{dec("1"), decimal.New(1, -99)}} },
		"implausible max step": func(rt *RateTable) { rt.YuMail = []WeightRate{{decimal.New(1, 99), dec("1")}} },
	}
	for name, spoil := range bad {
		rt := ownTable(t)
		spoil(&rt)
		_, err := NewTariff(ownTable(t), rt)
		assert.ErrorIs(t, err, reason.ErrBadInput, name)
		var ps reason.Problems
		if assert.ErrorAs(t, err, &ps, name) {
			assert.True(t, strings.HasPrefix(ps[0].Path, "[1]."), "%s: the second table at fault: %v", name, ps)
		}
		var decoded RateTable
		b, _ := json.Marshal(rt)
		if err := decoded.UnmarshalJSON(b); name != "implausible amount" && name != "implausible postage" && name != "implausible max step" {
			assert.ErrorIs(t, err, reason.ErrBadInput, "%s: decoding refuses it too", name)
		}
	}
	_, err := NewTariff(ownTable(t), ownTable(t))
	assert.EqualError(t, err, "bad input: [1].effective: tables [0] and [1] both take effect on 2026-04-01")

	empty, err := NewTariff()
	require.NoError(t, err)
	_, err = empty.On(date(t, "2026-04-01"))
	assert.ErrorIs(t, err, ErrNoRate)
}

func TestTariffConcurrent(t *testing.T) {
	tariff := SampleTariff()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				posted := calendar.NewDate(2025, 10, 25+(g+i)%14)
				if _, err := tariff.Postage(Shipment{Class: yuMail, Weight: dec("0.3"), Zone: ZoneHokkaido, Posted: posted}); err != nil {
					t.Error(err)
				}
				if _, err := tariff.Postage(Shipment{Class: heavy(60), Weight: dec("28"), Zone: ZoneHokkaido, Posted: posted}); err != nil {
					t.Error(err)
				}
				rt, _ := tariff.On(posted)
				rt.YuMail[0].Postage = decimal.Zero
				if _, err := classify(parcel("34", "25", "3", "1")); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
}
