package calendar

import (
	"fmt"
	"time"

	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// MonthDay is a day of the year with no year, such as December 29: the
// bounds of a year-end closure (C7). The zero MonthDay means "not set".
type MonthDay struct {
	Month time.Month
	Day   int
}

// IsZero reports whether md is the zero MonthDay.
func (md MonthDay) IsZero() bool { return md == MonthDay{} }

// valid reports whether md names a day that some year has (February 29
// included).
func (md MonthDay) valid() bool {
	return md.Month >= time.January && md.Month <= time.December && md.Day >= 1 && md.Day <= daysIn(2000, md.Month)
}

// String formats md as "12-29", or "" for the zero MonthDay.
func (md MonthDay) String() string {
	if md.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d-%02d", int(md.Month), md.Day)
}

// MarshalText encodes md as "MM-DD"; the zero MonthDay encodes as empty
// text, and a MonthDay that is no day of the year is an error matching
// reason.ErrBadInput.
func (md MonthDay) MarshalText() ([]byte, error) {
	if !md.IsZero() && !md.valid() {
		return nil, reason.BadInput("", "cannot encode month %d day %d: it is no day of the year", int(md.Month), md.Day)
	}
	return []byte(md.String()), nil
}

// UnmarshalText decodes "MM-DD", such as "01-03"; empty text decodes to
// the zero MonthDay. Other text is an error matching reason.ErrBadInput.
func (md *MonthDay) UnmarshalText(b []byte) error {
	v, err := parseMonthDay(string(b))
	if err != nil {
		return err
	}
	*md = v
	return nil
}

func parseMonthDay(s string) (MonthDay, error) {
	if s == "" {
		return MonthDay{}, nil
	}
	m, okM := digits2(s, 0)
	d, okD := digits2(s, 3)
	v := MonthDay{time.Month(m), d}
	if len(s) != 5 || s[2] != '-' || !okM || !okD || !v.valid() {
		return MonthDay{}, reason.BadInput("", "%s is not a month and day (MM-DD)", text.Quote(s))
	}
	return v, nil
}

// digits2 reads the two decimal digits of s at i.
func digits2(s string, i int) (int, bool) {
	if i+2 > len(s) {
		return 0, false
	}
	return digits(s[i : i+2])
}
