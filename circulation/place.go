package circulation

import (
	"encoding/json"
	"fmt"
)

// Method is how a patron receives and returns an item (受取方法, rule M1).
// The zero Method is not a valid method.
type Method uint8

// The four methods of rule M1.
const (
	PrefecturalLibrary Method = iota + 1 // at the Prefectural Library (道立図書館)
	AssemblyLibrary                      // at the Hokkaido Assembly Library (道議会図書室)
	PartnerLibrary                       // at a partner municipal library (受取館)
	HomeDelivery                         // by post to the patron's address (自宅)
)

var methodNames = [...]struct{ code, en, ja string }{
	PrefecturalLibrary: {"prefectural_library", "Prefectural Library", "道立図書館"},
	AssemblyLibrary:    {"assembly_library", "Assembly Library", "道議会図書室"},
	PartnerLibrary:     {"partner_library", "partner library", "受取館"},
	HomeDelivery:       {"home_delivery", "home delivery", "自宅"},
}

// Valid reports whether m is one of the four methods.
func (m Method) Valid() bool { return m >= PrefecturalLibrary && m <= HomeDelivery }

// String returns the stable code of m, such as "partner_library", as used
// in text and JSON.
func (m Method) String() string {
	if !m.Valid() {
		return fmt.Sprintf("Method(%d)", uint8(m))
	}
	return methodNames[m].code
}

// English returns the English name of m.
func (m Method) English() string {
	if !m.Valid() {
		return m.String()
	}
	return methodNames[m].en
}

// Japanese returns the Japanese name of m, as the guide writes it.
func (m Method) Japanese() string {
	if !m.Valid() {
		return m.String()
	}
	return methodNames[m].ja
}

// ParseMethod returns the Method whose stable code is s.
func ParseMethod(s string) (Method, error) {
	for m := PrefecturalLibrary; m <= HomeDelivery; m++ {
		if methodNames[m].code == s {
			return m, nil
		}
	}
	return 0, fmt.Errorf("circulation: unknown method %q", s)
}

// MarshalText encodes m as its stable code.
func (m Method) MarshalText() ([]byte, error) {
	if !m.Valid() {
		return nil, fmt.Errorf("circulation: cannot encode invalid method %d", uint8(m))
	}
	return []byte(m.String()), nil
}

// UnmarshalText decodes a stable code.
func (m *Method) UnmarshalText(b []byte) error {
	v, err := ParseMethod(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Place is where an item is received and returned (M1): a Method and, for
// a partner library, the library's name. Library is empty for the other
// methods. Place is comparable: two places are the same place (M2) when
// they are ==.
type Place struct {
	Method  Method `json:"method"`
	Library string `json:"library,omitempty"`
}

// Validate reports whether p is well formed: a valid Method, a Library
// for a partner library and none otherwise.
func (p Place) Validate() error {
	switch {
	case !p.Method.Valid():
		return fmt.Errorf("circulation: place has no valid method")
	case p.Method == PartnerLibrary && p.Library == "":
		return fmt.Errorf("circulation: a partner-library place must name the library")
	case p.Method != PartnerLibrary && p.Library != "":
		return fmt.Errorf("circulation: only a partner-library place names a library (got %q for %v)", p.Library, p.Method)
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

// English names p for a patron: "Assembly Library", or a partner
// library's name followed by "(partner library)".
func (p Place) English() string {
	if p.Method == PartnerLibrary && p.Library != "" {
		return p.Library + " (partner library)"
	}
	return p.Method.English()
}

// Japanese names p for a patron: "道議会図書室", or a partner library's
// name.
func (p Place) Japanese() string {
	if p.Method == PartnerLibrary && p.Library != "" {
		return p.Library
	}
	return p.Method.Japanese()
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
// and unknown method codes, naming them.
func (p *Place) UnmarshalJSON(b []byte) error {
	type place Place
	var v place
	if err := decodeStrict("place", b, &v); err != nil {
		return err
	}
	if err := Place(v).Validate(); err != nil {
		return err
	}
	*p = Place(v)
	return nil
}
