package circulation

import (
	"github.com/kashidashi/kashidashi/internal/enum"
	"github.com/kashidashi/kashidashi/reason"
)

// Collection is the collection an item belongs to; it decides the counter
// that lends and takes back the item at the Prefectural Library (M1,
// R-PL1) and whether the book drop takes it (R-PL2). The zero Collection
// is General.
type Collection uint8

// The two collections.
const (
	General  Collection = iota // general items (一般資料)
	Hokkaido                   // the Hokkaido collection (北方資料)
)

var collections = enum.NewTable[Collection](pkg, "collection", reason.ErrBadInput,
	enum.Name{Code: "general", En: "general collection", Ja: "一般資料"},
	enum.Name{Code: "hokkaido", En: "Hokkaido collection", Ja: "北方資料"},
)

// Valid reports whether c is one of the two collections.
func (c Collection) Valid() bool { return collections.Valid(c) }

// String returns the stable code of c, "general" or "hokkaido", as used
// in text and JSON.
func (c Collection) String() string { return collections.String(c) }

// Label returns the name of c in language l, as the guide writes it.
func (c Collection) Label(l reason.Lang) string { return collections.Label(c, l) }

// MarshalText encodes c as its stable code.
func (c Collection) MarshalText() ([]byte, error) { return collections.MarshalText(c) }

// UnmarshalText decodes a stable code or a label; an unknown one is an
// error matching reason.ErrBadInput.
func (c *Collection) UnmarshalText(b []byte) error { return collections.UnmarshalText(c, b) }

// Counter returns the Prefectural Library counter that lends and takes
// back items of collection c (R-PL1, R-PL2): HokkaidoCounter for the
// Hokkaido collection, GeneralCounter otherwise.
func (c Collection) Counter() ReturnChannel {
	if c == Hokkaido {
		return HokkaidoCounter
	}
	return GeneralCounter
}
