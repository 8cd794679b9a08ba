package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode"
)

// Defect (issue 17, examples): tour -start 1900-01-01 printed half the
// story, then failed. The start is checked before the story begins: from
// the sample tariff's first rates (2024-08-01, the calendars' span
// starting in 1955) to the end of the calendars' span (2100-12-31) less
// the story's length; outside it, nothing on stdout, a clear message on
// stderr and exit 2.
func TestDefectStartOutsideSupportedSpanRefusedBeforeStory(t *testing.T) {
	for _, start := range []string{"1900-01-01", "1954-12-31", "2024-07-31", "2100-11-02", "2100-12-31", "9999-12-31"} {
		var out, errOut bytes.Buffer
		code := exitCode(&errOut, run(&out, []string{"-start", start}, time.Time{}))
		msg := errOut.String()
		if code != 2 || out.Len() != 0 || !strings.HasPrefix(msg, "tour: -start "+start+":") ||
			!strings.Contains(msg, "2024-08-01") || !strings.Contains(msg, "2100-11-01") {
			t.Errorf("-start %s: exit %d, stdout %d bytes, stderr %q", start, code, out.Len(), msg)
		}
	}
	// The first and the last supported start tell the whole story.
	for _, start := range []string{"2024-08-01", "2100-11-01"} {
		var out bytes.Buffer
		if err := run(&out, []string{"-start", start}, time.Time{}); err != nil || !strings.Contains(out.String(), "\n6. ") {
			t.Errorf("-start %s: %v", start, err)
		}
	}
}

// Defect (issue 17, examples): a stray argument was ignored silently. It
// is refused: exit 2, the usage on stderr, nothing on stdout.
func TestDefectStrayArgumentRefused(t *testing.T) {
	for _, args := range [][]string{{"-start", "2026-11-26", "extra"}, {"ja"}, {"-nope"}} {
		var out, errOut bytes.Buffer
		code := exitCode(&errOut, run(&out, args, time.Time{}))
		msg := errOut.String()
		if code != 2 || out.Len() != 0 || !strings.HasPrefix(msg, "tour: ") || !strings.Contains(msg, "Usage of tour:") || !strings.Contains(msg, "-start") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out.String(), msg)
		}
	}
	var out, errOut bytes.Buffer
	code := exitCode(&errOut, run(&out, []string{"-start", "2026-11-26", "extra"}, time.Time{}))
	if want := "tour: unexpected argument \"extra\"\n"; code != 2 || !strings.HasPrefix(errOut.String(), want) {
		t.Errorf("stderr %q; want it to start with %q", errOut.String(), want)
	}
}

// Defect (issue 17, examples): -h showed -start's default as the date of
// the day, which changes every day. It shows "today", and -start today is
// the day of now in Japan.
func TestDefectStartDefaultShownAsToday(t *testing.T) {
	now := time.Date(2026, 11, 25, 16, 0, 0, 0, time.UTC) // 2026-11-26 01:00 in Japan
	var usage bytes.Buffer
	if err := run(&usage, []string{"-h"}, now); exitCode(&bytes.Buffer{}, err) != 0 {
		t.Fatal(err)
	}
	if u := usage.String(); !strings.Contains(u, `(default "today")`) || strings.Contains(u, "2026-11-2") {
		t.Errorf("usage:\n%s", u)
	}
	var today, fixed bytes.Buffer
	if err := run(&today, []string{"-start", "today"}, now); err != nil {
		t.Fatal(err)
	}
	if err := run(&fixed, []string{"-start", "2026-11-26"}, now); err != nil {
		t.Fatal(err)
	}
	if today.String() != fixed.String() {
		t.Error("-start today is not 2026-11-26")
	}
	var def bytes.Buffer
	if err := run(&def, nil, now); err != nil || def.String() != fixed.String() {
		t.Errorf("the default start is not today: %v", err)
	}
}

// Defect (issue 17, examples): the English month printed its holidays
// by their Japanese names (文化の日).
func TestDefectMonthHolidayNamesInLanguage(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, []string{"-start", "2026-11-26", "-month", "2027-01"}, time.Time{}); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, line := range strings.Split(s[strings.Index(s, "\n6. "):], "\n") {
		for _, r := range line {
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
				t.Errorf("Japanese in the English month: %q", line)
				break
			}
		}
	}
	if !strings.Contains(s, "  * 2027-01-11 Coming of Age Day\n") {
		t.Errorf("no English holiday name in\n%s", s)
	}
}
