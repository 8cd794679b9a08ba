package shipping

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/internal/zerotest"
	"github.com/kashidashi/kashidashi/reason"
)

// The zero Classifier, like a nil one, classifies by the default limits.
func TestZeroClassifierUsesDefaults(t *testing.T) {
	defaults, err := NewClassifier(Limits{})
	require.NoError(t, err)
	for name, c := range map[string]*Classifier{"zero": {}, "nil": nil} {
		zerotest.CallEveryMethod(t, name+" Classifier", c)
		assert.Equal(t, defaults.Limits(), c.Limits(), name)
		for _, p := range []Parcel{parcel("34", "25", "3", "1"), parcel("40", "30", "20", "8"), parcel("100", "50", "30", "28"), parcel("0", "1", "1", "1"), parcel("200", "50", "20", "31")} {
			want, wantErr := defaults.Classify(p)
			got, err := c.Classify(p)
			assert.Equal(t, want, got, "%s %v", name, p)
			assert.Equal(t, codes(wantErr), codes(err), "%s %v", name, p)
		}
	}
}

// The zero Courier, like a nil one, has no courier days; Collectable
// works as documented.
func TestZeroCourierHasNoDays(t *testing.T) {
	tuesday := date(t, "2026-04-07")
	for name, c := range map[string]*Courier{"zero": {}, "nil": nil} {
		zerotest.CallEveryMethod(t, name+" Courier", c)
		assert.False(t, c.IsCourierDay(tuesday), name)
		assert.True(t, c.NextDay(tuesday).IsZero(), name)
		assert.False(t, c.Calendar().IsOpen(tuesday), name)
		assert.Equal(t, date(t, "2026-04-09"), c.Collectable(tuesday, nil), name)
		assert.Equal(t, date(t, "2026-04-09"), c.Collectable(tuesday, calendar.MustNew(calendar.Rules{})), name)
	}
}

// The zero Tariff, like a nil one, has no table: every postage is
// ErrNoRate.
func TestZeroTariffHasNoTable(t *testing.T) {
	on := date(t, "2026-04-01")
	for name, tariff := range map[string]*Tariff{"zero": {}, "nil": nil} {
		zerotest.CallEveryMethod(t, name+" Tariff", tariff)
		assert.Empty(t, tariff.Tables(), name)
		_, err := tariff.On(on)
		assert.ErrorIs(t, err, ErrNoRate, name)
		_, err = tariff.Postage(Shipment{Class: yuMail, Weight: dec("0.1"), Zone: ZoneHokkaido, Posted: on})
		assert.Equal(t, []string{"postage.no_rate", "postage.no_table"}, codes(err), name)
		_, err = tariff.CashOnDelivery(Shipment{Class: pack(60), Weight: dec("1"), Zone: ZoneHokkaido, Posted: on})
		assert.ErrorIs(t, err, ErrNoRate, name)
	}
}

// The values of the package and their methods never panic on the zero
// value.
func TestZeroValuesNeverPanic(t *testing.T) {
	for name, v := range map[string]any{
		"Class": &Class{}, "Limits": &Limits{}, "Packing": &Packing{}, "Parcel": &Parcel{},
		"RateTable": &RateTable{}, "Service": new(Service), "SizeRate": &SizeRate{},
		"WeightRate": &WeightRate{}, "Zone": new(Zone),
	} {
		zerotest.CallEveryMethod(t, name, v)
	}
	_, err := Packing{}.Bundle()
	assert.ErrorIs(t, err, ErrEmptyBundle)
	_, err = (&Classifier{}).Classify(Parcel{})
	assert.ErrorIs(t, err, ErrBadMeasure)
	assert.Equal(t, "yu_mail", Class{Service: YuMail}.String())
	assert.Equal(t, "", Zone("").Label(reason.Japanese))
}
