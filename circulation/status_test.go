package circulation

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

var allStatuses = []Status{OnShelf, OnShelfShort, OnLoan, LentToLibrary, Assigned, InTransit, Reference, LibraryUseOnly, LibraryUseOnlyShort}

// TestStatusTable checks the table of rule I1, row by row.
func TestStatusTable(t *testing.T) {
	for _, c := range []struct {
		label                      string
		want                       Status
		loanable, available, short bool
	}{
		{"在庫", OnShelf, true, true, false},
		{"短縮", OnShelfShort, true, true, true},
		{"貸出中", OnLoan, true, false, false},
		{"協力", LentToLibrary, true, false, false},
		{"割当", Assigned, true, false, false},
		{"回送", InTransit, true, false, false},
		{"禁帯", Reference, false, false, false},
		{"館内", LibraryUseOnly, false, false, false},
		{"館短", LibraryUseOnlyShort, false, false, true},
	} {
		t.Run("I1 "+c.label, func(t *testing.T) {
			s, err := ParseStatus(c.label)
			require.NoError(t, err)
			assert.Equal(t, c.want, s)
			assert.Equal(t, c.label, s.String())
			assert.Equal(t, c.loanable, s.Loanable(), "Loanable")
			assert.Equal(t, c.available, s.Available(), "Available")
			assert.Equal(t, c.short, s.Short(), "Short")
			assert.NotEmpty(t, s.English())
			assert.NotEqual(t, s.String(), s.English())
		})
	}
}

// TestParseStatusSpaces: I1 labels are read with surrounding white space
// trimmed, full-width spaces included, and nothing else folded.
func TestParseStatusSpaces(t *testing.T) {
	for _, in := range []string{" 在庫", "在庫 ", "\t在庫\n", "\u3000在庫\u3000"} {
		s, err := ParseStatus(in)
		require.NoError(t, err, "%q", in)
		assert.Equal(t, OnShelf, s)
	}
	for _, in := range []string{"", " ", "在 庫", "在庫在庫", "zaiko", "on_shelf", "貸出", "Status(1)", "在庫\x00"} {
		_, err := ParseStatus(in)
		require.Error(t, err, "%q", in)
		assert.ErrorIs(t, err, ErrUnknownStatus)
		assert.True(t, strings.HasPrefix(err.Error(), "circulation: "), err.Error())
		assert.Contains(t, err.Error(), strconv.Quote(in), "error quotes the label")
	}
}

func TestStatusInvalid(t *testing.T) {
	for _, s := range []Status{0, 10, 255} {
		assert.False(t, s.Valid())
		assert.False(t, s.Loanable())
		assert.False(t, s.Available())
		assert.False(t, s.Short())
		assert.Contains(t, s.String(), "Status(")
		assert.Equal(t, s.String(), s.English())
		_, err := s.MarshalText()
		assert.Error(t, err)
	}
}

// TestStatusLaws: I1 — available implies loanable; labels, text and JSON
// round-trip.
func TestStatusLaws(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.SampledFrom(allStatuses).Draw(t, "status")
		if s.Available() && !s.Loanable() {
			t.Fatalf("%v available but not loanable", s)
		}
		back, err := ParseStatus(s.String())
		if err != nil || back != s {
			t.Fatalf("ParseStatus(%q) = %v, %v", s.String(), back, err)
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var got Status
		if err := json.Unmarshal(b, &got); err != nil || got != s {
			t.Fatalf("JSON %s decodes to %v, %v", b, got, err)
		}
	})
}

func TestStatusJSON(t *testing.T) {
	b, err := json.Marshal(map[string]Status{"s": OnLoan})
	require.NoError(t, err)
	assert.JSONEq(t, `{"s":"貸出中"}`, string(b))
	var s Status
	err = json.Unmarshal([]byte(`"貸出"`), &s)
	assert.True(t, errors.Is(err, ErrUnknownStatus), "%v", err)
	assert.Error(t, json.Unmarshal([]byte(`3`), &s))
}

// FuzzParseStatus: ParseStatus never panics; an accepted label is one of
// the nine, surrounded by white space at most, and re-parses to itself.
func FuzzParseStatus(f *testing.F) {
	for _, s := range allStatuses {
		f.Add(s.String())
	}
	for _, s := range []string{"", " 在庫\u3000", "在", "貸出中中", "\xff", "館短\x00", "Status(0)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ParseStatus(in)
		if err != nil {
			if !errors.Is(err, ErrUnknownStatus) {
				t.Fatalf("error %v does not match ErrUnknownStatus", err)
			}
			return
		}
		if !s.Valid() {
			t.Fatalf("ParseStatus(%q) = invalid %d", in, s)
		}
		if strings.TrimSpace(in) != s.String() {
			t.Fatalf("ParseStatus(%q) = %v", in, s)
		}
		if back, err := ParseStatus(s.String()); err != nil || back != s {
			t.Fatalf("re-parse of %q: %v, %v", s.String(), back, err)
		}
	})
}
