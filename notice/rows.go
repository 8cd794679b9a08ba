package notice

import (
	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/reason"
)

// Row is one line of a timeline as a patron reads it: a date and, through
// Label, its label in the patron's language. It encodes to JSON as
// {"code": "deadline", "date": "2027-01-17"}. The zero Row has no label.
type Row struct {
	// Code is a stable name for the row: "notice", "sent", "held_back",
	// "first_pickup", "deadline" or "due".
	Code string `json:"code"`
	// Date is the row's date; zero for "held_back", whose day is not
	// known.
	Date  calendar.Date `json:"date,omitzero"`
	label *reason.Reason
}

// Label returns the row's label in language l in wording w (nil: the
// module's); the label is the message of one of Reasons(), a
// "notice.row." code, so a host's wording rewords it. It is "" for the
// zero Row.
func (r Row) Label(w *reason.Wording, l reason.Lang) string {
	if r.label == nil {
		return ""
	}
	return w.Message(r.label, l)
}

// Rows returns the timeline's rows, in date order, leaving out the dates
// that do not apply: the notice (H6); then either the hold-back (R-HD4,
// R-PT5) or the sending (R-PT2, R-HD2), the first pickup day (R-PL1,
// R-AL2, R-PT3), the hold-shelf deadline (H4) and the due date (L2: for
// an item that travels, of the loan dated the day it left), as they apply
// to the route of t.Place. The zero Timeline has one row, its zero
// notice day.
func Rows(t holds.Timeline) []Row {
	rows := make([]Row, 0, 5)
	add := func(code string, d calendar.Date, label *reason.Reason) {
		rows = append(rows, Row{Code: code, Date: d, label: label})
	}
	add("notice", t.Notice, rowNotice)
	if t.HeldBack {
		add("held_back", calendar.Date{}, rowHeldBack)
		return rows
	}
	switch {
	case t.Sent.IsZero():
	case t.Place.Method == circulation.HomeDelivery:
		add("sent", t.Sent, rowPosted)
	default:
		add("sent", t.Sent, rowSent)
	}
	if !t.FirstPickup.IsZero() {
		add("first_pickup", t.FirstPickup, rowFirstPickup)
	}
	if !t.Deadline.IsZero() {
		add("deadline", t.Deadline, rowDeadline)
	}
	switch {
	case t.Due.IsZero():
	case !t.Sent.IsZero(): // L2: dated the day it left, whenever collected
		add("due", t.Due, rowDue)
	default:
		add("due", t.Due, rowDueIfCollected)
	}
	return rows
}
