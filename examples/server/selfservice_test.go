package main

import (
	"net/http"
	"strings"
	"testing"
)

// TestExtendShelfOverHTTP: staff extend a ready reservation's hold shelf
// once (H9); a retry with the same Idempotency-Key answers as the first
// call did, and a second extension is refused; the default configuration
// offers none (shelf.extension_off).
func TestExtendShelfOverHTTP(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			lib := shelfExtensionLibrary(t)
			s := newServiceOf(t, lib, options{tokens: testTokens(t), store: b.open(t, lib)})
			plant(t, s, seed{reserve(atLibrary), secure, ready})
			h := s.handler()
			extend := func(key string) (int, string) {
				c := post("/v1/staff/reservations/1/extend-shelf", "en", `{"today":"2026-11-20"}`)
				c.header = as(staffToken)
				if key != "" {
					c.header.Set("Idempotency-Key", key)
				}
				rec := record(h, c)
				return rec.Code, rec.Body.String()
			}
			first, body := extend("x-1")
			if first != http.StatusOK || !strings.Contains(body, `"shelf_extended":true`) || !strings.Contains(body, `"extend_shelf"`) {
				t.Fatalf("extend: %d %s", first, body)
			}
			if again, againBody := extend("x-1"); again != first || againBody != body {
				t.Errorf("retry: %d %s", again, againBody)
			}
			if second, body := extend("x-2"); second != http.StatusUnprocessableEntity {
				t.Errorf("second extension: %d %s", second, body)
			}
		})
	}
	s := newTokenService(t)
	plant(t, s, seed{reserve(atLibrary), secure, ready})
	c := post("/v1/staff/reservations/1/extend-shelf", "en", `{"today":"2026-11-20"}`)
	c.header = as(staffToken)
	if rec := record(s.handler(), c); rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "shelf.extension_off") {
		t.Errorf("default configuration: %d %s", rec.Code, rec.Body)
	}
}

// TestPatronStatusOverHTTP: the status of a patron with an overdue loan
// forbids every extension, says why in the negotiated language, and sets
// SIP2's renewal-denied and too-many-overdue flags (S1, S2, S4).
func TestPatronStatusOverHTTP(t *testing.T) {
	h := newTestService(t).handler()
	body := `{"today":"2026-04-20","registration":{"status":"registered","password_set":true,"email_registered":true},` +
		`"loans":[{"item":"b1","place":{"method":"prefectural_library"},"loaned":"2026-03-25","due":"2026-04-08"}]}`
	for _, lang := range []string{"en", "ja"} {
		status, got := do(t, h, post("/v1/patron-status", lang, body))
		if status != http.StatusOK || got["may_extend"] != false {
			t.Fatalf("%s: %d %v", lang, status, got)
		}
		if flags, _ := got["sip2_flags"].(string); len(flags) != 14 || flags[1] != 'Y' || flags[6] != 'Y' {
			t.Errorf("%s: flags %q", lang, flags)
		}
		reasons, _ := got["extend"].([]any)
		if len(reasons) == 0 {
			t.Fatalf("%s: no reasons: %v", lang, got)
		}
		msg, _ := reasons[0].(map[string]any)["message"].(string)
		if msg == "" || msg == reasons[0].(map[string]any)["code"] {
			t.Errorf("%s: reason not translated: %v", lang, reasons[0])
		}
	}
}
