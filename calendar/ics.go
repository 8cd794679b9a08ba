package calendar

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
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
var errICSStamp = reason.BadInput("stamp", "an iCalendar export needs a time stamp in years 1–9999")

// errICSNoCalendar is returned by WriteICS of the zero Calendar.
var errICSNoCalendar = reason.BadInput("", "no calendar to export: compile one with New")

// WriteICS writes the closed days of c from from to to inclusive (within
// the span, as ClosedDays) as an iCalendar stream (RFC 5545) that patrons
// can subscribe to (C8): one all-day VEVENT per run of consecutive closed
// days with the same reason, its SUMMARY the reason's label in opt.Lang.
// Each day is read under the rules in force on it, so that an export
// follows every change of a calendar made by Versions inside its span.
// An event covers the days of its run inside the window; its UID is a
// hash of c's Name, the run's true first day and its reason, the first
// day found by looking back before from (as far as the run goes, within
// the span) when the run began earlier, so that the same closure keeps
// its UID from one export to the next wherever the window starts. Lines
// end in CRLF and are folded at 75 octets without splitting a
// UTF-8 sequence; text is escaped as the RFC's TEXT values require.
//
// Without a Stamp in years 1 to 9999 (path "stamp"), or for the zero
// Calendar, it writes nothing and returns a reason.Problems matching
// reason.ErrBadInput; otherwise only w's errors.
func (c *Calendar) WriteICS(w io.Writer, from, to Date, opt ICSOptions) error {
	stamp := opt.Stamp.UTC()
	if opt.Stamp.IsZero() || stamp.Year() < 1 || stamp.Year() > 9999 {
		return errICSStamp
	}
	if !c.compiled() {
		return errICSNoCalendar
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
	iw.prop("BEGIN", "VCALENDAR")
	iw.prop("VERSION", "2.0")
	iw.prop("PRODID", "-//kashidashi//calendar//JA")
	iw.prop("CALSCALE", "GREGORIAN")
	iw.prop("METHOD", "PUBLISH")
	iw.prop("X-WR-CALNAME", icsText(name))
	dtstamp := stamp.Format("20060102T150405Z")
	domain = "@" + icsText(domain)
	var uid [32]byte
	event := func(first, last, uidDay Date, why ClosedReason) {
		iw.prop("BEGIN", "VEVENT")
		iw.buf = append(append(append(iw.buf[:0], "UID:"...), c.icsUID(&uid, uidDay, why)...), domain...)
		iw.flush()
		iw.prop("DTSTAMP", dtstamp)
		iw.date("DTSTART", first)
		iw.date("DTEND", last.AddDays(1))
		iw.prop("SUMMARY", icsText(why.Label(lang)))
		iw.prop("TRANSP", "TRANSPARENT")
		iw.prop("END", "VEVENT")
	}
	var first, last, uidDay Date
	var run ClosedReason
	for d, why := range c.ClosedDays(from, to) {
		if !first.IsZero() && (why != run || d != last.AddDays(1)) {
			event(first, last, uidDay, run)
			first = Date{}
		}
		if first.IsZero() {
			first, uidDay, run = d, d, why
			if last.IsZero() { // the first run may have begun before the window
				uidDay = c.runStart(d, why)
			}
		}
		last = d
	}
	if !first.IsZero() {
		event(first, last, uidDay, run)
	}
	iw.prop("END", "VCALENDAR")
	if iw.err == nil {
		iw.err = iw.w.Flush()
	}
	return iw.err
}

// runStart returns the first day of the run of closed days with reason
// why that holds d: the day an event of the run begins, whichever day
// an export's window begins. It looks back day by day as far as the run
// goes, never beyond the span, so its cost is bounded by the run's
// length within the span.
func (c *Calendar) runStart(d Date, why ClosedReason) Date {
	for {
		p := d.AddDays(-1)
		i, ok := c.inSpan(p)
		if !ok || c.isSet(i) {
			return d
		}
		if _, w := c.evaluate(p); w != why {
			return d
		}
		d = p
	}
}

// icsUID writes into buf, and returns, the stable part of an event's
// UID: a hash of the rules' name, the run's first day and its reason.
func (c *Calendar) icsUID(buf *[32]byte, first Date, why ClosedReason) []byte {
	var b []byte
	b = append(append(b, c.rules.Name...), 0)
	b = append(first.appendTo(b), 0)
	b = append(append(b, why.Kind.String()...), 0)
	b = append(append(b, why.Name...), 0)
	b = append(b, why.NameEn...)
	sum := sha256.Sum256(b)
	hex.Encode(buf[:], sum[:16])
	return buf[:]
}

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
	buf []byte // the content line being written
	err error
}

// prop writes the content line name:value.
func (iw *icsWriter) prop(name, value string) {
	iw.buf = append(append(append(iw.buf[:0], name...), ':'), value...)
	iw.flush()
}

// date writes the content line name;VALUE=DATE:20261229.
func (iw *icsWriter) date(name string, d Date) {
	iw.buf = append(append(iw.buf[:0], name...), ";VALUE=DATE:"...)
	y, m, dd := d.Date()
	iw.buf = append(iw.buf, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10),
		byte('0'+int(m)/10), byte('0'+int(m)%10), byte('0'+dd/10), byte('0'+dd%10))
	iw.flush()
}

// flush writes the content line in buf: at most 75 octets before each
// CRLF, each continuation starting with a space (RFC 5545, 3.1), never
// splitting a UTF-8 sequence.
func (iw *icsWriter) flush() {
	s, limit := iw.buf, 75
	for iw.err == nil {
		if len(s) <= limit {
			iw.write(s, "\r\n")
			return
		}
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		iw.write(s[:cut], "\r\n ")
		s = s[cut:]
		limit = 74 // after the leading space
	}
}

func (iw *icsWriter) write(b []byte, end string) {
	if iw.err == nil {
		_, iw.err = iw.w.Write(b)
	}
	if iw.err == nil {
		_, iw.err = iw.w.WriteString(end)
	}
}
