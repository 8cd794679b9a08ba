package enum

import (
	"errors"
	"strings"
	"testing"

	"github.com/kashidashi/kashidashi/reason"
)

type color uint8

var errUnknownColor = errors.New("paint: unknown color")

var colors = NewTable[color]("paint", "color", errUnknownColor,
	Name{},
	Name{"red", "red", "赤"},
	Name{"dark_blue", "dark blue", "紺"},
)

func TestTableNames(t *testing.T) {
	if got := colors.String(2); got != "dark_blue" {
		t.Errorf("String(2) = %q", got)
	}
	if got := colors.String(0); got != "color(0)" {
		t.Errorf("String(0) = %q", got)
	}
	if got := colors.String(9); got != "color(9)" {
		t.Errorf("String(9) = %q", got)
	}
	if got := colors.Label(1, reason.Japanese); got != "赤" {
		t.Errorf("Label ja = %q", got)
	}
	if got := colors.Label(2, reason.English); got != "dark blue" {
		t.Errorf("Label en = %q", got)
	}
	for _, s := range []string{"dark_blue", "紺", "dark blue", "\u3000紺 "} {
		if v, err := colors.Parse(s); err != nil || v != 2 {
			t.Errorf("Parse(%q) = %v, %v", s, v, err)
		}
	}
	for _, s := range []string{"", "Red", "color(0)", " "} {
		if _, err := colors.Parse(s); !errors.Is(err, errUnknownColor) {
			t.Errorf("Parse(%q) error %v, want errUnknownColor", s, err)
		}
	}
}

func TestTableText(t *testing.T) {
	b, err := colors.MarshalText(1)
	if err != nil || string(b) != "red" {
		t.Fatalf("MarshalText = %q, %v", b, err)
	}
	if _, err := colors.MarshalText(0); err == nil {
		t.Error("MarshalText(0) succeeded")
	}
	v := color(1)
	if err := colors.UnmarshalText(&v, []byte("nope")); err == nil || v != 1 {
		t.Errorf("UnmarshalText(nope) = %v, v = %v", err, v)
	}
	if err := colors.UnmarshalText(&v, []byte("dark_blue")); err != nil || v != 2 {
		t.Errorf("UnmarshalText(dark_blue) = %v, v = %v", err, v)
	}
}

func TestParseErrorQuotesAShortPrefix(t *testing.T) {
	_, err := colors.Parse(strings.Repeat("x", 1<<20))
	if err == nil || len(err.Error()) > 200 {
		t.Fatalf("error of %d bytes", len(err.Error()))
	}
}

func FuzzTableParse(f *testing.F) {
	f.Add("red")
	f.Add("紺")
	f.Fuzz(func(t *testing.T, s string) {
		v, err := colors.Parse(s)
		if err != nil {
			return
		}
		if b, err := colors.MarshalText(v); err != nil {
			t.Fatalf("parsed %q to %v that does not encode: %v", s, v, err)
		} else if w, err := colors.Parse(string(b)); err != nil || w != v {
			t.Fatalf("round trip of %q: %v, %v", s, w, err)
		}
	})
}

// Defect (issue 17): codes with surrounding spaces ("dark_blue ") were
// accepted on the wire. UnmarshalText matches a code or a label exactly;
// only Parse, for what a person types, trims white space, and only
// around a label: codes are exact everywhere.
func TestDefectEnumCodeWithSpacesRefusedOnTheWire(t *testing.T) {
	for _, s := range []string{"dark_blue ", " dark_blue", "\u3000dark_blue", "dark_blue\n", " 紺", "dark blue ", "Dark_Blue"} {
		v := color(1)
		if err := colors.UnmarshalText(&v, []byte(s)); !errors.Is(err, errUnknownColor) || v != 1 {
			t.Errorf("UnmarshalText(%q) = %v, v = %v; want refused", s, err, v)
		}
	}
	for _, s := range []string{"dark_blue", "紺", "dark blue"} {
		var v color
		if err := colors.UnmarshalText(&v, []byte(s)); err != nil || v != 2 {
			t.Errorf("UnmarshalText(%q) = %v, v = %v", s, err, v)
		}
	}
	for _, s := range []string{" dark_blue", "dark_blue\u3000"} {
		if _, err := colors.Parse(s); !errors.Is(err, errUnknownColor) {
			t.Errorf("Parse(%q) = %v, want refused: codes are exact", s, err)
		}
	}
	for _, s := range []string{"\u3000紺 ", " dark blue\t", "dark_blue"} {
		if v, err := colors.Parse(s); err != nil || v != 2 {
			t.Errorf("Parse(%q) = %v, %v", s, v, err)
		}
	}
}
