package holds

import (
	"errors"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// ExtensionNotice is the result of an extension (延長) as the patron is
// told it: the new due date (L3) or every reason it was refused (L4),
// encoded to JSON with snake_case keys and, through Text, as text in
// English or Japanese. NoticeOfExtension makes it.
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

// NoticeOfExtension returns the notice of the outcome of extending loan:
// extended and err are what circulation.Policy.Extend returned for it.
// An error that is not a refusal (a *reason.Refusal) is no outcome to
// tell a patron: it is returned as it is.
func NoticeOfExtension(loan, extended circulation.Loan, err error) (ExtensionNotice, error) {
	n := ExtensionNotice{Item: loan.Item, PreviousDue: loan.Due}
	if err != nil {
		if !errors.As(err, &n.Refusal) {
			return ExtensionNotice{}, err
		}
		return n, nil
	}
	n.Extended, n.Due = true, extended.Due
	return n, nil
}

// Text returns the notice's text in language l (any language other than
// Japanese reads as English): the new due date, or each reason's message
// on a line of its own, as reason.Localize renders it.
func (n ExtensionNotice) Text(l reason.Lang) string {
	var b noticeText
	b.lang = l
	b.line("Extension of your loan", "貸出延長のお知らせ")
	b.line("Item: "+n.Item, "資料："+n.Item)
	if n.Extended {
		b.line("Extended: now due back "+b.day(n.Due)+" (was "+b.day(n.PreviousDue)+").",
			"延長しました。新しい返却期限は"+b.day(n.Due)+"です（延長前："+b.day(n.PreviousDue)+"）。")
		return b.String()
	}
	b.line("The loan could not be extended; it is still due back "+b.day(n.PreviousDue)+":",
		"延長できませんでした。返却期限は"+b.day(n.PreviousDue)+"のままです。")
	if n.Refusal != nil {
		for _, m := range reason.Localize(n.Refusal, l) {
			b.line("- "+m.Message, "・"+m.Message)
		}
	}
	return b.String()
}
