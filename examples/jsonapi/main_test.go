package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// Each testdata/NAME.json request must be answered exactly as
// testdata/NAME.golden says.
func TestGolden(t *testing.T) {
	requests, err := filepath.Glob("testdata/*.json")
	if err != nil || len(requests) == 0 {
		t.Fatalf("no requests: %v", err)
	}
	for _, req := range requests {
		t.Run(filepath.Base(req), func(t *testing.T) {
			in, err := os.Open(req)
			if err != nil {
				t.Fatal(err)
			}
			defer in.Close()
			var out bytes.Buffer
			if err := serve(in, &out); err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(req, ".json") + ".golden"
			if *update {
				if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("got\n%s\nwant\n%s", out.Bytes(), want)
			}
		})
	}
}
