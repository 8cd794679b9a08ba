package shipping

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestServiceNamesRHD3(t *testing.T) {
	for _, c := range []struct {
		s                    Service
		token, english, japa string
	}{
		{YuMail, "yu_mail", "Yu-Mail", "ゆうメール"},
		{YuPack, "yu_pack", "Yu-Pack", "ゆうパック"},
		{HeavyYuPack, "heavy_yu_pack", "Heavy Yu-Pack", "重量ゆうパック"},
		{0, "", "no service", "なし"},
	} {
		assert.Equal(t, c.english, c.s.String())
		assert.Equal(t, c.english, c.s.English())
		assert.Equal(t, c.japa, c.s.Japanese())
		b, err := c.s.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, c.token, string(b))
		var back Service
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, c.s, back)
	}
	_, err := Service(9).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "Service(9)", Service(9).String())
	assert.Equal(t, "Service(9)", Service(9).Japanese())
	var s Service
	assert.Error(t, s.UnmarshalText([]byte("Yu-Mail")))
	assert.Error(t, s.UnmarshalText([]byte("YU_MAIL")))
}

func TestClassTextRHD3(t *testing.T) {
	assert.Equal(t, "Yu-Mail", yuMail.String())
	assert.Equal(t, "ゆうメール", yuMail.Japanese())
	assert.Equal(t, "Yu-Pack size 60", pack(60).String())
	assert.Equal(t, "ゆうパック60サイズ", pack(60).Japanese())
	assert.Equal(t, "Heavy Yu-Pack size 100", heavy(100).String())
	assert.Equal(t, "重量ゆうパック100サイズ", heavy(100).Japanese())

	b, err := json.Marshal([]Class{yuMail, heavy(100), {}})
	require.NoError(t, err)
	assert.JSONEq(t, `[{"service":"yu_mail"},{"service":"heavy_yu_pack","size":100},{"service":""}]`, string(b))
	var back []Class
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, []Class{yuMail, heavy(100), {}}, back)
}

func TestZoneJapanese(t *testing.T) {
	assert.Equal(t, "北海道", ZoneHokkaido.Japanese())
	assert.Equal(t, "沖縄", ZoneOkinawa.Japanese())
	assert.Equal(t, "離島", Zone("離島").Japanese())
}
