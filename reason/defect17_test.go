package reason_test

import (
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/reason"
)

// decodedRefusal decodes a refusal by package demo of reasons, each the
// JSON of one reason with its package and messages filled in.
func decodedRefusal(reasons ...string) (*reason.Refusal, error) {
	for i, r := range reasons {
		reasons[i] = `{"package":"demo","messages":{"en":"A","ja":"あ"},` + r + `}`
	}
	var back reason.Refusal
	err := json.Unmarshal([]byte(`{"package":"demo","what":"x","reasons":[`+strings.Join(reasons, ",")+`]}`), &back)
	return &back, err
}

// counted returns how many reasons of code the refusal err lists or
// counts.
func counted(t *testing.T, err error, code string) int {
	t.Helper()
	var ref *reason.Refusal
	require.ErrorAs(t, err, &ref)
	total := 0
	for _, c := range ref.Reasons {
		if c.Code() != code {
			continue
		}
		n, ok := strings.CutSuffix(c.Error(), " more)")
		if !ok {
			total++
			continue
		}
		k, perr := strconv.Atoi(n[strings.LastIndex(n, "(")+1:])
		require.NoError(t, perr, c.Error())
		require.Positive(t, k, c.Error())
		total += k
	}
	return total
}

// Defect (issue 17): merging decoded refusals added their counts without
// bound, so that two large counts read "-3 more not listed". A List's
// counts saturate at the largest int instead of wrapping.
func TestDefectMergedOmittedCountsNeverWrap(t *testing.T) {
	big, err := decodedRefusal(`"code":"demo.a","omitted":` + strconv.Itoa(math.MaxInt-1))
	require.NoError(t, err)
	var l reason.List
	for range 3 {
		for _, c := range big.Reasons {
			l.Add(c)
		}
	}
	merged := l.Refuse("demo", "x")
	var ref *reason.Refusal
	require.ErrorAs(t, merged, &ref)
	last := ref.Reasons[len(ref.Reasons)-1]
	assert.Equal(t, "demo: demo.a ("+strconv.Itoa(math.MaxInt)+" more)", last.Error())
	for _, m := range reason.Localize(merged, reason.English) {
		assert.NotContains(t, m.Message, "-", m.Message)
	}
}

// Defect (issue 17): decoding took any count: one whose total over its
// code overflows an int is refused, as a negative one is.
func TestDefectDecodedRefusalOverflowingCountRefused(t *testing.T) {
	for _, reasons := range [][]string{
		{`"code":"demo.a","omitted":-3`},
		{`"code":"demo.a"`, `"code":"demo.a","omitted":` + strconv.Itoa(math.MaxInt)},
		{`"code":"demo.a","omitted":` + strconv.Itoa(math.MaxInt/2+1), `"code":"demo.a","omitted":` + strconv.Itoa(math.MaxInt/2+1)},
		{`"code":"demo.a","omitted":1e30`},
		{`"code":"demo.a","omitted":99999999999999999999`},
	} {
		_, err := decodedRefusal(reasons...)
		assert.ErrorIs(t, err, reason.ErrBadInput, reasons)
	}
	r, err := decodedRefusal(`"code":"demo.a"`, `"code":"demo.a","omitted":`+strconv.Itoa(math.MaxInt-1), `"code":"demo.b"`)
	require.NoError(t, err)
	assert.Equal(t, math.MaxInt, counted(t, r, "demo.a"))
}

// Defect (issue 17): a decoded refusal kept every reason it listed, with
// no cap of 16 per code as Refuse has: it lists the first 16 of each
// code and counts the rest, as Refuse does.
func TestDefectDecodedRefusalCappedPerCode(t *testing.T) {
	var reasons []string
	for range 100 {
		reasons = append(reasons, `"code":"demo.a"`)
	}
	reasons = append(reasons, `"code":"demo.b"`, `"code":"demo.a","omitted":5`)
	r, err := decodedRefusal(reasons...)
	require.NoError(t, err)
	assert.Len(t, r.Reasons, 18)
	assert.Equal(t, 105, counted(t, r, "demo.a"))
	assert.Equal(t, "89 more not listed, the first: A", r.Reasons[16].Message(reason.English))
	assert.Equal(t, "demo.b", r.Reasons[17].Code())
}

// Defect (issue 17): a decoded refusal took any text as its package. A
// package is a Go package name of the module's form, a lower-case word.
func TestDefectDecodedRefusalPackageIsLowerCaseWord(t *testing.T) {
	reasonJSON := func(pkg string) string {
		return `{"package":` + strconv.Quote(pkg) + `,"code":"demo.a","messages":{"en":"A","ja":"あ"}}`
	}
	for _, pkg := range []string{"Demo", "demo pkg", "../x", "a.b", "x-y", "日本", "1demo", " demo", "demo_x", strings.Repeat("a", 100)} {
		var r reason.Refusal
		err := json.Unmarshal([]byte(`{"package":"demo","what":"x","reasons":[`+reasonJSON(pkg)+`]}`), &r)
		assert.ErrorIs(t, err, reason.ErrBadInput, "reason's package %q", pkg)
		err = json.Unmarshal([]byte(`{"package":`+strconv.Quote(pkg)+`,"what":"x","reasons":[`+reasonJSON("demo")+`]}`), &r)
		assert.ErrorIs(t, err, reason.ErrBadInput, "refusal's package %q", pkg)
	}
	for _, pkg := range []string{"demo", "circulation", "shipping", "ruletest2"} {
		var r reason.Refusal
		require.NoError(t, json.Unmarshal([]byte(`{"package":"demo","what":"x","reasons":[`+reasonJSON(pkg)+`]}`), &r), pkg)
	}
}

// Defect (issue 17): ParseWording kept the last of "ja" and "JA" (or
// "ja-JP"), tags of one language: a language given twice for a code is
// refused.
func TestDefectParseWordingRefusesLanguageTwice(t *testing.T) {
	for _, in := range []string{
		`{"demo.a":{"ja":"一","JA":"二"}}`,
		`{"demo.a":{"ja":"一","ja-JP":"二"}}`,
		`{"demo.a":{"en":"one","EN-gb":"two"}}`,
		`{"demo.a":{"ja":"一"},"demo.a":{"ja":"二"}}`,
	} {
		_, err := reason.ParseWording(demoReasons, []byte(in))
		assert.ErrorIs(t, err, reason.ErrBadInput, in)
	}
	w, err := reason.ParseWording(demoReasons, []byte(`{"demo.a":{"JA":"二","en":"two"}}`))
	require.NoError(t, err)
	assert.Equal(t, "二", w.Localize(errA, reason.Japanese)[0].Message)
}

// Defect (issue 16, named in issue 17): a date parameter of
// "0000-01-01" was dropped silently instead of refused. Every date
// parameter outside years 1 to 9999 is refused when decoded.
func TestDefectDateParamYearZeroRefused(t *testing.T) {
	for _, name := range []string{"date", "day", "previous_day"} {
		for _, d := range []string{"0000-01-01", "0000-12-31"} {
			var ps reason.Params
			err := json.Unmarshal([]byte(`{"`+name+`":"`+d+`"}`), &ps)
			assert.ErrorIs(t, err, reason.ErrBadInput, "%s %s", name, d)
			assert.Empty(t, ps)
		}
		var ps reason.Params
		require.NoError(t, json.Unmarshal([]byte(`{"`+name+`":"0001-01-01"}`), &ps), name)
		require.Len(t, ps, 1)
	}
}

// The errors of these decoders are bad input and name what is wrong.
func TestDefectDecodedRefusalErrorsAreBadInput(t *testing.T) {
	_, err := decodedRefusal(`"code":"demo.a","omitted":-1`)
	assert.True(t, errors.Is(err, reason.ErrBadInput), "%v", err)
}
