package reason_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// roundTrip encodes err, a *Refusal, and decodes it back.
func roundTrip(t require.TestingT, err error) *reason.Refusal {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	b, jerr := json.Marshal(err)
	require.NoError(t, jerr)
	var back reason.Refusal
	require.NoError(t, json.Unmarshal(b, &back), string(b))
	b2, jerr := json.Marshal(&back)
	require.NoError(t, jerr)
	require.JSONEq(t, string(b), string(b2), "encoding the decoded refusal changes it")
	return &back
}

// sameRefusal checks that back has everything of err.
func sameRefusal(t require.TestingT, err error, back *reason.Refusal) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	var ref *reason.Refusal
	require.ErrorAs(t, err, &ref)
	require.Equal(t, err.Error(), back.Error())
	require.Len(t, back.Reasons, len(ref.Reasons))
	for i, c := range ref.Reasons {
		d := back.Reasons[i]
		require.Equal(t, c.Code(), d.Code())
		require.Equal(t, c.Error(), d.Error())
		require.Equal(t, c.Message(reason.English), d.Message(reason.English))
		require.Equal(t, c.Message(reason.Japanese), d.Message(reason.Japanese))
	}
	for _, l := range []reason.Lang{reason.English, reason.Japanese} {
		require.Equal(t, reason.Localize(err, l), reason.Localize(back, l))
	}
}

// json.Marshal of a refusal lost its details; now it keeps
// every code, parameter and message, and decodes back to a
// refusal that matches the sentinels.
func TestRefusalJSONRoundTrip(t *testing.T) {
	err := reason.Refuse("demo", "loan", []reason.Coded{
		errA,
		errB.With(reason.Position(3)),
		errLimit.With(reason.Limit(10)),
		errPlace.With(reason.LibraryName("小樽市立図書館"), reason.Date(civil{2026, 4, 1})),
	})
	b, jerr := json.Marshal(err)
	require.NoError(t, jerr)
	assert.JSONEq(t, `{"package":"demo","what":"loan","reasons":[
		{"package":"demo","code":"demo.a","messages":{"en":"A is wrong.","ja":"Aが違います。"}},
		{"package":"demo","code":"demo.b","messages":{"en":"B is wrong (at position 3).","ja":"Bが違います（3文字目）。"},
		 "params":{"position":3}},
		{"package":"demo","code":"demo.limit","messages":{"en":"You may borrow no more than 10 items.","ja":"これ以上借りられません（10冊まで）。"},
		 "params":{"limit":10}},
		{"package":"demo","code":"demo.place","messages":{"en":"Not registered at 小樽市立図書館 since 2026-04-01.","ja":"小樽市立図書館に登録がありません（2026年4月1日から）。"},
		 "params":{"library":"小樽市立図書館","date":"2026-04-01"}}]}`, string(b))
	back := roundTrip(t, err)
	sameRefusal(t, err, back)
	for _, s := range []error{errA, errB, errLimit, errPlace} {
		assert.ErrorIs(t, back, s)
	}
	assert.NotErrorIs(t, back, reason.New("demo", "demo.other", "x", "y"))
}

// the entry that counts the reasons beyond the cap survives the
// round trip with its count, and a List takes it back as that many.
func TestRefusalJSONRoundTripCapped(t *testing.T) {
	rs := make([]reason.Coded, 0, 101)
	for i := range 100 {
		rs = append(rs, errA.With(reason.Position(i+1)))
	}
	rs = append(rs, errB)
	err := reason.Refuse("demo", "thing", rs)
	back := roundTrip(t, err)
	sameRefusal(t, err, back)
	last := back.Reasons[16]
	assert.Equal(t, "84 more not listed, the first: A is wrong.", last.Message(reason.English))
	assert.Equal(t, "demo: demo.a (84 more)", last.Error())
	assert.ErrorIs(t, last, errA)
	var l reason.List
	for _, c := range back.Reasons {
		l.Add(c)
	}
	l.Add(errA)
	var again *reason.Refusal
	require.ErrorAs(t, l.Refuse("demo", "thing"), &again)
	assert.Equal(t, "85 more not listed, the first: A is wrong.", again.Reasons[16].Message(reason.English))
}

// A refusal decodes strictly.
func TestRefusalUnmarshalStrict(t *testing.T) {
	const ok = `{"package":"demo","what":"x","reasons":[{"package":"demo","code":"demo.a","messages":{"en":"A","ja":"あ"}}]}`
	var r reason.Refusal
	require.NoError(t, json.Unmarshal([]byte(ok), &r))
	for _, bad := range []string{
		`{"package":"demo","what":"x","reasons":[]}`,
		`{"package":"demo","what":"x","reasons":[{"package":"demo","code":"demo.a","messages":{"en":"A","ja":"あ"},"extra":1}]}`,
		`{"package":"demo","what":"x","reasons":[{"package":"demo","code":"Demo.A","messages":{"en":"A","ja":"あ"}}]}`,
		`{"package":"demo","what":"x","reasons":[{"package":"demo","code":"demo.a","messages":{"en":"A","ja":"あ","fr":"a"}}]}`,
		`{"package":"demo","what":"x","reasons":[{"package":"demo","code":"demo.a","messages":{"en":"A","ja":"あ"},"omitted":-1}]}`,
		`{"package":"demo","what":"x","reasons":[{"package":"demo","code":"demo.a","messages":{"en":"A","ja":"あ"},"params":{"phone":1}}]}`,
		`{"package":"","what":"x","reasons":[{"package":"demo","code":"demo.a","messages":{"en":"A","ja":"あ"}}]}`,
		`{"package":"demo","what":"x","reasons":[{"code":"demo.a","messages":{"en":"A","ja":"あ"}}]}`,
		ok + ` {}`,
		`{"package":"demo","what":"x","reasons":[{"package":"demo","code":"demo.a","messages":{"en":"A","ja":"あ"}}],"error":"x"}`,
	} {
		assert.Error(t, json.Unmarshal([]byte(bad), &r), bad)
	}
}

// Property: any refusal of reasons with any parameters and
// details, capped or not, decodes to the same codes, parameters,
// messages and Error, and encodes to the same JSON again.
func TestRefusalJSONRoundTripProperty(t *testing.T) {
	sentinels := []*reason.Reason{errA, errB, errLimit, errPlace}
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 40).Draw(t, "n")
		rs := make([]reason.Coded, n)
		for i := range rs {
			s := rapid.SampledFrom(sentinels).Draw(t, "sentinel")
			switch rapid.IntRange(0, 2).Draw(t, "form") {
			case 0:
				rs[i] = s
			case 1:
				rs[i] = s.With(reason.Item(rapid.String().Draw(t, "item")), reason.Day(calendarDay(rapid.IntRange(-1000, 40000).Draw(t, "day"))))
			default:
				var ps []reason.Param
				if rapid.Bool().Draw(t, "limit") {
					ps = append(ps, reason.Limit(rapid.Int().Draw(t, "limit")))
				}
				if rapid.Bool().Draw(t, "library") {
					ps = append(ps, reason.LibraryName(rapid.String().Draw(t, "library")))
				}
				if rapid.Bool().Draw(t, "date") {
					ps = append(ps, reason.Date(civil{rapid.IntRange(1, 9999).Draw(t, "y"), 2, rapid.IntRange(1, 28).Draw(t, "d")}))
				}
				rs[i] = s.With(ps...)
			}
		}
		err := reason.Refuse("demo", rapid.StringMatching(`[a-z]{1,8}`).Draw(t, "what"), rs)
		back := roundTrip(t, err)
		sameRefusal(t, err, back)
		for _, c := range rs {
			var s *reason.Reason
			require.True(t, errors.As(c, &s))
			require.ErrorIs(t, back, s)
		}
	})
}

func FuzzRefusalUnmarshal(f *testing.F) {
	f.Add(`{"package":"demo","what":"x","reasons":[{"package":"demo","code":"demo.a","messages":{"en":"A","ja":"あ"},"params":{"limit":1},"omitted":3}]}`)
	f.Add(`{"package":"demo","what":"x","reasons":[{"package":"demo","code":"demo.b","messages":{"en":"B","ja":"い"},"detail":{"en":"d","ja":"e"}}]}`)
	f.Fuzz(func(t *testing.T, s string) {
		var r reason.Refusal
		if json.Unmarshal([]byte(s), &r) != nil {
			return
		}
		b, err := json.Marshal(&r)
		if err != nil {
			t.Fatal(err)
		}
		var again reason.Refusal
		if err := json.Unmarshal(b, &again); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if again.Error() != r.Error() || len(reason.Localize(&again, reason.Japanese)) != len(r.Reasons) {
			t.Fatalf("%s changed", b)
		}
	})
}

// calendarDay is n days after 1970-01-01, as a date parameter takes it.
func calendarDay(n int) time.Time { return time.Unix(0, 0).UTC().AddDate(0, 0, n) }
