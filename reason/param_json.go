package reason

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/kashidashi/kashidashi/internal/strictjson"
	"github.com/kashidashi/kashidashi/internal/text"
)

// MarshalJSON encodes ps as an object from names to values, numbers for
// position, limit and count, strings for the others, in ps's order.
func (ps Params) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for _, p := range ps {
		if p.k == noKind {
			continue
		}
		if len(b) > 1 {
			b = append(b, ',')
		}
		b = strconv.AppendQuote(b, p.Name())
		b = append(b, ':')
		if kinds[p.k].number {
			b = strconv.AppendInt(b, int64(p.n), 10)
			continue
		}
		s, err := json.Marshal(p.s)
		if err != nil {
			return nil, err
		}
		b = append(b, s...)
	}
	return append(b, '}'), nil
}

// UnmarshalJSON decodes the object MarshalJSON makes. A name that is no
// parameter's, a value of the wrong type, null, or a date that is not a
// real YYYY-MM-DD day is refused; a library or field is cut to 32
// characters as LibraryName and Field cut it.
func (ps *Params) UnmarshalJSON(b []byte) error {
	var m map[string]json.RawMessage
	if err := strictjson.Decode("reason", "params", b, &m); err != nil {
		return err
	}
	list := make([]Param, 0, len(m))
	for name, raw := range m {
		p, err := decodeParam(name, raw)
		if err != nil {
			return &strictjson.Error{Package: "reason", What: "params", Err: err}
		}
		list = append(list, p)
	}
	*ps = normalize(list)
	return nil
}

// decodeParam decodes the value of the parameter named name.
func decodeParam(name string, raw json.RawMessage) (Param, error) {
	k, ok := kindNamed(name)
	if !ok {
		return Param{}, BadInput(name, "unknown parameter")
	}
	if string(raw) == "null" {
		return Param{}, BadInput(name, "null")
	}
	if kinds[k].number {
		var n int
		if err := json.Unmarshal(raw, &n); err != nil {
			return Param{}, BadInput(name, "want an integer")
		}
		return Param{k: k, n: n}, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return Param{}, BadInput(name, "want a string")
	}
	if k.isDate() {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil || len(s) != len(time.DateOnly) {
			return Param{}, BadInput(name, "want YYYY-MM-DD, not %s", text.Quote(s))
		}
		p := dateOf(k, t)
		if p.k == noKind {
			return Param{}, BadInput(name, "%s is outside years 1 to 9999", text.Quote(s))
		}
		return p, nil
	}
	return Param{k: k, s: cleanText(s)}, nil
}
