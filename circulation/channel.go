package circulation

import "fmt"

// ReturnChannel is how an item is handed back (M2, R-PL2, R-AL3, R-HD1).
// The zero ReturnChannel is not a valid channel.
type ReturnChannel uint8

// The three ways to return an item.
const (
	Counter  ReturnChannel = iota + 1 // at a counter, to staff (カウンター)
	BookDrop                          // in a book drop (ブックポスト)
	Post                              // by post or carrier, prepaid (元払い)
)

var channelNames = [...]struct{ code, en, ja string }{
	Counter:  {"counter", "counter", "カウンター"},
	BookDrop: {"book_drop", "book drop", "ブックポスト"},
	Post:     {"post", "post", "郵送"},
}

// Valid reports whether c is one of the three channels.
func (c ReturnChannel) Valid() bool { return c >= Counter && c <= Post }

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
	for c := Counter; c <= Post; c++ {
		if channelNames[c].code == s {
			return c, nil
		}
	}
	return 0, fmt.Errorf("%s: unknown return channel %q (want counter, book_drop or post)", pkg, s)
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
