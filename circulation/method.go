package circulation

import (
	"github.com/kashidashi/kashidashi/internal/enum"
	"github.com/kashidashi/kashidashi/reason"
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

var methods = enum.NewTable[Method](pkg, "method", reason.ErrBadInput, enum.Name{},
	enum.Name{Code: "prefectural_library", En: "Prefectural Library", Ja: "道立図書館"},
	enum.Name{Code: "assembly_library", En: "Assembly Library", Ja: "道議会図書室"},
	enum.Name{Code: "partner_library", En: "partner library", Ja: "受取館"},
	enum.Name{Code: "home_delivery", En: "home delivery", Ja: "自宅"},
)

// Valid reports whether m is one of the four methods.
func (m Method) Valid() bool { return methods.Valid(m) }

// String returns the stable code of m, such as "partner_library", as used
// in text and JSON.
func (m Method) String() string { return methods.String(m) }

// Label returns the name of m in language l, as the guide writes it.
func (m Method) Label(l reason.Lang) string { return methods.Label(m, l) }

// MarshalText encodes m as its stable code.
func (m Method) MarshalText() ([]byte, error) { return methods.MarshalText(m) }

// UnmarshalText decodes a stable code or a label; an unknown one is an
// error matching reason.ErrBadInput.
func (m *Method) UnmarshalText(b []byte) error { return methods.UnmarshalText(m, b) }

// remote reports whether m ships the item both ways (L2).
func (m Method) remote() bool { return m == PartnerLibrary || m == HomeDelivery }
