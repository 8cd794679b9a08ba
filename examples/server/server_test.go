package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

const (
	loanAtLibrary = `{"item":"b1","place":{"method":"prefectural_library"},"loaned":"2026-03-25","due":"2026-04-08"}`
	reservedLoan  = `{"item":"b1","place":{"method":"prefectural_library"},"reserved":true,"extensions":1,"loaned":"2026-03-25","due":"2026-04-08"}`
	partnerLoan   = `{"item":"b2","place":{"method":"partner_library","library":"江別市情報図書館"},"loaned":"2026-03-25","due":"2026-04-23"}`
)

// endpointCase is one request and what the answer must hold: the status
// and, at dotted paths of the JSON body, values written as fmt's %v.
type endpointCase struct {
	name   string
	call   call
	status int
	want   map[string]string
}

func TestEndpoints(t *testing.T) {
	h := newTestService(t).handler()
	for _, c := range []endpointCase{
		// due dates (L2, L5)
		{"L2 due date at the Prefectural Library", post("/v1/due-dates", "en", `{"place":{"method":"prefectural_library"},"loaned":"2026-04-01"}`),
			200, map[string]string{"due": "2026-04-15"}},
		{"L2 short loan at a partner library", post("/v1/due-dates", "en", `{"place":{"method":"partner_library","library":"江別市情報図書館"},"short":true,"loaned":"2026-04-01"}`),
			200, map[string]string{"due": "2026-04-15"}},
		{"due date of an unknown partner library is 400", post("/v1/due-dates", "en", `{"place":{"method":"partner_library","library":"どこか"},"loaned":"2026-04-01"}`),
			400, map[string]string{"type": problemMalformed}},

		// extensions (L3, L4)
		{"L3 extended: 14 days from the day of the extension", post("/v1/extensions", "en", `{"today":"2026-04-01","loan":`+loanAtLibrary+`}`),
			200, map[string]string{"loan.due": "2026-04-15", "loan.extensions": "1", "notice.extended": "true", "notice.previous_due": "2026-04-08"}},
		{"L4 refused: every reason with its parameters, in Japanese", post("/v1/extensions", "ja-JP", `{"today":"2026-04-01","loan":`+reservedLoan+`}`),
			422, map[string]string{"type": problemRefused, "status": "422", "reasons.0.code": "extension.reserved",
				"reasons.1.code": "extension.already_extended", "reasons.1.params.limit": "1", "reasons.0.message": "予約が入っている本は延長できません。"}},
		{"L4 a partner library pickup is refused in English", post("/v1/extensions", "fr;q=1, en;q=0.5", `{"today":"2026-04-01","loan":`+partnerLoan+`}`),
			422, map[string]string{"reasons.0.code": "extension.partner_library", "title": "The request was refused."}},
		{"L4 staff override of the soft reasons extends, and says which it used", post("/v1/staff/extensions", "en", `{"today":"2026-04-01","loan":`+reservedLoan+`,"override":{"staff":"k.sato","codes":["extension.reserved","extension.already_extended","extension.overdue"],"note":"patron in hospital"}}`),
			200, map[string]string{"loan.due": "2026-04-15", "loan.extensions": "2", "override.staff": "k.sato", "override.codes": "[extension.already_extended extension.reserved]"}},
		{"L4 a hard reason refuses whatever staff override", post("/v1/staff/extensions", "en", `{"today":"2026-04-01","loan":`+partnerLoan+`,"override":{"staff":"k.sato","codes":["extension.partner_library"]}}`),
			422, map[string]string{"reasons.0.code": "extension.partner_library"}},
		{"L4 an override without staff is 400", post("/v1/staff/extensions", "en", `{"today":"2026-04-01","loan":`+reservedLoan+`,"override":{"staff":"","codes":["extension.reserved"]}}`),
			400, nil},
		{"L4 an override of an unknown code is 400", post("/v1/staff/extensions", "en", `{"today":"2026-04-01","loan":`+reservedLoan+`,"override":{"staff":"k.sato","codes":["extension.reservd"]}}`),
			400, nil},
		{"L4 a patron can never override: the patron route has no override", post("/v1/extensions", "en", `{"today":"2026-04-01","loan":`+reservedLoan+`,"override":{"staff":"k.sato","codes":["extension.reserved"]}}`),
			400, map[string]string{"type": problemMalformed}},
		{"extension of an inconsistent loan is 400 with every problem", post("/v1/extensions", "en", `{"today":"2026-04-01","loan":{"item":"b1","place":{"method":"prefectural_library"}}}`),
			400, map[string]string{"type": problemMalformed, "problems.0.path": "loan.loaned", "problems.1.path": "loan.due", "problems.1.message": "is missing"}},

		// checkout (H1, H2)
		{"H2 checkout places the cart", post("/v1/checkouts", "en", `{"today":"2026-11-16","cart":{"patron":"A","items":[{"item":"x1","status":"on_loan"},{"item":"x2","status":"on_loan"}],"place":{"method":"prefectural_library"},"ordering":"normal"}}`),
			201, map[string]string{"reservations.0.item": "x1", "reservations.1.state": "waiting"}},
		{"H2 an empty cart without method is refused with every reason", post("/v1/checkouts", "en", `{"today":"2026-11-16","cart":{"patron":"B","items":[],"place":{"method":"prefectural_library"}}}`),
			422, map[string]string{"reasons.0.code": "cart.empty", "reasons.1.code": "cart.method"}},
		{"H2 I2 P1 each reason about one item carries it", post("/v1/checkouts", "ja", `{"today":"2026-11-16","cart":{"patron":"C","items":[{"item":"ok","status":"on_loan"},{"item":"x1","status":"reference"},{"item":"x1","status":"on_loan"}],"place":{"method":"partner_library","library":"小樽市立図書館"},"ordering":"normal"}}`),
			422, map[string]string{"reasons.0.code": "eligibility.partner_not_registered", "reasons.0.params.library": "小樽市立図書館",
				"reasons.1.code": "reservation.not_loanable", "reasons.1.params.item": "x1",
				"reasons.2.code": "reservation.duplicate", "reasons.2.params.item": "x1", "reasons.3": "<nil>"}},
		{"H2 a cart item without a status is 400 naming the field", post("/v1/checkouts", "en", `{"today":"2026-11-16","cart":{"patron":"C","items":[{"item":"ok","status":"on_loan"},{"item":"x1"}],"place":{"method":"prefectural_library"},"ordering":"normal"}}`),
			400, map[string]string{"type": problemMalformed, "problems.0.path": "cart.items[1].status"}},
		{"I2 the loans of the cart reach the desk", post("/v1/checkouts", "en", `{"today":"2026-11-16","cart":{"patron":"D","items":[{"item":"x1","status":"on_loan"}],"place":{"method":"prefectural_library"},"ordering":"normal","loans":-1}}`),
			400, map[string]string{"type": problemMalformed, "problems.0.path": "loans"}},

		// shelf deadlines and timelines (H4, R-PL1, R-PT2, R-PT3, R-HD4)
		{"H4 shelf deadline", post("/v1/shelf-deadlines", "en", `{"place":{"method":"prefectural_library"},"first_pickup":"2026-11-20"}`),
			200, map[string]string{"deadline": "2026-12-02"}},
		{"H4 no first pickup is 400", post("/v1/shelf-deadlines", "en", `{"place":{"method":"prefectural_library"}}`),
			400, nil},
		{"R-PT2 R-PT3 timeline at a partner library", post("/v1/timelines", "en", `{"place":{"method":"partner_library","library":"江別市情報図書館"},"secured":"2026-11-19"}`),
			200, map[string]string{"sent": "2026-11-20", "first_pickup": "2026-11-22", "deadline": "2026-12-03", "due": "2026-12-19", "held_back": "false"}},
		{"R-HD4 timeline held back at the loan limit", post("/v1/timelines", "en", `{"place":{"method":"home_delivery"},"secured":"2026-11-19","loans":10}`),
			200, map[string]string{"held_back": "true", "method": "home_delivery"}},
		{"timeline without a secured day is 400", post("/v1/timelines", "en", `{"place":{"method":"home_delivery"}}`),
			400, nil},

		// notices (H6)
		{"H6 R-PL1 notice in Japanese", post("/v1/notices", "ja", `{"item":"b1","place":{"method":"prefectural_library"},"collection":"hokkaido","secured":"2026-11-19"}`),
			200, map[string]string{"notice.counter": "hokkaido_counter", "notice.pickup_from": "2026-11-20", "notice.deadline": "2026-12-02"}},
		{"H6 R-HD3 home delivery notice needs the parcel class", post("/v1/notices", "en", `{"item":"b1","place":{"method":"home_delivery"},"secured":"2026-11-19"}`),
			400, nil},
		{"H6 R-HD1 home delivery notice", post("/v1/notices", "en", `{"item":"b1","place":{"method":"home_delivery"},"secured":"2026-11-19","parcel":{"service":"yu_mail"}}`),
			200, map[string]string{"notice.posting_day": "2026-11-20", "notice.cash_on_delivery": "true", "notice.parcel.service": "yu_mail"}},

		// checks (P2, P4, P6)
		{"P6 email accepted", post("/v1/checks/email", "en", `{"email":"taro@example.jp"}`), 200, map[string]string{"email": "taro@example.jp"}},
		{"P6 dot before @ refused", post("/v1/checks/email", "en", `{"email":"taro.@docomo.ne.jp"}`), 422, map[string]string{"reasons.0.code": "email.dot_before_at"}},
		{"P4 password accepted, never echoed", post("/v1/checks/password", "en", `{"password":"abc123"}`), 200, map[string]string{"valid": "true"}},
		{"P4 password refused with the position", post("/v1/checks/password", "en", `{"password":"ab!"}`), 422, map[string]string{"reasons.0.code": "password.length", "reasons.1.params.position": "3"}},
		{"P2 card number with full-width digits", post("/v1/checks/card-number", "en", `{"card_number":"０１２３４５６７８９"}`), 200, map[string]string{"card_number": "0123456789"}},
		{"P2 short card number refused", post("/v1/checks/card-number", "en", `{"card_number":"12345"}`), 422, nil},

		// parcels (R-HD1, R-HD3)
		{"R-HD3 Yu-Mail", post("/v1/parcels", "ja", `{"parcel":{"length":"21","width":"15","thickness":"2.5","weight":"0.45"},"posted":"2026-11-20"}`),
			200, map[string]string{"class.service": "yu_mail", "label": "ゆうメール", "sample_tariff": "true"}},
		{"R-HD3 too heavy refused", post("/v1/parcels", "en", `{"parcel":{"length":"21","width":"15","thickness":"2.5","weight":"31"},"posted":"2026-11-20"}`),
			422, map[string]string{"reasons.0.code": "parcel.too_heavy"}},

		// strict decoding, for every kind of body
		{"unknown key is 400", post("/v1/extensions", "en", `{"todya":"2026-04-01"}`), 400, map[string]string{"type": problemMalformed}},
		{"trailing data is 400", post("/v1/extensions", "en", `{"today":"2026-04-01","loan":`+loanAtLibrary+`} {}`), 400, map[string]string{"detail": errTrailing.Error()}},
		{"trailing garbage is 400", post("/v1/due-dates", "en", `{"place":{"method":"prefectural_library"},"loaned":"2026-04-01"}x`), 400, nil},
		{"not an object is 400", post("/v1/checks/email", "en", `[]`), 400, nil},
		{"empty body is 400", post("/v1/checks/email", "en", ``), 400, nil},
		{"unknown code is 400", post("/v1/due-dates", "en", `{"place":{"method":"north"},"loaned":"2026-04-01"}`), 400, nil},
		{"impossible day is 400", post("/v1/due-dates", "en", `{"place":{"method":"prefectural_library"},"loaned":"2026-02-30"}`), 400, nil},
		{"a body over 1 MiB is 413", post("/v1/checks/email", "en", `{"email":"`+strings.Repeat("a", maxBody)+`"}`), 413, map[string]string{"type": problemTooLarge, "status": "413"}},
		{"text/plain is 415", call{"POST", "/v1/extensions", "/v1/extensions", "text/plain", "en", `{}`, nil}, 415, map[string]string{"type": problemMediaType}},
		{"no Content-Type is 415", call{"POST", "/v1/checks/email", "/v1/checks/email", "", "ja", `{}`, nil}, 415, map[string]string{"title": titles[problemMediaType][1]}},
		{"JSON with a charset is accepted", call{"POST", "/v1/checks/email", "/v1/checks/email", "application/json; charset=utf-8", "en", `{"email":"a@b.jp"}`, nil}, 200, nil},

		// month calendar (C2, R-AL1)
		{"C2 C8 December at the Prefectural Library, by site ID", call{method: "GET", route: "/v1/calendars/{place}/{month}", path: "/v1/calendars/prefectural/2026-12", lang: "en"},
			200, map[string]string{"weeks.0.2.date": "2026-12-01", "weeks.0.2.open": "true", "weeks.1.1.open": "false", "weeks.1.1.closed": "weekly", "weeks.4.2.date": "2026-12-29", "weeks.4.2.open": "false"}},
		{"C4 C8 a partner library's month, by name", call{method: "GET", route: "/v1/calendars/{place}/{month}", path: "/v1/calendars/%E5%B0%8F%E6%A8%BD%E5%B8%82%E7%AB%8B%E5%9B%B3%E6%9B%B8%E9%A4%A8/2026-11", lang: "ja"},
			200, map[string]string{"place": "小樽市立図書館", "weeks.0.1.date": "2026-11-02", "weeks.0.1.open": "false", "weeks.0.1.closed_ja": "定期休館日", "weeks.2.4.date": "2026-11-19", "weeks.2.4.open": "false"}},
		{"a bad month is 400", call{method: "GET", route: "/v1/calendars/{place}/{month}", path: "/v1/calendars/prefectural/2026-13"}, 400, map[string]string{"problems.0.path": "month"}},
		{"an unknown place is 400", call{method: "GET", route: "/v1/calendars/{place}/{month}", path: "/v1/calendars/moon/2026-12"}, 400, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			status, body := do(t, h, c.call)
			if status != c.status {
				t.Fatalf("status %d, want %d: %v", status, c.status, body)
			}
			for path, want := range c.want {
				if got := fmt.Sprint(dig2(body, path)); got != want {
					t.Errorf("%s = %s, want %s", path, got, want)
				}
			}
		})
	}
}

// dig2 follows a dotted path through objects and arrays.
func dig2(v any, path string) any {
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			var i int
			if _, err := fmt.Sscan(k, &i); err != nil || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

// TestAcceptLanguageFallbackIsJapanese: the header is honoured with
// q-values, and a patron who names no language we have reads Japanese,
// the documented fallback; Content-Language says which.
func TestAcceptLanguageFallbackIsJapanese(t *testing.T) {
	h := newTestService(t).handler()
	for header, want := range map[string]string{
		"":                              "ja",
		"fr":                            "ja",
		"en-US":                         "en",
		"EN":                            "en",
		"ja-JP":                         "ja",
		"fr;q=1, ja-JP;q=0.8, en;q=0.5": "ja",
		"ja;q=0.2, en;q=0.9":            "en",
		"en;q=0, *":                     "ja",
		"malformed;q=x":                 "ja",
	} {
		req := post("/v1/checks/email", header, `{"email":"taro.@docomo.ne.jp"}`)
		rec := record(h, req)
		if got := rec.Header().Get("Content-Language"); got != want {
			t.Errorf("Accept-Language %q: Content-Language %q, want %q", header, got, want)
		}
		if !strings.Contains(rec.Header().Get("Vary"), "Accept-Language") {
			t.Errorf("Accept-Language %q: no Vary", header)
		}
		if ja := strings.Contains(rec.Body.String(), "メール"); ja != (want == "ja") {
			t.Errorf("Accept-Language %q: body in the wrong language: %s", header, rec.Body)
		}
	}
}

// TestUnknownRouteAndMethod: a path no route has is 404, a method a
// route's path does not have is 405 with Allow, both problems in the
// negotiated language, with or without tokens.
func TestUnknownRouteAndMethod(t *testing.T) {
	for _, s := range []*service{newTestService(t), newTokenService(t)} {
		h := s.handler()
		for _, c := range []struct {
			call   call
			status int
			typ    string
			allow  string
		}{
			{call{method: "GET", path: "/v1/nothing", lang: "en"}, http.StatusNotFound, problemNotFound, ""},
			{call{method: "POST", path: "/v1/reservations/1/nothing", lang: "ja"}, http.StatusNotFound, problemNotFound, ""},
			{call{method: "GET", path: "/v1/extensions", lang: "en"}, http.StatusMethodNotAllowed, problemMethod, "POST"},
			{call{method: "DELETE", path: "/v1/reservations/1", lang: "en"}, http.StatusMethodNotAllowed, problemMethod, "GET, HEAD"},
			{call{method: "PUT", path: "/healthz", lang: "en"}, http.StatusMethodNotAllowed, problemMethod, "GET, HEAD"},
		} {
			rec := record(h, c.call)
			var p map[string]any
			if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || rec.Code != c.status || p["type"] != c.typ || p["status"] != float64(c.status) {
				t.Errorf("%s %s: %d %s (%v)", c.call.method, c.call.path, rec.Code, rec.Body, err)
			}
			if ct := rec.Header().Get("Content-Type"); ct != problemContentType {
				t.Errorf("%s %s: Content-Type %q", c.call.method, c.call.path, ct)
			}
			if got := rec.Header().Get("Allow"); got != c.allow {
				t.Errorf("%s %s: Allow %q, want %q", c.call.method, c.call.path, got, c.allow)
			}
			if want := titles[c.typ][1]; c.call.lang == "ja" && p["title"] != want {
				t.Errorf("%s %s: title %v, want %s", c.call.method, c.call.path, p["title"], want)
			}
		}
	}
}

// TestCheckoutH1LimitAcrossRequestsAndDays: the store keeps the
// reservations of earlier requests, on any day, so the limit counts them
// (H1).
func TestCheckoutH1LimitAcrossRequestsAndDays(t *testing.T) {
	s := newTestService(t)
	h := s.handler()
	items := make([]string, 10)
	for i := range items {
		items[i] = fmt.Sprintf(`{"item":"i%d","status":"on_loan"}`, i)
	}
	cart := `{"today":"2026-11-16","cart":{"patron":"A","items":[` + strings.Join(items, ",") + `],"place":{"method":"prefectural_library"},"ordering":"normal"}}`
	if status, body := do(t, h, post("/v1/checkouts", "en", cart)); status != http.StatusCreated {
		t.Fatalf("first cart: %d %v", status, body)
	}
	// The next day, under that day's rules, the store still holds them (V1).
	one := `{"today":"2026-11-17","cart":{"patron":"A","items":[{"item":"j","status":"on_loan"}],"place":{"method":"prefectural_library"},"ordering":"normal"}}`
	status, body := do(t, h, post("/v1/checkouts", "en", one))
	if status != http.StatusUnprocessableEntity || dig2(body, "reasons.0.code") != "reservation.limit" || dig2(body, "reasons.0.params.limit") != 10.0 {
		t.Fatalf("eleventh reservation: %d %v", status, body)
	}
	// Staff may let the limit go (H1 is soft by default), and the
	// answer says so for the audit log.
	staff := strings.Replace(one, `}}`, `},"override":{"staff":"k.sato","codes":["reservation.limit"],"note":"series"}}`, 1)
	status, body = do(t, h, post("/v1/staff/checkouts", "en", staff))
	if status != http.StatusCreated || dig2(body, "override.codes.0") != "reservation.limit" {
		t.Fatalf("eleventh reservation by staff: %d %v", status, body)
	}
	// Both days were served from the store, each under its rules (V1).
	qs, err := s.store.PatronReservations(context.Background(), "A")
	if err != nil || len(qs) != 11 {
		t.Errorf("the store lost reservations: %d active (%v)", len(qs), err)
	}
}

// TestCheckoutConcurrentClientsShareTheDesk: concurrent checkouts are
// serialised by the store (run with -race): every patron's reservation
// of the same item is placed, in one queue (H3), positions 1 to n.
func TestCheckoutConcurrentClientsShareTheDesk(t *testing.T) {
	s := newTestService(t)
	h := s.handler()
	const patrons = 16
	codes := make(chan int, patrons)
	for i := range patrons {
		go func() {
			cart := fmt.Sprintf(`{"today":"2026-11-16","cart":{"patron":"P%d","items":[{"item":"shared","status":"on_loan"}],"place":{"method":"prefectural_library"},"ordering":"normal"}}`, i)
			codes <- record(h, post("/v1/checkouts", "en", cart)).Code
		}()
	}
	for range patrons {
		if code := <-codes; code != http.StatusCreated {
			t.Errorf("status %d", code)
		}
	}
	qs, err := s.store.Queue(context.Background(), "shared")
	if err != nil || len(qs) != patrons {
		t.Fatalf("queue of %d, want %d (%v)", len(qs), patrons, err)
	}
	for i, q := range qs {
		if q.Position != i+1 {
			t.Errorf("position %d at %d", q.Position, i+1)
		}
	}
}

// TestEveryBodyRouteIsStrict: every route that reads a JSON body refuses
// a body over 1 MiB (413), another Content-Type (415), an unknown key and
// trailing data (400), each as a documented problem in the negotiated
// language.
func TestEveryBodyRouteIsStrict(t *testing.T) {
	h := newTestService(t).handler()
	doc := openAPIDoc(t)
	for _, r := range newTestService(t).routes() {
		if r.method != "POST" {
			continue
		}
		path := examplePath(doc, r)
		for _, c := range []struct {
			name        string
			contentType string
			body        string
			status      int
		}{
			{"too large", "application/json", `{"x":"` + strings.Repeat("a", maxBody) + `"}`, http.StatusRequestEntityTooLarge},
			{"not JSON", "text/plain", `{}`, http.StatusUnsupportedMediaType},
			{"form", "application/x-www-form-urlencoded", `a=b`, http.StatusUnsupportedMediaType},
			{"unknown key", "application/json", `{"no_such_key":1}`, http.StatusBadRequest},
			{"trailing data", "application/json", `{} []`, http.StatusBadRequest},
			{"wrong type", "application/json", `{"today":12}`, http.StatusBadRequest},
		} {
			t.Run(r.path+" "+c.name, func(t *testing.T) {
				status, body := do(t, h, call{r.method, r.path, path, c.contentType, "en-GB", c.body, nil})
				if status != c.status {
					t.Fatalf("status %d, want %d: %v", status, c.status, body)
				}
				if body["status"] != float64(c.status) || !strings.HasPrefix(body["title"].(string), "The request") {
					t.Errorf("problem %v", body)
				}
			})
		}
	}
}
