package calendar

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kashidashi/kashidashi/reason"
)

// ICSOptions are the settings of Calendar.WriteICS.
type ICSOptions struct {
	// Stamp is the DTSTAMP of every event: when the export was made. The
	// host passes it in (no clock is read); it is required.
	Stamp time.Time
	// Lang is the language of the event summaries: Japanese when zero,
	// English when reason.English.
	Lang reason.Lang
	// UIDDomain ends every UID ("…@library.example.jp"); kashidashi.invalid
	// when empty.
	UIDDomain string
	// Name is the calendar's display name (X-WR-CALNAME); the rules' Name
	// when empty.
	Name string
}

// errICSStamp is returned by WriteICS without a usable time stamp.
var errICSStamp = errors.New("calendar: iCalendar export needs ICSOptions.Stamp, a time in years 1–9999")

// WriteICS writes the closed days of c from from to to inclusive (within
// the span, as ClosedDays) as an iCalendar stream (RFC 5545) that patrons
// can subscribe to: one all-day VEVENT per run of consecutive closed days
// with the same reason, its SUMMARY the reason's label in opt.Lang. Each
// event's UID is a hash of the rules' Name, the run's first day and its
// reason, so that the same closure keeps its UID from one export to the
// next. Lines end in CRLF and are folded at 75 octets without splitting a
// UTF-8 sequence; text is escaped as the RFC's TEXT values require.
func (c *Calendar) WriteICS(w io.Writer, from, to Date, opt ICSOptions) error {
	stamp := opt.Stamp.UTC()
	if opt.Stamp.IsZero() || stamp.Year() < 1 || stamp.Year() > 9999 {
		return errICSStamp
	}
	lang := opt.Lang
	if lang == "" {
		lang = reason.Japanese
	}
	domain := opt.UIDDomain
	if domain == "" {
		domain = "kashidashi.invalid"
	}
	name := opt.Name
	if name == "" {
		name = c.rules.Name
	}
	iw := icsWriter{w: bufio.NewWriter(w)}
	iw.line("BEGIN:VCALENDAR")
	iw.line("VERSION:2.0")
	iw.line("PRODID:-//kashidashi//calendar//JA")
	iw.line("CALSCALE:GREGORIAN")
	iw.line("METHOD:PUBLISH")
	iw.line("X-WR-CALNAME:" + icsText(name))
	dtstamp := "DTSTAMP:" + stamp.Format("20060102T150405Z")
	event := func(first, last Date, why ClosedReason) {
		iw.line("BEGIN:VEVENT")
		iw.line("UID:" + c.icsUID(first, why) + "@" + icsText(domain))
		iw.line(dtstamp)
		iw.line("DTSTART;VALUE=DATE:" + icsDate(first))
		iw.line("DTEND;VALUE=DATE:" + icsDate(last.AddDays(1)))
		iw.line("SUMMARY:" + icsText(why.Label(lang)))
		iw.line("TRANSP:TRANSPARENT")
		iw.line("END:VEVENT")
	}
	var first, last Date
	var run ClosedReason
	for d, why := range c.ClosedDays(from, to) {
		if !first.IsZero() && (why != run || d != last.AddDays(1)) {
			event(first, last, run)
			first = Date{}
		}
		if first.IsZero() {
			first, run = d, why
		}
		last = d
	}
	if !first.IsZero() {
		event(first, last, run)
	}
	iw.line("END:VCALENDAR")
	if iw.err == nil {
		iw.err = iw.w.Flush()
	}
	return iw.err
}

// icsUID is the stable part of an event's UID.
func (c *Calendar) icsUID(first Date, why ClosedReason) string {
	h := sha256.New()
	for _, s := range []string{c.rules.Name, first.String(), why.String(), why.NameEn} {
		io.WriteString(h, s)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// icsDate formats d as an RFC 5545 DATE: 20261229.
func icsDate(d Date) string { return strings.ReplaceAll(d.String(), "-", "") }

// icsText escapes s as an RFC 5545 TEXT value: backslash, semicolon,
// comma and newline are escaped; other control characters, which TEXT
// cannot hold, become spaces, and invalid UTF-8 the replacement character.
func icsText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7F:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// icsWriter writes content lines, folded at 75 octets, and keeps the
// first error.
type icsWriter struct {
	w   *bufio.Writer
	err error
}

// line writes one content line: at most 75 octets before each CRLF, each
// continuation starting with a space (RFC 5545, 3.1), never splitting a
// UTF-8 sequence.
func (iw *icsWriter) line(s string) {
	limit := 75
	for iw.err == nil {
		if len(s) <= limit {
			_, iw.err = iw.w.WriteString(s + "\r\n")
			return
		}
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		_, iw.err = iw.w.WriteString(s[:cut] + "\r\n ")
		s = s[cut:]
		limit = 74 // after the leading space
	}
}
