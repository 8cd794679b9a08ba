package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/examples/server/internal/pgtest"
	"github.com/kashidashi/kashidashi/examples/server/store"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
)

// The tokens of the tests: a member of staff and a front end.
const (
	staffToken   = "staff-token-0123456789"
	serviceToken = "service-token-0123456789"
	staffName    = "k.sato"
)

// testTokens returns the tokens of the tests.
func testTokens(t testing.TB) *tokens {
	t.Helper()
	toks, err := parseTokens(strings.NewReader(staffToken + " staff " + staffName + "\n" + serviceToken + " service opac\n"))
	if err != nil {
		t.Fatal(err)
	}
	return toks
}

// newTokenService returns a service that checks the test tokens, over an
// empty in-memory store.
func newTokenService(t testing.TB) *service {
	t.Helper()
	return newTestServiceWith(t, options{tokens: testTokens(t)})
}

// as returns the header of a bearer token.
func as(token string) http.Header {
	return http.Header{"Authorization": {"Bearer " + token}}
}

// examplePath returns the path of route r with the document's example of
// each path parameter.
func examplePath(doc map[string]any, r route) string {
	op := operation(doc, r)
	params, _ := op["parameters"].([]any)
	path := r.path
	for _, p := range params {
		p := resolve(doc, p)
		if p["in"] == "path" {
			path = strings.ReplaceAll(path, "{"+p["name"].(string)+"}", fmt.Sprint(p["example"]))
		}
	}
	return path
}

// exampleCall returns the request the document's examples make for
// route r, with the staff token.
func exampleCall(t testing.TB, doc map[string]any, r route) call {
	t.Helper()
	c := call{method: r.method, route: r.path, path: examplePath(doc, r), lang: "en", header: as(staffToken)}
	if r.method == "POST" {
		b, err := json.Marshal(dig(operation(doc, r), "requestBody", "content", "application/json", "example"))
		if err != nil {
			t.Fatal(err)
		}
		c.contentType, c.body = "application/json", string(b)
	}
	return c
}

// The days and the item of the examples.
var (
	checkoutDay = calendar.NewDate(2026, 11, 16)
	secureDay   = calendar.NewDate(2026, 11, 19)
	exampleItem = "0012345678"
)

// seed is a state of the store some request needs: the steps it takes.
type seed []holds.Request

// reserve is the checkout of the examples: patron P0001 reserves the item
// for pickup at place.
func reserve(place circulation.Place, partners ...string) holds.Request {
	return holds.Request{Action: holds.ActionReserve, Today: checkoutDay, Cart: holds.Cart{
		Patron: "P0001", Items: []circulation.Item{{ID: exampleItem, Status: circulation.OnLoan}},
		Place: place, Ordering: holds.Normal, PartnerLibraries: partners,
	}}
}

// Steps of the seeds.
var (
	atLibrary = circulation.Place{Method: circulation.PrefecturalLibrary}
	atEbetsu  = circulation.Place{Method: circulation.PartnerLibrary, Library: "江別市情報図書館"}
	secure    = holds.Request{Action: holds.ActionSecure, Item: exampleItem, Today: secureDay}
	ready     = holds.Request{Action: holds.ActionMakeReady, ID: 1, Today: secureDay}

	placed  = seed{reserve(atLibrary)}
	secured = seed{reserve(atLibrary), secure}
)

// plant takes the steps of sd on the store of s.
func plant(t testing.TB, s *service, sd seed) {
	t.Helper()
	for _, r := range sd {
		seedOne(t, s, r)
	}
}

// seedOne takes the step r on the store of s.
func seedOne(t testing.TB, s *service, r holds.Request) {
	t.Helper()
	reply, err := s.store.Change(context.Background(), r, "", func(store.Result) (int, []byte) { return http.StatusOK, nil })
	if err == nil {
		err = reply.Result.Err
	}
	if err != nil {
		t.Fatalf("seed %v: %v", r.Action, err)
	}
}

// exampleSeeds are the states the examples of the operations need.
var exampleSeeds = map[string]seed{
	"listPatronReservations": placed,
	"cancelReservation":      placed,
	"changePlace":            placed,
	"itemQueue":              placed,
	"getReservation":         placed,
	"secureNext":             placed,
	"staffCancelReservation": secured,
	"staffChangePlace":       secured,
	"ship":                   {reserve(atEbetsu, "江別市情報図書館"), secure},
	"makeReady":              secured,
	"collect":                {reserve(atLibrary), secure, ready},
	"dailyWork":              {reserve(atLibrary), secure, ready},
	"extendShelf":            {reserve(atLibrary), secure, ready},
}

// shelfExtended is the extension of the hold shelf of reservation 1
// (H9), which only a configuration that offers one grants.
var shelfExtended = holds.Request{Action: holds.ActionExtendShelf, ID: 1, By: holds.ByStaff, Today: secureDay}

// exampleLibraries are the configurations some examples need instead of
// the example configuration (testLibrary): extendShelf's needs a shelf
// extension, which docs/config-example.json does not offer.
var exampleLibraries = map[string]func(testing.TB) *library.Library{
	"extendShelf": shelfExtensionLibrary,
}

// exampleLibraryOf returns the configuration the example of operation
// needs.
func exampleLibraryOf(t testing.TB, operation string) *library.Library {
	t.Helper()
	if f := exampleLibraries[operation]; f != nil {
		return f(t)
	}
	return testLibrary(t)
}

// shelfExtensionLibrary is the example configuration with a hold-shelf
// extension of 7 days (H9, holds.shelf_extension_days).
func shelfExtensionLibrary(t testing.TB) *library.Library {
	t.Helper()
	b, err := os.ReadFile("../../docs/config-example.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	dig(doc, "policies", "holds").(map[string]any)["shelf_extension_days"] = 7
	if b, err = json.Marshal(doc); err != nil {
		t.Fatal(err)
	}
	lib, err := library.Load(b)
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// variant is a request made from an operation's example: another body
// or path, on a seed, with the status it must answer.
type variant struct {
	status int
	path   string // "" for the example's
	body   string // "" for the example's
	seed   seed
}

// variants are the answers other than success that need a request of
// their own: refusals (422), unknown or another patron's reservations
// (404), a bad month (400).
var variants = map[string][]variant{
	"extend":                 {{422, "", `{"today":"2026-04-01","loan":` + reservedLoan + `}`, nil}},
	"staffExtend":            {{422, "", `{"today":"2026-04-01","loan":` + partnerLoan + `,"override":{"codes":["extension.partner_library"]}}`, nil}},
	"checkout":               {{422, "", `{"today":"2026-11-16","cart":{"patron":"B","items":[],"place":{"method":"prefectural_library"}}}`, nil}},
	"staffCheckout":          {{422, "", `{"today":"2026-11-16","cart":{"patron":"B","items":[],"place":{"method":"prefectural_library"}},"override":{"codes":[]}}`, nil}},
	"cancelReservation":      {{422, "", `{"today":"2026-11-20"}`, secured}, {404, "/v1/patrons/P0002/reservations/1/cancel", "", placed}},
	"changePlace":            {{422, "", `{"today":"2026-11-20","place":{"method":"assembly_library"}}`, secured}, {404, "/v1/patrons/P0001/reservations/99/place", "", placed}},
	"secureNext":             {{422, "", "", nil}},
	"getReservation":         {{404, "/v1/reservations/99", "", placed}},
	"staffCancelReservation": {{422, "", `{"today":"2026-11-20","override":{"codes":[]}}`, secured}, {404, "/v1/staff/reservations/99/cancel", "", secured}},
	"staffChangePlace":       {{422, "", `{"today":"2026-11-20","place":{"method":"assembly_library"},"override":{"codes":[]}}`, secured}, {404, "/v1/staff/reservations/99/place", "", secured}},
	"ship":                   {{422, "", "", secured}, {404, "/v1/staff/reservations/99/ship", "", secured}},
	"makeReady":              {{422, "", "", placed}, {404, "/v1/staff/reservations/2/ready", "", placed}},
	"collect":                {{422, "", "", placed}, {404, "/v1/staff/reservations/99/collect", "", placed}},
	"month":                  {{400, "/v1/calendars/prefectural/2026-13", "", nil}},
	"checkEmail":             {{422, "", `{"email":"taro.@docomo.ne.jp"}`, nil}},
	"checkPassword":          {{422, "", `{"password":"ab!"}`, nil}},
	"checkCardNumber":        {{422, "", `{"card_number":"12345"}`, nil}},
	"extensionWindow":        {{422, "", `{"today":"2026-04-01","loan":` + reservedLoan + `}`, nil}},
	"extendShelf":            {{422, "", "", seed{reserve(atLibrary), secure, ready, shelfExtended}}, {404, "/v1/staff/reservations/99/extend-shelf", "", secured}},
	"parcel":                 {{422, "", `{"parcel":{"length":"21","width":"15","thickness":"2.5","weight":"31"},"posted":"2026-11-20"}`, nil}},
	"policyWhatIf":           {{400, "", `{"policies":{"circulation":{},"holds":{},"rules":[{"match":{"method":"nowhere"},"set":{}}]},"criteria":{},"day":"2026-04-01"}`, nil}},
	"applyClosure":           {{400, "", `{"place":"nowhere","closure":{"from":"2027-02-17","to":"2027-02-18","name":"臨時休館"}}`, nil}},
}

// reusedKeys are, for the operations whose only 422 is an
// Idempotency-Key reused, another body sent with the key of the
// example's request, after it: 422.
var reusedKeys = map[string]string{
	"applyClosure": `{"place":"assembly","closure":{"from":"2027-02-17","to":"2027-02-18","name":"臨時休館"}}`,
}

// TestContractEveryStatus drives every route of the table and checks
// that the statuses it answers are exactly those the document lists for
// it: every answer documented, every documented status produced, each
// answer of the documented shape (do checks it). It makes, for each
// route, its example request on the state the example needs (success),
// the same with the database down (500 where the route uses it), without
// a token (401), with a service token (403 on a staff route), bodies too
// large, of another type or with an unknown key (413, 415, 400), and the
// variants of the route (422, 404, 400).
func TestContractEveryStatus(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { contractEveryStatus(t, b) })
	}
}

// backend is a store the contract is driven over, and how to make it
// fail as a database that is down.
type backend struct {
	name string
	open func(t testing.TB, lib *library.Library) reservationStore
	down func(reservationStore)
}

// backends are the in-memory store and SQLite, store.Store's embedded
// default.
var backends = []backend{
	{"memory", func(t testing.TB, lib *library.Library) reservationStore { return newMemStore(lib) },
		func(st reservationStore) { st.(*memStore).fail = errors.New("database is down") }},
	{"sqlite", func(t testing.TB, lib *library.Library) reservationStore { return openSQLiteWith(t, lib) },
		func(st reservationStore) { _ = st.(*store.Store).Close() }},
}

// flowBackends are the backends the reservation flows run on: those
// of the contract, and PostgreSQL, a throwaway cluster on loopback
// (internal/pgtest), or the server of KASHIDASHI_POSTGRES_URL.
var flowBackends = append(backends[:len(backends):len(backends)], backend{"postgres",
	func(t testing.TB, lib *library.Library) reservationStore { return openPostgresWith(t, lib) },
	func(st reservationStore) { _ = st.(*store.Store).Close() }})

// openPostgresWith returns a store of the configuration lib on a new
// PostgreSQL database, closed at the end of the test.
func openPostgresWith(t testing.TB, lib *library.Library) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), pgtest.Database(t), lib)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// openSQLiteWith returns a store of the configuration lib on a new
// SQLite file, closed at the end of the test.
func openSQLiteWith(t testing.TB, lib *library.Library) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "kashidashi.db"), lib)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// contractEveryStatus is TestContractEveryStatus over backend b.
func contractEveryStatus(t *testing.T, b backend) {
	doc := openAPIDoc(t)
	for _, r := range newTestService(t).routes() {
		t.Run(r.operation, func(t *testing.T) {
			produced := map[int]bool{}
			try := func(sd seed, first []call, c call, fail bool, want int) {
				t.Helper()
				lib := exampleLibraryOf(t, r.operation)
				s := newServiceOf(t, lib, options{tokens: testTokens(t), store: b.open(t, lib)})
				plant(t, s, sd)
				for _, f := range first {
					record(s.handler(), f)
				}
				if fail {
					b.down(s.store)
				}
				status, body := do(t, s.handler(), c)
				if want != 0 && status != want {
					t.Errorf("%s %s: status %d, want %d: %v", c.method, c.path, status, want, body)
				}
				produced[status] = true
			}
			example := exampleCall(t, doc, r)
			try(exampleSeeds[r.operation], nil, example, false, 0)
			try(exampleSeeds[r.operation], nil, example, true, 0)
			if r.role != rolePublic {
				anonymous := example
				anonymous.header = nil
				try(nil, nil, anonymous, false, http.StatusUnauthorized)
			}
			if r.role == roleStaff {
				front := example
				front.header = as(serviceToken)
				try(nil, nil, front, false, http.StatusForbidden)
			}
			if r.method == "POST" {
				for _, bad := range []struct {
					contentType, body string
					status            int
				}{
					{"application/json", `{"x":"` + strings.Repeat("a", maxBody) + `"}`, http.StatusRequestEntityTooLarge},
					{"text/plain", example.body, http.StatusUnsupportedMediaType},
					{"application/json", `{"no_such_key":1}`, http.StatusBadRequest},
				} {
					c := example
					c.contentType, c.body = bad.contentType, bad.body
					try(nil, nil, c, false, bad.status)
				}
			}
			for _, v := range variants[r.operation] {
				c := example
				if v.path != "" {
					c.path = v.path
				}
				if v.body != "" {
					c.body = v.body
				}
				try(v.seed, nil, c, false, v.status)
			}
			if body, ok := reusedKeys[r.operation]; ok {
				first := example
				first.header = example.header.Clone()
				first.header.Set("Idempotency-Key", "reused-key")
				again := first
				again.body = body
				try(exampleSeeds[r.operation], []call{first}, again, false, http.StatusUnprocessableEntity)
			}
			var documented, answered []int
			for code := range operation(doc, r)["responses"].(map[string]any) {
				n, _ := strconv.Atoi(code)
				documented = append(documented, n)
			}
			for code := range produced {
				answered = append(answered, code)
			}
			slices.Sort(documented)
			slices.Sort(answered)
			if !slices.Equal(documented, answered) {
				t.Errorf("documented %v, answered %v", documented, answered)
			}
		})
	}
}

// TestRequestExamplesSucceed: the example of each operation, on the
// state it needs, succeeds, on SQLite.
func TestRequestExamplesSucceed(t *testing.T) {
	doc := openAPIDoc(t)
	for _, r := range newTestService(t).routes() {
		lib := exampleLibraryOf(t, r.operation)
		s := newServiceOf(t, lib, options{tokens: testTokens(t), store: openSQLiteWith(t, lib)})
		plant(t, s, exampleSeeds[r.operation])
		status, body := do(t, s.handler(), exampleCall(t, doc, r))
		if status != http.StatusOK && status != http.StatusCreated {
			t.Errorf("%s: example answered %d: %v", r.operation, status, body)
		}
	}
}
