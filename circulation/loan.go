package circulation

import (
	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// Loan is one item on loan to a patron. It is a plain value, safe for
// concurrent use; Policy.Extend returns a new Loan rather than changing
// one.
type Loan struct {
	// Item identifies the item; the rules do not look at it.
	Item string `json:"item"`
	// Place is where the item was received and must be returned (M1, M2).
	Place Place `json:"place"`
	// Collection is the item's collection (R-PL1, R-PL2).
	Collection Collection `json:"collection"`
	// Short marks a short loan (短縮, L2, L3).
	Short bool `json:"short"`
	// Interlibrary marks an item borrowed from another library (L4 d).
	Interlibrary bool `json:"interlibrary"`
	// Reserved reports that someone has reserved this item (L4 b).
	Reserved bool `json:"reserved"`
	// NoBookDrop marks an item the library does not take in its book
	// drop although it is not of the Hokkaido collection: R-PL2 excludes
	// "北方資料など一部の資料", the Hokkaido collection and some others,
	// which only the host knows.
	NoBookDrop bool `json:"no_book_drop,omitempty"`
	// Loaned is the day of loan; Due the day it is due back (L2, L3).
	Loaned calendar.Date `json:"loaned"`
	Due    calendar.Date `json:"due"`
	// Extensions counts the extensions done (L4 c).
	Extensions int `json:"extensions"`
	// PatronCategory is the host's category of the patron who has the
	// loan (V3), from the reservation it was collected for; empty for
	// none. With a policy table, the rows naming it decide the loan
	// (library.Library.LoanPolicy, V7). It is at most 64 characters,
	// without surrounding space.
	PatronCategory string `json:"patron_category,omitempty"`
}

// UnmarshalJSON decodes a loan like encoding/json but refuses unknown keys
// and values that are not values of their type (an unknown collection
// code, a malformed date, an invalid place), naming them. It does not
// check that the record is consistent: Validate, Policy.Extend and
// ReturnDesk.Accept do. On error l is unchanged.
func (l *Loan) UnmarshalJSON(b []byte) error {
	type plain Loan // without this method, so that decoding does not recurse
	return decodeOver("loan", b, l, func(v *Loan) any { return (*plain)(v) })
}

// Validate reports whether l is a consistent loan record: a valid place
// and collection, non-zero loan and due dates with the due date not
// before the loan date, and no negative count of extensions. The error
// is reason.Problems (matching reason.ErrBadInput) naming every field at
// fault in the loan's JSON form: "place.method", "due". Validate does
// not check the due date against a Policy: hosts may have moved it (L5).
func (l Loan) Validate() error {
	return l.problems(calendar.Date{}).Err()
}

// problems lists what is wrong with l, each path in l's JSON form; when
// today is not zero, a loan made after today is wrong too. It allocates
// only when l is wrong.
func (l Loan) problems(today calendar.Date) reason.Problems {
	var ps reason.Problems
	if pp := l.Place.problems(); pp != nil {
		ps = pp.Prefix("place")
	}
	if !l.Collection.Valid() {
		ps.Add("collection", "is not a valid collection (%d)", uint8(l.Collection))
	}
	switch {
	case l.Loaned.IsZero():
		ps.Add("loaned", "is missing")
	case !today.IsZero() && today.Before(l.Loaned):
		ps.Add("loaned", "is after today %v", today)
	}
	switch {
	case l.Due.IsZero():
		ps.Add("due", "is missing")
	case !l.Loaned.IsZero() && l.Due.Before(l.Loaned):
		ps.Add("due", "is before the loan date %v", l.Loaned)
	}
	if l.Extensions < 0 {
		ps.Add("extensions", "is negative (%d)", l.Extensions)
	}
	if msg := text.CategoryProblem(l.PatronCategory); msg != "" {
		ps.Add("patron_category", "%s", msg)
	}
	return ps
}

// Overdue reports whether l is past its due date on today: today is after
// l.Due (L4 e). The due date itself is not overdue. A zero today or due
// date is never overdue.
func (l Loan) Overdue(today calendar.Date) bool {
	return !today.IsZero() && !l.Due.IsZero() && today.After(l.Due)
}

// DaysOverdue returns how many days l is past its due date on today: 1 on
// the day after the due date, 0 when l is not overdue. It is more than 0
// exactly when Overdue reports true; Overdue is the test, DaysOverdue the
// count.
func (l Loan) DaysOverdue(today calendar.Date) int {
	if !l.Overdue(today) {
		return 0
	}
	return today.DaysSince(l.Due)
}
