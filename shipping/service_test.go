package shipping

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/reason"
)

// R-HD3: a Service's String is its stable code (it used to be the English
// name); its names come from Label.
func TestServiceStringIsStableCodeRHD3(t *testing.T) {
	for _, c := range []struct {
		s                    Service
		token, english, japa string
	}{
		{YuMail, "yu_mail", "Yu-Mail", "ゆうメール"},
		{YuPack, "yu_pack", "Yu-Pack", "ゆうパック"},
		{HeavyYuPack, "heavy_yu_pack", "Heavy Yu-Pack", "重量ゆうパック"},
	} {
		assert.Equal(t, c.token, c.s.String())
		assert.Equal(t, c.english, c.s.Label(reason.English))
		assert.Equal(t, c.japa, c.s.Label(reason.Japanese))
		b, err := c.s.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, c.token, string(b))
		var back Service
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, c.s, back)
	}
	for _, bad := range []Service{0, 9} {
		_, err := bad.MarshalText()
		assert.Error(t, err)
		assert.False(t, bad.Valid())
	}
	assert.Equal(t, "service(9)", Service(9).String())
	var s Service
	err := s.UnmarshalText([]byte("YU_MAIL"))
	assert.ErrorIs(t, err, reason.ErrBadInput)
}

// R-HD3: a Class reads as a stable code and size, and is labelled in
// either language.
func TestClassLabelRHD3(t *testing.T) {
	for _, c := range []struct {
		c            Class
		code, en, ja string
	}{
		{yuMail, "yu_mail", "Yu-Mail", "ゆうメール"},
		{pack(60), "yu_pack:60", "Yu-Pack size 60", "ゆうパック60サイズ"},
		{heavy(100), "heavy_yu_pack:100", "Heavy Yu-Pack size 100", "重量ゆうパック100サイズ"},
	} {
		assert.Equal(t, c.code, c.c.String())
		assert.Equal(t, c.en, c.c.Label(reason.English))
		assert.Equal(t, c.ja, c.c.Label(reason.Japanese))
	}

	b, err := json.Marshal([]Class{yuMail, heavy(100), {}})
	require.NoError(t, err)
	assert.JSONEq(t, `[{"service":"yu_mail"},{"service":"heavy_yu_pack","size":100},{}]`, string(b))
	var back []Class
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, []Class{yuMail, heavy(100), {}}, back)
}

func TestZoneLabel(t *testing.T) {
	assert.Equal(t, "北海道", ZoneHokkaido.Label(reason.Japanese))
	assert.Equal(t, "Hokkaido", ZoneHokkaido.Label(reason.English))
	assert.Equal(t, "沖縄", ZoneOkinawa.Label(reason.Japanese))
	assert.Equal(t, "離島", Zone("離島").Label(reason.Japanese))
}

// Every error about input the package cannot use is bad input: a
// reason.Problems matching reason.ErrBadInput whose paths name the fields
// at fault; refusals of a parcel are not.
func TestBadInputNamesTheField(t *testing.T) {
	var c Class
	var rt RateTable
	for _, tt := range []struct {
		name  string
		err   error
		paths []string
	}{
		{"limits", second(NewClassifier(Limits{Sizes: []int{80, 60}})), []string{"sizes[1]"}},
		{"limits weights", second(NewClassifier(Limits{YuMailWeight: dec("40")})), []string{"yu_pack_weight"}},
		{"limits not positive", second(NewClassifier(Limits{HeavyWeight: dec("-1"), YuMail: [3]decimal.Decimal{{}, dec("-2")}})), []string{"yu_mail[1]", "heavy_weight"}},
		{"packing", second(Packing{Weight: dec("-1"), Length: dec("-1")}.Bundle(parcel("1", "1", "1", "1"))), []string{"packing.length", "packing.weight"}},
		{"rate table", second(NewTariff(ownTable(t), RateTable{})), []string{"[1].effective"}},
		{"class", second(SampleTariff().Postage(Shipment{Class: Class{Service: YuPack}, Weight: dec("1"), Zone: ZoneHokkaido, Posted: date(t, "2026-01-05")})), []string{"class"}},
		{"unknown key", json.Unmarshal([]byte(`{"service":"yu_mail","extra":1}`), &c), []string{""}},
		{"size for Yu-Mail", json.Unmarshal([]byte(`{"service":"yu_mail","size":60}`), &c), []string{"size"}},
		{"size for no service", json.Unmarshal([]byte(`{"size":60}`), &c), []string{"size"}},
		{"no size for Yu-Pack", json.Unmarshal([]byte(`{"service":"yu_pack"}`), &c), []string{"size"}},
		{"unknown service", json.Unmarshal([]byte(`{"service":"yu_packet","size":60}`), &c), []string{"service"}},
		{"service of the wrong type", json.Unmarshal([]byte(`{"service":1}`), &c), []string{"service"}},
		{"trailing data", rt.UnmarshalJSON([]byte(`{"effective":"2026-01-01"} 1`)), []string{""}},
		{"bad effective date", rt.UnmarshalJSON([]byte(`{"effective":"2026-02-30"}`)), []string{"effective"}},
		{"bad rates", rt.UnmarshalJSON([]byte(`{"effective":"2026-01-01","yu_mail":[{"up_to":1,"postage":5},{"up_to":1,"postage":-1}],"yu_pack":{"kanto":[{"size":0,"postage":1}]},"cod_fee":-1}`)),
			[]string{"yu_mail[1].up_to", "yu_mail[1].postage", "yu_pack.kanto[0].size", "cod_fee"}},
	} {
		var ps reason.Problems
		if !assert.ErrorIs(t, tt.err, reason.ErrBadInput, tt.name) || !assert.ErrorAs(t, tt.err, &ps, tt.name) {
			continue
		}
		var paths []string
		for _, p := range ps {
			paths = append(paths, p.Path)
		}
		assert.Equal(t, tt.paths, paths, tt.name)
		assert.False(t, isCoded(tt.err), "%s: bad input is no refusal", tt.name)
	}
	assert.Equal(t, Class{}, c, "left unchanged")

	_, err := classify(parcel("0", "1", "1", "1"))
	require.Error(t, err)
	assert.False(t, errors.Is(err, reason.ErrBadInput), "a refusal is an answer")
}

// second returns the error of a call that returns a value and an error.
func second[T any](_ T, err error) error { return err }
