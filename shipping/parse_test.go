package shipping

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
	for _, in := range []string{
		"", "34x25x3cm", "34x25cm 1kg", "34x25x3x1cm 1kg", "34xx25x3 1kg", "x34x25x3 1kg",
		"34x25x3cm 1", "34x25x3cm 1lb", "-34x25x3cm 1kg", "34x25x3cm +1kg", "1e2x25x3cm 1kg",
		"34.x25x3cm 1kg", ".5x25x3cm 1kg", "34x25x3 cm 1kg", "34x25x3cm 1 kg", "34x25x3mm 1kg",
		"1x1x1cm 0.0000000000000000000000000001g", "1x1x1cm " + string(make([]byte, 100)) + "kg",
		"３４x25x3cm 1kg",
	} {
		_, err := ParseParcel(in)
		assert.ErrorIs(t, err, ErrParcelSyntax, in)
	}
}
