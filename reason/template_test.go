package reason_test

import (
	"testing"

	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
)

// a malformed message is a programming error of the declaring
// package, and New says which code, language and placeholder.
func TestNewPanicsOnMalformedTemplate(t *testing.T) {
	tests := []struct{ name, en, ja, want string }{
		{"unknown parameter", "[{phone}]", "[{phone}]", "unknown parameter {phone}"},
		{"upper case", "[{Limit}]", "[{Limit}]", "unknown parameter {Limit}"},
		{"outside part", "{limit}", "[{limit}]", "outside [ ]: {limit}"},
		{"unclosed brace", "[{limit", "x", "unclosed {"},
		{"unclosed part", "[{limit}", "x", "unclosed ["},
		{"nested", "[{limit} [{limit}]]", "x", "[ inside [ ]"},
		{"stray close", "a]", "x", "] without ["},
		{"part without placeholder", "[a]", "x", "[ ] without a placeholder"},
		{"languages differ", "[{limit}]", "[{count}]", "different parameters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				r := recover()
				if assert.NotNil(t, r) {
					assert.Contains(t, r, "reason: New demo.bad")
					assert.Contains(t, r, tt.want)
				}
			}()
			reason.New("demo", "demo.bad", tt.en, tt.ja)
		})
	}
}

// Literal braces and brackets: a { not followed by a name, and doubled
// characters, are text.
func TestTemplateLiteralBraces(t *testing.T) {
	r := reason.New("demo", "demo.braces",
		"Symbols ! { | } ~ and {{limit}} [[x]][ at {position}].",
		"記号 { | } ~ と {{limit}} [[x]][（{position}文字目）]。")
	assert.Equal(t, "Symbols ! { | } ~ and {limit} [x].", r.Message(reason.English))
	assert.Equal(t, "Symbols ! { | } ~ and {limit} [x] at 3.", r.With(reason.Position(3)).Message(reason.English))
	assert.Equal(t, "記号 { | } ~ と {limit} [x]（3文字目）。", r.With(reason.Position(3)).Message(reason.Japanese))
	assert.Equal(t, []string{"position"}, r.Entry().Params)
}
