package shipping

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBundleRHD3(t *testing.T) {
	a5 := parcel("21", "14.8", "1.5", "0.3")    // an A5 paperback
	b5 := parcel("1.2", "25.7", "18.2", "0.45") // a B5 book, given on its side
	tall := parcel("30", "10", "0.8", "0.2")

	b, err := Packing{}.Bundle(a5, b5, tall)
	require.NoError(t, err)
	assert.Equal(t, "30x18.2x3.5cm 0.95kg", b.String())
	c, err := classify(b)
	require.NoError(t, err)
	assert.Equal(t, pack(60), c, "R-HD3: 3.5 cm thick is not Yu-Mail; 30 + 18.2 + 3.5 = 51.7 cm")

	b, err = Packing{}.Bundle(a5, tall)
	require.NoError(t, err)
	c, err = classify(b)
	require.NoError(t, err)
	assert.Equal(t, yuMail, c, "R-HD3: 30 × 14.8 × 2.3 cm, 0.5 kg")

	// A packing allowance tips the same books over 3 cm.
	pk := Packing{Thickness: dec("0.5"), Weight: dec("0.05")}
	b, err = pk.Bundle(a5, tall, parcel("20", "13", "0.5", "0.1"))
	require.NoError(t, err)
	assert.Equal(t, "30x14.8x3.3cm 0.65kg", b.String())
	c, err = classify(b)
	require.NoError(t, err)
	assert.Equal(t, pack(60), c)
}

func TestBundleRefusals(t *testing.T) {
	_, err := Packing{}.Bundle()
	assert.ErrorIs(t, err, ErrEmptyBundle)
	assert.Equal(t, []string{"bundle.empty"}, codes(err))

	_, err = Packing{}.Bundle(parcel("21", "14.8", "1.5", "0.3"), parcel("21", "0", "1.5", "-0.3"))
	assert.Equal(t, []string{"parcel.bad_measure", "parcel.bad_measure"}, codes(err))
	assert.Contains(t, english(err), "kilograms (book 2); check the width.; ")
	assert.Contains(t, english(err), "kilograms (book 2); check the weight.")
	assert.Contains(t, japanese(err)[0], "（2冊目）（確認する項目：width）。")

	for _, pk := range []Packing{{Length: dec("-1")}, {Weight: dec("-0.01")}, {Thickness: dec("1e-40")}} {
		_, err := pk.Bundle(parcel("21", "14.8", "1.5", "0.3"))
		assert.Error(t, err)
		assert.False(t, isCoded(err))
	}
}
