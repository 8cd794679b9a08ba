package main

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// The tour's output with fixed flags is kept in testdata; CI also runs the
// built binary against the same files.
func TestGolden(t *testing.T) {
	for _, lang := range []string{"en", "ja"} {
		t.Run(lang, func(t *testing.T) {
			var out bytes.Buffer
			if err := run(&out, []string{"-start", "2026-11-26", "-lang", lang}, time.Time{}); err != nil {
				t.Fatal(err)
			}
			golden := "testdata/tour-" + lang + ".golden"
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
				t.Errorf("output differs from %s; run go test ./examples/tour -update and review the diff\n%s", golden, out.String())
			}
			for i, line := range strings.Split(out.String(), "\n") {
				if w := columns(line); w > 80 {
					t.Errorf("line %d is %d columns wide: %q", i+1, w, line)
				}
			}
		})
	}
}

// The story works from any start day, across month and year ends.
func TestAnyStartDay(t *testing.T) {
	for _, start := range []string{"2026-12-20", "2027-03-01", "2028-04-28", "2026-11-26"} {
		var out bytes.Buffer
		if err := run(&out, []string{"-start", start}, time.Time{}); err != nil {
			t.Errorf("-start %s: %v", start, err)
		}
	}
	var out bytes.Buffer
	if err := run(&out, nil, time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)); err != nil {
		t.Errorf("default flags: %v", err)
	}
	for _, bad := range [][]string{{"-lang", "fr"}, {"-start", "2026-02-30"}, {"-month", "2026-13"}} {
		if err := run(&out, bad, time.Time{}); err == nil {
			t.Errorf("%v: want an error", bad)
		}
	}
}

// Defect: tour -h printed the usage and exited 2 with "flag: help
// requested", as if the newcomer had made a mistake.
func TestHelpExitsZero(t *testing.T) {
	var out, errOut bytes.Buffer
	err := run(&out, []string{"-h"}, time.Time{})
	if code := exitCode(&errOut, err); code != 0 || errOut.Len() != 0 {
		t.Errorf("-h: exit %d, stderr %q", code, errOut.String())
	}
	if !strings.Contains(out.String(), "-start") {
		t.Errorf("-h printed no usage: %q", out.String())
	}
	if code := exitCode(&errOut, run(&out, []string{"-lang", "fr"}, time.Time{})); code != 2 || !strings.Contains(errOut.String(), "tour:") {
		t.Errorf("bad flag: exit %d, stderr %q", code, errOut.String())
	}
}
