package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTokensFile: the tokens file takes lines TOKEN ROLE NAME with blank
// lines and comments, and refuses at start a line of another shape, an
// unknown role, a token given twice, a name given two roles, a weak token
// and a file with no token, naming the line and never the token.
func TestTokensFile(t *testing.T) {
	good := "# the desk\n\n" + staffToken + " staff k.sato\n  " + serviceToken + "  service  opac  \n" +
		"rotated-token-0123456789 staff k.sato\n"
	toks, err := parseTokens(strings.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	for token, want := range map[string]caller{
		staffToken:                 {"k.sato", roleStaff},
		serviceToken:               {"opac", roleService},
		"rotated-token-0123456789": {"k.sato", roleStaff},
	} {
		if got, ok := toks.lookup(token); !ok || got != want {
			t.Errorf("lookup %s: %v %v, want %v", token, got, ok, want)
		}
	}
	for _, token := range []string{"", "staff-token-012345678", staffToken + "x", strings.ToUpper(staffToken)} {
		if c, ok := toks.lookup(token); ok {
			t.Errorf("lookup %q: found %v", token, c)
		}
	}
	for name, c := range map[string]struct{ file, want string }{
		"unknown role":        {staffToken + " admin root\n", `line 1: role "admin"`},
		"token twice":         {staffToken + " staff a\n\n" + staffToken + " service b\n", "line 3: the token of line 1 again"},
		"name with two roles": {staffToken + " staff a\n" + serviceToken + " service a\n", "line 2: a is staff"},
		"two fields":          {staffToken + " staff\n", "line 1: 2 fields"},
		"four fields":         {staffToken + " staff k sato\n", "line 1: 4 fields"},
		"short token":         {"secret staff k.sato\n", "line 1: the token is not"},
		"token with a quote":  {`staff-token-"0123456789 staff k.sato` + "\n", "line 1: the token is not"},
		"no token":            {"# nobody\n\n", "no token"},
	} {
		_, err := parseTokens(strings.NewReader(c.file))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
			continue
		}
		if strings.Contains(err.Error(), "token-0123") {
			t.Errorf("%s: the error shows the token: %v", name, err)
		}
	}
}

// TestEveryRouteNeedsItsToken walks the route table, so that a new route
// cannot slip: with -tokens, every route but the public ones answers 401
// without a token and with an unknown one (WWW-Authenticate says so),
// every staff route 403 to a service token, and neither to a token of
// its role; the public routes need none.
func TestEveryRouteNeedsItsToken(t *testing.T) {
	s := newTokenService(t)
	h := s.handler()
	doc := openAPIDoc(t)
	for _, r := range s.routes() {
		c := exampleCall(t, doc, r)
		answer := func(header http.Header) (int, string) {
			c.header = header
			rec := record(h, c)
			return rec.Code, rec.Header().Get("WWW-Authenticate")
		}
		if r.role == rolePublic {
			if code, _ := answer(nil); code == http.StatusUnauthorized || code == http.StatusForbidden {
				t.Errorf("%s %s: %d without a token", r.method, r.path, code)
			}
			continue
		}
		if code, auth := answer(nil); code != http.StatusUnauthorized || auth != `Bearer realm="kashidashi"` {
			t.Errorf("%s %s without a token: %d %q", r.method, r.path, code, auth)
		}
		for _, header := range []http.Header{as("unknown-token-0123456789"), {"Authorization": {"Basic " + staffToken}}, {"Authorization": {"Bearer"}}} {
			if code, auth := answer(header); code != http.StatusUnauthorized || !strings.Contains(auth, "Bearer") {
				t.Errorf("%s %s with %v: %d %q", r.method, r.path, header, code, auth)
			}
		}
		code, auth := answer(as(serviceToken))
		if r.role == roleStaff && (code != http.StatusForbidden || !strings.Contains(auth, "insufficient_scope")) {
			t.Errorf("%s %s with a service token: %d %q, want 403", r.method, r.path, code, auth)
		}
		if r.role == roleService && (code == http.StatusUnauthorized || code == http.StatusForbidden) {
			t.Errorf("%s %s with a service token: %d", r.method, r.path, code)
		}
		if code, _ := answer(http.Header{"Authorization": {"bearer " + staffToken}}); code == http.StatusUnauthorized || code == http.StatusForbidden {
			t.Errorf("%s %s with a staff token: %d", r.method, r.path, code)
		}
	}
}

// TestOverrideStaffIsTheToken: with -tokens, an override's staff is the
// NAME of the staff token, recorded in the answer and in the audit
// trail; a body that names another member of staff is 400; and without
// -tokens the body's staff is needed, as no caller is known.
func TestOverrideStaffIsTheToken(t *testing.T) {
	s := newTokenService(t)
	h := s.handler()
	extend := func(override string) call {
		c := post("/v1/staff/extensions", "en", `{"today":"2026-04-01","loan":`+reservedLoan+`,"override":`+override+`}`)
		c.header = as(staffToken)
		return c
	}
	status, body := do(t, h, extend(`{"codes":["extension.reserved","extension.already_extended"]}`))
	if status != http.StatusOK || dig2(body, "override.staff") != staffName {
		t.Errorf("override without staff: %d %v", status, body)
	}
	status, body = do(t, h, extend(`{"staff":"`+staffName+`","codes":["extension.reserved","extension.already_extended"]}`))
	if status != http.StatusOK || dig2(body, "override.staff") != staffName {
		t.Errorf("override naming the token's staff: %d %v", status, body)
	}
	status, body = do(t, h, extend(`{"staff":"m.tanaka","codes":["extension.reserved","extension.already_extended"]}`))
	if status != http.StatusBadRequest || dig2(body, "problems.0.path") != "override.staff" {
		t.Errorf("override naming another member of staff: %d %v", status, body)
	}

	plant(t, s, secured)
	cancel := post("/v1/staff/reservations/1/cancel", "en", `{"today":"2026-11-20","override":{"codes":["change.needs_staff"],"note":"patron telephoned"}}`)
	cancel.route = "/v1/staff/reservations/{id}/cancel"
	cancel.header = as(staffToken)
	if status, body := do(t, h, cancel); status != http.StatusOK || dig2(body, "transitions.0.override.staff") != staffName {
		t.Fatalf("staff cancellation after the notice: %d %v", status, body)
	}
	_, trail, err := s.store.Reservation(context.Background(), 1)
	if err != nil || len(trail) != 3 {
		t.Fatalf("trail %v (%v)", trail, err)
	}
	if last := trail[2]; last.Override.Staff != staffName || last.By.String() != "staff" || last.Override.Note != "patron telephoned" {
		t.Errorf("audit of the cancellation: %+v", last)
	}

	open := newTestService(t).handler()
	c := extend(`{"codes":["extension.reserved"]}`)
	c.header = nil
	if status, body := do(t, open, c); status != http.StatusBadRequest || dig2(body, "problems.0.path") != "override.staff" {
		t.Errorf("open service, override without staff: %d %v", status, body)
	}
}

// TestOpenServiceListensOnLoopbackOnly: without -tokens the service says
// in its log that it runs open and refuses to listen on anything but
// loopback; with -tokens it may listen anywhere.
func TestOpenServiceListensOnLoopbackOnly(t *testing.T) {
	ctx := context.Background()
	for _, addr := range []string{"127.0.0.1:0", "[::1]:0", "localhost:0"} {
		if err := loopbackOnly(ctx, addr); err != nil {
			t.Errorf("%s: %v", addr, err)
		}
	}
	for _, addr := range []string{":8080", "0.0.0.0:8080", "[::]:8080", "192.0.2.1:8080", "example.invalid:80"} {
		if err := loopbackOnly(ctx, addr); err == nil {
			t.Errorf("%s accepted", addr)
		}
	}
	db := filepath.Join(t.TempDir(), "k.db")
	var out bytes.Buffer
	if err := run(ctx, []string{"-addr", "0.0.0.0:0", "-db", db}, &out); err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Errorf("open service on every interface: %v", err)
	}

	ctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	out.Reset()
	if err := run(ctx, []string{"-addr", "127.0.0.1:0", "-db", db}, &out); err != nil {
		t.Fatalf("open service on loopback: %v", err)
	}
	if !strings.Contains(out.String(), "running open") {
		t.Errorf("the log does not say the service runs open:\n%s", out.String())
	}

	tokensFile := filepath.Join(t.TempDir(), "tokens")
	if err := os.WriteFile(tokensFile, []byte(staffToken+" staff k.sato\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel = context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	out.Reset()
	if err := run(ctx, []string{"-addr", "0.0.0.0:0", "-db", db, "-tokens", tokensFile}, &out); err != nil {
		t.Fatalf("with tokens on every interface: %v", err)
	}
	if strings.Contains(out.String(), "running open") || strings.Contains(out.String(), staffToken) {
		t.Errorf("log:\n%s", out.String())
	}
	if err := run(context.Background(), []string{"-tokens", filepath.Join(t.TempDir(), "none")}, &out); err == nil {
		t.Error("a missing tokens file accepted")
	}
}
