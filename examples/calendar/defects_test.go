package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
)

// japanese reports the first Han, Hiragana or Katakana character of s.
func japanese(s string) (rune, bool) {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			return r, true
		}
	}
	return 0, false
}

// latinWord finds an English word: two ASCII letters in a row.
var latinWord = regexp.MustCompile(`[A-Za-z]{2,}`)

// output runs the command and fails the test on an error.
func output(t *testing.T, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	if err := run(&out, args, time.Time{}); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return out.String()
}

const example = "../../docs/config-example.json"

// Defect (issue 17, examples): -lang ja printed an English header ("×
// closed, * holiday", "Sun Mon …", "open 09:00–17:00 on 23 days") and
// -lang en Japanese holiday and place names (成人の日, 北海道立図書館
// under an English header). Each language is complete: a month view in
// Japanese has no English word, one in English no Japanese character,
// for places whose configuration gives an English name (name_en) and for
// every closure that has one.
func TestDefectMonthViewEachLanguageComplete(t *testing.T) {
	for _, args := range [][]string{
		{"-month", "2027-01"}, {"-month", "2027-02"}, {"-month", "2027-05"}, {"-month", "2019-10"},
		{"-config", example, "-place", "otaru", "-month", "2027-03"},
		{"-config", example, "-place", "ebetsu", "-month", "2027-01"},
		{"-config", example, "-place", "assembly", "-month", "2027-05"},
	} {
		ja := output(t, append(args, "-lang", "ja")...)
		if w := latinWord.FindString(ja); w != "" {
			t.Errorf("%v -lang ja: English word %q in\n%s", args, w, ja)
		}
		en := output(t, append(args, "-lang", "en")...)
		if r, ok := japanese(en); ok {
			t.Errorf("%v -lang en: Japanese %q in\n%s", args, r, en)
		}
	}
	if got := output(t, "-month", "2027-01", "-lang", "en"); !strings.Contains(got, "* 2027-01-11 Coming of Age Day") {
		t.Errorf("no English holiday name:\n%s", got)
	}
	if got := output(t, "-month", "2027-02", "-lang", "ja"); !strings.HasPrefix(got, "北海道立図書館 2027年2月（×休館日 *祝日）\n  日   月   火   水   木   金   土\n") ||
		!strings.Contains(got, "  開館 09:00–17:00（23日）\n") {
		t.Errorf("Japanese header or hours wrong:\n%s", got)
	}
}

// Defect (issue 17, examples): the iCalendar export in English was named
// 北海道立図書館 (X-WR-CALNAME), and closing a place in English named it,
// the courier and the partner libraries in Japanese, in the header and
// in the patrons' messages.
func TestDefectExportAndClosureInEnglishHaveNoJapanese(t *testing.T) {
	for _, args := range [][]string{
		{"-month", "2027-02", "-ics", "-stamp", "2026-11-27T09:00:00+09:00"},
		{"-config", example, "-place", "otaru", "-month", "2027-03", "-ics", "-stamp", "2026-11-27T09:00:00+09:00"},
		{"-close", "2027-02-17..2027-02-18"},
		{"-config", example, "-place", "courier", "-close", "2027-02-19"},
		{"-config", example, "-place", "otaru", "-close", "2027-02-19"},
		{"-config", example, "-place", "assembly", "-close", "2027-02-19"},
	} {
		en := output(t, append(args, "-lang", "en")...)
		if r, ok := japanese(en); ok {
			t.Errorf("%v -lang en: Japanese %q in\n%s", args, r, en)
		}
	}
}

// Defect (issue 17, examples): a place with no hours printed "open
// 00:00–24:00", which reads like a 24-hour library.
func TestDefectNoHoursPrintsOpenAllDay(t *testing.T) {
	en := output(t, "-config", example, "-place", "otaru", "-month", "2027-03")
	if strings.Contains(en, "00:00–24:00") || !strings.Contains(en, "  open all day on 19 days\n") {
		t.Errorf("en:\n%s", en)
	}
	ja := output(t, "-config", example, "-place", "otaru", "-month", "2027-03", "-lang", "ja")
	if strings.Contains(ja, "00:00–24:00") || !strings.Contains(ja, "  終日開館（19日）\n") {
		t.Errorf("ja:\n%s", ja)
	}
}

// Defect (issue 17, examples): one problem in the configuration was
// counted as "1 problems"; and one open day would read "on 1 days".
func TestDefectCountsAreCorrectPlurals(t *testing.T) {
	doc, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, c := range []struct {
		breaks int // how many of the example's hours to break
		want   string
	}{{1, ": 1 problem:\n"}, {2, ": 2 problems:\n"}} {
		path := dir + "/bad.json"
		bad := strings.Replace(string(doc), `"to": "17:00"`, `"to": "17:0"`, c.breaks)
		if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		err := run(&bytes.Buffer{}, []string{"-config", path}, time.Time{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("error %v; want %q", err, c.want)
		}
	}
	for _, c := range []struct {
		n      int
		en, ja string
	}{{1, "1 day", "1日"}, {2, "2 days", "2日"}, {0, "0 days", "0日"}} {
		if got := days(c.n, "en"); got != c.en {
			t.Errorf("days(%d, en) = %q", c.n, got)
		}
		if got := days(c.n, "ja"); got != c.ja {
			t.Errorf("days(%d, ja) = %q", c.n, got)
		}
	}
}

// Defect (issue 17, examples): a bad flag printed its error and the usage
// on stdout. The usage of a mistake goes to stderr, after the error;
// only -h prints it on stdout.
func TestDefectUsageOfAMistakeOnStderr(t *testing.T) {
	for _, args := range [][]string{{"-nope"}, {"-month", "2027-02", "extra"}} {
		var out, errOut bytes.Buffer
		code := exitCode(&errOut, run(&out, args, time.Time{}))
		if code != 2 || out.Len() != 0 || !strings.HasPrefix(errOut.String(), "calendar: ") || !strings.Contains(errOut.String(), "Usage of calendar:") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out.String(), errOut.String())
		}
	}
}

// Defect (issue 17, examples): closing a place in Japanese listed each
// consequence as "loan 4" or "reservation 18". Only the reasons' codes,
// stable identifiers, stay in ASCII.
func TestDefectClosureInJapaneseHasNoEnglish(t *testing.T) {
	code := regexp.MustCompile(`\[[a-z_]+\.[a-z_.]+\]`)
	for _, args := range [][]string{
		{"-close", "2027-02-17..2027-02-18"},
		{"-config", example, "-place", "courier", "-close", "2027-02-19"},
		{"-config", example, "-place", "otaru", "-close", "2027-02-19"},
	} {
		ja := output(t, append(args, "-lang", "ja")...)
		if w := latinWord.FindString(code.ReplaceAllString(ja, "")); w != "" {
			t.Errorf("%v -lang ja: English word %q in\n%s", args, w, ja)
		}
	}
}
