package shipping

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Defect: Class decoded any service and size, so {"service":"yu_pack",
// "size":-60} or a Yu-Mail with a size became a Class no Classify returns
// (R-HD3); unknown keys were ignored.
func TestClassUnmarshalJSONRHD3RefusesInvalid(t *testing.T) {
	for _, in := range []string{
		`{"service":"yu_pack","size":-60}`,
		`{"service":"yu_pack","size":0}`,
		`{"service":"yu_pack"}`,
		`{"service":"heavy_yu_pack","size":-1}`,
		`{"service":"yu_mail","size":60}`,
		`{"service":"","size":60}`,
		`{"size":-5}`,
		`{"service":"yu_mail","colour":"red"}`,
		`{"service":"yu_mail"} {}`,
		`{"service":"YU_MAIL"}`,
		`{"service":""}`,
		`[]`,
		`{"service":"yu_pack","size":1e3}`,
	} {
		var c Class
		err := json.Unmarshal([]byte(in), &c)
		assert.Error(t, err, in)
		assert.Equal(t, Class{}, c, in)
	}
}

func TestClassUnmarshalJSONRHD3Accepts(t *testing.T) {
	for in, want := range map[string]Class{
		`{"service":"yu_mail"}`:                  yuMail,
		`{"service":"yu_pack","size":60}`:        pack(60),
		`{"service":"heavy_yu_pack","size":170}`: heavy(170),
		`{"service":"Yu-Mail"}`:                  yuMail,
		`{}`:                                     {},
		`null`:                                   {},
		` {"size":0, "service":"yu_mail"} `:      yuMail,
		`{"service":"yu_pack","size":200}`:       pack(200),
	} {
		var c Class
		require.NoError(t, json.Unmarshal([]byte(in), &c), in)
		assert.Equal(t, want, c, in)
	}
}

// Defect: the decoder's message quoted an unknown key whole.
func TestClassUnmarshalJSONErrorBounded(t *testing.T) {
	var c Class
	err := json.Unmarshal([]byte(`{"`+strings.Repeat("k", 100000)+`":1}`), &c)
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 200)
	err = c.Service.UnmarshalText([]byte(strings.Repeat("s", 100000)))
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 200)
}

// Defect: a Parcel decoded negative measures and measures beyond
// maxScale, and ignored unknown keys (R-HD3).
func TestParcelUnmarshalJSONRHD3RefusesInvalid(t *testing.T) {
	for _, in := range []string{
		`{"length":-34,"width":25,"thickness":3,"weight":1}`,
		`{"length":34,"width":25,"thickness":3,"weight":"-0.5"}`,
		`{"length":"1e999999999","width":25,"thickness":3,"weight":1}`,
		`{"length":34,"width":25,"thickness":3,"weight":1,"height":9}`,
		`{"length":"x"}`,
	} {
		var p Parcel
		err := json.Unmarshal([]byte(in), &p)
		assert.Error(t, err, in)
		assert.True(t, p.Length.IsZero() && p.Weight.IsZero(), in)
	}
	var p Parcel
	err := json.Unmarshal([]byte(`{"length":-34,"width":25,"thickness":3,"weight":-1}`), &p)
	assert.ErrorIs(t, err, ErrBadMeasure)
}

func TestParcelUnmarshalJSONRoundTrip(t *testing.T) {
	in := parcel("34", "25", "3.5", "0.8")
	b, err := json.Marshal(in)
	require.NoError(t, err)
	var back Parcel
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, in.String(), back.String())
	require.NoError(t, json.Unmarshal([]byte(`{"length":0}`), &back))
	assert.True(t, back.Length.IsZero())
}

func FuzzClassUnmarshalJSON(f *testing.F) {
	f.Add(`{"service":"yu_pack","size":60}`)
	f.Add(`{"service":"yu_mail","size":-1}`)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, s string) {
		var c Class
		if err := json.Unmarshal([]byte(s), &c); err != nil {
			if c != (Class{}) || len(err.Error()) > 300 {
				t.Fatalf("%q: %v, %v", s, c, err)
			}
			return
		}
		if c != (Class{}) && !c.valid() {
			t.Fatalf("%q decoded as invalid %+v", s, c)
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		var again Class
		if err := json.Unmarshal(b, &again); err != nil || again != c {
			t.Fatalf("%s re-decodes as %v, %v", b, again, err)
		}
	})
}

func FuzzParcelUnmarshalJSON(f *testing.F) {
	f.Add(`{"length":34,"width":25,"thickness":3,"weight":1}`)
	f.Add(`{"length":"-1e-99","width":"1e99"}`)
	f.Fuzz(func(t *testing.T, s string) {
		var p Parcel
		if err := json.Unmarshal([]byte(s), &p); err != nil {
			return
		}
		for _, d := range p.measures() {
			if d.Sign() < 0 || !plausible(d) {
				t.Fatalf("%q decoded as %v", s, p)
			}
		}
		if _, _, _, err := p.Sides(); err != nil {
			t.Fatalf("%v: %v", p, err)
		}
		_, _ = classify(p)
	})
}

// Defect: a zone name, which comes from the host's data or a request,
// went whole into the postage refusal.
func TestPostageZoneNameShortened(t *testing.T) {
	tariff, err := NewTariff(RateTable{Effective: date(t, "2026-04-01"), YuPack: map[Zone][]SizeRate{ZoneHokkaido: {{Size: 60, Postage: dec("810")}}}})
	require.NoError(t, err)
	_, err = tariff.Postage(Shipment{Class: pack(60), Weight: dec("1"), Zone: Zone(strings.Repeat("z", 100000)), Posted: date(t, "2026-05-01")})
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 400)
}

// Defect: a RateTable decoded unknown keys and invalid rates, leaving
// the check to NewTariff.
func TestRateTableUnmarshalJSONRefusesInvalid(t *testing.T) {
	for _, in := range []string{
		`{"effective":"2026-04-01","yu_mail":[{"up_to":"-1","postage":"180"}]}`,
		`{"effective":"2026-04-01","yu_pack":{"北海道":[{"size":-60,"postage":"810"}]}}`,
		`{"effective":"2026-04-01","cod_fee":"-1"}`,
		`{"yu_mail":[]}`,
		`{"effective":"2026-04-01","colour":"red"}`,
		`{"effective":"2026-04-01","yu_mail":[{"up_to":"1","postage":"180","extra":1}]}`,
	} {
		var rt RateTable
		assert.Error(t, json.Unmarshal([]byte(in), &rt), in)
	}
	var rt RateTable
	require.NoError(t, json.Unmarshal([]byte(`{"effective":"2026-04-01","yu_mail":[{"up_to":"1","postage":"180"}],"heavy_surcharge":null}`), &rt))
	_, err := NewTariff(rt)
	require.NoError(t, err)
}

func FuzzRateTableUnmarshalJSON(f *testing.F) {
	f.Add(`{"effective":"2026-04-01","yu_mail":[{"up_to":"1","postage":"180"}]}`)
	f.Add(`{"effective":"2026-04-01","yu_pack":{"北海道":[{"size":60,"postage":"810"}]}}`)
	f.Fuzz(func(t *testing.T, s string) {
		var rt RateTable
		if err := json.Unmarshal([]byte(s), &rt); err != nil {
			return
		}
		if _, err := NewTariff(rt); err != nil {
			t.Fatalf("%q decodes but NewTariff refuses it: %v", s, err)
		}
	})
}
