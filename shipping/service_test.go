package shipping

import (
	"encoding/json"
	"errors"
	"testing"

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
	assert.ErrorIs(t, err, ErrInconsistentInput)
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

// Every error about input the package cannot use wraps
// ErrInconsistentInput; refusals of a parcel do not.
func TestInconsistentInputWrapsSentinel(t *testing.T) {
	_, err := NewClassifier(Limits{Sizes: []int{80, 60}})
	assert.ErrorIs(t, err, ErrInconsistentInput, "limits")
	_, err = Packing{Weight: dec("-1")}.Bundle(parcel("1", "1", "1", "1"))
	assert.ErrorIs(t, err, ErrInconsistentInput, "packing")
	_, err = NewTariff(RateTable{})
	assert.ErrorIs(t, err, ErrInconsistentInput, "rate table")
	_, err = SampleTariff().Postage(Class{Service: YuPack}, dec("1"), ZoneHokkaido, date(t, "2026-01-05"))
	assert.ErrorIs(t, err, ErrInconsistentInput, "class")
	var c Class
	err = json.Unmarshal([]byte(`{"service":"yu_mail","extra":1}`), &c)
	assert.ErrorIs(t, err, ErrInconsistentInput, "unknown key")
	assert.Contains(t, err.Error(), "shipping: class: ")
	err = json.Unmarshal([]byte(`{"service":"yu_mail","size":60}`), &c)
	assert.ErrorIs(t, err, ErrInconsistentInput, "size for Yu-Mail")
	var rt RateTable
	err = rt.UnmarshalJSON([]byte(`{"effective":"2026-01-01"} 1`))
	assert.ErrorIs(t, err, ErrInconsistentInput, "trailing data")

	_, err = classify(parcel("0", "1", "1", "1"))
	require.Error(t, err)
	assert.False(t, errors.Is(err, ErrInconsistentInput), "a refusal is an answer")
}
