package reason

import (
	"encoding/json"
	"strconv"

	"github.com/kashidashi/kashidashi/internal/strictjson"
)

// refusalJSON is the JSON shape of a Refusal:
//
//	{"package": "circulation", "what": "extension", "reasons": [
//	  {"package": "circulation", "code": "extension.reserved",
//	   "messages": {"en": "…", "ja": "…"}, "params": {"limit": 1},
//	   "omitted": 5}]}
//
// messages are the reason's in both languages, the parameters included;
// an entry with omitted
// stands for that many reasons of its code beyond the 16 listed, the
// first of which it describes. params and omitted are left out
// when empty.
type refusalJSON struct {
	Package string       `json:"package"`
	What    string       `json:"what"`
	Reasons []reasonJSON `json:"reasons"`
}

type reasonJSON struct {
	Package  string    `json:"package"`
	Code     string    `json:"code"`
	Messages bilingual `json:"messages"`
	Params   Params    `json:"params,omitempty"`
	Omitted  int       `json:"omitted,omitempty"`
}

type bilingual struct {
	En string `json:"en"`
	Ja string `json:"ja"`
}

// MarshalJSON encodes r with every reason's package, code, messages in
// both languages and parameters, and the entries that count the
// reasons beyond the cap with their counts, so that UnmarshalJSON gives
// back a Refusal with the same Error, codes, parameters and messages:
//
//	{"package":"circulation","what":"extension","reasons":[{"package":
//	"circulation","code":"extension.reserved","messages":{"en":"…",
//	"ja":"…"},"params":{"limit":1}}]}
func (r *Refusal) MarshalJSON() ([]byte, error) {
	out := refusalJSON{Package: r.Package, What: r.What, Reasons: make([]reasonJSON, len(r.Reasons))}
	for i, c := range r.Reasons {
		out.Reasons[i] = encodeReason(c, r.Package)
	}
	return json.Marshal(out)
}

// encodeReason returns the JSON form of c, a reason of a refusal by pkg.
func encodeReason(c Coded, pkg string) reasonJSON {
	n := 0
	if o, ok := c.(*omitted); ok {
		c, n = o.first, o.n
	}
	e := reasonJSON{
		Package:  packageOf(c, pkg),
		Code:     c.Code(),
		Messages: bilingual{c.Message(English), c.Message(Japanese)},
		Params:   paramsOf(c),
		Omitted:  n,
	}
	return e
}

// UnmarshalJSON decodes the JSON MarshalJSON makes, strictly: unknown
// keys, trailing data, a refusal without reasons, a malformed code and a
// negative count are refused. The decoded reasons match their sentinels
// by code: errors.Is(decoded, circulation.ErrReserved).
func (r *Refusal) UnmarshalJSON(b []byte) error {
	var in refusalJSON
	if err := strictjson.Decode("reason", "refusal", b, &in); err != nil {
		return err
	}
	fail := func(msg string) error {
		return &strictjson.Error{Package: "reason", What: "refusal", Err: BadInput("", "%s", msg)}
	}
	if in.Package == "" || in.What == "" {
		return fail("package and what are required")
	}
	if len(in.Reasons) == 0 {
		return fail("a refusal has at least one reason")
	}
	reasons := make([]Coded, len(in.Reasons))
	for i, e := range in.Reasons {
		at := "reasons[" + strconv.Itoa(i) + "]: "
		switch {
		case !validCode(e.Code):
			return fail(at + "code is not dotted lower-case words")
		case e.Package == "":
			return fail(at + "package is required")
		case e.Omitted < 0:
			return fail(at + "omitted is negative")
		}
		c := &instance{pkg: e.Package, code: e.Code, params: e.Params,
			messages: [2]string{e.Messages.En, e.Messages.Ja}}
		reasons[i] = c
		if e.Omitted > 0 {
			reasons[i] = &omitted{first: c, n: e.Omitted}
		}
	}
	*r = Refusal{Package: in.Package, What: in.What, Reasons: reasons}
	return nil
}

// validCode reports whether code is dotted lower-case words,
// "extension.reserved", as every code in the module is.
func validCode(code string) bool {
	dots, word := 0, 0
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '.':
			if word == 0 {
				return false
			}
			dots, word = dots+1, 0
		case ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') || c == '_':
			word++
		default:
			return false
		}
	}
	return dots > 0 && word > 0
}
