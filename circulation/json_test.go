package circulation

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPolicyJSONUnknownFieldLoanDayIsRefused: a typo must not leave the
// default in place and pass Validate; the error names the key.
func TestPolicyJSONUnknownFieldLoanDayIsRefused(t *testing.T) {
	p := DefaultPolicy()
	err := json.Unmarshal([]byte(`{"loan_day": 21}`), &p)
	require.Error(t, err)
	assert.Equal(t, `circulation: policy: json: unknown field "loan_day"`, err.Error())
	assert.Equal(t, DefaultPolicy(), p, "unchanged on error")

	// Through a decoder too, and inside a host's own configuration.
	var cfg struct {
		Circulation Policy `json:"circulation"`
	}
	err = json.Unmarshal([]byte(`{"circulation": {"loan_days": 15, "max_loan": 5}}`), &cfg)
	assert.ErrorContains(t, err, `unknown field "max_loan"`)
}

// TestPolicyJSONOverlaysDefaults: decoding keeps the fields the JSON does
// not mention, as encoding/json does.
func TestPolicyJSONOverlaysDefaults(t *testing.T) {
	p := DefaultPolicy()
	require.NoError(t, json.Unmarshal([]byte(`{"loan_days": 21, "due_on_closed_day": "next_open_day"}`), &p))
	want := DefaultPolicy()
	want.LoanDays, want.DueOnClosedDay = 21, DueDateNextOpenDay
	assert.Equal(t, want, p)
	require.NoError(t, json.Unmarshal([]byte(`null`), &p))
	assert.Equal(t, want, p, "null changes nothing")
}

// TestJSONUnknownKeysAreRefused: every type of the package with JSON
// refuses unknown keys, at any depth, and names them.
func TestJSONUnknownKeysAreRefused(t *testing.T) {
	loan := `{"item":"b1","place":{"method":"prefectural_library"},"loaned":"2026-04-01","due":"2026-04-15"}`
	for _, c := range []struct {
		name string
		into any
		json string
		want string
	}{
		{"place", new(Place), `{"method":"prefectural_library","libary":"x"}`, `circulation: place: json: unknown field "libary"`},
		{"loan", new(Loan), `{"item":"b1","extension":1}`, `circulation: loan: json: unknown field "extension"`},
		{"loan place", new(Loan), `{"place":{"method":"assembly_library","counter":"x"}}`, `circulation: loan: place: json: unknown field "counter"`},
		{"return", new(Return), `{"loan":` + loan + `,"at":{"method":"prefectural_library"},"channel":"book_drop","when":"2026-04-10T10:00:00+09:00","by":"x"}`,
			`circulation: return: json: unknown field "by"`},
		{"return loan", new(Return), `{"loan":{"item":"b1","reserve":true}}`, `circulation: return: loan: json: unknown field "reserve"`},
		{"receipt", new(ReturnReceipt), `{"returned":"2026-04-10","show":"2026-04-10"}`, `circulation: return receipt: json: unknown field "show"`},
		{"item", new(Item), `{"item":"b1","state":"on_loan"}`, `circulation: item: json: unknown field "state"`},
		{"extend request", new(ExtendRequest), `{"loan":` + loan + `,"today":"2026-04-10","return_to":"x"}`, `circulation: extend request: json: unknown field "return_to"`},
		{"extend request loan", new(ExtendRequest), `{"others":[{"item":"b2","due_date":"x"}]}`, `circulation: extend request: loan: json: unknown field "due_date"`},
		{"borrow request", new(BorrowRequest), `{"loans":3,"reservations":1}`, `circulation: borrow request: json: unknown field "reservations"`},
		{"reserve request", new(ReserveRequest), `{"items":[],"loan":1}`, `circulation: reserve request: json: unknown field "loan"`},
		{"reserve request item", new(ReserveRequest), `{"items":[{"id":"b1"}]}`, `circulation: reserve request: item: json: unknown field "id"`},
		{"decision", new(Decision), `{"loan":` + loan + `,"used":{}}`, `circulation: decision: json: unknown field "used"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := json.Unmarshal([]byte(c.json), c.into)
			require.Error(t, err)
			assert.Equal(t, c.want, err.Error())
		})
	}
}

// inconsistentPrefix is reason.ErrBadInput's text, which an unknown
// code's error carries, inside the decoding path.
const inconsistentPrefix = "bad input: "

// unknownCode is the text of the error of an unknown code of one of the
// package's enums, inside the decoding path.
const unknownCode = inconsistentPrefix + "circulation: unknown "

// TestJSONInvalidValuesAreRefused: unknown codes, malformed dates and
// values of the wrong type are errors naming the path to the value.
func TestJSONInvalidValuesAreRefused(t *testing.T) {
	for _, c := range []struct {
		name string
		into any
		json string
		want string
	}{
		{"invalid method", new(Loan), `{"place":{"method":"library"}}`, `circulation: loan: place: ` + unknownCode + `method "library"`},
		{"numeric method", new(Place), `{"method":1}`, `circulation: place: json: cannot unmarshal number`},
		{"invalid collection", new(Loan), `{"collection":"north"}`, `circulation: loan: ` + unknownCode + `collection "north"`},
		{"bad date", new(Loan), `{"loaned":"2026-02-30"}`, `circulation: loan: ` + inconsistentPrefix},
		{"string count", new(Loan), `{"extensions":"1"}`, `circulation: loan: json: cannot unmarshal string`},
		{"invalid channel", new(Return), `{"channel":"drop"}`, `circulation: return: ` + unknownCode + `return channel "drop"`},
		{"invalid rule", new(Policy), `{"due_on_closed_day":"later"}`, `circulation: policy: ` + unknownCode + `due-date rule "later"`},
		{"fractional days", new(Policy), `{"loan_days":1.5}`, `circulation: policy: json: cannot unmarshal number 1.5`},
		{"invalid status", new(ReserveRequest), `{"items":[{"item":"b1","status":"貸出"}]}`, `circulation: reserve request: item: ` + unknownCode + `status "貸出"`},
		{"invalid code", new(Policy), `{"overridable":["loan.limit","Loan"]}`, `circulation: policy: ` + inconsistentPrefix + `[1]: not a reason code: "Loan"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := json.Unmarshal([]byte(c.json), c.into)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), c.want), err.Error())
		})
	}
	var p Policy
	err := p.UnmarshalJSON([]byte(`{} {"loan_days":3}`))
	assert.ErrorContains(t, err, "trailing data")
	var l Loan
	err = json.Unmarshal([]byte(`{"place":{"method":"library"}}`), &l)
	assert.True(t, errors.Is(err, reason.ErrBadInput), "an unknown code is bad input")
}

// knownKeys reports whether every key of the JSON object s is one of
// keys, compared as encoding/json does, without case. It is true for
// anything that is not an object.
func knownKeys(s string, keys ...string) bool {
	var m map[string]json.RawMessage
	if json.Unmarshal([]byte(s), &m) != nil {
		return true
	}
	for k := range m {
		found := false
		for _, known := range keys {
			found = found || strings.EqualFold(k, known)
		}
		if !found {
			return false
		}
	}
	return true
}

// FuzzPlaceJSON: decoding any JSON as a Place never panics; what decodes
// has only known keys, is valid (M1), and re-encodes to an equal place.
func FuzzPlaceJSON(f *testing.F) {
	for _, s := range []string{
		`{"method":"prefectural_library"}`, `{"method":"partner_library","library":"江別市情報図書館"}`,
		`{"method":"home_delivery","library":""}`, `{"method":"assembly_library","x":1}`, `null`, `{}`, `"x"`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var p Place
		if json.Unmarshal([]byte(s), &p) != nil {
			return
		}
		if !knownKeys(s, "method", "library") {
			t.Fatalf("%s decodes with an unknown key", s)
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("%s decodes to invalid %#v: %v", s, p, err)
		}
		roundTrip(t, p)
	})
}

// FuzzReturnJSON: decoding any JSON as a Return never panics, what
// decodes has only known keys, and Accept on it never panics and gives a
// receipt or an error, not both.
func FuzzReturnJSON(f *testing.F) {
	loan := `{"item":"b1","place":{"method":"prefectural_library"},"collection":"hokkaido","loaned":"2026-04-01","due":"2026-04-15"}`
	for _, s := range []string{
		`{"loan":` + loan + `,"at":{"method":"prefectural_library"},"channel":"book_drop","when":"2026-04-13T22:00:00+09:00"}`,
		`{"loan":` + loan + `,"at":{"method":"assembly_library"},"channel":"post","when":"0001-01-01T00:00:00Z"}`,
		`{"loan":{},"at":{"method":"home_delivery"},"channel":"counter","when":"9999-12-31T23:59:59-12:00"}`,
		`{"channel":"drop"}`, `null`, `{"loan":null}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var r Return
		if json.Unmarshal([]byte(s), &r) != nil {
			return
		}
		if !knownKeys(s, "loan", "at", "channel", "when") {
			t.Fatalf("%s decodes with an unknown key", s)
		}
		got, err := desk.Accept(r)
		if err != nil && got != (ReturnReceipt{}) {
			t.Fatalf("both a receipt %+v and an error %v", got, err)
		}
	})
}

// TestRequestsJSON: the requests and the decision have the JSON shapes
// their docs give, and decode back to what was encoded (the calendar of
// an extension is the host's, not part of the JSON).
func TestRequestsJSON(t *testing.T) {
	loan := loanAt(t, "2026-04-01", "2026-04-15")
	ext := ExtendRequest{Loan: loan, Others: []Loan{loan}, Today: day(t, "2026-04-10"), ReturnTo: prefecturalCal, Override: staff(ErrReserved)}
	b, err := json.Marshal(ext)
	require.NoError(t, err)
	assert.JSONEq(t, `{"loan":`+string(roundTrip(t, loan))+`,"others":[`+string(roundTrip(t, loan))+`],"today":"2026-04-10",
		"override":{"staff":"k.sato","codes":["extension.reserved"],"note":"at the counter"}}`, string(b))
	var back ExtendRequest
	require.NoError(t, json.Unmarshal(b, &back))
	ext.ReturnTo = nil
	assert.Equal(t, ext, back)
	b, err = json.Marshal(ExtendRequest{Loan: loan, Today: day(t, "2026-04-10")})
	require.NoError(t, err)
	assert.NotContains(t, string(b), "others")
	assert.NotContains(t, string(b), "override")

	res := ReserveRequest{Items: []Item{{ID: "b1", Status: OnLoan}, {ID: "b2", Status: Reference, Collection: Hokkaido}}, Loans: 3, Reservations: 9}
	b, err = json.Marshal(res)
	require.NoError(t, err)
	assert.JSONEq(t, `{"items":[{"item":"b1","status":"on_loan"},{"item":"b2","status":"reference","collection":"hokkaido"}],"loans":3,"reservations":9}`, string(b))
	var resBack ReserveRequest
	require.NoError(t, json.Unmarshal(b, &resBack))
	assert.Equal(t, res, resBack)

	roundTrip(t, BorrowRequest{Loans: 10, Override: staff(ErrLoanLimit)})
	assert.JSONEq(t, `{"loans":2}`, string(roundTrip(t, BorrowRequest{Loans: 2})))
	roundTrip(t, Item{ID: "b1", Status: OnShelfShort})

	assert.JSONEq(t, `{}`, string(roundTrip(t, Decision{})), "the zero decision")
	d, err := DefaultPolicy().Extend(ExtendRequest{Loan: loan, Today: day(t, "2026-04-10")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"loan":`+string(roundTrip(t, d.Loan))+`}`, string(roundTrip(t, d)))
	roundTrip(t, Decision{Override: staff(ErrLoanLimit)})
}
