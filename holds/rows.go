package holds

import (
	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// Row is one line of a timeline as a patron reads it: a label, in the
// patron's language, and a date.
type Row struct {
	// Code is a stable name for the row: "notice", "sent", "held_back",
	// "first_pickup", "deadline" or "due".
	Code string
	// Date is the row's date; zero for "held_back", whose day is not
	// known.
	Date   calendar.Date
	en, ja string
}

// Label returns the row's label in language l.
func (r Row) Label(l reason.Lang) string {
	if l == reason.Japanese {
		return r.ja
	}
	return r.en
}

// Rows returns the timeline's rows, in date order, leaving out the dates
// that do not apply: the notice (H6); then either the hold-back (R-HD4,
// R-PT5) or the sending (R-PT2, R-HD2), the first pickup day (R-PL1,
// R-AL2, R-PT3), the hold-shelf deadline (H4) and the due date (L2: for
// an item that travels, of the loan dated the day it left), as they apply
// to the method.
func (t Timeline) Rows() []Row {
	rows := make([]Row, 0, 5)
	add := func(code string, d calendar.Date, en, ja string) { rows = append(rows, Row{code, d, en, ja}) }
	add("notice", t.Notice, "Notice email: item secured", "予約資料確保メール送信")
	if t.HeldBack {
		add("held_back", calendar.Date{}, "Not sent until a return has been processed (loan limit reached)", "貸出上限のため、返却処理後に発送")
		return rows
	}
	switch {
	case t.Sent.IsZero():
	case t.Method == circulation.HomeDelivery:
		add("sent", t.Sent, "Loan processed and posted (cash on delivery)", "貸出処理・発送（着払い）")
	default:
		add("sent", t.Sent, "Sent by courier to the partner library: day of loan", "受取館へ発送（貸出日）")
	}
	if !t.FirstPickup.IsZero() {
		add("first_pickup", t.FirstPickup, "Ready for pickup from", "受取可能日（貸出可能）")
	}
	if !t.Deadline.IsZero() {
		add("deadline", t.Deadline, "Hold-shelf deadline", "取置期限")
	}
	switch {
	case t.Due.IsZero():
	case !t.Sent.IsZero(): // L2: dated the day it left, whenever collected
		add("due", t.Due, "Due date", "返却期限")
	default:
		add("due", t.Due, "Due date if collected that day", "返却期限（受取可能日に借りた場合）")
	}
	return rows
}
