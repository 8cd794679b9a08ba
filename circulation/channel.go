package circulation

import (
	"github.com/kashidashi/kashidashi/internal/enum"
	"github.com/kashidashi/kashidashi/reason"
)

// ReturnChannel is how, and at the Prefectural Library at which counter,
// an item is handed back (M2, R-PL2, R-AL3, R-HD1). The Prefectural
// Library has two counters, and an item goes back to the one that lent
// it, decided by its Collection (R-PL1, R-PL2; Collection.Counter): a
// return there names GeneralCounter or HokkaidoCounter, and Counter is
// for the one counter of the Assembly Library or a partner library. The
// zero ReturnChannel is not a valid channel.
type ReturnChannel uint8

// The ways to return an item.
const (
	Counter         ReturnChannel = iota + 1 // at the counter of the Assembly Library or a partner library (カウンター)
	BookDrop                                 // in a book drop (ブックポスト)
	Post                                     // by post or carrier, prepaid (元払い)
	GeneralCounter                           // at the Prefectural Library's general counter (一般資料カウンター)
	HokkaidoCounter                          // at the Prefectural Library's Hokkaido collection counter (北方資料カウンター)
)

var channels = enum.NewTable[ReturnChannel](pkg, "return channel", reason.ErrBadInput, enum.Name{},
	enum.Name{Code: "counter", En: "counter", Ja: "カウンター"},
	enum.Name{Code: "book_drop", En: "book drop", Ja: "ブックポスト"},
	enum.Name{Code: "post", En: "post", Ja: "郵送"},
	enum.Name{Code: "general_counter", En: "general counter", Ja: "一般資料カウンター"},
	enum.Name{Code: "hokkaido_counter", En: "Hokkaido collection counter", Ja: "北方資料カウンター"},
)

// Valid reports whether c is one of the five channels.
func (c ReturnChannel) Valid() bool { return channels.Valid(c) }

// String returns the stable code of c, such as "book_drop", as used in
// text and JSON.
func (c ReturnChannel) String() string { return channels.String(c) }

// Label returns the name of c in language l.
func (c ReturnChannel) Label(l reason.Lang) string { return channels.Label(c, l) }

// MarshalText encodes c as its stable code.
func (c ReturnChannel) MarshalText() ([]byte, error) { return channels.MarshalText(c) }

// UnmarshalText decodes a stable code or a label; an unknown one is an
// error matching reason.ErrBadInput.
func (c *ReturnChannel) UnmarshalText(b []byte) error { return channels.UnmarshalText(c, b) }

// prefecturalCounter reports whether c is a counter of the Prefectural
// Library.
func (c ReturnChannel) prefecturalCounter() bool {
	return c == GeneralCounter || c == HokkaidoCounter
}
