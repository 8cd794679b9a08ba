package circulation

import (
	"encoding/json"

	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// Place is where an item is received and returned (M1): a Method and, for
// a partner library, the library's name. Library is empty for the other
// methods. Place is comparable: two places are the same place (M2) when
// they are ==.
type Place struct {
	Method  Method `json:"method"`
	Library string `json:"library,omitempty"`
}

// Validate reports whether p is well formed: a valid Method, a Library
// for a partner library and none otherwise. The error is
// reason.Problems (matching reason.ErrBadInput) naming the field,
// "method" or "library".
func (p Place) Validate() error {
	return p.problems().Err()
}

// problems lists what is wrong with p, each path in p's JSON form; nil
// when p is well formed.
func (p Place) problems() reason.Problems {
	switch {
	case !p.Method.Valid():
		return reason.Problems{{Path: "method", Message: "is not a valid method (" + p.Method.String() + ")"}}
	case p.Method == PartnerLibrary && p.Library == "":
		return reason.Problems{{Path: "library", Message: "is missing: a partner-library place must name the library"}}
	case p.Method != PartnerLibrary && p.Library != "":
		return reason.Problems{{Path: "library", Message: "only a partner-library place names a library (got " + text.Quote(p.Library) + " for " + p.Method.String() + ")"}}
	}
	return nil
}

// String describes p: "partner_library:江別市情報図書館" or "home_delivery".
func (p Place) String() string {
	if p.Library != "" {
		return p.Method.String() + ":" + p.Library
	}
	return p.Method.String()
}

// Label names p for a patron in language l: "Assembly Library" or
// "道議会図書室", or a partner library's name, followed in English by
// "(partner library)".
func (p Place) Label(l reason.Lang) string {
	switch {
	case p.Method != PartnerLibrary || p.Library == "":
		return p.Method.Label(l)
	case l == reason.Japanese:
		return p.Library
	}
	return p.Library + " (partner library)"
}

// MarshalJSON encodes p as {"method": "...", "library": "..."}, library
// only for a partner library. An invalid place is an error, so that what
// MarshalJSON writes UnmarshalJSON reads back.
func (p Place) MarshalJSON() ([]byte, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	type plain Place
	return json.Marshal(plain(p))
}

// UnmarshalJSON decodes a Place and validates it. It refuses unknown keys
// and unknown method codes, naming them; an invalid place is an error
// matching reason.ErrBadInput.
func (p *Place) UnmarshalJSON(b []byte) error {
	type plain Place // without this method, so that decoding does not recurse
	var v Place
	if err := decodeOver("place", b, &v, func(v *Place) any { return (*plain)(v) }); err != nil {
		return err
	}
	if err := v.Validate(); err != nil {
		return err
	}
	*p = v
	return nil
}
