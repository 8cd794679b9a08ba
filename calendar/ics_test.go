package calendar_test

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/reason"

	"github.com/kashidashi/kashidashi/calendar"
)

var icsStamp = time.Date(2026, time.November, 27, 3, 0, 0, 0, time.UTC)

// The contentline grammar of RFC 5545, 3.1, on an unfolded line:
//
//	contentline = name *(";" param) ":" value
//	name        = 1*(ALPHA / DIGIT / "-")
//	param       = param-name "=" param-value *("," param-value)
//	param-value = paramtext / quoted-string
//	paramtext   = *SAFE-CHAR      (no CONTROL, DQUOTE, ";", ":", ",")
//	value       = *VALUE-CHAR     (WSP, %x21-7E, NON-US-ASCII)
var contentLine = func() *regexp.Regexp {
	const (
		ctl       = `\x00-\x08\x0A-\x1F\x7F`
		name      = `[A-Za-z0-9-]+`
		paramText = `[^";:,` + ctl + `]*`
		quoted    = `"[^"` + ctl + `]*"`
		pvalue    = `(?:` + paramText + `|` + quoted + `)`
		param     = name + `=` + pvalue + `(?:,` + pvalue + `)*`
		value     = `[^` + ctl + `]*`
	)
	return regexp.MustCompile(`^` + name + `(?:;` + param + `)*:` + value + `$`)
}()

// textValue is RFC 5545 TEXT (3.3.11): no unescaped ";", "," or "\",
// and only \\ \; \, \n \N as escapes.
var textValue = regexp.MustCompile(`^(?:[^;,\\]|\\[\\;,nN])*$`)

// checkICSGrammar checks the physical form of an iCalendar stream (CRLF
// line ends, at most 75 octets a line, valid UTF-8 on every line) and
// returns its unfolded content lines, each checked against the
// contentline grammar, with BEGIN/END properly nested.
func checkICSGrammar(t fataler, out []byte) []string {
	t.Helper()
	s := string(out)
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatalf("stream does not end in CRLF")
	}
	physical := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	var lines []string
	for i, p := range physical {
		if strings.ContainsAny(p, "\r\n") {
			t.Fatalf("line %d: bare CR or LF: %q", i, p)
		}
		if len(p) > 75 {
			t.Fatalf("line %d: %d octets: %q", i, len(p), p)
		}
		if !utf8.ValidString(p) {
			t.Fatalf("line %d: not UTF-8 on its own (a split sequence?): %q", i, p)
		}
		if strings.HasPrefix(p, " ") || strings.HasPrefix(p, "\t") {
			if len(lines) == 0 {
				t.Fatalf("line %d: continuation first", i)
			}
			lines[len(lines)-1] += p[1:]
			continue
		}
		lines = append(lines, p)
	}
	var stack []string
	for _, l := range lines {
		if !contentLine.MatchString(l) {
			t.Fatalf("not a contentline: %q", l)
		}
		name, value, _ := strings.Cut(l, ":")
		switch name {
		case "BEGIN":
			stack = append(stack, value)
		case "END":
			if len(stack) == 0 || stack[len(stack)-1] != value {
				t.Fatalf("END:%s closes %v", value, stack)
			}
			stack = stack[:len(stack)-1]
		case "SUMMARY", "X-WR-CALNAME":
			if !textValue.MatchString(value) {
				t.Fatalf("%s is not TEXT: %q", name, value)
			}
		}
	}
	if len(stack) != 0 || lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" {
		t.Fatalf("not one VCALENDAR: %v", stack)
	}
	return lines
}

// fataler is what the checks need of *testing.T and *rapid.T.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

// icsEvent is an event as a second, independent reading recovers it.
type icsEvent struct {
	UID, Summary string
	From, To     calendar.Date // To exclusive
}

// readICSEvents reads the VEVENTs of unfolded content lines.
func readICSEvents(t fataler, lines []string) (events []icsEvent, props map[string]string) {
	t.Helper()
	props = map[string]string{}
	var ev *icsEvent
	for _, l := range lines {
		head, value, _ := strings.Cut(l, ":")
		name, params, _ := strings.Cut(head, ";")
		switch {
		case l == "BEGIN:VEVENT":
			ev = &icsEvent{}
		case l == "END:VEVENT":
			events = append(events, *ev)
			ev = nil
		case ev == nil:
			props[name] = value
		case name == "UID":
			ev.UID = value
		case name == "SUMMARY":
			ev.Summary = unescapeICSText(value)
		case name == "DTSTART" || name == "DTEND":
			if params != "VALUE=DATE" {
				t.Fatalf("%s has %q, want VALUE=DATE", name, params)
			}
			d, err := time.Parse("20060102", value)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			dd := calendar.DateOf(d.Add(9 * time.Hour)) // the civil day itself
			if name == "DTSTART" {
				ev.From = dd
			} else {
				ev.To = dd
			}
		}
	}
	return events, props
}

func unescapeICSText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			if s[i] == 'n' || s[i] == 'N' {
				b.WriteByte('\n')
			} else {
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// wantICSEvents groups ClosedDays into runs of the same reason, the way
// the export should.
func wantICSEvents(c *calendar.Calendar, from, to calendar.Date, lang reason.Lang) []icsEvent {
	var out []icsEvent
	var last calendar.ClosedReason
	for d, why := range c.ClosedDays(from, to) {
		n := len(out)
		if n > 0 && out[n-1].To == d && why == last {
			out[n-1].To = d.AddDays(1)
			continue
		}
		last = why
		label := strings.ReplaceAll(strings.ReplaceAll(why.Label(lang), "\r\n", "\n"), "\r", "\n")
		out = append(out, icsEvent{Summary: label, From: d, To: d.AddDays(1)})
	}
	return out
}

func TestWriteICSC4InventoryYear(t *testing.T) {
	c := calendar.MustNew(inventoryRules())
	var buf bytes.Buffer
	require.NoError(t, c.WriteICS(&buf, day("2026-12-01"), day("2027-03-31"), calendar.ICSOptions{Stamp: icsStamp, UIDDomain: "library.pref.hokkaido.jp"}))
	lines := checkICSGrammar(t, buf.Bytes())
	events, props := readICSEvents(t, lines)
	assert.Equal(t, "2.0", props["VERSION"])
	assert.Equal(t, "GREGORIAN", props["CALSCALE"])
	assert.Equal(t, "北海道立図書館", props["X-WR-CALNAME"])
	assert.NotEmpty(t, props["PRODID"])
	want := wantICSEvents(c, day("2026-12-01"), day("2027-03-31"), reason.Japanese)
	require.Len(t, events, len(want))
	for i := range want {
		want[i].UID = events[i].UID
	}
	assert.Equal(t, want, events)
	assert.Contains(t, buf.String(), "BEGIN:VEVENT\r\nUID:")
	assert.Contains(t, buf.String(), "DTSTAMP:20261127T030000Z\r\nDTSTART;VALUE=DATE:20261229\r\nDTEND;VALUE=DATE:20270104\r\nSUMMARY:年末年始休館\r\nTRANSP:TRANSPARENT\r\n")
	assert.Contains(t, buf.String(), "DTSTART;VALUE=DATE:20270308\r\nDTEND;VALUE=DATE:20270316\r\nSUMMARY:臨時休館（特別整理期間）\r\n")
	assert.True(t, strings.HasSuffix(events[0].UID, "@library.pref.hokkaido.jp"))

	// English on request; UIDs do not depend on the language or stamp.
	var en bytes.Buffer
	require.NoError(t, c.WriteICS(&en, day("2026-12-01"), day("2027-03-31"), calendar.ICSOptions{Stamp: icsStamp.Add(time.Hour), Lang: reason.English, UIDDomain: "library.pref.hokkaido.jp"}))
	enEvents, _ := readICSEvents(t, checkICSGrammar(t, en.Bytes()))
	require.Len(t, enEvents, len(events))
	for i := range events {
		assert.Equal(t, events[i].UID, enEvents[i].UID)
	}
	assert.Contains(t, en.String(), "SUMMARY:closure (inventory)\r\n")
}

// Stable UIDs: the same closure keeps its UID when the export's range
// moves, and no two events of an export share one.
func TestWriteICSC8UIDsAreStable(t *testing.T) {
	c := calendar.MustNew(inventoryRules())
	uids := func(from, to string) map[calendar.Date]string {
		var buf bytes.Buffer
		require.NoError(t, c.WriteICS(&buf, day(from), day(to), calendar.ICSOptions{Stamp: icsStamp}))
		events, _ := readICSEvents(t, checkICSGrammar(t, buf.Bytes()))
		out := map[calendar.Date]string{}
		seen := map[string]bool{}
		for _, e := range events {
			assert.False(t, seen[e.UID], e.UID)
			seen[e.UID] = true
			out[e.From] = e.UID
		}
		return out
	}
	a, b := uids("2027-01-01", "2027-12-31"), uids("2026-06-01", "2027-06-30")
	assert.Equal(t, a[day("2027-03-08")], b[day("2027-03-08")])
	assert.NotEmpty(t, a[day("2027-03-08")])
}

// TestWriteICSC8UIDDoesNotDependOnWindowStart: an event's UID hashes the
// true first day of its run of closed days, not the first day of the
// window: the year-end closure keeps its UID whether the window starts in
// 2026-12 or in 2027-01, and so does a closure of two and a half years
// cut by the window, so that a subscribed calendar never shows one twice.
func TestWriteICSC8UIDDoesNotDependOnWindowStart(t *testing.T) {
	r := inventoryRules()
	r.Closures = append(r.Closures, calendar.Closure{Name: "改修工事", NameEn: "renovation", From: day("2028-01-04"), To: day("2030-06-30")})
	c := calendar.MustNew(r)
	uidOn := func(from, to string, d calendar.Date) string {
		var buf bytes.Buffer
		require.NoError(t, c.WriteICS(&buf, day(from), day(to), calendar.ICSOptions{Stamp: icsStamp}))
		events, _ := readICSEvents(t, checkICSGrammar(t, buf.Bytes()))
		for _, e := range events {
			if !d.Before(e.From) && d.Before(e.To) {
				return e.UID
			}
		}
		t.Fatalf("no event on %v in %s to %s", d, from, to)
		return ""
	}
	newYear := day("2027-01-02")
	want := uidOn("2026-12-01", "2027-11-30", newYear)
	assert.Equal(t, want, uidOn("2027-01-01", "2027-12-31", newYear))
	assert.Equal(t, want, uidOn("2026-12-31", "2027-01-31", newYear))
	assert.Equal(t, want, uidOn("2027-01-02", "2027-01-02", newYear))
	long := day("2030-03-01")
	want = uidOn("2027-12-01", "2030-12-31", long)
	assert.Equal(t, want, uidOn("2029-07-01", "2030-06-30", long))
	assert.Equal(t, want, uidOn("2030-03-01", "2030-03-01", long))
}

func TestWriteICSC8NeedsAStamp(t *testing.T) {
	c := calendar.MustNew(calendar.PrefecturalLibraryRules())
	for _, stamp := range []time.Time{{}, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)} {
		assert.Error(t, c.WriteICS(&bytes.Buffer{}, day("2027-01-01"), day("2027-01-31"), calendar.ICSOptions{Stamp: stamp}))
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteICSC8ReportsTheWritersError(t *testing.T) {
	c := calendar.MustNew(calendar.PrefecturalLibraryRules())
	err := c.WriteICS(failingWriter{}, day("2027-01-01"), day("2027-12-31"), calendar.ICSOptions{Stamp: icsStamp})
	assert.ErrorContains(t, err, "disk full")
}

// Names with commas, semicolons, backslashes, newlines, controls, emoji
// and long Japanese text come through the grammar and back unchanged.
func TestPropWriteICSC8GrammarAndSecondReading(t *testing.T) {
	long := strings.Repeat("暴風雪のため臨時に休館いたします。", 6)
	names := rapid.SampledFrom([]string{"", "a, b; c\\d\ne", "🌨 snow,\r\nstorm", long, "x\x01y\x7fz\tw", "é" + long + "🌨", "\xff\xfe bad"})
	rapid.Check(t, func(t *rapid.T) {
		r := rapidJSONRules().Draw(t, "rules")
		for i := range r.Closures {
			r.Closures[i].Name, r.Closures[i].NameEn = names.Draw(t, "ja"), names.Draw(t, "en")
		}
		c, err := calendar.New(r)
		if err != nil {
			t.Skip(err)
		}
		from := nearDate.Draw(t, "from")
		to := from.AddDays(rapid.IntRange(0, 400).Draw(t, "len"))
		lang := rapid.SampledFrom([]reason.Lang{"", reason.Japanese, reason.English}).Draw(t, "lang")
		var buf bytes.Buffer
		opt := calendar.ICSOptions{Stamp: icsStamp, Lang: lang, Name: names.Draw(t, "calname"), UIDDomain: names.Draw(t, "domain")}
		if err := c.WriteICS(&buf, from, to, opt); err != nil {
			t.Fatal(err)
		}
		events, _ := readICSEvents(t, checkICSGrammar(t, buf.Bytes()))
		if lang == "" {
			lang = reason.Japanese
		}
		want := wantICSEvents(c, from, to, lang)
		if len(events) != len(want) {
			t.Fatalf("%d events, want %d", len(events), len(want))
		}
		for i, e := range events {
			w := want[i]
			w.Summary = sanitizeForICS(w.Summary)
			if e.From != w.From || e.To != w.To || e.Summary != w.Summary {
				t.Fatalf("event %d: got %+v, want %+v", i, e, w)
			}
		}
	})
}

// sanitizeForICS is what TEXT can carry of s: controls other than tab and
// newline become spaces, invalid UTF-8 the replacement character.
func sanitizeForICS(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && (r < 0x20 || r == 0x7F) {
			return ' '
		}
		return r
	}, s)
}

// FuzzWriteICS exports a closure named by arbitrary text: the stream
// keeps to the grammar and the name comes back through the second reading.
func FuzzWriteICS(f *testing.F) {
	f.Add("特別整理期間", "inventory, week; 1\\2\n", "北海道立図書館")
	f.Add(strings.Repeat("あ", 40), "🌨🌨🌨", "\x00\r\n")
	f.Fuzz(func(t *testing.T, ja, en, calName string) {
		if len(ja)+len(en)+len(calName) > 2048 {
			return
		}
		r := calendar.Rules{Name: calName, Closures: []calendar.Closure{{Name: ja, NameEn: en, From: day("2027-03-08"), To: day("2027-03-15")}}}
		c := calendar.MustNew(r)
		for _, lang := range []reason.Lang{reason.Japanese, reason.English} {
			var buf bytes.Buffer
			if err := c.WriteICS(&buf, day("2027-03-01"), day("2027-03-31"), calendar.ICSOptions{Stamp: icsStamp, Lang: lang}); err != nil {
				t.Fatal(err)
			}
			events, _ := readICSEvents(t, checkICSGrammar(t, buf.Bytes()))
			want := wantICSEvents(c, day("2027-03-01"), day("2027-03-31"), lang)
			if len(events) != 1 || len(want) != 1 || events[0].Summary != sanitizeForICS(want[0].Summary) {
				t.Fatalf("got %+v, want %+v", events, want)
			}
		}
	})
}
