package main

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/examples/server/internal/pgtest"
	"github.com/kashidashi/kashidashi/examples/server/store"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
)

// nextOpenLibrary is the example configuration with due dates on a
// closed day moved to the next open day (L5), so that a closure moves
// loans.
func nextOpenLibrary(t testing.TB) *library.Library {
	t.Helper()
	cfg := testLibrary(t).Config()
	cfg.Policies.Circulation.DueOnClosedDay = circulation.DueDateNextOpenDay
	lib, err := library.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// The snowstorm of the closure tests: the Prefectural Library closed on
// Wednesday 2027-02-17 and Thursday 18.
const stormBody = `"closure":{"from":"2027-02-17","to":"2027-02-18","name":"臨時休館（大雪）","name_en":"closed (snowstorm)"}`

// stormSeed places two reservations at the Prefectural Library: 1, made
// ready on Tuesday 2027-02-16 (deadline Sunday 02-28), and 2, secured
// that day, not yet on the shelf.
var stormSeed = seed{
	{Action: holds.ActionReserve, Today: calendar.NewDate(2027, 2, 1), Cart: holds.Cart{Patron: "P0001",
		Items: []circulation.Item{{ID: "a", Status: circulation.OnLoan}}, Place: atLibrary, Ordering: holds.Normal}},
	{Action: holds.ActionReserve, Today: calendar.NewDate(2027, 2, 1), Cart: holds.Cart{Patron: "P0002",
		Items: []circulation.Item{{ID: "b", Status: circulation.OnLoan}}, Place: atLibrary, Ordering: holds.Normal}},
	{Action: holds.ActionSecure, Item: "a", Today: calendar.NewDate(2027, 2, 15)},
	{Action: holds.ActionMakeReady, ID: 1, Today: calendar.NewDate(2027, 2, 16)},
	{Action: holds.ActionSecure, Item: "b", Today: calendar.NewDate(2027, 2, 16)},
}

// loanDue is a loan of item, lent at the Prefectural Library on
// 2027-02-03 and due on the snowstorm's first day, as JSON.
func loanDue(patron, item string) string {
	return `{"patron":"` + patron + `","loan":{"item":"` + item + `","place":{"method":"prefectural_library"},"loaned":"2027-02-03","due":"2027-02-17"}}`
}

// applyStorm posts the snowstorm at place with the loans and options
// given, under key ("" for none), and returns the answer.
func applyStorm(t *testing.T, h http.Handler, place, loans, options, key string) (int, map[string]any, http.Header) {
	t.Helper()
	body := `{"place":"` + place + `",` + stormBody
	if loans != "" {
		body += `,"loans":[` + loans + `]`
	}
	if options != "" {
		body += `,"options":` + options
	}
	c := post("/v1/staff/closures", "en", body+`}`)
	c.header = as(staffToken)
	if key != "" {
		c.header.Set("Idempotency-Key", key)
	}
	rec := record(h, c)
	var got map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	checkShape(t, "POST", "/v1/staff/closures", rec.Code, rec.Header().Get("Content-Type"), got)
	return rec.Code, got, rec.Header()
}

// staffPost posts body to route with the staff token.
func staffPost(t *testing.T, h http.Handler, route, path, body string) (int, map[string]any) {
	t.Helper()
	c := post(route, "en", body)
	c.path, c.header = path, as(staffToken)
	return do(t, h, c)
}

// TestApplyClosureOverHTTP (X5, X6, H4, L5): the snowstorm applied to
// the Prefectural Library gives the ready reservation two open days back
// (deadline Wednesday 03-03, stored with its mark), lists the secured
// one's moved dates, moves the loan given to Friday 19 with its notice in
// both languages; the same closure again changes no reservation and the
// same key replays; a reservation made ready on a day of the storm, and
// the read-only routes, count it.
func TestApplyClosureOverHTTP(t *testing.T) {
	for _, b := range flowBackends {
		t.Run(b.name, func(t *testing.T) {
			lib := nextOpenLibrary(t)
			s := newServiceOf(t, lib, options{tokens: testTokens(t), store: b.open(t, lib)})
			plant(t, s, stormSeed)
			h := s.handler()
			status, got, _ := applyStorm(t, h, "prefectural", loanDue("P0001", "L1"), "", "k-1")
			if status != http.StatusOK || got["added"] != true {
				t.Fatalf("%d %v", status, got)
			}
			for path, want := range map[string]any{
				"reservations.0.record.reservation.id":       float64(1),
				"reservations.0.record.reservation.deadline": "2027-03-03",
				"reservations.0.record.mark.original":        "2027-02-28",
				"reservations.0.record.mark.from":            "2027-02-17",
				"reservations.0.reason.code":                 "closure.shelf_deadline_moved",
				"reservations.1.record.reservation.id":       float64(2),
				"reservations.1.record.mark.to":              "2027-02-18",
				"loans.0.index":                              float64(0),
				"loans.0.new":                                "2027-02-19",
				"loans.0.record.loan.due":                    "2027-02-19",
				"loans.0.record.mark.original":               "2027-02-17",
				"loans.0.reason.code":                        "closure.due_moved",
				"notices.0.patron":                           "P0001",
				"notices.0.lines.0.kind":                     "due_moved",
				"notices.0.lines.1.kind":                     "deadline_moved",
				"notices.1.patron":                           "P0002",
			} {
				if v := dig2(got, path); v != want {
					t.Errorf("%s = %v, want %v", path, v, want)
				}
			}
			ja, _ := dig2(got, "notices.0.text.ja").(string)
			en, _ := dig2(got, "notices.0.text.en").(string)
			if !strings.Contains(ja, "2027年2月19日") || !strings.Contains(en, "Prefectural Library") {
				t.Errorf("notice texts:\n%s\n%s", ja, en)
			}
			if _, e := staffGet(t, h, "/v1/reservations/1"); dig2(e, "reservation.deadline") != "2027-03-03" {
				t.Errorf("stored: %v", e)
			}

			status, again, _ := applyStorm(t, h, "北海道立図書館", "", "", "k-2")
			if status != http.StatusOK || again["added"] != false || len(again["reservations"].([]any)) != 0 {
				t.Fatalf("again: %d %v", status, again)
			}
			if _, e := staffGet(t, h, "/v1/reservations/1"); dig2(e, "reservation.deadline") != "2027-03-03" {
				t.Errorf("again, stored: %v", e)
			}
			if _, replayed, header := applyStorm(t, h, "prefectural", loanDue("P0001", "L1"), "", "k-1"); header.Get("Idempotent-Replayed") != "true" || dig2(replayed, "loans.0.new") != "2027-02-19" {
				t.Errorf("replay: %v %v", header, replayed)
			}

			countsTheStorm(t, h)
		})
	}
}

// staffGet gets path with the staff token.
func staffGet(t *testing.T, h http.Handler, path string) (int, map[string]any) {
	t.Helper()
	return do(t, h, call{method: "GET", route: "/v1/reservations/{id}", path: path, lang: "en", header: as(staffToken)})
}

// countsTheStorm checks that the service of h counts the snowstorm:
// reservation 2, made ready on its first day, stays on the shelf ten
// open days from Friday 19, until Wednesday 03-03 (not Tuesday 03-02);
// the hold-shelf deadline and the month view count it too.
func countsTheStorm(t *testing.T, h http.Handler) {
	t.Helper()
	status, made := staffPost(t, h, "/v1/staff/reservations/{id}/ready", "/v1/staff/reservations/2/ready", `{"today":"2027-02-17"}`)
	if status != http.StatusOK || dig2(made, "reservations.0.deadline") != "2027-03-03" {
		t.Errorf("made ready on 02-17: %d %v", status, made)
	}
	c := post("/v1/shelf-deadlines", "en", `{"place":{"method":"prefectural_library"},"first_pickup":"2027-02-17"}`)
	c.header = as(staffToken)
	if status, got := do(t, h, c); status != http.StatusOK || got["deadline"] != "2027-03-03" {
		t.Errorf("shelf deadline: %d %v", status, got)
	}
	month := call{method: "GET", route: "/v1/calendars/{place}/{month}", path: "/v1/calendars/prefectural/2027-02", lang: "en", header: as(staffToken)}
	if _, view := do(t, h, month); !strings.Contains(jsonOf(t, view), "closed (snowstorm)") {
		t.Errorf("month view: %v", view)
	}
}

// jsonOf is v as JSON.
func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestApplyClosureSpreadsLoansX7: five loans due on the snowstorm's
// first day, spread over three open days from the reopening, at most two
// a day: Friday 19 to Sunday 21, each patron told.
func TestApplyClosureSpreadsLoansX7(t *testing.T) {
	for _, b := range flowBackends {
		t.Run(b.name, func(t *testing.T) {
			lib := nextOpenLibrary(t)
			h := newServiceOf(t, lib, options{tokens: testTokens(t), store: b.open(t, lib)}).handler()
			var loans []string
			for _, p := range []string{"A", "B", "C", "D", "E"} {
				loans = append(loans, loanDue(p, "L"+p))
			}
			status, got, _ := applyStorm(t, h, "prefectural", strings.Join(loans, ","), `{"spread_days":3,"spread_per_day":2}`, "")
			if status != http.StatusOK {
				t.Fatalf("%d %v", status, got)
			}
			perDay := map[any]int{}
			for _, l := range got["loans"].([]any) {
				perDay[dig2(l, "new")]++
			}
			n := 0
			for _, day := range []string{"2027-02-19", "2027-02-20", "2027-02-21"} {
				if perDay[day] > 2 {
					t.Errorf("%d loans due on %s", perDay[day], day)
				}
				n += perDay[day]
			}
			if n != 5 || len(got["notices"].([]any)) != 5 {
				t.Errorf("spread %v, %d notices", perDay, len(got["notices"].([]any)))
			}
		})
	}
}

// TestApplyClosureBadInput: an unknown place, days that run backwards
// and options out of range are 400, each at its path, and store no
// closure.
func TestApplyClosureBadInput(t *testing.T) {
	for _, b := range flowBackends {
		t.Run(b.name, func(t *testing.T) {
			lib := testLibrary(t)
			s := newServiceOf(t, lib, options{tokens: testTokens(t), store: b.open(t, lib)})
			h := s.handler()
			for body, path := range map[string]string{
				`{"place":"nowhere",` + stormBody + `}`:                                                                                             "place",
				`{"place":"prefectural","closure":{"from":"2027-02-18","to":"2027-02-17","name":"x"}}`:                                              "closure.to",
				`{"place":"prefectural",` + stormBody + `,"options":{"spread_days":40,"spread_per_day":1}}`:                                         "options.spread_days",
				`{"place":"prefectural",` + stormBody + `,"options":{"spread_days":3}}`:                                                             "options.spread_per_day",
				`{"place":"prefectural","closure":{"from":"2027-02-17","to":"2027-02-18"}}`:                                                         "closure.name",
				`{"place":"prefectural","closure":{"from":"2027-02-17","to":"2027-02-18","name":"x","name_en":"` + strings.Repeat("a", 201) + `"}}`: "closure.name_en",
				`{"place":"prefectural",` + stormBody + `,"loans":[{"patron":"A","loan":{"place":{"method":"prefectural_library"}}}]}`:              "loans[0].loan.item",
			} {
				status, got := staffPost(t, h, "/v1/staff/closures", "/v1/staff/closures", body)
				if status != http.StatusBadRequest || dig2(got, "problems.0.path") != path {
					t.Errorf("%s: %d %v, want 400 at %s", body, status, got, path)
				}
			}
			if s.library().Calendars(calendar.NewDate(2027, 2, 17)).Library.IsOpen(calendar.NewDate(2027, 2, 17)) != true {
				t.Error("a refused closure closed the library")
			}
		})
	}
}

// TestClosureSurvivesRestart: a service started again over the same
// database (SQLite, PostgreSQL) counts the closure applied before.
func TestClosureSurvivesRestart(t *testing.T) {
	for _, c := range []struct {
		name string
		dsn  func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "kashidashi.db") }},
		{"postgres", func(t *testing.T) string { return pgtest.Database(t) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			lib := nextOpenLibrary(t)
			dsn := c.dsn(t)
			start := func() *service {
				st, err := store.Open(context.Background(), dsn, lib)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { _ = st.Close() })
				return newServiceOf(t, lib, options{tokens: testTokens(t), store: st})
			}
			first := start()
			plant(t, first, stormSeed)
			if status, got, _ := applyStorm(t, first.handler(), "prefectural", "", "", ""); status != http.StatusOK {
				t.Fatalf("%d %v", status, got)
			}
			again := start().handler()
			countsTheStorm(t, again)
			status, got := do(t, again, call{method: "GET", route: "/v1/staff/closures", path: "/v1/staff/closures", lang: "en", header: as(staffToken)})
			for path, want := range map[string]any{
				"closures.0.id": float64(1), "closures.0.place": "prefectural", "closures.0.closure.from": "2027-02-17",
				"closures.0.closure.name_en": "closed (snowstorm)", "closures.0.staff": staffName, "closures.0.reservations": float64(2),
			} {
				if v := dig2(got, path); status != http.StatusOK || v != want {
					t.Errorf("listed: %d %s = %v, want %v", status, path, v, want)
				}
			}
		})
	}
}

// TestPolicyWhatIfOverHTTP (V6): the example configuration's own
// policies as the draft explain a decision as explainPolicy does; a
// draft with a row for the method supplies its setting from that row; a
// draft with problems is 400, each at its path in the request.
func TestPolicyWhatIfOverHTTP(t *testing.T) {
	h := newTokenService(t).handler()
	doc, err := os.ReadFile("../../docs/config-example.json")
	if err != nil {
		t.Fatal(err)
	}
	var cfg map[string]json.RawMessage
	if err := json.Unmarshal(doc, &cfg); err != nil {
		t.Fatal(err)
	}
	criteria := `"criteria":{"method":"partner_library","place":"江別市情報図書館"}`
	_, explained := staffPost(t, h, "/v1/staff/policy-explanations", "/v1/staff/policy-explanations", `{"today":"2026-04-01",`+criteria+`}`)
	status, same := staffPost(t, h, "/v1/staff/policy-what-if", "/v1/staff/policy-what-if", `{"policies":`+string(cfg["policies"])+`,`+criteria+`,"day":"2026-04-01"}`)
	if status != http.StatusOK || jsonOf(t, same) != jsonOf(t, explained) {
		t.Errorf("the loaded policies: %d\n%v\nexplainPolicy:\n%v", status, same, explained)
	}
	var draft map[string]any
	if err := json.Unmarshal(cfg["policies"], &draft); err != nil {
		t.Fatal(err)
	}
	draft["rules"] = []any{map[string]any{"match": map[string]any{"method": "partner_library"}, "set": map[string]any{"holds": map[string]any{"shelf_days": 14}}}}
	status, got := staffPost(t, h, "/v1/staff/policy-what-if", "/v1/staff/policy-what-if", `{"policies":`+jsonOf(t, draft)+`,`+criteria+`,"day":"2026-04-01"}`)
	if status != http.StatusOK || dig2(got, "matched.0.rule") != "policies.rules[0]" || dig2(got, "policy.shelf_days") != float64(14) {
		t.Errorf("a draft row: %d %v", status, got)
	}
	if settings, _ := got["settings"].(map[string]any); settings["holds.shelf_days"] != "policies.rules[0]" {
		t.Errorf("settings %v", settings)
	}
	for body, path := range map[string]string{
		`{"policies":{"circulation":{"loan_day":15},"holds":{}},` + criteria + `,"day":"2026-04-01"}`:                                     "policies.circulation",
		`{"policies":{"circulation":{},"holds":{},"rules":[{"match":{"place":"nowhere"},"set":{}}]},` + criteria + `,"day":"2026-04-01"}`: "policies.rules[0].match.place",
		`{` + criteria + `,"day":"2026-04-01"}`: "policies",
	} {
		status, got := staffPost(t, h, "/v1/staff/policy-what-if", "/v1/staff/policy-what-if", body)
		if status != http.StatusBadRequest || !hasProblem(got, path) {
			t.Errorf("%s: %d %v, want 400 at %s", body, status, got, path)
		}
	}
}

// hasProblem reports whether the problem p lists one at path, or
// within it.
func hasProblem(p map[string]any, path string) bool {
	ps, _ := p["problems"].([]any)
	for _, q := range ps {
		if at, _ := dig2(q, "path").(string); at == path || strings.HasPrefix(at, path+".") {
			return true
		}
	}
	return false
}
