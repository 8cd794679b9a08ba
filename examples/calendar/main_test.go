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

// goldens are the runs kept in testdata; .ci/examples runs the built
// binary with the same flags (the config path from the repository root).
var goldens = []struct {
	file string
	args []string
}{
	{"month-2027-02", []string{"-month", "2027-02"}},
	{"month-otaru-ja", []string{"-config", "../../docs/config-example.json", "-place", "otaru", "-month", "2027-03", "-lang", "ja"}},
	{"ics-2027-02-ja", []string{"-month", "2027-02", "-ics", "-lang", "ja", "-stamp", "2026-11-27T09:00:00+09:00"}},
	{"close-snowstorm", []string{"-close", "2027-02-17..2027-02-18"}},
	{"close-courier-ja", []string{"-config", "../../docs/config-example.json", "-place", "courier", "-close", "2027-02-19", "-lang", "ja"}},
}

func TestGolden(t *testing.T) {
	for _, g := range goldens {
		t.Run(g.file, func(t *testing.T) {
			var out bytes.Buffer
			if err := run(&out, g.args, time.Time{}); err != nil {
				t.Fatal(err)
			}
			golden := "testdata/" + g.file + ".golden"
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
				t.Errorf("output differs from %s; run go test ./examples/calendar -update and review the diff\n%s", golden, out.String())
			}
		})
	}
}

// Done when: the command loads docs/config-example.json, the
// documented example, and knows its three partner libraries.
func TestLoadsDocsConfigExample(t *testing.T) {
	for _, place := range []string{"ebetsu", "otaru", "旭川市中央図書館", "assembly"} {
		var out bytes.Buffer
		if err := run(&out, []string{"-config", "../../docs/config-example.json", "-place", place, "-month", "2027-03"}, time.Time{}); err != nil {
			t.Errorf("%s: %v", place, err)
		}
	}
}

// A bad flag or a bad file exits non-zero with a clear message; -h exits
// 0 with the usage.
func TestBadInputExitsNonZero(t *testing.T) {
	dir := t.TempDir()
	bad := dir + "/bad.json"
	if err := os.WriteFile(bad, []byte(`{"version": 1, "places": [{"id": "x", "kind": "partner_library", "name": "X",
	  "rules": {"closed_nth_weekdays": [{"nth": 6, "weekday": "thursday"}]}}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-month", "2027-13"}, `bad -month "2027-13"`},
		{[]string{"-close", "2027-02-18..2027-02-17"}, "bad -close"},
		{[]string{"-close", "2027-02-01..2027-03-15"}, "at most 31 days"},
		{[]string{"-place", "nowhere"}, `-place: bad input: library: no such place: "nowhere"`},
		{[]string{"-lang", "fr"}, "fr"},
		{[]string{"-ics", "-close", "2027-02-17"}, "do not go together"},
		{[]string{"-config", dir + "/missing.json"}, "no such file"},
		{[]string{"-config", bad}, "places[0].rules.closed_nth_weekdays[0].nth: 6 is not 1–5"},
		{[]string{"-nope"}, "flag provided but not defined"},
		{[]string{"-month", "2027-02", "extra"}, "unexpected argument"},
	} {
		var out, errOut bytes.Buffer
		code := exitCode(&errOut, run(&out, c.args, time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC)))
		if code == 0 || !strings.Contains(errOut.String(), c.want) || !strings.HasPrefix(errOut.String(), "calendar: ") {
			t.Errorf("%v: exit %d, stderr %q; want non-zero and %q", c.args, code, errOut.String(), c.want)
		}
	}
	var out, errOut bytes.Buffer
	if code := exitCode(&errOut, run(&out, []string{"-h"}, time.Time{})); code != 0 || errOut.Len() != 0 || !strings.Contains(out.String(), "-close") {
		t.Errorf("-h: exit %d, stderr %q, usage %q", code, errOut.String(), out.String())
	}
}
