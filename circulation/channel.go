package circulation

import "fmt"

// ReturnChannel is how, and at the Prefectural Library at which counter,
// an item is handed back (M2, R-PL2, R-AL3, R-HD1). The Prefectural
// Library has two counters, and an item goes back to the one that lent
// it, decided by its Collection (R-PL1, R-PL2): a return there names
// GeneralCounter or HokkaidoCounter, and Counter is for the one counter
// of the Assembly Library or a partner library. The zero ReturnChannel is
// not a valid channel.
type ReturnChannel uint8

// The ways to return an item.
const (
	Counter         ReturnChannel = iota + 1 // at the counter of the Assembly Library or a partner library (カウンター)
	BookDrop                                 // in a book drop (ブックポスト)
	Post                                     // by post or carrier, prepaid (元払い)
	GeneralCounter                           // at the Prefectural Library's general counter (一般資料カウンター)
	HokkaidoCounter                          // at the Prefectural Library's Hokkaido collection counter (北方資料カウンター)
)

var channelNames = [...]struct{ code, en, ja string }{
	Counter:         {"counter", "counter", "カウンター"},
	BookDrop:        {"book_drop", "book drop", "ブックポスト"},
	Post:            {"post", "post", "郵送"},
	GeneralCounter:  {"general_counter", "general counter", "一般資料カウンター"},
	HokkaidoCounter: {"hokkaido_counter", "Hokkaido collection counter", "北方資料カウンター"},
}

// Valid reports whether c is one of the five channels.
func (c ReturnChannel) Valid() bool { return c >= Counter && c <= HokkaidoCounter }

// prefecturalCounter reports whether c is a counter of the Prefectural
// Library.
func (c ReturnChannel) prefecturalCounter() bool {
	return c == GeneralCounter || c == HokkaidoCounter
}

// CounterFor returns the Prefectural Library counter that lends and takes
// back items of collection c (R-PL1, R-PL2): GeneralCounter or
// HokkaidoCounter.
func CounterFor(c Collection) ReturnChannel {
	if c == Hokkaido {
		return HokkaidoCounter
	}
	return GeneralCounter
}

// String returns the stable code of c, such as "book_drop", as used in
// text and JSON.
func (c ReturnChannel) String() string {
	if !c.Valid() {
		return fmt.Sprintf("ReturnChannel(%d)", uint8(c))
	}
	return channelNames[c].code
}

// English returns the English name of c.
func (c ReturnChannel) English() string {
	if !c.Valid() {
		return c.String()
	}
	return channelNames[c].en
}

// Japanese returns the Japanese name of c.
func (c ReturnChannel) Japanese() string {
	if !c.Valid() {
		return c.String()
	}
	return channelNames[c].ja
}

// ParseReturnChannel returns the channel whose stable code is s.
func ParseReturnChannel(s string) (ReturnChannel, error) {
	for c := Counter; c <= HokkaidoCounter; c++ {
		if channelNames[c].code == s {
			return c, nil
		}
	}
	return 0, fmt.Errorf("%s: unknown return channel %q (want counter, book_drop, post, general_counter or hokkaido_counter)", pkg, s)
}

// MarshalText encodes c as its stable code.
func (c ReturnChannel) MarshalText() ([]byte, error) {
	if !c.Valid() {
		return nil, fmt.Errorf("%s: cannot encode invalid return channel %d", pkg, uint8(c))
	}
	return []byte(channelNames[c].code), nil
}

// UnmarshalText decodes a stable code.
func (c *ReturnChannel) UnmarshalText(b []byte) error {
	v, err := ParseReturnChannel(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
