package circulation

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

var allStatuses = []Status{OnShelf, OnShelfShort, OnLoan, LentToLibrary, Assigned, InTransit, Reference, LibraryUseOnly, LibraryUseOnlyShort}

// TestStatusTable checks the table of rule I1, row by row: the
// catalogue label parses, is the Japanese label, and the stable code is
// ASCII.
func TestStatusTable(t *testing.T) {
	for _, c := range []struct {
		label, code                string
		want                       Status
		loanable, available, short bool
	}{
		{"在庫", "on_shelf", OnShelf, true, true, false},
		{"短縮", "on_shelf_short", OnShelfShort, true, true, true},
		{"貸出中", "on_loan", OnLoan, true, false, false},
		{"協力", "lent_to_library", LentToLibrary, true, false, false},
		{"割当", "assigned", Assigned, true, false, false},
		{"回送", "in_transit", InTransit, true, false, false},
		{"禁帯", "reference", Reference, false, false, false},
		{"館内", "library_use_only", LibraryUseOnly, false, false, false},
		{"館短", "library_use_only_short", LibraryUseOnlyShort, false, false, true},
	} {
		t.Run("I1 "+c.label, func(t *testing.T) {
			s, err := ParseStatus(c.label)
			require.NoError(t, err)
			assert.Equal(t, c.want, s)
			assert.Equal(t, c.code, s.String())
			assert.Equal(t, c.label, s.Label(reason.Japanese))
			assert.Equal(t, c.loanable, s.Loanable(), "Loanable")
			assert.Equal(t, c.available, s.Available(), "Available")
			assert.Equal(t, c.short, s.Short(), "Short")
		})
	}
}

// TestParseStatusSpaces: I1 labels are read with surrounding white space
// trimmed, full-width spaces included, and nothing else folded.
func TestParseStatusSpaces(t *testing.T) {
	for _, in := range []string{" 在庫", "在庫 ", "\t在庫\n", "\u3000在庫\u3000", "on_shelf"} {
		s, err := ParseStatus(in)
		require.NoError(t, err, "%q", in)
		assert.Equal(t, OnShelf, s)
	}
	for _, in := range []string{"", " ", "在 庫", "在庫在庫", "zaiko", "On_shelf", "貸出", "Status(1)", "在庫\x00"} {
		_, err := ParseStatus(in)
		require.Error(t, err, "%q", in)
		assert.ErrorIs(t, err, reason.ErrBadInput)
		assert.True(t, strings.HasPrefix(err.Error(), "bad input: circulation: unknown status "), err.Error())
	}
}

// TestStatusInvalidI1: an invalid status is neither loanable, available
// nor short.
func TestStatusInvalidI1(t *testing.T) {
	for _, s := range []Status{0, 10, 255} {
		assert.False(t, s.Loanable())
		assert.False(t, s.Available())
		assert.False(t, s.Short())
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
		roundTrip(t, s)
	})
}

func TestStatusJSON(t *testing.T) {
	b, err := json.Marshal(map[string]Status{"s": OnLoan})
	require.NoError(t, err)
	assert.JSONEq(t, `{"s":"on_loan"}`, string(b))
	var s Status
	err = json.Unmarshal([]byte(`"貸出"`), &s)
	assert.True(t, errors.Is(err, reason.ErrBadInput), "%v", err)
	assert.Error(t, json.Unmarshal([]byte(`3`), &s))
}
