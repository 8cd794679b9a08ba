package reason_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// errLimit and errPlace declare parameters in optional parts.
var (
	errLimit = reason.New("demo", "demo.limit",
		"You may borrow no more[ than {limit} items].",
		"これ以上借りられません[（{limit}冊まで）]。")
	errPlace = reason.New("demo", "demo.place",
		"Not registered[ at {library}][ since {date}].",
		"[{library}に]登録がありません[（{date}から）]。")
)

// civil is a date with a Date method, as calendar.Date has.
type civil struct {
	y int
	m time.Month
	d int
}

func (c civil) Date() (int, time.Month, int) { return c.y, c.m, c.d }

// a reason carries typed parameters, shows them in both
// languages, and still matches its sentinel.
func TestWithParamsShownAndCarried(t *testing.T) {
	c := errLimit.With(reason.Limit(10))
	assert.ErrorIs(t, c, errLimit)
	assert.Equal(t, "demo.limit", c.Code())
	assert.Equal(t, "demo: demo.limit", c.Error())
	assert.Equal(t, "You may borrow no more than 10 items.", c.Message(reason.English))
	assert.Equal(t, "これ以上借りられません（10冊まで）。", c.Message(reason.Japanese))
	assert.Equal(t, []reason.Message{{Code: "demo.limit", Message: "You may borrow no more than 10 items.",
		Params: reason.Params{reason.Limit(10)}}}, reason.Localize(c, reason.English))
	b, err := json.Marshal(reason.Localize(reason.Refuse("demo", "loan", []reason.Coded{c}), reason.English))
	require.NoError(t, err)
	assert.JSONEq(t, `[{"code":"demo.limit","message":"You may borrow no more than 10 items.","params":{"limit":10}}]`, string(b))
}

// a part whose parameter is missing is left out, so a bare
// sentinel never shows a placeholder.
func TestOptionalPartLeftOutWithoutItsParam(t *testing.T) {
	tests := []struct {
		name   string
		c      reason.Coded
		en, ja string
	}{
		{"bare", errPlace, "Not registered.", "登録がありません。"},
		{"library", errPlace.With(reason.LibraryName("小樽市立図書館")), "Not registered at 小樽市立図書館.", "小樽市立図書館に登録がありません。"},
		{"date", errPlace.With(reason.Date(civil{2026, 4, 1})), "Not registered since 2026-04-01.", "登録がありません（2026年4月1日から）。"},
		{"zero date ignored", errPlace.With(reason.Date(civil{})), "Not registered.", "登録がありません。"},
		{"later wins", errLimit.With(reason.Limit(1), reason.Limit(2)), "You may borrow no more than 2 items.", "これ以上借りられません（2冊まで）。"},
		{"undeclared carried, not shown", errLimit.With(reason.Field("email")), "You may borrow no more.", "これ以上借りられません。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.en, tt.c.Message(reason.English))
			assert.Equal(t, tt.ja, tt.c.Message(reason.Japanese))
		})
	}
	ms := reason.Localize(errLimit.With(reason.Field("email")), reason.English)
	p, ok := ms[0].Params.Get("field")
	require.True(t, ok)
	assert.Equal(t, "email", p.Value())
}

// Params are in a fixed order whatever the order given, and Value and
// Name report them as JSON does.
func TestParamsOrderAndValues(t *testing.T) {
	c := errPlace.With(reason.Field("name"), reason.Date(time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)),
		reason.LibraryName("x"), reason.Count(2), reason.Limit(3), reason.Position(4), reason.Param{})
	ps := reason.Localize(c, reason.English)[0].Params
	var names []string
	var values []any
	for _, p := range ps {
		names = append(names, p.Name())
		values = append(values, p.Value())
	}
	assert.Equal(t, []string{"position", "limit", "count", "library", "date", "field"}, names)
	assert.Equal(t, []any{4, 3, 2, "x", "2026-04-01", "name"}, values)
	assert.Nil(t, reason.Param{}.Value())
	_, ok := ps.Get("nothing")
	assert.False(t, ok)
}

// Params decode strictly: every name known, every value of its type.
func TestParamsUnmarshalStrict(t *testing.T) {
	var ps reason.Params
	require.NoError(t, json.Unmarshal([]byte(`{"date":"2026-04-01","limit":10,"library":"小樽"}`), &ps))
	assert.Equal(t, reason.Params{reason.Limit(10), reason.LibraryName("小樽"), reason.Date(civil{2026, 4, 1})}, ps)
	for _, bad := range []string{
		`{"phone":"011"}`, `{"limit":"10"}`, `{"limit":1.5}`, `{"limit":null}`,
		`{"library":3}`, `{"date":"2026-02-30"}`, `{"date":"2026-4-1"}`, `[]`, `{"limit":1} x`,
	} {
		err := json.Unmarshal([]byte(bad), &ps)
		assert.Error(t, err, bad)
	}
	var sj interface{ Unwrap() error }
	assert.True(t, errors.As(json.Unmarshal([]byte(`{"phone":1}`), &ps), &sj))
}

// Defect guard: a library name from input is cut, so a parameter never
// carries a megabyte.
func TestLibraryParamCutTo32Characters(t *testing.T) {
	long := string(make([]rune, 0)) + "図書館図書館図書館図書館図書館図書館図書館図書館図書館図書館図書館"
	v := reason.LibraryName(long).Value().(string)
	assert.Equal(t, 33, len([]rune(v)))
}

func FuzzParamsUnmarshal(f *testing.F) {
	f.Add(`{"limit":10,"date":"2026-04-01","library":"小樽"}`)
	f.Add(`{"position":-1,"field":"email","count":0}`)
	f.Fuzz(func(t *testing.T, s string) {
		var ps reason.Params
		if json.Unmarshal([]byte(s), &ps) != nil {
			return
		}
		b, err := json.Marshal(ps)
		if err != nil {
			t.Fatal(err)
		}
		var again reason.Params
		if err := json.Unmarshal(b, &again); err != nil || len(again) != len(ps) {
			t.Fatalf("%s: %v", b, err)
		}
		for i := range ps {
			if ps[i] != again[i] {
				t.Fatalf("%s changed", b)
			}
		}
	})
}

// Defect guard: a Params whose first entry is the zero Param encodes to
// valid JSON, and invalid UTF-8 in a library name survives a round trip.
func TestParamsJSONZeroFirstAndInvalidUTF8(t *testing.T) {
	b, err := json.Marshal(reason.Params{reason.Param{}, reason.LibraryName("a\xffb")})
	require.NoError(t, err)
	assert.Equal(t, "{\"library\":\"a\uFFFDb\"}", string(b))
	var ps reason.Params
	require.NoError(t, json.Unmarshal(b, &ps))
	assert.Equal(t, reason.Params{reason.LibraryName("a\xffb")}, ps)
}

// A day is shown with its day of the week in both languages, as notices
// give the days a patron acts on; a previous day beside it; a size as a
// number. Each round-trips through JSON, and a day outside years 1 to
// 9999 is refused when decoded (the year-0 date dropped silently was a
// defect).
func TestDayPreviousDayAndSizeParams(t *testing.T) {
	d := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	c := mustWith(t, "Collect by [{day}][ (was {previous_day})][, size {size}].", "[{day}]まで[（変更前 {previous_day}）][、{size}サイズ]。",
		reason.Day(d), reason.PreviousDay(d.AddDate(0, 0, -7)), reason.Size(60))
	if got, want := c.Message(reason.English), "Collect by 2026-11-20 (Fri) (was 2026-11-13 (Fri)), size 60."; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	if got, want := c.Message(reason.Japanese), "2026年11月20日（金）まで（変更前 2026年11月13日（金））、60サイズ。"; got != want {
		t.Errorf("Japanese: %q, want %q", got, want)
	}
	var ps reason.Params
	if err := ps.UnmarshalJSON([]byte(`{"day":"2026-11-20","previous_day":"2026-11-13","size":60}`)); err != nil {
		t.Fatal(err)
	}
	if len(ps) != 3 {
		t.Errorf("decoded %v", ps)
	}
	if err := ps.UnmarshalJSON([]byte(`{"day":"0000-01-01"}`)); err == nil {
		t.Error("a day in year 0 decoded")
	}
}

// mustWith returns a reason of the given messages with ps.
func mustWith(t *testing.T, en, ja string, ps ...reason.Param) reason.Coded {
	t.Helper()
	return reason.New("test", "test.params", en, ja).With(ps...)
}

// A library named in both languages shows its English name in English
// and its Japanese name in Japanese: an English message no longer
// carries 小樽市立図書館.
func TestLibraryNameShownInEachLanguage(t *testing.T) {
	c := reason.New("test", "test.library", "Not registered[ at {library}].", "[{library}に]登録がありません。").
		With(reason.LibraryName("小樽市立図書館"), reason.LibraryNameEn("Otaru City Library"))
	assert.Equal(t, "Not registered at Otaru City Library.", c.Message(reason.English))
	assert.Equal(t, "小樽市立図書館に登録がありません。", c.Message(reason.Japanese))
	only := reason.New("test", "test.library2", "Not registered[ at {library}].", "[{library}に]登録がありません。").
		With(reason.LibraryName("小樽市立図書館"))
	assert.Equal(t, "Not registered at 小樽市立図書館.", only.Message(reason.English), "without an English name, the one name")
}
