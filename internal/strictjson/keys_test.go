package strictjson

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// loanish has what the defect needs: a bool that a repeated key turned
// from true to false, nested plain structs (decoded by the same
// encoding/json call), a list of them, a map, an embedded struct and a
// value with a decoder of its own.
type loanish struct {
	Reserved bool              `json:"reserved"`
	Policy   policyish         `json:"policy"`
	Others   []policyish       `json:"others"`
	Extra    map[string]int    `json:"extra"`
	ByLang   map[lower]string  `json:"by_lang"`
	ByNumber map[int]string    `json:"by_number"`
	Any      any               `json:"any"`
	In       inner             `json:"in"`
	Ptr      *policyish        `json:"ptr"`
	Nested   map[string][]item `json:"nested"`
	embedded
}

type policyish struct {
	MaxReservations int `json:"max_reservations"`
}

type item struct {
	ID string `json:"id"`
}

type embedded struct {
	Note string `json:"note"`
}

// lower is a map key that decodes "JA" and "ja" alike, as reason.Lang
// does.
type lower string

func (l *lower) UnmarshalText(b []byte) error {
	*l = lower(strings.ToLower(string(b)))
	return nil
}

// Defect (issue 17): a repeated key kept its last value, so
// "reserved":true,"reserved":false extended a reserved loan. A key given
// twice in one object is refused, at every depth: top level, nested
// plain structs, lists, maps, values decoded as any, and values with a
// decoder of their own.
func TestDefectDuplicateKeyRefusedAtEveryDepth(t *testing.T) {
	for _, in := range []string{
		`{"reserved":true,"reserved":false}`,
		`{"policy":{"max_reservations":1,"max_reservations":9}}`,
		`{"others":[{},{"max_reservations":1,"max_reservations":2}]}`,
		`{"extra":{"a":1,"b":2,"a":3}}`,
		`{"any":{"x":[{"k":1,"k":2}]}}`,
		`{"in":{"x":1,"x":2}}`,
		`{"ptr":{"max_reservations":1,"max_reservations":2}}`,
		`{"nested":{"a":[{"id":"1","id":"2"}]}}`,
		`{"note":"a","note":"b"}`,
		`{"policy":{},"policy":{}}`,
	} {
		var v loanish
		err := Decode("demo", "loan", []byte(in), &v)
		var ke *KeyError
		if !errors.As(err, &ke) || !errors.Is(err, ErrBadInput) {
			t.Errorf("%s: %v, want a duplicate key refused", in, err)
		}
	}
	var v loanish
	if err := Decode("demo", "loan", []byte(`{"reserved":true,"policy":{"max_reservations":2},"others":[{"max_reservations":1},{"max_reservations":1}],"extra":{"a":1,"A":2},"by_number":{"1":"x","2":"y"}}`), &v); err != nil {
		t.Fatal(err)
	}
}

// Defect (issue 17): keys matched case-insensitively, so
// "MAX_RESERVATIONS" beside "max_reservations" won, and "Reserved" set
// reserved. A key must be exactly the name the type gives it.
func TestDefectKeyInWrongCaseRefused(t *testing.T) {
	for _, in := range []string{
		`{"Reserved":true}`,
		`{"policy":{"max_reservations":1,"MAX_RESERVATIONS":9}}`,
		`{"policy":{"MAX_RESERVATIONS":9,"max_reservations":1}}`,
		`{"POLICY":{}}`,
		`{"others":[{"Max_Reservations":1}]}`,
		`{"in":{"X":1}}`,
		`{"ptr":{"max_reservationS":1}}`,
		`{"nested":{"a":[{"ID":"1"}]}}`,
		`{"Note":"a"}`,
		"{\"reſerved\":true}", // ſ folds to s in encoding/json
	} {
		var v loanish
		err := Decode("demo", "loan", []byte(in), &v)
		if err == nil || !errors.Is(err, ErrBadInput) || v.Reserved || v.Policy.MaxReservations == 9 {
			t.Errorf("%s: %v (decoded %+v), want the key refused", in, err, v)
		}
	}
}

// Defect (issue 17): two keys of a map that decode to the same key (a
// language tag in two cases, "1" and "01") kept the last value. They are
// refused as a key given twice.
func TestDefectMapKeysThatDecodeAlikeRefused(t *testing.T) {
	for _, in := range []string{
		`{"by_lang":{"ja":"a","JA":"b"}}`,
		`{"by_number":{"1":"a","01":"b"}}`,
	} {
		var v loanish
		err := Decode("demo", "loan", []byte(in), &v)
		var ke *KeyError
		if !errors.As(err, &ke) {
			t.Errorf("%s: %v, want a duplicate key refused", in, err)
		}
	}
}

// The refused key is named, with the path of its object, in words a
// document's author reads, and is quoted short however long it is.
func TestDefectKeyErrorNamesKeyAndPath(t *testing.T) {
	cases := []struct{ in, field, msg, text string }{
		{`{"reserved":true,"reserved":false}`, "", `duplicate key "reserved"`,
			`demo: loan: json: duplicate key "reserved"`},
		{`{"others":[{},{"max_reservations":1,"MAX_RESERVATIONS":2}]}`, "others[1]",
			`key "MAX_RESERVATIONS" is not "max_reservations": keys are case-sensitive`,
			`demo: loan: json: key "MAX_RESERVATIONS" is not "max_reservations": keys are case-sensitive (in others[1])`},
		{`{"by_lang":{"ja":"a","JA":"b"}}`, "by_lang", `duplicate key "JA" (the same as "ja")`,
			`demo: loan: json: duplicate key "JA" (the same as "ja") (in by_lang)`},
		// A key repeated inside a value with a decoder of its own is
		// found at its full path; one in another case, by that decoder.
		{`{"in":{"x":1,"x":2}}`, "in", `duplicate key "x"`, `demo: loan: json: duplicate key "x" (in in)`},
		{`{"in":{"X":1}}`, "", `key "X" is not "x": keys are case-sensitive`,
			`demo: loan: inner: json: key "X" is not "x": keys are case-sensitive`},
	}
	for _, c := range cases {
		var v loanish
		err := Decode("demo", "loan", []byte(c.in), &v)
		if err == nil {
			t.Fatalf("%s decoded", c.in)
		}
		field, msg := Describe(err)
		if field != c.field || msg != c.msg || err.Error() != c.text {
			t.Errorf("%s:\n got %q, %q, %q\nwant %q, %q, %q", c.in, field, msg, err, c.field, c.msg, c.text)
		}
	}
	long := strings.Repeat("k", 1<<16)
	var m map[string]int
	err := Decode("demo", "map", []byte(`{"`+long+`":1,"`+long+`":2}`), &m)
	if err == nil || len(err.Error()) > 200 {
		t.Errorf("error of %d bytes: %.200v", len(fmt.Sprint(err)), err)
	}
}

// The key check is linear in the input: the steps it takes (tokens read
// and keys compared) are bounded by a constant times the bytes, for one
// object of many keys, many keys that differ only in case, and many
// small objects. Benchmarks: BenchmarkDecodeKeys.
func TestDefectKeyCheckLinear(t *testing.T) {
	for name, doc := range map[string][]byte{
		"many keys":       manyKeys(1 << 18),
		"keys in 2 cases": caseVariants(1 << 18),
		"many objects":    manyObjects(1 << 18),
	} {
		var v any
		if name == "many objects" {
			v = new([]map[string]int)
		} else {
			v = new(map[string]int)
		}
		s := newScan(doc)
		if err := s.check(reflect.TypeOf(v)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if s.steps > 4*len(doc) {
			t.Errorf("%s: %d steps for %d bytes", name, s.steps, len(doc))
		}
	}
}

// manyKeys is one object of distinct keys, about size bytes.
func manyKeys(size int) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"k` + strconv.Itoa(i) + `":1`)
	}
	b.WriteByte('}')
	return b.Bytes()
}

// caseVariants is one object of keys that differ only in case, about
// size bytes.
func caseVariants(size int) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		k := strconv.FormatInt(int64(i), 2)
		k = strings.NewReplacer("0", "a", "1", "A").Replace(k)
		b.WriteString(`"` + k + `":1`)
	}
	b.WriteByte('}')
	return b.Bytes()
}

// manyObjects is a list of small objects, about size bytes.
func manyObjects(size int) []byte {
	var b bytes.Buffer
	b.WriteByte('[')
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"a":1,"b":2}`)
	}
	b.WriteByte(']')
	return b.Bytes()
}

// BenchmarkDecodeKeys decodes documents of 256 KiB and 1 MiB: the time
// per byte stays the same (linear).
func BenchmarkDecodeKeys(b *testing.B) {
	for _, size := range []int{1 << 18, 1 << 20} {
		for name, doc := range map[string][]byte{"keys": manyKeys(size), "objects": manyObjects(size)} {
			b.Run(fmt.Sprintf("%s/%dKiB", name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(doc)))
				for b.Loop() {
					var v any
					if name == "keys" {
						v = new(map[string]int)
					} else {
						v = new([]map[string]int)
					}
					if err := Decode("demo", name, doc, v); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
