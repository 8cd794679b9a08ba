package reason

import (
	"strconv"
	"strings"
	"time"

	"github.com/kashidashi/kashidashi/internal/text"
)

// kind is the name and type of a parameter. A new parameter is a new
// kind, a row in kinds and a constructor.
type kind uint8

const (
	noKind kind = iota
	kindPosition
	kindLimit
	kindCount
	kindLibrary
	kindDate
	kindField
	kindItem
	kindDay
	kindPreviousDay
	kindSize
	kindLibraryEn
	numKinds
)

// kinds names each kind as placeholders and JSON name it, and says
// whether its value is a number (else text).
var kinds = [numKinds]struct {
	name   string
	number bool
}{
	kindPosition:    {"position", true},
	kindLimit:       {"limit", true},
	kindCount:       {"count", true},
	kindLibrary:     {"library", false},
	kindDate:        {"date", false},
	kindField:       {"field", false},
	kindItem:        {"item", false},
	kindDay:         {"day", false},
	kindPreviousDay: {"previous_day", false},
	kindSize:        {"size", true},
	kindLibraryEn:   {"library_en", false},
}

// kindNamed returns the kind whose name is s.
func kindNamed(s string) (kind, bool) {
	for k := kindPosition; k < numKinds; k++ {
		if kinds[k].name == s {
			return k, true
		}
	}
	return noKind, false
}

// Param is one named, typed parameter of a reason, made by Position,
// Limit, Count, LibraryName, Date, Field or Item and attached with (*Reason).With.
// The zero Param is no parameter.
type Param struct {
	k kind
	n int    // the value of a number
	s string // the value of a text; a date as YYYY-MM-DD
}

// Position is the 1-based position of the offending character in what
// the patron typed, so that a form can highlight it: {position}.
func Position(n int) Param { return Param{k: kindPosition, n: n} }

// Limit is the limit a request is over (items on loan, extensions):
// {limit}.
func Limit(n int) Param { return Param{k: kindLimit, n: n} }

// Count is how many of something there are (items, characters typed):
// {count}.
func Count(n int) Param { return Param{k: kindCount, n: n} }

// LibraryName is the name of a library, cut to 32 characters:
// {library}. (It is not called Library, the name of the package that
// holds the libraries' configuration.)
func LibraryName(name string) Param { return Param{k: kindLibrary, s: cleanText(name)} }

// Field is the name of the input field at fault ("email", "password"),
// cut to 32 characters: {field}.
func Field(name string) Param { return Param{k: kindField, s: cleanText(name)} }

// Item is the host's identifier of the item a reason is about (one
// item of a reservation cart), cut to 32 characters: {item}.
func Item(id string) Param { return Param{k: kindItem, s: cleanText(id)} }

// cleanText cuts s to 32 characters and replaces invalid UTF-8 with
// U+FFFD, as JSON would, so that a parameter survives a round trip.
func cleanText(s string) string { return strings.ToValidUTF8(text.Shorten(s), "\uFFFD") }

// dated is anything with a Date method, as calendar.Date and time.Time
// have.
type dated interface {
	Date() (year int, month time.Month, day int)
}

// Date is a civil date: {date}. It reads 2026-04-01 in English and
// 2026年4月1日 in Japanese. A date outside years 1 to 9999, the zero
// calendar.Date included, is no parameter: the zero Param.
func Date(d dated) Param { return dateOf(kindDate, d) }

// Day is a civil date shown with its day of the week, as a notice gives
// the days a patron acts on: {day}. It reads 2026-11-20 (Fri) in English
// and 2026年11月20日（金） in Japanese; a date outside years 1 to 9999
// is no parameter.
func Day(d dated) Param { return dateOf(kindDay, d) }

// PreviousDay is a second day in the same message, the one something
// was before it changed ("now due 2026-04-15 (Wed), was 2026-04-08
// (Wed)"): {previous_day}, shown as Day is.
func PreviousDay(d dated) Param { return dateOf(kindPreviousDay, d) }

// LibraryNameEn is the English name of the library LibraryName names,
// cut to 32 characters: an English message shows it for {library} when
// it is given, a Japanese one the Japanese name. It is carried as
// "library_en"; a template may also name {library_en} itself.
func LibraryNameEn(name string) Param { return Param{k: kindLibraryEn, s: cleanText(name)} }

// Size is a parcel's size band, in centimetres (Yu-Pack size 60):
// {size}.
func Size(cm int) Param { return Param{k: kindSize, n: cm} }

// isDate reports whether values of k are dates.
func (k kind) isDate() bool { return k == kindDate || k == kindDay || k == kindPreviousDay }

// dateOf returns d as a parameter of kind k, or the zero Param for a
// date outside years 1 to 9999.
func dateOf(k kind, d dated) Param {
	y, m, dd := d.Date()
	if y < 1 || y > 9999 || m < 1 || m > 12 || dd < 1 || dd > 31 {
		return Param{}
	}
	b := make([]byte, 0, 10)
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+dd/10), byte('0'+dd%10))
	return Param{k: k, s: string(b)}
}

// Name returns the name of p as placeholders and JSON write it:
// "position", "limit", "count", "library", "date", "field", "item",
// "day", "previous_day" or "size"; "" for the zero Param.
func (p Param) Name() string { return kinds[p.k].name }

// Value returns the value of p: an int for position, limit, count and
// size, a string for library, field and item, a date (date, day,
// previous_day) as a YYYY-MM-DD string; nil for the zero Param.
func (p Param) Value() any {
	switch {
	case p.k == noKind:
		return nil
	case kinds[p.k].number:
		return p.n
	}
	return p.s
}

// text returns p as a message in language l shows it.
func (p Param) text(l Lang) string {
	switch {
	case kinds[p.k].number:
		return strconv.Itoa(p.n)
	case p.k.isDate() && len(p.s) == 10:
		return dateText(p.s, p.k != kindDate, l)
	}
	return p.s
}

// weekdays are the days of the week as notices abbreviate them, from
// Sunday, in English and Japanese.
var weekdays = [2][7]string{
	{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
	{"日", "月", "火", "水", "木", "金", "土"},
}

// dateText renders the YYYY-MM-DD date s in l, with its day of the week
// when withWeekday.
func dateText(s string, withWeekday bool, l Lang) string {
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:])
	out := s
	if l == Japanese {
		out = strconv.Itoa(y) + "年" + strconv.Itoa(m) + "月" + strconv.Itoa(d) + "日"
	}
	if !withWeekday {
		return out
	}
	wd := weekdays[langIndex(l)][time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC).Weekday()]
	if l == Japanese {
		return out + "（" + wd + "）"
	}
	return out + " (" + wd + ")"
}

// Params is the parameters a reason carries, at most one of each name, in
// a fixed order (position, limit, count, library, date, field, item,
// day, previous_day, size). It
// encodes to JSON as an object: {"limit": 10, "library": "小樽市立図書館"}.
type Params []Param

// Get returns the parameter named name.
func (ps Params) Get(name string) (Param, bool) {
	for _, p := range ps {
		if p.Name() == name {
			return p, true
		}
	}
	return Param{}, false
}

// has reports whether ps has a parameter of kind k.
func (ps Params) has(k kind) (Param, bool) {
	for _, p := range ps {
		if p.k == k {
			return p, true
		}
	}
	return Param{}, false
}

// normalize returns the parameters of ps in order, the zero ones dropped
// and, of two with one name, the later kept.
func normalize(ps []Param) Params {
	var out Params
	for k := kindPosition; k < numKinds; k++ {
		for i := len(ps) - 1; i >= 0; i-- {
			if ps[i].k == k {
				out = append(out, ps[i])
				break
			}
		}
	}
	return out
}
