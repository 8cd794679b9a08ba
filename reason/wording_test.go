package reason_test

import (
	"sync"
	"testing"

	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var demoReasons = []*reason.Reason{errA, errB, errLimit, errPlace}

// a host replaces the message of a code in one language, for
// example to add its telephone number; the rest stays the module's.
func TestWordingReplacesMessage(t *testing.T) {
	w, err := reason.NewWording(demoReasons, map[string]map[reason.Lang]string{
		"demo.limit": {reason.Japanese: "上限です[（{limit}冊）]。011-000-0000 へ"},
		"demo.a":     {reason.English: "A: call 011-000-0000.", reason.Japanese: "A：011-000-0000 へ"},
	})
	require.NoError(t, err)
	err = reason.Refuse("demo", "x", []reason.Coded{
		errA, errB, errLimit.With(reason.Limit(10)), errLimit, errA.With(reason.Position(2)),
	})
	assert.Equal(t, []reason.Message{
		{Code: "demo.a", Message: "A：011-000-0000 へ"},
		{Code: "demo.b", Message: "Bが違います。"},
		{Code: "demo.limit", Message: "上限です（10冊）。011-000-0000 へ", Params: reason.Params{reason.Limit(10)}},
		{Code: "demo.limit", Message: "上限です。011-000-0000 へ"},
		{Code: "demo.a", Message: "A：011-000-0000 へ", Params: reason.Params{reason.Position(2)}},
	}, w.Localize(err, reason.Japanese))
	en := w.Localize(err, reason.English)
	assert.Equal(t, "A: call 011-000-0000.", en[0].Message)
	assert.Equal(t, "You may borrow no more than 10 items.", en[2].Message)
	var none *reason.Wording
	assert.Equal(t, reason.Localize(err, reason.Japanese), none.Localize(err, reason.Japanese))
}

// the host's wording applies to a refusal decoded from JSON
// and to the entry counting reasons beyond the cap.
func TestWordingAppliesToDecodedAndCapped(t *testing.T) {
	w, err := reason.NewWording(demoReasons, map[string]map[reason.Lang]string{
		"demo.a": {reason.English: "Host A."},
	})
	require.NoError(t, err)
	rs := make([]reason.Coded, 20)
	for i := range rs {
		rs[i] = errA
	}
	back := roundTrip(t, reason.Refuse("demo", "x", rs))
	ms := w.Localize(back, reason.English)
	assert.Equal(t, "Host A.", ms[0].Message)
	assert.Equal(t, "4 more not listed, the first: Host A.", ms[16].Message)
}

// A template naming a parameter the code does not have, or a
// code the catalogue does not have, is refused when loaded, naming both.
func TestWordingRefusesUnknownCodeAndPlaceholder(t *testing.T) {
	tests := []struct {
		name      string
		overrides map[string]map[reason.Lang]string
		want      string
	}{
		{"unknown code", map[string]map[reason.Lang]string{"demo.nothing": {reason.English: "x"}}, `bad input: demo.nothing: unknown code`},
		{"unknown placeholder", map[string]map[reason.Lang]string{"demo.limit": {reason.Japanese: "[{phone}]"}}, "bad input: demo.limit.ja: unknown parameter {phone}"},
		{"placeholder of another code", map[string]map[reason.Lang]string{"demo.limit": {reason.English: "[{library}]"}}, "bad input: demo.limit.en: parameter {library} is not one of demo.limit's: {limit}"},
		{"placeholder on a code without", map[string]map[reason.Lang]string{"demo.a": {reason.English: "[at {position}]"}}, "demo.a's: it has none"},
		{"outside part", map[string]map[reason.Lang]string{"demo.limit": {reason.English: "{limit}"}}, "demo.limit.en: outside [ ]: {limit}"},
		{"empty", map[string]map[reason.Lang]string{"demo.a": {reason.English: " "}}, "demo.a.en: empty message"},
		{"unknown language", map[string]map[reason.Lang]string{"demo.a": {"fr": "x"}}, `demo.a: unknown language "fr"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := reason.NewWording(demoReasons, tt.overrides)
			assert.Nil(t, w)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.ErrorIs(t, err, reason.ErrBadInput)
		})
	}
}

// A wording loads from JSON, strictly, with language tags in any case.
func TestParseWording(t *testing.T) {
	w, err := reason.ParseWording(demoReasons, []byte(`{"demo.a":{"JA-jp":"ホストのA"}}`))
	require.NoError(t, err)
	assert.Equal(t, "ホストのA", w.Localize(errA, reason.Japanese)[0].Message)
	for _, bad := range []string{`{"demo.a":{"fr":"x"}}`, `{"demo.a":{"ja":1}}`, `{"demo.a":{"ja":"x"}} {}`, `[]`} {
		_, err := reason.ParseWording(demoReasons, []byte(bad))
		assert.Error(t, err, bad)
	}
}

// A Wording is safe for concurrent use (run with -race).
func TestWordingConcurrentUse(t *testing.T) {
	w, err := reason.NewWording(demoReasons, map[string]map[reason.Lang]string{"demo.limit": {reason.English: "Max[ {limit}]."}})
	require.NoError(t, err)
	err = reason.Refuse("demo", "x", []reason.Coded{errLimit.With(reason.Limit(3))})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				assert.Equal(t, "Max 3.", w.Localize(err, reason.English)[0].Message)
			}
		}()
	}
	wg.Wait()
}

func FuzzParseWording(f *testing.F) {
	f.Add(`{"demo.limit":{"ja":"上限[（{limit}冊）]"}}`)
	f.Add(`{"demo.place":{"en":"[{library}][ {date}] {{ [[ ]] }}"}}`)
	f.Fuzz(func(t *testing.T, s string) {
		w, err := reason.ParseWording(demoReasons, []byte(s))
		if err != nil {
			if w != nil || len(err.Error()) > 300 {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		c := errPlace.With(reason.LibraryName("L"), reason.Date(civil{2026, 4, 1}), reason.Limit(1))
		for _, l := range []reason.Lang{reason.English, reason.Japanese} {
			_ = w.Localize(reason.Refuse("demo", "x", []reason.Coded{c, errLimit, errA}), l)
		}
	})
}
