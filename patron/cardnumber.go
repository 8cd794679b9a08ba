package patron

// CardNumberLength is the number of digits of a card number (P2).
const CardNumberLength = 10

// CardNumber is a patron's card number (利用者番号, P2): the 10-digit
// number under the barcode on the library card, which patrons show to
// collect reserved items. Leading zeros are significant.
//
// CardNumber is a small comparable value: use == to compare two. The zero
// CardNumber is no card number at all (IsZero reports it); ParseCardNumber
// never returns it without an error.
type CardNumber struct {
	digits [CardNumberLength]byte
}

var cardNumberField = digitField{errCardNumberEmpty, errCardNumberLength, errCardNumberCharacter}

// ParseCardNumber parses a card number as a patron types it (P2): exactly
// 10 digits. Full-width digits (０-９) and spaces around the number (ASCII
// or the ideographic space U+3000), which a Japanese input method types,
// are folded; spaces inside the number, hyphens and anything else are
// refused.
//
// A refused number gives a *reason.Refusal listing every reason that
// applies, by code: card_number.empty, or card_number.length (any number
// of characters other than 10) and card_number.character with
// the 1-based position of each offending character in s, counted in
// characters, not bytes.
func ParseCardNumber(s string) (CardNumber, error) {
	var c CardNumber
	var rs refusal
	cardNumberField.parse(s, c.digits[:], &rs)
	if err := rs.refuse("card number"); err != nil {
		return CardNumber{}, err
	}
	return c, nil
}

// IsZero reports whether c is the zero CardNumber, which is no card number.
func (c CardNumber) IsZero() bool { return c == CardNumber{} }

// String returns the 10 digits of c, or "" for the zero CardNumber.
func (c CardNumber) String() string {
	if c.IsZero() {
		return ""
	}
	return string(c.digits[:])
}

// MarshalText implements encoding.TextMarshaler: the 10 digits, or empty
// text for the zero CardNumber.
func (c CardNumber) MarshalText() ([]byte, error) {
	if c.IsZero() {
		return []byte{}, nil
	}
	return c.digits[:], nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseCardNumber.
// As with netip.Addr, empty text sets the zero CardNumber.
func (c *CardNumber) UnmarshalText(text []byte) error {
	return unmarshalTyped(c, text, ParseCardNumber)
}
