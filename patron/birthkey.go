package patron

import (
	"strconv"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
)

// The years of birth BirthKey and ParseBirthKey accept. 1900 is before the
// birth of any living patron; 9999 is the last year a 4-digit key can
// hold. A host that wants a narrower range checks the year itself.
const (
	minBirthYear = 1900
	maxBirthYear = 9999
)

// birthKeyLength is the number of digits of a birth key: YYYY0101.
const birthKeyLength = 8

var birthKeyField = digitField{errBirthKeyEmpty, errBirthKeyLength, errBirthKeyCharacter}

// BirthKey returns the birth key a patron born in year types when setting
// a first password (P3): the year in the Western calendar followed by
// "0101", so that 2001 gives "20010101". A year outside 1900..9999 is
// refused with the reason birth_key.year_range, whose date is January 1
// of the year when the year is 1 to 9999.
func BirthKey(year int) (string, error) {
	var rs refusal
	checkBirthYear(year, &rs)
	if err := rs.refuse("birth year"); err != nil {
		return "", err
	}
	return strconv.Itoa(year) + "0101", nil
}

// ParseBirthKey returns the year of birth of a birth key (P3): 8 digits,
// a year in 1900..9999 followed by 0101. As for a card
// number, full-width digits and surrounding spaces are folded.
//
// A refused key gives a *reason.Refusal listing every reason that applies,
// by code: birth_key.empty; or birth_key.length and birth_key.character
// (with the 1-based position of each offending character); or, for 8
// digits, birth_key.not_0101 (a full date of birth such as 20010315 is
// the usual mistake) and birth_key.year_range.
func ParseBirthKey(s string) (year int, err error) {
	var d [birthKeyLength]byte
	var rs refusal
	birthKeyField.parse(s, d[:], &rs)
	if rs.list.Len() == 0 {
		for _, c := range d[:4] {
			year = year*10 + int(c-'0')
		}
		if string(d[4:]) != "0101" {
			rs.add(errBirthKeyNot0101)
		}
		checkBirthYear(year, &rs)
	}
	if err := rs.refuse("birth key"); err != nil {
		return 0, err
	}
	return year, nil
}

// plausibleBirthYear reports whether year is in minBirthYear..maxBirthYear.
func plausibleBirthYear(year int) bool { return year >= minBirthYear && year <= maxBirthYear }

// checkBirthYear adds errBirthYearRange to rs when year is out of range,
// with January 1 of year as its date when that is a date (years 1 to
// 9999).
func checkBirthYear(year int, rs *refusal) {
	if !plausibleBirthYear(year) {
		rs.add(errBirthYearRange.With(reason.Date(calendar.NewDate(year, time.January, 1))))
	}
}
