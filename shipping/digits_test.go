package shipping

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/reason"
)

// Defect (issue 17): parcel JSON numbers had no digit limit and package
// decimal parses them in time quadratic in their digits: an
// 800,000-digit length cost 1.4 s. A measure of more than 32 digits, as
// a JSON number or a string, is refused as ErrBadMeasure naming it,
// before package decimal reads it; so are the amounts of a rate table
// and the weight of a shipment, as bad input at their paths.
func TestDefectParcelNumberDigitsLimited(t *testing.T) {
	long := "1" + strings.Repeat("0", 800000)
	for _, in := range []string{
		`{"length":` + long + `,"width":25,"thickness":3,"weight":1}`,
		`{"length":"` + long + `","width":25,"thickness":3,"weight":1}`,
		`{"length":0.` + long + `,"width":25,"thickness":3,"weight":1}`,
		`{"length":"` + strings.Repeat("0", 33) + `1","width":25,"thickness":3,"weight":1}`,
		`{"length":1e` + long + `,"width":25,"thickness":3,"weight":1}`,
	} {
		var p Parcel
		err := json.Unmarshal([]byte(in), &p)
		require.ErrorIs(t, err, ErrBadMeasure, in[:40])
		ms := reason.Localize(err, reason.English)
		require.Len(t, ms, 1)
		assert.Equal(t, reason.Params{reason.Field("length")}, ms[0].Params)
	}
	var p Parcel
	require.NoError(t, json.Unmarshal([]byte(`{"length":34.`+strings.Repeat("0", 29)+`,"width":"25","thickness":3,"weight":1}`), &p))
	assert.Equal(t, "34", p.Length.String())

	var rt RateTable
	err := json.Unmarshal([]byte(`{"effective":"2026-04-01","yu_mail":[{"up_to":"1","postage":`+long+`}],"cod_fee":"`+long+`"}`), &rt)
	var ps reason.Problems
	require.ErrorAs(t, err, &ps)
	assert.Equal(t, []string{"yu_mail[0].postage", "cod_fee"}, paths(ps))

	var s Shipment
	err = json.Unmarshal([]byte(`{"class":{"service":"yu_mail"},"weight":`+long+`}`), &s)
	require.ErrorAs(t, err, &ps)
	assert.Equal(t, []string{"weight"}, paths(ps))
}

// paths returns the paths of ps.
func paths(ps reason.Problems) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Path
	}
	return out
}

// The digit limit is a size bound: package decimal is handed at most
// maxNumberText bytes of at most maxDigits digits, whatever the input,
// so that reading a number takes time linear in its text.
// BenchmarkParcelLongNumber shows it at two sizes.
func TestDefectParcelNumberDigitsBounded(t *testing.T) {
	for _, in := range []string{
		strings.Repeat("9", maxDigits), `"` + strings.Repeat("9", maxDigits) + `"`,
		"-0." + strings.Repeat("1", maxDigits-1) + "e-30", "null",
	} {
		var n number
		require.NoError(t, n.UnmarshalJSON([]byte(in)), in)
		assert.False(t, n.long, in)
	}
	for _, in := range []string{
		strings.Repeat("9", maxDigits+1), `"` + strings.Repeat("9", maxDigits+1) + `"`,
		"1." + strings.Repeat("0", maxDigits), "1e" + strings.Repeat("0", maxNumberText),
		`"` + strings.Repeat(`\u0031`, 20) + `"`,
	} {
		var n number
		require.NoError(t, n.UnmarshalJSON([]byte(in)), in)
		assert.True(t, n.long, in)
		assert.True(t, n.d.IsZero())
	}
	for size := 1; size < 4*maxNumberText; size++ {
		in := []byte(strings.Repeat("1", size))
		var n number
		_ = n.UnmarshalJSON(in)
		if !n.long && (size > maxDigits || len(in) > maxNumberText) {
			t.Fatalf("%d digits handed to package decimal", size)
		}
	}
}

// Defect (issue 17): a class's service was read as a person types it, so
// a code with spaces around it ("yu_pack ") was accepted on the wire.
func TestDefectClassServiceCodeExact(t *testing.T) {
	for _, in := range []string{`{"service":"yu_pack ","size":60}`, `{"service":" yu_mail"}`, `{"service":"Yu-Mail "}`} {
		var c Class
		err := json.Unmarshal([]byte(in), &c)
		assert.True(t, errors.Is(err, reason.ErrBadInput), "%s: %v", in, err)
	}
}

// Defect (issue 17): a shipment, Postage's request, decoded with
// encoding/json alone: keys in any case, a repeated key's last value.
func TestDefectShipmentDecodesStrictly(t *testing.T) {
	for _, in := range []string{
		`{"class":{"service":"yu_mail"},"weight":1,"weight":2}`,
		`{"class":{"service":"yu_mail"},"Weight":1}`,
		`{"class":{"service":"yu_mail"},"colour":1}`,
		`{"class":{"service":"yu_mail","service":"yu_pack"}}`,
	} {
		var s Shipment
		err := json.Unmarshal([]byte(in), &s)
		assert.True(t, errors.Is(err, reason.ErrBadInput), "%s: %v", in, err)
	}
	var s Shipment
	require.NoError(t, json.Unmarshal([]byte(`{"class":{"service":"yu_pack","size":60},"weight":"1.5","zone":"kanto","posted":"2026-05-01"}`), &s))
	assert.Equal(t, Shipment{Class: pack(60), Weight: dec("1.5"), Zone: ZoneKanto, Posted: date(t, "2026-05-01")}, s)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	var back Shipment
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, s, back)
}

// Defect (issue 17): a repeated or wrong-case key in a parcel or rate
// table kept the last value.
func TestDefectParcelAndRateTableKeysExact(t *testing.T) {
	for _, in := range []string{
		`{"length":34,"length":35}`,
		`{"LENGTH":34}`,
	} {
		var p Parcel
		assert.ErrorIs(t, json.Unmarshal([]byte(in), &p), reason.ErrBadInput, in)
	}
	for _, in := range []string{
		`{"effective":"2026-04-01","yu_pack":{"kanto":[{"size":60,"postage":"810"}],"kanto":[]}}`,
		`{"effective":"2026-04-01","COD_FEE":"1"}`,
	} {
		var rt RateTable
		assert.ErrorIs(t, json.Unmarshal([]byte(in), &rt), reason.ErrBadInput, in)
	}
}

// BenchmarkParcelLongNumber decodes a parcel whose length has 80,000 and
// 800,000 digits: refused in time linear in the text.
func BenchmarkParcelLongNumber(b *testing.B) {
	for _, digits := range []int{80000, 800000} {
		in := []byte(`{"length":1` + strings.Repeat("0", digits-1) + `,"width":25,"thickness":3,"weight":1}`)
		b.Run(fmt.Sprintf("%d_digits", digits), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				var p Parcel
				if err := json.Unmarshal(in, &p); !errors.Is(err, ErrBadMeasure) {
					b.Fatal(err)
				}
			}
		})
	}
}

// A rate table with every field set encodes and decodes back whole: the
// JSON form RateTable's decoder reads (rateTableJSON) has every key
// RateTable's encoding writes.
func TestRateTableJSONRoundTripEveryField(t *testing.T) {
	in := RateTable{
		Effective:      date(t, "2026-04-01"),
		YuMail:         []WeightRate{{UpTo: dec("0.25"), Postage: dec("180")}, {UpTo: dec("1"), Postage: dec("360")}},
		YuPack:         map[Zone][]SizeRate{ZoneHokkaido: {{Size: 60, Postage: dec("810")}}, ZoneKanto: {{Size: 60, Postage: dec("1100")}, {Size: 80, Postage: dec("1400")}}},
		HeavySurcharge: decimal.NewNullDecimal(dec("510")),
		CODFee:         decimal.NewNullDecimal(dec("265")),
	}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	var back RateTable
	require.NoError(t, json.Unmarshal(b, &back), string(b))
	assert.Equal(t, in, back)
	require.NoError(t, json.Unmarshal([]byte(`{"effective":"2026-04-01","heavy_surcharge":null}`), &back))
	assert.False(t, back.HeavySurcharge.Valid)
}

// A refused key is a problem at the path of the object that holds it,
// naming the key.
func TestDefectRateTableRepeatedKeyNamedAtItsPath(t *testing.T) {
	var rt RateTable
	err := json.Unmarshal([]byte(`{"effective":"2026-04-01","yu_mail":[{"up_to":"1","postage":"1"},{"up_to":"1","UP_TO":"2","postage":"1"}]}`), &rt)
	var ps reason.Problems
	require.ErrorAs(t, err, &ps)
	assert.Equal(t, reason.Problems{{Path: "yu_mail[1]", Message: `key "UP_TO" is not "up_to": keys are case-sensitive`}}, ps)
}
