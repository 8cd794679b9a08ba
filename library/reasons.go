package library

import "github.com/kashidashi/kashidashi/reason"

// Reasons of the consequences of a change of calendars (Consequences,
// X1–X4, and Apply, X5, X7): not refusals but notices, each carrying the new date as
// {date} and the place as {library}, ready to feed a notice to the
// patron.
var (
	// ErrDueStands reports a loan now due on a day its return place is
	// closed, whose due date stands under the policy (X1, L5): {date} is
	// the due date.
	ErrDueStands = reason.New(pkg, "closure.due_stands",
		"[{library} will be closed on your due date {date}. ]The due date does not change.",
		"[{library}は返却期限日の{date}に臨時休館となります。]返却期限日は変わりません。")
	// ErrDueMoved reports a loan whose due date moves under the
	// closed-day rule of the policy (X1, L5–L7): to the next open day of
	// its return place, the previous one, or the end of the closure.
	// {date} is the new due date.
	ErrDueMoved = reason.New(pkg, "closure.due_moved",
		"Because of a closure[ of {library}], the item is now due[ on {date}].",
		"[{library}の]臨時休館のため、返却期限日を[{date}に]変更しました。")
	// ErrDueSpread reports a loan whose due date Apply moved past the day
	// the policy alone gives, to spread the returns after the place
	// reopens (X7): {date} is the new due date.
	ErrDueSpread = reason.New(pkg, "closure.due_spread",
		"Because of a closure[ of {library}], the item is now due[ on {date}], a day chosen so that returns do not all fall on the day it reopens.",
		"[{library}の]臨時休館のため、休館明けに返却が集中しないよう、返却期限日を[{date}に]変更しました。")
	// ErrShelfDeadlineMoved reports a hold-shelf deadline that moves (X2,
	// H4): {date} is the new deadline.
	ErrShelfDeadlineMoved = reason.New(pkg, "closure.shelf_deadline_moved",
		"Because of a change in the opening days[ of {library}], the hold-shelf deadline of your reserved item is now[ {date}].",
		"[{library}の]開館日の変更により、予約資料の取置期限を[{date}に]変更しました。")
	// ErrCourierMoved reports a courier dispatch that moves (X3, R-PT2):
	// {date} is the new courier day.
	ErrCourierMoved = reason.New(pkg, "closure.courier_moved",
		"Because of a change in the courier days, your reserved item will be sent[ to {library}][ on {date}].",
		"協力車の運行日の変更により、予約資料の[{library}への]発送日が[{date}に]変わりました。")
	// ErrCollectableMoved reports a first collectable day at a partner
	// library that moves (X3, R-PT3): {date} is the new day.
	ErrCollectableMoved = reason.New(pkg, "closure.collectable_moved",
		"Because of a change in the opening or courier days, you can collect your reserved item[ at {library}] from[ {date}].",
		"開館日または協力車の運行日の変更により、予約資料の[{library}での]受取開始日が[{date}に]変わりました。")
	// ErrPostingMoved reports a home-delivery posting that moves (X4,
	// R-HD2): {date} is the new posting day.
	ErrPostingMoved = reason.New(pkg, "closure.posting_moved",
		"Because of a closure[ of {library}], your reserved item will be posted[ on {date}].",
		"[{library}の]臨時休館のため、予約資料の発送日が[{date}に]変わりました。")
)

// Reasons returns every reason the package declares, for a host's
// catalogue of messages.
func Reasons() []*reason.Reason {
	return []*reason.Reason{ErrDueStands, ErrDueMoved, ErrDueSpread, ErrShelfDeadlineMoved, ErrCourierMoved, ErrCollectableMoved, ErrPostingMoved}
}
