package patron

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"testing"

	"pgregory.net/rapid"
)

func TestBirthKey(t *testing.T) {
	tests := []struct {
		name string
		year int
		want string // "" when refused
	}{
		{"P3 guide example 2001", 2001, "20010101"},
		{"P3 first year", minBirthYear, "19000101"},
		{"P3 last year", maxBirthYear, "99990101"},
		{"P3 before range", minBirthYear - 1, ""},
		{"P3 five digits", 10000, ""},
		{"P3 negative", -2001, ""},
		{"P3 huge", math.MaxInt, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := BirthKey(tt.year)
			if tt.want == "" {
				checkRefusal(t, err)
				if !errors.Is(err, errBirthYearRange) || got != "" {
					t.Fatalf("BirthKey(%d) = %q, %v", tt.year, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("BirthKey(%d) = %q, %v; want %q", tt.year, got, err, tt.want)
			}
		})
	}
}

func TestParseBirthKey(t *testing.T) {
	tests := []struct {
		name, in string
		year     int
		codes    []string
	}{
		{name: "P3 guide example", in: "20010101", year: 2001},
		{name: "P3 full-width and spaces folded", in: " ２００１０１０１\u3000", year: 2001},
		{name: "P3 full date of birth", in: "20010315", codes: []string{"birth_key.not_0101"}},
		{name: "P3 year only", in: "2001", codes: []string{"birth_key.length"}},
		{name: "P3 empty", in: "\u3000", codes: []string{"birth_key.empty"}},
		{name: "P3 slashes", in: "2001/01/01", codes: []string{"birth_key.length", "birth_key.character", "birth_key.character"}},
		{name: "P3 year out of range", in: "18000101", codes: []string{"birth_key.year_range"}},
		{name: "P3 every reason of eight digits", in: "00001231", codes: []string{"birth_key.not_0101", "birth_key.year_range"}},
		{name: "P3 Japanese era year", in: "H130101", codes: []string{"birth_key.length", "birth_key.character"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			year, err := ParseBirthKey(tt.in)
			if tt.codes == nil {
				if err != nil || year != tt.year {
					t.Fatalf("ParseBirthKey(%q) = %d, %v; want %d", tt.in, year, err, tt.year)
				}
				return
			}
			checkRefusal(t, err)
			if got := codes(err); !slices.Equal(got, tt.codes) || year != 0 {
				t.Errorf("ParseBirthKey(%q) = %d, codes %v; want 0, %v", tt.in, year, got, tt.codes)
			}
		})
	}
}

// checkBirthKeyRoundTrip fails t unless year, in range, has the key
// YYYY0101 and that key parses back to year (P3).
func checkBirthKeyRoundTrip(t interface {
	Helper()
	Fatalf(string, ...any)
}, year int) {
	t.Helper()
	key, err := BirthKey(year)
	if err != nil || key != strconv.Itoa(year)+"0101" {
		t.Fatalf("BirthKey(%d) = %q, %v", year, key, err)
	}
	back, err := ParseBirthKey(key)
	if err != nil || back != year {
		t.Fatalf("ParseBirthKey(%q) = %d, %v", key, back, err)
	}
}

// P3: BirthKey and ParseBirthKey are inverse over the range of years.
func TestBirthKeyRoundTripProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		checkBirthKeyRoundTrip(t, rapid.IntRange(minBirthYear, maxBirthYear).Draw(t, "year"))
	})
}

func FuzzParseBirthKey(f *testing.F) {
	for _, s := range []string{"20010101", "２００１０１０１", " 19000101 ", "20010315", "2001", "", "18991231", "99990101", "2001/1/1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		year, err := ParseBirthKey(s)
		if refused(t, err) {
			return
		}
		checkBirthKeyRoundTrip(t, year)
	})
}

func FuzzBirthKey(f *testing.F) {
	for _, y := range []int{2001, 1900, 1899, 9999, 10000, 0, -1, math.MinInt, math.MaxInt} {
		f.Add(y)
	}
	f.Fuzz(func(t *testing.T, year int) {
		if _, err := BirthKey(year); refused(t, err) {
			return
		}
		checkBirthKeyRoundTrip(t, year)
	})
}
