package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update rewrites the golden files: go test ./examples/server -update.
var update = flag.Bool("update", false, "rewrite the golden files")

// Each testdata/extension-NAME.LANG.json request to /v1/extensions, with
// Accept-Language LANG, must be answered exactly as
// testdata/extension-NAME.LANG.golden says (the cases of the former
// examples/jsonapi).
func TestGoldenExtensions(t *testing.T) {
	requests, _ := filepath.Glob("testdata/extension-*.json")
	if len(requests) == 0 {
		t.Fatal("no requests in testdata")
	}
	h := newTestService(t).handler()
	for _, path := range requests {
		t.Run(filepath.Base(path), func(t *testing.T) {
			body, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			base := strings.TrimSuffix(path, ".json")
			lang := filepath.Ext(base)[1:]
			rec := record(h, post("/v1/extensions", lang, string(body)))
			got := rec.Body.Bytes()
			golden := base + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// FuzzExtensionEndpoint: any body is answered 200, 400 or 422 with a JSON
// body of the documented shape, never 500, never a panic.
func FuzzExtensionEndpoint(f *testing.F) {
	requests, _ := filepath.Glob("testdata/extension-*.json")
	for _, path := range requests {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{} {}`))
	f.Add([]byte(`{"today":"2026-04-01","loan":` + reservedLoan + `,"others":[` + partnerLoan + `]}`))
	h := newTestService(f).handler()
	f.Fuzz(func(t *testing.T, b []byte) {
		rec := record(h, post("/v1/extensions", "ja", string(b)))
		switch rec.Code {
		case 200, 400, 422:
		default:
			t.Fatalf("status %d: %s", rec.Code, rec.Body.Bytes())
		}
		if !bytes.HasPrefix(rec.Body.Bytes(), []byte("{")) {
			t.Fatalf("body not a JSON object: %s", rec.Body.Bytes())
		}
	})
}

// FuzzStaffBodies: any body posted to the routes of the policy table
// and of closures (policy explanations, what-if, closures applied) is
// answered 200, 400 or 422 with a JSON object, never 500, never a panic.
func FuzzStaffBodies(f *testing.F) {
	routes := []string{"/v1/staff/policy-explanations", "/v1/staff/policy-what-if", "/v1/staff/closures"}
	f.Add(uint8(0), []byte(`{"criteria":{"method":"partner_library","place":"ebetsu"},"day":"2026-04-01"}`))
	f.Add(uint8(1), []byte(`{"policies":{"circulation":{"loan_days":15}},"criteria":{},"day":"2026-04-01"}`))
	f.Add(uint8(1), []byte(`{"policies":{"rules":[{"match":{"method":"home_delivery"},"set":{"holds":{"shelf_days":3}}}]},"criteria":{"method":"home_delivery"},"day":"2026-04-01"}`))
	f.Add(uint8(2), []byte(`{"place":"prefectural",`+stormBody+`,"loans":[`+loanDue("P1", "a")+`],"options":{"spread_days":2,"spread_per_day":1}}`))
	f.Add(uint8(2), []byte(`{"place":"courier","closure":{"from":"2027-02-17","to":"2027-02-17","name":"運休"}}`))
	s := newServiceOf(f, nextOpenLibrary(f), options{})
	h := s.handler()
	f.Fuzz(func(t *testing.T, route uint8, b []byte) {
		c := post(routes[int(route)%len(routes)], "en", string(b))
		rec := record(h, c)
		switch rec.Code {
		case 200, 400, 422:
		default:
			t.Fatalf("%s: status %d: %s", c.route, rec.Code, rec.Body.Bytes())
		}
		if !bytes.HasPrefix(rec.Body.Bytes(), []byte("{")) {
			t.Fatalf("%s: body not a JSON object: %s", c.route, rec.Body.Bytes())
		}
	})
}
