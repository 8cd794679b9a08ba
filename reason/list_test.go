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
func (d distinct) Error() string              { return "demo: " + d.Code() }

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
	assert.True(t, strings.HasPrefix(r.Error(), "demo: thing refused: demo.d0, demo.d1, "))
}

// Defect: a refusal listed every reason however many of one kind, so a
// megabyte of bad input made a megabyte-long list.
func TestRefuseCapsReasonsPerCodeUnboundedList(t *testing.T) {
	const n = 100000
	rs := make([]reason.Coded, 0, n+1)
	rs = append(rs, errB)
	for i := range n {
		rs = append(rs, errA.With(reason.Position(i+1)))
	}
	err := reason.Refuse("demo", "thing", rs)
	var ref *reason.Refusal
	require.ErrorAs(t, err, &ref)
	require.Len(t, ref.Reasons, 1+16+1)
	assert.ErrorIs(t, err, errA)
	assert.ErrorIs(t, err, errB)
	last := ref.Reasons[len(ref.Reasons)-1]
	assert.Equal(t, "demo.a", last.Code())
	assert.ErrorIs(t, last, errA)
	assert.Equal(t, "99984 more not listed, the first: A is wrong.", last.Message(reason.English))
	assert.Equal(t, "ほか99984件（最初：Aが違います。）", last.Message(reason.Japanese))
	assert.Equal(t, reason.Params{reason.Position(17)}, reason.Localize(last, reason.English)[0].Params, "the first left out keeps its parameters")
	assert.Equal(t, "demo: demo.a (99984 more)", last.Error())
	assert.Equal(t, "demo: thing refused: demo.b, demo.a", err.Error())
	ms := reason.Localize(err, reason.English)
	assert.Len(t, ms, 1+16+1)
	assert.Equal(t, "demo.a", ms[len(ms)-1].Code)
}

// The cap does not touch a refusal within it, nor change the order.
func TestRefuseWithinCapUnchanged(t *testing.T) {
	rs := []reason.Coded{errA, errB, errA}
	err := reason.Refuse("demo", "thing", rs)
	var ref *reason.Refusal
	require.ErrorAs(t, err, &ref)
	assert.Equal(t, rs, ref.Reasons)
	assert.Equal(t, "demo: thing refused: demo.a, demo.b", err.Error(), "each code once")
}

// A List lists 16 reasons of a code and counts the rest; Full says when
// a detail would no longer be shown.
func TestListCapsPerCodeAndFull(t *testing.T) {
	var l reason.List
	for range 16 {
		assert.False(t, l.Full("demo.a"))
		l.Add(errA)
	}
	assert.False(t, l.Full("demo.a"), "the first one left out is still shown")
	l.Add(errA.With(reason.Position(1)))
	assert.True(t, l.Full("demo.a"))
	for range 5 {
		l.Add(errA)
	}
	l.Add(nil)
	l.Add(errB)
	assert.Equal(t, 16+1+1, l.Len())
	err := l.Refuse("demo", "thing")
	var ref *reason.Refusal
	require.ErrorAs(t, err, &ref)
	assert.Equal(t, "6 more not listed, the first: A is wrong.", ref.Reasons[16].Message(reason.English))
	assert.NoError(t, (&reason.List{}).Refuse("demo", "thing"))
}

// Defect: the entry counting reasons beyond the cap, taken from one
// refusal into another List, lost the reasons it counted.
func TestListAddCountedEntryKeepsItsCount(t *testing.T) {
	rs := make([]reason.Coded, 20)
	for i := range rs {
		rs[i] = errA
	}
	var inner *reason.Refusal
	require.ErrorAs(t, reason.Refuse("demo", "inner", rs), &inner)
	var l reason.List
	for _, c := range inner.Reasons {
		l.Add(c)
	}
	for range 40 {
		l.Add(errA)
		l.Add(errB)
	}
	err := l.Refuse("demo", "thing")
	var ref *reason.Refusal
	require.ErrorAs(t, err, &ref)
	total := 0
	for _, c := range ref.Reasons {
		if c.Code() != "demo.a" {
			continue
		}
		if n, ok := strings.CutSuffix(c.Error(), " more)"); ok {
			k, _ := strconv.Atoi(n[strings.LastIndex(n, "(")+1:])
			total += k
		} else {
			total++
		}
	}
	assert.Equal(t, 60, total, "every reason of demo.a listed or counted once")
}

// Defect: ParseLang quoted its whole input into the error.
func TestParseLangQuoteBoundedHugeInput(t *testing.T) {
	_, err := reason.ParseLang(strings.Repeat("x", 1<<20))
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 150)
	assert.Contains(t, err.Error(), `"`+strings.Repeat("x", 32)+`…"`)
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
		if !errors.As(err, &ref) || len(ref.Reasons) > 4*(16+1) || len(err.Error()) > 100 {
			t.Fatalf("refusal %v", err)
		}
		for _, c := range rs {
			if !errors.Is(err, c) {
				t.Fatalf("%v lost", c)
			}
		}
	})
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
		if l != reason.English && l != reason.Japanese {
			t.Fatalf("%q parsed as %q", s, l)
		}
		if p := strings.ToLower(s); !strings.HasPrefix(p, string(l)+"-") && p != string(l) {
			t.Fatalf("%q parsed as %q", s, l)
		}
	})
}
