package main

import (
	"net/http"
	"strings"
	"testing"
)

// Defect (issue 17): the server decoded bodies with encoding/json alone,
// so a repeated key kept its last value ("reserved":true,
// "reserved":false extended a reserved loan) and keys matched in any
// case. Every body goes through the module's strict decoder: a key given
// twice or in another case is 400, naming the key and where it is.
func TestDefectDuplicateOrWrongCaseKeyIs400(t *testing.T) {
	h := newTestService(t).handler()
	reservedTwice := strings.Replace(reservedLoan, `"reserved":true`, `"reserved":true,"reserved":false`, 1)
	for _, c := range []struct {
		name, route, body, path string
	}{
		{"reserved loan said twice", "/v1/extensions", `{"today":"2026-04-01","loan":` + reservedTwice + `}`, "loan"},
		{"key in another case", "/v1/extensions", `{"today":"2026-04-01","LOAN":` + reservedLoan + `}`, ""},
		{"repeated top-level key", "/v1/checks/email", `{"email":"taro.@docomo.ne.jp","email":"taro@example.jp"}`, ""},
		{"key in another case at the top", "/v1/checks/email", `{"Email":"taro@example.jp"}`, ""},
		{"embedded request's key twice", "/v1/staff/extensions", `{"today":"2026-04-01","today":"2026-04-02","loan":` + loanAtLibrary + `}`, ""},
		{"cart key in another case", "/v1/checkouts", `{"today":"2026-04-01","cart":{"Loans":1}}`, "cart"},
		{"parcel measure twice", "/v1/parcels", `{"parcel":{"length":"21","length":"40","width":"15","thickness":"2.5","weight":"0.45"},"posted":"2026-11-20"}`, "parcel"},
	} {
		t.Run(c.name, func(t *testing.T) {
			status, body := do(t, h, post(c.route, "en", c.body))
			if status != http.StatusBadRequest || body["type"] != problemMalformed {
				t.Fatalf("status %d, want 400: %v", status, body)
			}
			ps, _ := body["problems"].([]any)
			if len(ps) != 1 {
				t.Fatalf("problems %v, want the key's", body["problems"])
			}
			p := ps[0].(map[string]any)
			if p["path"] != c.path && !(c.path == "" && p["path"] == nil) {
				t.Errorf("problem at %v, want %q: %v", p["path"], c.path, p)
			}
			if msg, _ := p["message"].(string); !strings.Contains(msg, "key") {
				t.Errorf("message %q does not name the key", msg)
			}
		})
	}
	status, body := do(t, h, post("/v1/extensions", "en", `{"today":"2026-04-01","loan":`+reservedLoan+`}`))
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("the reserved loan said once: status %d, %v", status, body)
	}
}
