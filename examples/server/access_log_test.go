package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// logLines decodes the JSON lines of a log.
func logLines(t *testing.T, b *bytes.Buffer) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}

// TestAccessLog: one structured line per request with the method, the
// route pattern, the status, the duration, the bytes, the request ID
// and the caller's name; never the token, the password, nor the path
// with its patron identifier.
func TestAccessLog(t *testing.T) {
	var logs bytes.Buffer
	s := newTestServiceWith(t, options{tokens: testTokens(t), log: slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	h := s.handler()
	password := post("/v1/checks/password", "en", `{"password":"abc123xyz"}`)
	password.header = as(serviceToken)
	password.header.Set(requestIDHeader, "req-42")
	rec := record(h, password)
	if rec.Code != http.StatusOK || rec.Header().Get(requestIDHeader) != "req-42" {
		t.Fatalf("%d, request ID %q", rec.Code, rec.Header().Get(requestIDHeader))
	}
	mine := call{method: "GET", route: "/v1/patrons/{patron}/reservations", path: "/v1/patrons/P0001/reservations", header: as(staffToken)}
	mine.header.Set(requestIDHeader, "bad id\nwith a line break")
	rec = record(h, mine)
	generated := rec.Header().Get(requestIDHeader)
	if len(generated) != 32 {
		t.Errorf("request ID %q not replaced", generated)
	}
	record(h, call{method: "GET", path: "/healthz"})

	lines := logLines(t, &logs)
	if len(lines) != 3 {
		t.Fatalf("%d lines:\n%s", len(lines), logs.String())
	}
	want := []map[string]any{
		{"level": "INFO", "msg": "request", "method": "POST", "route": "POST /v1/checks/password", "status": 200.0, "request_id": "req-42", "caller": "opac"},
		{"level": "INFO", "method": "GET", "route": "GET /v1/patrons/{patron}/reservations", "status": 200.0, "request_id": generated, "caller": staffName},
		{"level": "DEBUG", "route": "GET /healthz", "status": 200.0, "caller": ""},
	}
	for i, w := range want {
		for k, v := range w {
			if lines[i][k] != v {
				t.Errorf("line %d: %s = %v, want %v", i, k, lines[i][k], v)
			}
		}
		if b, _ := lines[i]["bytes"].(float64); b <= 0 {
			t.Errorf("line %d: bytes %v", i, lines[i]["bytes"])
		}
		if _, ok := lines[i]["duration_ms"].(float64); !ok {
			t.Errorf("line %d: no duration", i)
		}
	}
	for _, secret := range []string{staffToken, serviceToken, "abc123xyz", "P0001", "Bearer"} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("the log holds %q:\n%s", secret, logs.String())
		}
	}
}

// TestAccessLogPanic: a handler that panics is answered 500, a problem,
// and logged at Error without the panic's value.
func TestAccessLogPanic(t *testing.T) {
	var logs bytes.Buffer
	h := accessLog(slog.New(slog.NewJSONHandler(&logs, nil)), http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic("secret value")
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/x", nil))
	if rec.Code != http.StatusInternalServerError || rec.Header().Get("Content-Type") != problemContentType || !strings.Contains(rec.Body.String(), problemInternal) {
		t.Errorf("%d %s %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
	if !strings.Contains(logs.String(), `"level":"ERROR"`) || strings.Contains(logs.String(), "secret value") {
		t.Errorf("log:\n%s", logs.String())
	}
}

// TestHealthAndReadiness: /healthz answers while the process serves,
// /readyz while the database answers, and 503 (a problem, Retry-After)
// when it does not; neither needs a token.
func TestHealthAndReadiness(t *testing.T) {
	s := newTokenService(t)
	h := s.handler()
	for _, path := range []string{"/healthz", "/readyz"} {
		status, body := do(t, h, call{method: "GET", route: path, path: path})
		if status != http.StatusOK || body["status"] == nil {
			t.Errorf("%s: %d %v", path, status, body)
		}
	}
	mem(s).fail = errors.New("database is down")
	rec := record(h, call{method: "GET", path: "/readyz", lang: "en"})
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" || !strings.Contains(rec.Body.String(), problemNotReady) {
		t.Errorf("database down: %d %v %s", rec.Code, rec.Header(), rec.Body)
	}
	if strings.Contains(rec.Body.String(), "database is down") {
		t.Errorf("the error reaches the caller: %s", rec.Body)
	}
	if status, _ := do(t, h, call{method: "GET", route: "/healthz", path: "/healthz"}); status != http.StatusOK {
		t.Errorf("healthz with the database down: %d", status)
	}
	open, err := newService(testLibrary(t), options{})
	if err != nil {
		t.Fatal(err)
	}
	if rec := record(open.handler(), call{method: "GET", path: "/readyz"}); rec.Code != http.StatusOK {
		t.Errorf("no store: %d", rec.Code)
	}
}
