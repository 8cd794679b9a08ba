package circulation

import (
	"encoding/json"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"

	"github.com/stretchr/testify/assert"
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
			assert.JSONEq(t, c.json, string(roundTrip(t, c.place)))
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

func TestPlaceLabel(t *testing.T) {
	for _, c := range []struct {
		place  Place
		en, ja string
	}{
		{Place{Method: PartnerLibrary, Library: "江別市情報図書館"}, "江別市情報図書館 (partner library)", "江別市情報図書館"},
		{Place{Method: AssemblyLibrary}, "Assembly Library", "道議会図書室"},
	} {
		assert.Equal(t, c.en, c.place.Label(reason.English))
		assert.Equal(t, c.ja, c.place.Label(reason.Japanese))
	}
}

func TestLoanJSON(t *testing.T) {
	l := Loan{
		Item: "b1", Place: Place{Method: PartnerLibrary, Library: "江別市情報図書館"},
		Collection: Hokkaido, Short: true, Loaned: day(t, "2026-04-01"), Due: day(t, "2026-04-15"),
	}
	assert.JSONEq(t, `{"item":"b1","place":{"method":"partner_library","library":"江別市情報図書館"},
		"collection":"hokkaido","short":true,"interlibrary":false,"reserved":false,
		"loaned":"2026-04-01","due":"2026-04-15","extensions":0}`, string(roundTrip(t, l)))
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
			_, _ = DefaultPolicy().Extend(ExtendRequest{Loan: l, Others: []Loan{l}, Today: d, ReturnTo: prefecturalCal})
			channel := Counter
			if l.Place.Method == PrefecturalLibrary {
				channel = l.Collection.Counter()
			}
			_, _ = desk.Accept(Return{Loan: l, At: l.Place, Channel: channel, When: d.In(calendar.JST())})
		}
		if !valid {
			return
		}
		roundTrip(t, l)
	})
}
