package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
)

// forBackends runs f on a service with the test tokens over each
// backend: in memory, SQLite and PostgreSQL.
func forBackends(t *testing.T, f func(t *testing.T, s *service)) {
	for _, b := range flowBackends {
		t.Run(b.name, func(t *testing.T) {
			f(t, newTestServiceWith(t, options{tokens: testTokens(t), store: b.open(t, testLibrary(t))}))
		})
	}
}

// staffCall is a POST with the staff token to a route with path
// parameters: the route's template and the path.
func staffCall(route, path, body string) call {
	c := post(route, "en", body)
	c.path, c.header = path, as(staffToken)
	return c
}

// TestReservationLifecycleOverHTTP: a reservation from checkout to loan,
// each step one request: My Page lists it with its position, the queue
// shows it, staff secure, shelve and lend it, and the audit trail holds
// every step (H2, H3, H4, H6, L2).
func TestReservationLifecycleOverHTTP(t *testing.T) {
	forBackends(t, func(t *testing.T, s *service) {
		h := s.handler()
		for _, patron := range []string{"P0001", "P0002"} {
			c := post("/v1/checkouts", "ja", `{"today":"2026-11-16","cart":{"patron":"`+patron+`","items":[{"item":"0012345678","status":"on_loan","collection":"hokkaido"}],"place":{"method":"prefectural_library"},"ordering":"normal"}}`)
			c.header = as(serviceToken)
			if status, body := do(t, h, c); status != http.StatusCreated {
				t.Fatalf("checkout of %s: %d %v", patron, status, body)
			}
		}
		myPage := call{method: "GET", route: "/v1/patrons/{patron}/reservations", path: "/v1/patrons/P0002/reservations", lang: "ja", header: as(serviceToken)}
		status, body := do(t, h, myPage)
		if status != http.StatusOK || dig2(body, "reservations.0.position") != 2.0 || dig2(body, "reservations.0.reservation.state") != "waiting" || dig2(body, "reservations.0.reservation.placed_on") != "2026-11-16" {
			t.Fatalf("My Page: %d %v", status, body)
		}
		steps := []struct {
			c    call
			want map[string]string
		}{
			{staffCall("/v1/staff/items/{item}/secure", "/v1/staff/items/0012345678/secure", `{"today":"2026-11-19"}`), map[string]string{"reservations.0.id": "1", "reservations.0.state": "secured", "transitions.0.action": "secure"}},
			{staffCall("/v1/staff/reservations/{id}/ready", "/v1/staff/reservations/1/ready", `{"today":"2026-11-19"}`), map[string]string{"reservations.0.state": "ready", "reservations.0.deadline": "2026-12-02"}},
			{staffCall("/v1/staff/reservations/{id}/collect", "/v1/staff/reservations/1/collect", `{"today":"2026-11-20"}`), map[string]string{"reservations.0.state": "collected", "loan.loaned": "2026-11-20", "loan.reserved": "true"}},
		}
		for _, st := range steps {
			status, body := do(t, h, st.c)
			if status != http.StatusOK {
				t.Fatalf("%s: %d %v", st.c.path, status, body)
			}
			for path, want := range st.want {
				if got := fmt.Sprint(dig2(body, path)); got != want {
					t.Errorf("%s: %s = %s, want %s", st.c.path, path, got, want)
				}
			}
		}
		status, body = do(t, h, myPage)
		if status != http.StatusOK || dig2(body, "reservations.0.position") != 1.0 || dig2(body, "reservations.0.label") != "予約待ち" && dig2(body, "reservations.0.label") == nil {
			t.Errorf("My Page after the loan: %d %v", status, body)
		}
		status, body = do(t, h, call{method: "GET", route: "/v1/items/{item}/queue", path: "/v1/items/0012345678/queue", header: as(staffToken)})
		if status != http.StatusOK || dig2(body, "queue.0.reservation.patron") != "P0002" || dig2(body, "queue.1") != nil {
			t.Errorf("queue: %d %v", status, body)
		}
		status, body = do(t, h, call{method: "GET", route: "/v1/reservations/{id}", path: "/v1/reservations/1", lang: "en", header: as(staffToken)})
		var actions []string
		for i := range 5 {
			if a := dig2(body, fmt.Sprintf("transitions.%d.action", i)); a != nil {
				actions = append(actions, a.(string))
			}
		}
		if status != http.StatusOK || strings.Join(actions, " ") != "reserve secure make_ready collect" || dig2(body, "position") != nil || dig2(body, "label") != "Collected" && dig2(body, "label") == nil {
			t.Errorf("audit trail: %d %v", status, body)
		}
	})
}

// TestPatronRoutesActOnTheirOwnOnly: a front end acting for a patron
// cannot cancel nor move a reservation of another patron: 404, as for
// one that does not exist; its own it cancels while it waits (H5).
func TestPatronRoutesActOnTheirOwnOnly(t *testing.T) {
	forBackends(t, func(t *testing.T, s *service) {
		plant(t, s, placed)
		h := s.handler()
		cancel := func(patron string) (int, map[string]any) {
			c := post("/v1/patrons/{patron}/reservations/{id}/cancel", "en", `{"today":"2026-11-17"}`)
			c.path, c.header = "/v1/patrons/"+patron+"/reservations/1/cancel", as(serviceToken)
			return do(t, h, c)
		}
		if status, body := cancel("P0002"); status != http.StatusNotFound {
			t.Errorf("another patron's: %d %v", status, body)
		}
		if status, body := cancel("P0001"); status != http.StatusOK || dig2(body, "reservations.0.state") != "cancelled" || dig2(body, "transitions.0.by") != "patron" {
			t.Errorf("own: %d %v", status, body)
		}
	})
}

// TestIdempotencyKey: a change retried with its key answers as the first
// call did, byte for byte, in the first call's language, refusal
// included, with Idempotent-Replayed, and changes nothing; the key with
// another request is 422; a key is the caller's own; a malformed key is
// 400. On both stores.
func TestIdempotencyKey(t *testing.T) {
	for _, b := range flowBackends {
		t.Run(b.name, func(t *testing.T) { idempotencyKeys(t, b) })
	}
}

// idempotencyKeys is TestIdempotencyKey over backend b.
func idempotencyKeys(t *testing.T, b backend) {
	s := newTestServiceWith(t, options{tokens: testTokens(t), store: b.open(t, testLibrary(t))})
	h := s.handler()
	checkout := func(token, key, patron, lang string) *httptest.ResponseRecorder {
		c := post("/v1/checkouts", lang, `{"today":"2026-11-16","cart":{"patron":"`+patron+`","items":[{"item":"x","status":"on_loan"}],"place":{"method":"prefectural_library"},"ordering":"normal"}}`)
		c.header = as(token)
		if key != "" {
			c.header.Set("Idempotency-Key", key)
		}
		return record(h, c)
	}
	first := checkout(serviceToken, "k-1", "A", "ja")
	again := checkout(serviceToken, "k-1", "A", "en")
	if first.Code != http.StatusCreated || again.Code != first.Code || again.Body.String() != first.Body.String() {
		t.Errorf("retry: %d %s, then %d %s", first.Code, first.Body, again.Code, again.Body)
	}
	if again.Header().Get("Idempotent-Replayed") != "true" || first.Header().Get("Idempotent-Replayed") != "" || again.Header().Get("Content-Language") != "ja" {
		t.Errorf("headers: first %v, retry %v", first.Header(), again.Header())
	}
	if es, err := s.store.Queue(context.Background(), "x"); err != nil || len(es) != 1 {
		t.Errorf("queue after a retry: %v (%v)", es, err)
	}
	if rec := checkout(serviceToken, "k-1", "B", "en"); rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), problemKeyReused) {
		t.Errorf("key reused: %d %s", rec.Code, rec.Body)
	}
	// Another caller's k-1 is its own: B's reservation is placed.
	if rec := checkout(staffToken, "k-1", "B", "en"); rec.Code != http.StatusCreated || rec.Header().Get("Idempotent-Replayed") != "" {
		t.Errorf("another caller's key: %d %s", rec.Code, rec.Body)
	}
	// A refused request is answered the same on a retry too, in the
	// first language.
	refused := checkout(serviceToken, "k-2", "A", "en")
	if refused.Code != http.StatusUnprocessableEntity || !strings.Contains(refused.Body.String(), "reservation.duplicate") {
		t.Errorf("second reservation: %d %s", refused.Code, refused.Body)
	}
	if rec := checkout(serviceToken, "k-2", "A", "ja"); rec.Code != refused.Code || rec.Body.String() != refused.Body.String() || rec.Header().Get("Content-Type") != problemContentType {
		t.Errorf("retried refusal: %d %s %v", rec.Code, rec.Body, rec.Header())
	}
	for _, key := range []string{" ", "é", strings.Repeat("k", maxKey+1)} {
		if rec := checkout(serviceToken, key, "C", "en"); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), `"path":"Idempotency-Key"`) {
			t.Errorf("key %q: %d %s", key, rec.Code, rec.Body)
		}
	}
	if rec := checkout(serviceToken, strings.Repeat("k", maxKey), "C", "en"); rec.Code != http.StatusCreated {
		t.Errorf("the longest key: %d %s", rec.Code, rec.Body)
	}
}

// TestDailyWork: the work of a day expires what passed its hold-shelf
// deadline (H4) and lists the notices due: secured that day (H6), held
// back at the loan limit past its sending day (R-HD4, R-PT5), expired;
// a second call for the day changes nothing and answers the same.
func TestDailyWork(t *testing.T) {
	forBackends(t, func(t *testing.T, s *service) {
		plant(t, s, seed{reserve(atLibrary), secure, ready})
		home := circulation.Place{Method: circulation.HomeDelivery}
		for patron, securedOn := range map[string]calendar.Date{"P0002": secureDay, "P0003": calendar.NewDate(2026, 12, 3)} {
			r := reserve(home)
			r.Cart.Patron, r.Cart.Items[0].ID = patron, "home-"+patron
			sec := secure
			sec.Item, sec.Today = "home-"+patron, securedOn
			plant(t, s, seed{r, sec})
		}
		h := s.handler()
		daily := staffCall("/v1/staff/daily-work", "/v1/staff/daily-work", `{"day":"2026-12-03"}`)
		status, first := do(t, h, daily)
		if status != http.StatusOK || first["expired"] != 1.0 {
			t.Fatalf("daily work: %d %v", status, first)
		}
		var got []string
		for i := range 4 {
			if n := dig2(first, fmt.Sprintf("notices.%d.kind", i)); n != nil {
				got = append(got, fmt.Sprint(n, " ", dig2(first, fmt.Sprintf("notices.%d.reservation.patron", i))))
			}
		}
		if want := "secured P0003, held_back P0002, expired P0001"; strings.Join(got, ", ") != want {
			t.Errorf("notices %v, want %s", got, want)
		}
		status, second := do(t, h, daily)
		if status != http.StatusOK || fmt.Sprint(second) != fmt.Sprint(first) {
			t.Errorf("second call: %d %v, first %v", status, second, first)
		}
		if e, _, err := s.store.Reservation(context.Background(), 1); err != nil || e.Reservation.State.String() != "expired" {
			t.Errorf("reservation 1: %v (%v)", e.Reservation, err)
		}
	})
}

// TestDefectRequiredFieldsAre400: every key the OpenAPI document marks
// required is enforced with 400 naming it. Before, a loan without item,
// a staff checkout without override and a parcel without posted were
// accepted.
func TestDefectRequiredFieldsAre400(t *testing.T) {
	h := newTestService(t).handler()
	loanWithoutItem := strings.Replace(loanAtLibrary, `"item":"b1",`, ``, 1)
	for _, c := range []struct {
		name, route, body string
		paths             []string
	}{
		{"a loan without item", "/v1/extensions", `{"today":"2026-04-01","loan":` + loanWithoutItem + `}`, []string{"loan.item"}},
		{"another loan without item", "/v1/extensions", `{"today":"2026-04-01","loan":` + loanAtLibrary + `,"others":[` + loanWithoutItem + `]}`, []string{"others[0].item"}},
		{"a staff checkout without override", "/v1/staff/checkouts", `{"today":"2026-11-16","cart":{"patron":"A","items":[{"item":"x","status":"on_loan"}],"place":{"method":"prefectural_library"},"ordering":"normal"}}`, []string{"override"}},
		{"a staff extension without override", "/v1/staff/extensions", `{"today":"2026-04-01","loan":` + loanAtLibrary + `}`, []string{"override"}},
		{"a parcel without posted", "/v1/parcels", `{"parcel":{"length":"21","width":"15","thickness":"2.5","weight":"0.45"}}`, []string{"posted"}},
		{"an item given as null", "/v1/checkouts", `{"today":"2026-11-16","cart":{"patron":"A","items":[{"item":null,"status":"on_loan"}],"place":{"method":"prefectural_library"}}}`, []string{"cart.items[0].item"}},
		{"nothing at all", "/v1/checkouts", `{}`, []string{"today", "cart"}},
	} {
		status, body := do(t, h, post(c.route, "en", c.body))
		if status != http.StatusBadRequest || body["type"] != problemMalformed {
			t.Errorf("%s: %d %v", c.name, status, body)
			continue
		}
		for i, p := range c.paths {
			if got := dig2(body, fmt.Sprintf("problems.%d.path", i)); got != p || dig2(body, fmt.Sprintf("problems.%d.message", i)) != "is missing" {
				t.Errorf("%s: problem %d at %v, want %s: %v", c.name, i, got, p, body)
			}
		}
	}
}
