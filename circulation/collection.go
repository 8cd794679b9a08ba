package circulation

import "fmt"

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

var collectionNames = [...]struct{ code, en, ja string }{
	General:  {"general", "general collection", "一般資料"},
	Hokkaido: {"hokkaido", "Hokkaido collection", "北方資料"},
}

// Valid reports whether c is one of the two collections.
func (c Collection) Valid() bool { return c <= Hokkaido }

// String returns the stable code of c, "general" or "hokkaido", as used
// in text and JSON.
func (c Collection) String() string {
	if !c.Valid() {
		return fmt.Sprintf("Collection(%d)", uint8(c))
	}
	return collectionNames[c].code
}

// English returns the English name of c.
func (c Collection) English() string {
	if !c.Valid() {
		return c.String()
	}
	return collectionNames[c].en
}

// Japanese returns the Japanese name of c, as the guide writes it.
func (c Collection) Japanese() string {
	if !c.Valid() {
		return c.String()
	}
	return collectionNames[c].ja
}

// ParseCollection returns the Collection whose stable code is s.
func ParseCollection(s string) (Collection, error) {
	for c := General; c <= Hokkaido; c++ {
		if collectionNames[c].code == s {
			return c, nil
		}
	}
	return 0, fmt.Errorf("%s: unknown collection %q (want general or hokkaido)", pkg, s)
}

// MarshalText encodes c as its stable code.
func (c Collection) MarshalText() ([]byte, error) {
	if !c.Valid() {
		return nil, fmt.Errorf("%s: cannot encode invalid collection %d", pkg, uint8(c))
	}
	return []byte(collectionNames[c].code), nil
}

// UnmarshalText decodes a stable code.
func (c *Collection) UnmarshalText(b []byte) error {
	v, err := ParseCollection(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
