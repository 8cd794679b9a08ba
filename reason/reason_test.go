package reason_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	errA = reason.New("demo", "demo.a", "A is wrong.", "Aが違います。")
	errB = reason.New("demo", "demo.b", "B is wrong[ (at position {position})].", "Bが違います[（{position}文字目）]。")
)

func TestRefusal(t *testing.T) {
	assert.NoError(t, reason.Refuse("demo", "thing", nil))
	err := reason.Refuse("demo", "thing", []reason.Coded{errA, errB.With(reason.Position(3))})
	require.Error(t, err)
	assert.ErrorIs(t, err, errA)
	assert.ErrorIs(t, err, errB)
	assert.Equal(t, "demo: thing refused: demo.a, demo.b", err.Error())
	assert.Equal(t, "demo: demo.a", errA.Error())
	assert.Equal(t, "demo: demo.b", errB.With(reason.Position(3)).Error())
	wrapped := fmt.Errorf("host: %w", err)
	assert.Equal(t, []reason.Message{
		{Code: "demo.a", Message: "Aが違います。"},
		{Code: "demo.b", Message: "Bが違います（3文字目）。", Params: reason.Params{reason.Position(3)}},
	}, reason.Localize(wrapped, reason.Japanese))
	b, err := json.Marshal(reason.Localize(errA, reason.English))
	require.NoError(t, err)
	assert.JSONEq(t, `[{"code":"demo.a","message":"A is wrong."}]`, string(b))
	assert.Equal(t, []reason.Message{{Code: "error", Message: "plain"}}, reason.Localize(errors.New("plain"), reason.English))
	assert.Nil(t, reason.Localize(nil, reason.English))
}

func TestParseLang(t *testing.T) {
	l, err := reason.ParseLang("ja")
	require.NoError(t, err)
	assert.Equal(t, reason.Japanese, l)
	_, err = reason.ParseLang("fr")
	assert.Error(t, err)
}

func ExampleRefuse() {
	err := reason.Refuse("demo", "extension", []reason.Coded{errA, errB})
	fmt.Println(errors.Is(err, errB))
	for _, m := range reason.Localize(err, reason.Japanese) {
		fmt.Println(m.Code, m.Message)
	}
	// Output:
	// true
	// demo.a Aが違います。
	// demo.b Bが違います。
}

func ExampleLocalize() {
	err := fmt.Errorf("host: %w", reason.Refuse("demo", "extension", []reason.Coded{errA}))
	b, _ := json.Marshal(reason.Localize(err, reason.English))
	fmt.Println(string(b))
	// Output: [{"code":"demo.a","message":"A is wrong."}]
}
