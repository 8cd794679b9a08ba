package patron

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

func TestParseCardNumber(t *testing.T) {
	runParseCases(t, []parseCase{
		{name: "P2 ten digits", in: "0123456789", want: "0123456789"},
		{name: "P2 leading zeros kept", in: "0000000001", want: "0000000001"},
		{name: "P2 full-width digits folded", in: "０１２３４５６７８９", want: "0123456789"},
		{name: "P2 mixed widths folded", in: "01２3４56７89", want: "0123456789"},
		{name: "P2 surrounding spaces folded", in: " \u30000123456789\u3000 ", want: "0123456789"},
		{name: "P2 empty", in: "", codes: []string{"card_number.empty"}},
		{name: "P2 only spaces", in: " \u3000 ", codes: []string{"card_number.empty"}},
		{name: "P2 nine digits", in: "012345678", codes: []string{"card_number.length"},
			details: []string{"The card number is the 10-digit number under the barcode on your library card (9 characters typed)."}},
		{name: "P2 eleven digits", in: "01234567890", codes: []string{"card_number.length"}},
		{name: "P2 letter at position", in: "01234x6789", codes: []string{"card_number.character"},
			details: []string{"The card number may contain only digits (character 6 is not one)."}},
		{name: "P2 position counts leading spaces and runes", in: "\u3000 ０１２３-５６７８９", codes: []string{"card_number.character"},
			details: []string{"The card number may contain only digits (character 7 is not one)."}},
		{name: "P2 inner space refused", in: "01234 56789", codes: []string{"card_number.length", "card_number.character"}},
		{name: "P2 hyphens and length both", in: "012-345-678", codes: []string{"card_number.length", "card_number.character", "card_number.character"},
			details: []string{
				"The card number is the 10-digit number under the barcode on your library card (11 characters typed).",
				"The card number may contain only digits (character 4 is not one).",
				"The card number may contain only digits (character 8 is not one).",
			}},
		{name: "P2 tab not folded", in: "0123456789\t", codes: []string{"card_number.length", "card_number.character"}},
		{name: "P2 other digits refused", in: "٠١٢٣٤٥٦٧٨٩", codes: slices.Repeat([]string{"card_number.character"}, 10)},
		{name: "P2 invalid UTF-8", in: "012345678\xff", codes: []string{"card_number.character"}}}, ParseCardNumber, CardNumber.String)
}

func TestParseCardNumberPositionsBounded(t *testing.T) {
	// P2: a page of text pasted into the field lists a bounded number of
	// positions, then counts the rest in one reason.Omitted, but is still
	// refused.
	_, err := ParseCardNumber(strings.Repeat("x", 1000))
	checkRefusal(t, err)
	if n := len(codes(err)); n != 1+16+1 {
		t.Errorf("%d reasons, want %d", n, 1+16+1)
	}
}

func TestCardNumberZeroAndText(t *testing.T) {
	var zero CardNumber
	if !zero.IsZero() || zero.String() != "" {
		t.Fatalf("zero CardNumber: IsZero %v String %q", zero.IsZero(), zero)
	}
	c, err := ParseCardNumber("1234567890")
	if err != nil {
		t.Fatal(err)
	}
	if c.IsZero() {
		t.Fatal("parsed number reports IsZero")
	}
	type form struct {
		Card  CardNumber `json:"card"`
		Other CardNumber `json:"other"`
	}
	b, err := json.Marshal(form{Card: c})
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"card":"1234567890","other":""}` {
		t.Fatalf("json %s", b)
	}
	var back form
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Card != c || !back.Other.IsZero() {
		t.Fatalf("round trip gave %+v", back)
	}
	err = json.Unmarshal([]byte(`{"card":"12345"}`), &back)
	if !errors.Is(err, errCardNumberLength) {
		t.Fatalf("unmarshal of a short number: %v", err)
	}
}

// P2: the full-width and half-width forms of a number, with or without
// the spaces an input method adds, are the same card number.
func TestCardNumberWidthProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		digits := rapid.StringMatching(`[0-9]{10}`).Draw(t, "digits")
		var b strings.Builder
		b.WriteString(rapid.SampledFrom([]string{"", " ", "\u3000", " \u3000 "}).Draw(t, "lead"))
		for i, r := range digits {
			if rapid.Bool().Draw(t, "wide"+string(rune('0'+i))) {
				r += '０' - '0'
			}
			b.WriteRune(r)
		}
		b.WriteString(rapid.SampledFrom([]string{"", " ", "\u3000"}).Draw(t, "trail"))
		half, err := ParseCardNumber(digits)
		if err != nil {
			t.Fatal(err)
		}
		typed, err := ParseCardNumber(b.String())
		if err != nil {
			t.Fatalf("ParseCardNumber(%q): %v", b.String(), err)
		}
		if typed != half || typed.String() != digits {
			t.Fatalf("%q gave %q, %q gave %q", b.String(), typed, digits, half)
		}
	})
}

func FuzzParseCardNumber(f *testing.F) {
	for _, s := range []string{
		"0123456789", "０１２３４５６７８９", " 0123456789\u3000", "", " ", "012345678",
		"01234567890", "012-345-678", "01234 56789", "\xff\xfe", "１２３４５６７８９０１",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCardNumber(s)
		if refused(t, err) {
			return
		}
		str := c.String()
		if len(str) != CardNumberLength || strings.Trim(str, "0123456789") != "" {
			t.Fatalf("%q gave %q", s, str)
		}
		again, err := ParseCardNumber(str)
		if err != nil || again != c {
			t.Fatalf("%q gave %q, which re-parses to %q, %v", s, str, again, err)
		}
		text, _ := c.MarshalText()
		var u CardNumber
		if err := u.UnmarshalText(text); err != nil || u != c {
			t.Fatalf("text round trip of %q: %q, %v", str, u, err)
		}
	})
}
