package circulation

import (
	"slices"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
)

// ExtensionWindow is when a loan can be extended (L9 [reading]), the
// answer of Policy.ExtensionWindow: the days From to To, both included,
// on each of which Policy.Extend grants the extension, and the due dates
// it gives on the first and on the last of them. On a day between, Extend
// gives a due date from DueFrom to DueTo, never earlier than on the day
// before (L3 with L5–L8). From is the day asked about, so a patron page
// shows "延長できます（{To}まで）" and, for an extension made today, the new
// due date DueFrom. Its JSON form is
// {"from":"2026-04-05","to":"2026-04-15","due_from":"2026-04-19","due_to":"2026-04-29"}.
// The zero ExtensionWindow is no window.
type ExtensionWindow struct {
	From    calendar.Date `json:"from"`
	To      calendar.Date `json:"to"`
	DueFrom calendar.Date `json:"due_from"`
	DueTo   calendar.Date `json:"due_to"`
}

// UnmarshalJSON decodes a window like encoding/json but refuses unknown
// keys and malformed dates, naming them. On error w is unchanged.
func (w *ExtensionWindow) UnmarshalJSON(b []byte) error {
	type plain ExtensionWindow // without this method, so that decoding does not recurse
	return decodeOver("extension window", b, w, func(v *ExtensionWindow) any { return (*plain)(v) })
}

// ExtensionWindow says whether, and until when, a patron can extend loan
// r.Loan from day r.Today on, with r.Others their other current loans and
// r.ReturnTo the calendar of the place the item goes back to, as Extend
// reads them (L9 [reading]). It is exactly Extend asked on each day from
// r.Today on: Extend with the same request on a day D at or after r.Today
// succeeds if and only if D is in the window, and gives its due date.
//
// The reasons of Extend fall in three kinds.
//
//   - Never, whatever the day: ErrPartnerPickup (L4 a), ErrHomeDelivery
//     (L2), ErrReserved (L4 b), ErrAlreadyExtended (L4 c) and
//     ErrInterlibraryLoan (L4 d) are facts of the loan as given; a later
//     change (a reservation cancelled) is a new request.
//   - Bounding the window: ErrOverdue (L4 e) applies from the day after
//     a due date on, of this loan or of any other, and then for good,
//     until the item goes back. The window ends on the earliest due date
//     of r.Loan and r.Others; a loan overdue on r.Today closes it.
//   - Opening the window: ErrTooEarly (L11) applies before the
//     p.ExtendFromLoanDay-th day of the loan, so the window starts on the
//     later of r.Today and that day.
//
// Nothing else depends on the day. When it is empty the error is the
// refusal Extend gives on r.Today: a *reason.Refusal listing every
// reason, in Extend's order, the never reasons, ErrTooEarly and
// ErrOverdue alike. Under ExtendFromDueDate (L10) DueFrom and DueTo are
// the same day.
//
// The window is the patron's: staff decide at the counter with Extend and
// an Override, and a request with one is bad input ("override"). Other
// errors are Extend's: ErrNoCalendar, and reason.Problems naming the
// field at fault, including the due date that ends the window ("loan.due",
// "others[2].due") when an extension on that day would be due beyond
// 9999-12-31, and "" when the calendar has no day to move a due date to
// (as DueDate).
func (p Policy) ExtensionWindow(r ExtendRequest) (ExtensionWindow, error) {
	if !r.Override.IsZero() {
		return ExtensionWindow{}, reason.BadInput("override", "must be empty: the extension window is the patron's, and staff decide with Extend")
	}
	days, err := p.extensionDays(&r)
	if err != nil {
		return ExtensionWindow{}, err
	}
	first := p.firstExtensionDay(&r.Loan)
	today := p.extensionReasons(r)
	// L11 opens the window later: ErrTooEarly is not a never reason.
	never := slices.DeleteFunc(slices.Clone(today), func(c reason.Coded) bool { return c.Code() == ErrTooEarly.Code() })
	if len(never) > 0 {
		_, err := p.decide("extension", today, Override{}) // Extend's refusal today
		return ExtensionWindow{}, err
	}
	// Not overdue today: every due date is today or later (L4 e).
	w := ExtensionWindow{From: r.Today, To: r.Loan.Due}
	if first.After(w.From) {
		w.From = first
	}
	path := "loan.due"
	for i := range r.Others {
		if r.Others[i].Due.Before(w.To) {
			w.To, path = r.Others[i].Due, "others"+index(i)+".due"
		}
	}
	if w.From.After(w.To) { // too early until a loan is overdue: Extend's refusal today
		_, err := p.decide("extension", today, Override{})
		return ExtensionWindow{}, err
	}
	if w.DueFrom, err = p.extendedDue(&r.Loan, w.From, days, r.ReturnTo, "today"); err != nil {
		return ExtensionWindow{}, err
	}
	if w.DueTo, err = p.extendedDue(&r.Loan, w.To, days, r.ReturnTo, path); err != nil {
		return ExtensionWindow{}, err
	}
	return w, nil
}
