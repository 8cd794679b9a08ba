package strictjson

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

type inner struct {
	X int `json:"x"`
}

func (i *inner) UnmarshalJSON(b []byte) error {
	type plain inner
	return Decode("demo", "inner", b, (*plain)(i))
}

type outer struct {
	In inner `json:"in"`
	Y  int   `json:"y"`
}

func TestDecodeRefusesUnknownKeysAtEveryDepth(t *testing.T) {
	var o outer
	if err := Decode("demo", "outer", []byte(`{"in":{"x":1},"y":2}`), &o); err != nil || o.In.X != 1 || o.Y != 2 {
		t.Fatalf("%v %+v", err, o)
	}
	err := Decode("demo", "outer", []byte(`{"in":{"z":1}}`), &o)
	if err == nil || err.Error() != `demo: outer: inner: json: unknown field "z"` {
		t.Errorf("nested: %v", err)
	}
	err = Decode("demo", "outer", []byte(`{"yy":1}`), &o)
	if err == nil || !strings.Contains(err.Error(), `unknown field "yy"`) {
		t.Errorf("top: %v", err)
	}
	err = Decode("demo", "outer", []byte(`{} {}`), &o)
	if !errors.Is(err, ErrTrailingData) {
		t.Errorf("trailing: %v", err)
	}
	if err := Decode("demo", "outer", []byte(`{`), &o); err == nil {
		t.Error("truncated JSON decoded")
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"in":{"x":1},"y":2}`))
	f.Add([]byte(`{"y":1,"y":2}`))
	f.Add([]byte(`{"Y":1,"in":{"X":1}}`))
	f.Add([]byte(`{"in":{"x":1,"x":2}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var o outer
		if err := Decode("demo", "outer", b, &o); err != nil {
			return
		}
		// What decodes re-encodes to keys the type knows.
		out, err := json.Marshal(o)
		if err != nil {
			t.Fatal(err)
		}
		var back outer
		if err := Decode("demo", "outer", out, &back); err != nil || back != o {
			t.Fatalf("round trip %s: %v", out, err)
		}
	})
}

// Every decoding error is bad input: unknown keys, wrong types, trailing
// data, malformed JSON.
func TestDecodeErrorsAreBadInput(t *testing.T) {
	var v struct{ A int }
	for _, in := range []string{`{"b":1}`, `{"A":"x"}`, `{"A":1} {}`, `{`} {
		if err := Decode("p", "v", []byte(in), &v); !errors.Is(err, ErrBadInput) {
			t.Errorf("%s: %v does not match ErrBadInput", in, err)
		}
	}
}
