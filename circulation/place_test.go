package circulation

import (
	"encoding/json"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// TestPlaceJSON: M1 places encode with stable names.
func TestPlaceJSON(t *testing.T) {
	for _, c := range []struct {
		place Place
		json  string
	}{
		{Place{Method: PrefecturalLibrary}, `{"method":"prefectural_library"}`},
		{Place{Method: AssemblyLibrary}, `{"method":"assembly_library"}`},
		{Place{Method: PartnerLibrary, Library: "江別市情報図書館"}, `{"method":"partner_library","library":"江別市情報図書館"}`},
		{Place{Method: HomeDelivery}, `{"method":"home_delivery"}`},
	} {
		t.Run("M1 "+c.place.String(), func(t *testing.T) {
			b, err := json.Marshal(c.place)
			require.NoError(t, err)
			assert.JSONEq(t, c.json, string(b))
			var back Place
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, c.place, back)
		})
	}
}

func TestPlaceInvalid(t *testing.T) {
	for _, p := range []Place{
		{},
		{Method: 9},
		{Method: PartnerLibrary},
		{Method: HomeDelivery, Library: "x"},
	} {
		assert.Error(t, p.Validate(), "%#v", p)
		_, err := json.Marshal(p)
		assert.Error(t, err, "Marshal %#v", p)
	}
	for _, s := range []string{
		`{}`, `{"method":"partner_library"}`, `{"method":"home_delivery","library":"x"}`,
		`{"method":"library"}`, `{"method":1}`, `[]`,
	} {
		var p Place
		assert.Error(t, json.Unmarshal([]byte(s), &p), s)
	}
}

func TestPlaceNames(t *testing.T) {
	p := Place{Method: PartnerLibrary, Library: "江別市情報図書館"}
	assert.Equal(t, "江別市情報図書館 (partner library)", p.English())
	assert.Equal(t, "江別市情報図書館", p.Japanese())
	assert.Equal(t, "Assembly Library", Place{Method: AssemblyLibrary}.English())
	assert.Equal(t, "道議会図書室", Place{Method: AssemblyLibrary}.Japanese())
}

// TestPlaceJSONRoundTrip: every valid place round-trips (M1).
func TestPlaceJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := genPlace(t, "place")
		if rapid.Bool().Draw(t, "any library") && p.Method == PartnerLibrary {
			p.Library = rapid.StringN(1, 20, -1).Draw(t, "library")
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var back Place
		if err := json.Unmarshal(b, &back); err != nil || back != p {
			t.Fatalf("%s decodes to %#v, %v", b, back, err)
		}
	})
}

// TestCodesRoundTrip: Method, Collection, ReturnChannel and DueDateRule
// round-trip through their stable codes.
func TestCodesRoundTrip(t *testing.T) {
	for _, m := range methods {
		got, err := ParseMethod(m.String())
		require.NoError(t, err)
		assert.Equal(t, m, got)
	}
	for _, c := range []Collection{General, Hokkaido} {
		got, err := ParseCollection(c.String())
		require.NoError(t, err)
		assert.Equal(t, c, got)
		assert.NotEqual(t, c.English(), c.Japanese())
	}
	for _, c := range []ReturnChannel{Counter, BookDrop, Post, GeneralCounter, HokkaidoCounter} {
		got, err := ParseReturnChannel(c.String())
		require.NoError(t, err)
		assert.Equal(t, c, got)
		assert.NotEqual(t, c.English(), c.Japanese())
	}
	for _, r := range []DueDateRule{DueDateStands, DueDateNextOpenDay} {
		got, err := ParseDueDateRule(r.String())
		require.NoError(t, err)
		assert.Equal(t, r, got)
	}
	for _, bad := range []any{Collection(2), ReturnChannel(0), ReturnChannel(6), DueDateRule(2), Method(0)} {
		_, err := json.Marshal(bad)
		assert.Error(t, err, "%v", bad)
		assert.Contains(t, bad.(interface{ String() string }).String(), "(")
	}
	assert.Equal(t, "Collection(7)", Collection(7).English())
	assert.Equal(t, "ReturnChannel(9)", ReturnChannel(9).Japanese())
}

func TestLoanJSON(t *testing.T) {
	l := Loan{
		Item: "b1", Place: Place{Method: PartnerLibrary, Library: "江別市情報図書館"},
		Collection: Hokkaido, Short: true, Loaned: day(t, "2026-04-01"), Due: day(t, "2026-04-15"),
	}
	b, err := json.Marshal(l)
	require.NoError(t, err)
	assert.JSONEq(t, `{"item":"b1","place":{"method":"partner_library","library":"江別市情報図書館"},
		"collection":"hokkaido","short":true,"interlibrary":false,"reserved":false,
		"loaned":"2026-04-01","due":"2026-04-15","extensions":0}`, string(b))
	var back Loan
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, l, back)
}

// FuzzParseCodes: the stable-code parsers never panic, and what they
// accept is exactly a code they print.
func FuzzParseCodes(f *testing.F) {
	for _, s := range []string{"prefectural_library", "partner_library", "general", "hokkaido", "counter", "book_drop", "post", "general_counter", "hokkaido_counter", "stands", "next_open_day", "", "Post", "general "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if m, err := ParseMethod(s); err == nil && m.String() != s {
			t.Fatalf("ParseMethod(%q) = %v", s, m)
		}
		if c, err := ParseCollection(s); err == nil && c.String() != s {
			t.Fatalf("ParseCollection(%q) = %v", s, c)
		}
		if c, err := ParseReturnChannel(s); err == nil && c.String() != s {
			t.Fatalf("ParseReturnChannel(%q) = %v", s, c)
		}
		if r, err := ParseDueDateRule(s); err == nil && r.String() != s {
			t.Fatalf("ParseDueDateRule(%q) = %v", s, r)
		}
	})
}

// FuzzLoanJSON: decoding any JSON as a Loan never panics, and neither do
// Validate, Extend and Accept on what decodes; a valid loan re-encodes
// and decodes equal.
func FuzzLoanJSON(f *testing.F) {
	f.Add(`{"item":"b1","place":{"method":"prefectural_library"},"loaned":"2026-04-01","due":"2026-04-15"}`)
	f.Add(`{"place":{"method":"partner_library","library":"x"},"collection":"hokkaido","loaned":"2026-04-01","due":"2026-03-01","extensions":-1}`)
	f.Add(`{"place":{"method":"home_delivery"},"loaned":"9999-12-31","due":"9999-12-31","reserved":true}`)
	f.Add(`{"loaned":"0001-01-01","due":""}`)
	f.Add(`{"item":"b1","extension":1}`)
	f.Fuzz(func(t *testing.T, s string) {
		var l Loan
		if json.Unmarshal([]byte(s), &l) != nil {
			return
		}
		if !knownKeys(s, "item", "place", "collection", "short", "interlibrary", "reserved", "no_book_drop", "loaned", "due", "extensions") {
			t.Fatalf("%s decodes with an unknown key", s)
		}
		valid := l.Validate() == nil
		for _, today := range []string{"0001-01-01", "2026-04-10", "9999-12-31"} {
			d := day(t, today)
			_, _ = DefaultPolicy().Extend(l, []Loan{l}, d, prefecturalCal)
			channel := Counter
			if l.Place.Method == PrefecturalLibrary {
				channel = CounterFor(l.Collection)
			}
			_, _ = desk.Accept(Return{Loan: l, At: l.Place, Channel: channel, When: d.In(calendar.JST())})
		}
		if !valid {
			return
		}
		b, err := json.Marshal(l)
		if err != nil {
			t.Fatalf("valid loan %#v does not encode: %v", l, err)
		}
		var back Loan
		if err := json.Unmarshal(b, &back); err != nil || back != l {
			t.Fatalf("%s decodes to %#v, %v", b, back, err)
		}
	})
}
