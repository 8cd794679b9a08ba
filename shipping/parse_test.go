package shipping

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/kashidashi/kashidashi/internal/reasontest"
	"github.com/kashidashi/kashidashi/reason"
)

func TestParseParcel(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"34x25x3cm 1kg", "34x25x3cm 1kg"},
		{"  34X25×3 1kg ", "34x25x3cm 1kg"},
		{"34.00x25x3.0cm\t400g", "34x25x3cm 0.4kg"},
		{"0x25x3cm 1kg", "0x25x3cm 1kg"}, // parses; Classify refuses
		{"21.5x15x2.25cm 0.35kg", "21.5x15x2.25cm 0.35kg"},
		{"1x1x1cm 0.000000000000000000000000001g", "1x1x1cm 0.000000000000000000000000000001kg"},
	} {
		p, err := ParseParcel(c.in)
		if assert.NoError(t, err, c.in) {
			assert.Equal(t, c.want, p.String(), c.in)
		}
	}
	for _, c := range []struct{ in, code string }{
		{"", "parcel.parts"}, {"34x25x3cm", "parcel.parts"}, {"34x25cm 1kg", "parcel.sides"},
		{"34x25x3x1cm 1kg", "parcel.sides"}, {"34xx25x3 1kg", "parcel.sides"}, {"x34x25x3 1kg", "parcel.sides"},
		{"34x25x3cm 1", "parcel.weight_unit"}, {"34x25x3cm 1lb", "parcel.weight_unit"},
		{"-34x25x3cm 1kg", "parcel.number"}, {"34x25x3cm +1kg", "parcel.number"}, {"1e2x25x3cm 1kg", "parcel.number"},
		{"34.x25x3cm 1kg", "parcel.number"}, {".5x25x3cm 1kg", "parcel.number"}, {"34x25x3 cm 1kg", "parcel.parts"},
		{"34x25x3cm 1 kg", "parcel.parts"}, {"34x25x3mm 1kg", "parcel.number"},
		{"1x1x1cm 0.0000000000000000000000000001g", "parcel.decimals"},
		{"1x1x1cm " + string(make([]byte, 100)) + "kg", "parcel.too_long"},
		{"３４x25x3cm 1kg", "parcel.number"},
	} {
		_, err := ParseParcel(c.in)
		assert.ErrorIs(t, err, ErrParcelSyntax, c.in)
		assert.Equal(t, []string{"parcel.syntax", c.code}, codes(err), c.in)
	}
}

// The finer reason of a syntax error names the measure at fault and the
// limit it is over, in both languages.
func TestParseParcelSyntaxParams(t *testing.T) {
	_, err := ParseParcel("34x2,5x3cm 1kg")
	reasontest.CheckParams(t, err, nil, reason.Params{reason.Field("width")})
	assert.Equal(t, "Write a parcel as length x width x thickness in centimetres and its weight, such as 34x25x3cm 1kg.; Each measure is a number such as 21 or 21.5; check the width.", english(err))
	_, err = ParseParcel("1x1x1cm 0.0000000000000000000000000001g")
	reasontest.CheckParams(t, err, nil, reason.Params{reason.Limit(27), reason.Field("weight")})
	assert.Equal(t, "小数の桁数が多すぎます（27桁まで）（確認する項目：weight）。", japanese(err)[1])
	_, err = ParseParcel(strings.Repeat("1", 101))
	reasontest.CheckParams(t, err, nil, reason.Params{reason.Limit(100)})
	assert.Equal(t, "The text is too long: at most 100 characters.", reason.Localize(err, reason.English)[1].Message)
}
