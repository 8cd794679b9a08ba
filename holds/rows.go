package holds

import (
	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// Row is one line of a timeline as a patron reads it: a label in English
// and Japanese and a date. Code is a stable name for the row ("notice",
// "sent", "held_back", "ready", "deadline", "due").
type Row struct {
	Code     string
	English  string
	Japanese string
	// Date is the row's date; zero for "held_back", whose day is not
	// known.
	Date calendar.Date
}

// Label returns the row's label in language l.
func (r Row) Label(l reason.Lang) string {
	if l == reason.Japanese {
		return r.Japanese
	}
	return r.English
}

// Rows returns the timeline as rows, in date order, leaving out the
// dates that do not apply; see AppendRows.
func (t Timeline) Rows() []Row { return t.AppendRows(make([]Row, 0, 5)) }

// AppendRows appends the timeline's rows to dst and returns the result:
// the notice (H6); then either the hold-back (R-HD4, R-PT5) or the
// sending (R-PT2, R-HD2), the first pickup day (R-PL1, R-AL2, R-PT3), the
// hold-shelf deadline (H4) and the due date (L2: for an item that
// travels, of the loan dated the day it left), as they apply to the
// method.
func (t Timeline) AppendRows(dst []Row) []Row {
	dst = append(dst, Row{"notice", "Notice email: item secured", "予約資料確保メール送信", t.Notice})
	if t.HeldBack {
		return append(dst, Row{"held_back",
			"Not sent until a return has been processed (loan limit reached)",
			"貸出上限のため、返却処理後に発送", calendar.Date{}})
	}
	home := t.Method == circulation.HomeDelivery
	if !t.Sent.IsZero() {
		if home {
			dst = append(dst, Row{"sent", "Loan processed and posted (cash on delivery)", "貸出処理・発送（着払い）", t.Sent})
		} else {
			dst = append(dst, Row{"sent", "Sent by courier to the partner library: day of loan", "受取館へ発送（貸出日）", t.Sent})
		}
	}
	if !t.Ready.IsZero() {
		dst = append(dst, Row{"ready", "Ready for pickup from", "受取可能日（貸出可能）", t.Ready})
	}
	if !t.Deadline.IsZero() {
		dst = append(dst, Row{"deadline", "Hold-shelf deadline", "取置期限", t.Deadline})
	}
	if !t.Due.IsZero() {
		if !t.Sent.IsZero() { // L2: dated the day it left, whenever collected
			dst = append(dst, Row{"due", "Due date", "返却期限", t.Due})
		} else {
			dst = append(dst, Row{"due", "Due date if collected that day", "返却期限（受取可能日に借りた場合）", t.Due})
		}
	}
	return dst
}
