package calendar

import (
	"strconv"
	"time"

	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// Date is a civil date in the proleptic Gregorian calendar, with no time of
// day and no location. The zero Date means "no date": it reports IsZero,
// sorts before every real date, and formats as the empty string.
//
// Date is a small comparable value: use == to compare two dates for
// equality and Before, After or Compare to order them. Years 1 to 9999 are
// representable; arithmetic whose result leaves that range gives the zero
// Date, so that an overflow reads as "no date" rather than a wrong one.
type Date struct {
	// n is 1 + the number of days since 0001-01-01, so that 0 is "no date".
	n int32
}

// The bounds of the representable range.
const (
	minDays = 1                // 0001-01-01
	maxDays = 3652059          // 9999-12-31
	epoch70 = 719162 + minDays // 1970-01-01
)

// NewDate returns the date of year y, month m, day d. As with time.Date,
// out-of-range months and days are normalized: NewDate(2026, 2, 30) is
// 2026-03-02. Use ParseDate to reject such input instead. A year outside
// 1..9999 after normalization gives the zero Date.
func NewDate(y int, m time.Month, d int) Date {
	// Normalize the month into 1..12 first, then let the day count carry.
	mm := int(m) - 1
	y += mm / 12
	mm %= 12
	if mm < 0 {
		mm += 12
		y--
	}
	if y < 1 || y > 9999 || d > maxDays || d < -maxDays {
		return Date{}
	}
	n := daysFromCivil(y, mm+1, 1) + int64(d) - 1
	if n < minDays || n > maxDays {
		return Date{}
	}
	return Date{int32(n)}
}

// daysFromCivil returns the Date.n of y-m-d (m in 1..12, d in 1..31) using
// the era arithmetic of the proleptic Gregorian calendar.
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	// 306 days from 0000-03-01 to 0001-01-01; +1 so 0001-01-01 is 1.
	return int64(era)*146097 + int64(doe) - 306 + 1
}

// civil returns the year, month and day of d.
func (d Date) civil() (y int, m time.Month, day int) {
	z := int64(d.n) - 1 + 306
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day = int(doy - (153*mp+2)/5 + 1)
	mm := mp + 3
	if mm > 12 {
		mm -= 12
	}
	y = int(yoe + era*400)
	if mm <= 2 {
		y++
	}
	return y, time.Month(mm), day
}

// Date returns the year, month and day of d; all zero for the zero Date.
func (d Date) Date() (year int, month time.Month, day int) {
	if d.n == 0 {
		return 0, 0, 0
	}
	return d.civil()
}

// Year returns the year of d (0 for the zero Date).
func (d Date) Year() int { y, _, _ := d.Date(); return y }

// Month returns the month of d (0 for the zero Date).
func (d Date) Month() time.Month { _, m, _ := d.Date(); return m }

// Day returns the day of the month of d (0 for the zero Date).
func (d Date) Day() int { _, _, dd := d.Date(); return dd }

// jst is Japan Standard Time. Japan has kept UTC+9 without daylight saving
// since 1952, so a fixed zone is exact and needs no tzdata on the host.
var jst = time.FixedZone("JST", 9*60*60)

// JST returns Japan Standard Time (UTC+9) as a fixed zone, which needs no
// time zone database on the host.
func JST() *time.Location { return jst }

// DateOf returns the calendar day in Japan (UTC+9) of the instant t,
// whatever t's location: 2026-04-01T15:30:00Z is 2026-04-02. The zero
// time.Time, and an instant whose day in Japan falls outside years
// 1..9999, give the zero Date.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	y, m, d := t.In(jst).Date()
	return NewDate(y, m, d)
}

// In returns the instant at which d begins in loc. The zero Date gives
// the zero time.Time.
func (d Date) In(loc *time.Location) time.Time {
	if d.n == 0 {
		return time.Time{}
	}
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc)
}

// ParseDate parses a date written YYYY-MM-DD, as time.DateOnly. Malformed
// text, and a well-formed day that does not exist such as 2026-02-30, are
// refused with a reason.Problems of one problem (its path empty: the
// text is the whole input) that matches reason.ErrBadInput and quotes the
// text, cut short.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, dateSyntaxError(s)
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, dateSyntaxError(s)
	}
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return Date{}, reason.BadInput("", "%s is no such day", text.Quote(s))
	}
	return NewDate(y, time.Month(m), d), nil
}

// dateSyntaxError is the error of ParseDate for text not of the form
// YYYY-MM-DD.
func dateSyntaxError(s string) error {
	return reason.BadInput("", "%s is not a date written YYYY-MM-DD", text.Quote(s))
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// daysIn returns the number of days in month m of year y.
func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// DaysInMonth returns the number of days in the month of d (0 for the zero
// Date).
func (d Date) DaysInMonth() int {
	if d.n == 0 {
		return 0
	}
	y, m, _ := d.civil()
	return daysIn(y, m)
}

// AddDays returns d plus n days (n may be negative). The zero Date stays
// zero, and a result outside years 1..9999 is the zero Date: a date
// pushed off either end of the range is "no date", never a wrong one.
func (d Date) AddDays(n int) Date {
	if d.n == 0 || n > maxDays || n < -maxDays {
		return Date{}
	}
	// |n| <= maxDays, so the sum cannot overflow.
	v := int64(d.n) + int64(n)
	if v < minDays || v > maxDays {
		return Date{}
	}
	return Date{int32(v)}
}

// DaysSince returns the number of days from e to d: positive when d is
// after e. NewDate(2026, 4, 15).DaysSince(NewDate(2026, 4, 1)) is 14.
func (d Date) DaysSince(e Date) int { return int(d.n) - int(e.n) }

// Weekday returns the day of the week of d. The zero Date reports Sunday.
func (d Date) Weekday() time.Weekday {
	if d.n == 0 {
		return time.Sunday
	}
	// 0001-01-01 (n = 1) was a Monday.
	return time.Weekday(d.n % 7)
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.n > e.n }

// Compare returns -1 if d is before e, +1 if after, and 0 if they are the
// same day, for use with slices.SortFunc.
func (d Date) Compare(e Date) int {
	switch {
	case d.n < e.n:
		return -1
	case d.n > e.n:
		return 1
	}
	return 0
}

// IsZero reports whether d is the zero Date ("no date").
func (d Date) IsZero() bool { return d.n == 0 }

// GoString returns d as the Go expression that makes it,
// calendar.NewDate(2026, 4, 1) (calendar.Date{} for the zero Date), so
// that %#v, and a failing property test's case, print a runnable
// literal.
func (d Date) GoString() string {
	if d.n == 0 {
		return "calendar.Date{}"
	}
	y, m, dd := d.civil()
	return "calendar.NewDate(" + strconv.Itoa(y) + ", " + strconv.Itoa(int(m)) + ", " + strconv.Itoa(dd) + ")"
}

// String returns d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.n == 0 {
		return ""
	}
	var b [10]byte
	return string(d.appendTo(b[:0]))
}

func (d Date) appendTo(b []byte) []byte {
	y, m, dd := d.civil()
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+int(m)/10), byte('0'+int(m)%10), '-')
	return append(b, byte('0'+dd/10), byte('0'+dd%10))
}

// MarshalText encodes d as YYYY-MM-DD; the zero Date encodes as empty text.
func (d Date) MarshalText() ([]byte, error) {
	if d.n == 0 {
		return []byte{}, nil
	}
	return d.appendTo(make([]byte, 0, 10)), nil
}

// UnmarshalText decodes YYYY-MM-DD; empty text decodes to the zero Date.
// Other text is refused as by ParseDate.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
