package reason

import (
	"encoding/json"
	"math"
	"strconv"

	"github.com/kashidashi/kashidashi/internal/strictjson"
	"github.com/kashidashi/kashidashi/internal/text"
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

// UnmarshalJSON decodes the JSON MarshalJSON makes, strictly: unknown,
// repeated or wrong-case keys, trailing data, a refusal without reasons,
// a package that is not a lower-case word as a Go package of the module
// is named ("circulation"), a malformed code, and a count that is
// negative or that, with the other reasons of its code, overflows an int
// are refused. Of each code, the first 16 reasons are listed and the
// rest counted in one entry, as Refuse does. The decoded reasons match
// their sentinels by code: errors.Is(decoded, circulation.ErrReserved).
func (r *Refusal) UnmarshalJSON(b []byte) error {
	var in refusalJSON
	if err := strictjson.Decode("reason", "refusal", b, &in); err != nil {
		return err
	}
	reasons, err := in.decode()
	if err != nil {
		return &strictjson.Error{Package: "reason", What: "refusal", Err: err}
	}
	*r = Refusal{Package: in.Package, What: in.What, Reasons: reasons}
	return nil
}

// decode checks in and returns its reasons, capped per code as Refuse
// caps them: of each code, the first 16 reasons listed are kept, the
// rest and every entry that counts reasons are counted in one entry, in
// the place of the first. Decoding what decode returns, encoded, gives it
// back.
func (in *refusalJSON) decode() ([]Coded, error) {
	switch {
	case !validPackage(in.Package):
		return nil, BadInput("package", "%s is not a package name (a lower-case word)", text.Quote(in.Package))
	case in.What == "":
		return nil, BadInput("what", "is required")
	case len(in.Reasons) == 0:
		return nil, BadInput("reasons", "a refusal has at least one reason")
	}
	codes := make(map[string]*decodedCode)
	out := make([]Coded, 0, len(in.Reasons))
	given := make([]Coded, 0, len(in.Reasons))
	for i, e := range in.Reasons {
		at := "reasons[" + strconv.Itoa(i) + "]"
		switch {
		case !validCode(e.Code):
			return nil, BadInput(at+".code", "is not dotted lower-case words")
		case !validPackage(e.Package):
			return nil, BadInput(at+".package", "%s is not a package name (a lower-case word)", text.Quote(e.Package))
		case e.Omitted < 0:
			return nil, BadInput(at+".omitted", "is negative")
		}
		dc := codes[e.Code]
		if dc == nil {
			dc = new(decodedCode)
			codes[e.Code] = dc
		}
		n := max(e.Omitted, 1)
		if dc.total > math.MaxInt-n {
			return nil, BadInput(at+".omitted", "the count of %s overflows", e.Code)
		}
		dc.total += n
		c := &instance{pkg: e.Package, code: e.Code, params: e.Params,
			messages: [2]string{e.Messages.En, e.Messages.Ja}}
		given = append(given, c)
		if e.Omitted > 0 {
			given[i] = &omitted{first: c, n: e.Omitted}
		}
		if e.Omitted == 0 && dc.listed < maxPerCode {
			dc.listed++
			out = append(out, c)
		} else if dc.omitted != nil {
			dc.omitted.n += n
		} else {
			dc.omitted = &omitted{first: c, n: n}
			out = append(out, dc.omitted)
		}
	}
	if len(out) == len(given) {
		return given, nil // as Refuse, which caps only what capping shortens
	}
	return out, nil
}

// decodedCode is what decoding a refusal has seen of one code: how many
// reasons it listed, all it counted, and the entry counting those beyond
// the first 16 listed.
type decodedCode struct {
	listed, total int
	omitted       *omitted
}

// maxPackage bounds the length of a package name.
const maxPackage = 32

// validPackage reports whether pkg names a package as the module's are
// named: a lower-case ASCII letter, then lower-case letters and digits,
// 32 at most.
func validPackage(pkg string) bool {
	if pkg == "" || len(pkg) > maxPackage || pkg[0] < 'a' || pkg[0] > 'z' {
		return false
	}
	for i := 1; i < len(pkg); i++ {
		if c := pkg[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
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
