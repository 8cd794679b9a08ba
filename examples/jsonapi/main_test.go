package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/internal/strictjson"
)

// update rewrites the golden files: go test ./examples/jsonapi -update.
var update = flag.Bool("update", false, "rewrite the golden files")

// Each testdata/NAME.json request must be answered exactly as
// testdata/NAME.golden says, with status 0 and nothing on standard error.
func TestGolden(t *testing.T) {
	requests, _ := filepath.Glob("testdata/*.json")
	if len(requests) == 0 {
		t.Fatal("no requests in testdata")
	}
	for _, req := range requests {
		t.Run(filepath.Base(req), func(t *testing.T) {
			in, err := os.ReadFile(req)
			if err != nil {
				t.Fatal(err)
			}
			var out, errOut bytes.Buffer
			if status := run(bytes.NewReader(in), &out, &errOut); status != 0 {
				t.Fatalf("status %d: %s", status, errOut.Bytes())
			}
			checkGolden(t, strings.TrimSuffix(req, ".json")+".golden", out.Bytes())
		})
	}
}

// checkGolden compares got with the golden file, or rewrites the file
// under -update.
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
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
}

// TestMalformedRequestTrailingDataExitsNonZero: a malformed request — trailing data
// after it above all — is not answered: status 1, nothing on standard
// output, and on standard error one line saying why.
func TestMalformedRequestTrailingDataExitsNonZero(t *testing.T) {
	const loan = `{"item":"b1","place":{"method":"prefectural_library"},"loaned":"2026-03-25","due":"2026-04-08"}`
	for _, c := range []struct {
		name, in, says string
		is             error
	}{
		{"trailing object", `{"today":"2026-04-01","loan":` + loan + `} {"today":"2026-04-02"}`, "trailing data", strictjson.ErrTrailingData},
		{"trailing garbage", `{"today":"2026-04-01","loan":` + loan + `}x`, "", nil},
		{"empty", ``, "EOF", nil},
		{"truncated", `{"today":"2026-04-01"`, "", nil},
		{"not an object", `[]`, "cannot unmarshal array", nil},
		{"unknown key", `{"todya":"2026-04-01"}`, `unknown field "todya"`, nil},
		{"impossible day", `{"lang":"en","today":"2026-02-30"}`, "no such day", nil},
		{"unknown code", `{"today":"2026-04-01","loan":{"collection":"north"}}`, `"north"`, circulation.ErrInconsistentInput},
		{"unknown language", `{"lang":"fr","today":"2026-04-01","loan":` + loan + `}`, `"fr"`, nil},
		{"inconsistent loan", `{"today":"2026-04-01","loan":{"item":"b1"}}`, "no valid method", circulation.ErrInconsistentInput},
		{"too large", `{"lang":"` + strings.Repeat("a", maxRequest) + `"}`, "larger than", errTooLarge},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if status := run(strings.NewReader(c.in), &out, &errOut); status != 1 {
				t.Errorf("status %d, want 1", status)
			}
			if out.Len() != 0 {
				t.Errorf("answered a malformed request:\n%s", out.Bytes())
			}
			msg := errOut.String()
			if !strings.HasPrefix(msg, "jsonapi: ") || !strings.HasSuffix(msg, "\n") || strings.Count(msg, "\n") != 1 {
				t.Errorf("stderr %q is not one line starting jsonapi:", msg)
			}
			if !strings.Contains(msg, c.says) {
				t.Errorf("stderr %q does not say %q", msg, c.says)
			}
			if c.is != nil {
				if err := serve(strings.NewReader(c.in), &out); !errors.Is(err, c.is) {
					t.Errorf("error %v does not match %v", err, c.is)
				}
			}
		})
	}
}

// FuzzServe: any input is either answered with status 0 and JSON on
// standard output, or refused with status 1 and a message on standard
// error, never both, never a panic.
func FuzzServe(f *testing.F) {
	for _, name := range []string{"testdata/extended.json", "testdata/refused.json"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{} {}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var out, errOut bytes.Buffer
		switch run(bytes.NewReader(b), &out, &errOut) {
		case 0:
			if out.Len() == 0 || errOut.Len() != 0 {
				t.Fatalf("status 0 with stdout %q, stderr %q", out.Bytes(), errOut.Bytes())
			}
		case 1:
			if out.Len() != 0 || errOut.Len() == 0 {
				t.Fatalf("status 1 with stdout %q, stderr %q", out.Bytes(), errOut.Bytes())
			}
		default:
			t.Fatal("unexpected status")
		}
	})
}
