package reason_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// distinct is a Coded with a code of its own, to build refusals no cap
// shortens.
type distinct int

func (d distinct) Code() string               { return "demo.d" + strconv.Itoa(int(d)) }
func (d distinct) Message(reason.Lang) string { return "D" + strconv.Itoa(int(d)) }
func (d distinct) Error() string              { return d.Message(reason.English) }

// Defect: Error concatenated with += in a loop, quadratic in the number
// of reasons; with a strings.Builder it allocates a handful of times.
func TestRefusalErrorLinearNotQuadraticConcat(t *testing.T) {
	r := &reason.Refusal{Package: "demo", What: "thing"}
	for i := range 2000 {
		d := strconv.Itoa(i)
		r.Reasons = append(r.Reasons, reason.New("demo", "demo.d"+d, "D"+d, "D"+d))
	}
	allocs := testing.AllocsPerRun(10, func() { _ = r.Error() })
	assert.Less(t, allocs, 40.0, "Error allocates per reason")
	assert.True(t, strings.HasPrefix(r.Error(), "demo: thing refused: D0; D1; "))
}

// Defect: a refusal listed every reason however many of one kind, so a
// megabyte of bad input made a megabyte-long list.
func TestRefuseCapsReasonsPerCodeUnboundedList(t *testing.T) {
	const n = 100000
	rs := make([]reason.Coded, 0, n+1)
	rs = append(rs, errB)
	for i := range n {
		rs = append(rs, errA.Detail("at "+strconv.Itoa(i+1), strconv.Itoa(i+1)))
	}
	err := reason.Refuse("demo", "thing", rs)
	var ref *reason.Refusal
	require.ErrorAs(t, err, &ref)
	require.Len(t, ref.Reasons, 1+reason.MaxPerCode+1)
	assert.ErrorIs(t, err, errA)
	assert.ErrorIs(t, err, errB)
	var o *reason.Omitted
	require.ErrorAs(t, ref.Reasons[len(ref.Reasons)-1], &o)
	assert.Equal(t, n-reason.MaxPerCode, o.N)
	assert.Equal(t, "demo.a", o.Code())
	assert.ErrorIs(t, o, errA)
	assert.Equal(t, "99984 more not listed, the first: A is wrong. (at 17)", o.Message(reason.English))
	assert.Equal(t, "ほか99984件（最初：Aが違います。（17））", o.Message(reason.Japanese))
	assert.Less(t, len(err.Error()), 2000)
	ms := reason.Localize(err, reason.English)
	assert.Len(t, ms, 1+reason.MaxPerCode+1)
	assert.Equal(t, "demo.a", ms[len(ms)-1].Code)
}

// The cap does not touch a refusal within it, nor change the order.
func TestRefuseWithinCapUnchanged(t *testing.T) {
	rs := []reason.Coded{errA, errB, errA}
	err := reason.Refuse("demo", "thing", rs)
	var ref *reason.Refusal
	require.ErrorAs(t, err, &ref)
	assert.Equal(t, rs, ref.Reasons)
}

// A List merges an *Omitted it is given with the reasons of its code.
func TestListAddOmittedCapsPerCode(t *testing.T) {
	var l reason.List
	for range reason.MaxPerCode {
		l.Add(errA)
	}
	l.Add(&reason.Omitted{First: errA, N: 5})
	l.Add(errA)
	l.Add(nil)
	assert.Equal(t, reason.MaxPerCode+1, l.Len())
	assert.Equal(t, reason.MaxPerCode+6, l.Count("demo.a"))
	var o *reason.Omitted
	require.True(t, errors.As(l.Reasons()[reason.MaxPerCode], &o))
	assert.Equal(t, 6, o.N)
	assert.NoError(t, (&reason.List{}).Refuse("demo", "thing"))
}

// Defect: ParseLang quoted its whole input into the error.
func TestParseLangQuoteBoundedHugeInput(t *testing.T) {
	_, err := reason.ParseLang(strings.Repeat("x", 1<<20))
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 150)
	assert.Contains(t, err.Error(), `"`+strings.Repeat("x", reason.MaxQuoted)+`…"`)
}

func TestQuoteCutsAtMaxQuotedRunes(t *testing.T) {
	assert.Equal(t, `"abc"`, reason.Quote("abc"))
	assert.Equal(t, `"`+strings.Repeat("あ", 32)+`"`, reason.Quote(strings.Repeat("あ", 32)))
	assert.Equal(t, `"`+strings.Repeat("あ", 32)+`…"`, reason.Quote(strings.Repeat("あ", 33)))
	assert.Equal(t, `"\ufffd"`, reason.Quote("\xff"))
}

func FuzzQuote(f *testing.F) {
	f.Add("abc")
	f.Add(strings.Repeat("\xffあ", 40))
	f.Fuzz(func(t *testing.T, s string) {
		q := reason.Quote(s)
		if len(q) > 6*reason.MaxQuoted+8 {
			t.Fatalf("Quote of %d bytes is %d bytes", len(s), len(q))
		}
	})
}

func FuzzRefuseCap(f *testing.F) {
	f.Add([]byte{0, 0, 1, 0})
	f.Fuzz(func(t *testing.T, codes []byte) {
		rs := make([]reason.Coded, len(codes))
		for i, c := range codes {
			rs[i] = distinct(c % 4)
		}
		err := reason.Refuse("demo", "thing", rs)
		if len(rs) == 0 {
			if err != nil {
				t.Fatal("refusal without reasons")
			}
			return
		}
		var ref *reason.Refusal
		if !errors.As(err, &ref) || len(ref.Reasons) > 4*(reason.MaxPerCode+1) {
			t.Fatalf("refusal %v", err)
		}
		for _, c := range rs {
			if !errors.Is(err, c) {
				t.Fatalf("%v lost", c)
			}
		}
	})
}

func TestShortenCutsAtMaxQuotedRunes(t *testing.T) {
	assert.Equal(t, "小樽市立図書館", reason.Shorten("小樽市立図書館"))
	assert.Equal(t, strings.Repeat("館", 32)+"…", reason.Shorten(strings.Repeat("館", 1000)))
}

func FuzzParseLang(f *testing.F) {
	f.Add("ja")
	f.Add("en-US")
	f.Fuzz(func(t *testing.T, s string) {
		l, err := reason.ParseLang(s)
		if err != nil {
			if l != "" || len(err.Error()) > 250 {
				t.Fatalf("%q: %q, %v", s, l, err)
			}
			return
		}
		if string(l) != s {
			t.Fatalf("%q parsed as %q", s, l)
		}
	})
}

// Defect: an *Omitted given to a short List and then more reasons of its
// code lost those reasons, and the given *Omitted could be modified.
func TestListAddOmittedMergesAndCopies(t *testing.T) {
	given := &reason.Omitted{First: errA, N: 3}
	var l reason.List
	l.Add(given)
	for range 40 {
		l.Add(errA)
		l.Add(errB)
	}
	l.Add(given)
	assert.Equal(t, 3, given.N)
	assert.Equal(t, 46, l.Count("demo.a"))
	total := 0
	for _, c := range l.Reasons() {
		if c.Code() != "demo.a" {
			continue
		}
		if o, ok := c.(*reason.Omitted); ok {
			total += o.N
		} else {
			total++
		}
	}
	assert.Equal(t, 46, total, "every reason of demo.a listed or counted once")
	assert.Equal(t, "demo: 46 more not listed, the first: A is wrong.", l.Reasons()[0].Error())
}
