package notice

import (
	"errors"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// ExtensionNotice is the result of an extension (延長) as the patron is
// told it: the new due date (L3) or every reason it was refused (L4),
// encoded to JSON with snake_case keys and, through Text, as text in
// English or Japanese. Extension makes it. The zero ExtensionNotice is a
// refusal without reasons of an unnamed item.
type ExtensionNotice struct {
	// Item is the host's identifier of the item.
	Item string `json:"item"`
	// Extended reports whether the loan was extended.
	Extended bool `json:"extended"`
	// PreviousDue is the due date before the extension was asked for.
	PreviousDue calendar.Date `json:"previous_due"`
	// Due is the new due date (L3): ExtensionDays after the day of the
	// extension, not after the old due date. Zero when refused.
	Due calendar.Date `json:"due,omitzero"`
	// Refusal lists every reason the extension was refused (L4), with
	// its parameters and messages in both languages; nil when extended.
	Refusal *reason.Refusal `json:"refusal,omitempty"`
}

// Extension returns the notice of the outcome of extending loan:
// extended and err are what circulation.Policy.Extend gave for it (the
// loan of its Decision, and its error). An error that is not a refusal
// (a *reason.Refusal) is no outcome to tell a patron: it is returned as
// it is. A loan without an item or a due date, or, when err is nil, an
// extended loan of another item or without a due date, is an error
// matching reason.ErrBadInput naming the field ("loan.due",
// "extended.due").
func Extension(loan, extended circulation.Loan, err error) (ExtensionNotice, error) {
	var refusal *reason.Refusal
	if err != nil && !errors.As(err, &refusal) {
		return ExtensionNotice{}, err
	}
	var ps reason.Problems
	if loan.Item == "" {
		ps.Add("loan.item", "missing")
	}
	if loan.Due.IsZero() {
		ps.Add("loan.due", "missing")
	}
	if err == nil {
		if extended.Item != loan.Item {
			ps.Add("extended.item", "not the item of the loan extended")
		}
		if extended.Due.IsZero() {
			ps.Add("extended.due", "missing (L3)")
		}
	}
	if err := ps.Err(); err != nil {
		return ExtensionNotice{}, err
	}
	n := ExtensionNotice{Item: loan.Item, PreviousDue: loan.Due, Refusal: refusal}
	if refusal == nil {
		n.Extended, n.Due = true, extended.Due
	}
	return n, nil
}

// Text returns the notice's text in language l (any language other than
// Japanese reads as English) in wording w (nil: the module's): a subject
// line, the item, then the new due date, or the due date that stands and
// each reason of the refusal on a line of its own, as w.Localize renders
// it. Dates are followed by their weekday. Every line is the message of
// one of Reasons() (the new due date its {day}, the previous one its
// {previous_day}), or of the refusal's reasons: a host rewording those
// builds w with circulation.Reasons() too.
func (n ExtensionNotice) Text(w *reason.Wording, l reason.Lang) string {
	b := writer{w: w, l: l}
	b.line(b.say(extSubject))
	b.line(b.say(itemLine, reason.Item(n.Item)))
	if n.Extended {
		b.line(b.say(extExtended, reason.Day(n.Due), reason.PreviousDay(n.PreviousDue)))
		return b.String()
	}
	b.line(b.say(extRefused, reason.Day(n.PreviousDue)))
	if n.Refusal == nil {
		return b.String()
	}
	bullet := "- "
	if l == reason.Japanese {
		bullet = "・"
	}
	for _, m := range w.Localize(n.Refusal, l) {
		b.line(bullet, m.Message)
	}
	return b.String()
}
