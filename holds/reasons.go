package holds

import (
	"github.com/kashidashi/kashidashi/reason"
)

// pkg prefixes every error string and reason of this package.
const pkg = "holds"

// Reasons why a cart is refused at checkout (H2, ActionReserve). A
// checkout also refuses with the reasons of the packages below:
// circulation.Policy.MayReserve's, circulation.ErrNotLoanable (I1, I2),
// circulation.ErrReservationLimit (H1) and circulation.ErrLoanLimit (I2,
// when the circulation policy hides the Reserve button at the loan
// limit), and patron.ErrNotPartnerRegistered (P1, R-PT1). Each reason
// about one item carries it as the parameter {item} (reason.Item).
var (
	// ErrCartEmpty reports a checkout with nothing in the cart (H2).
	ErrCartEmpty = reason.New(pkg, "cart.empty",
		"The reservation cart is empty.",
		"予約カートに資料がありません。")
	// ErrCartMethod reports a checkout without a valid reservation method:
	// normal or in reading order (H2).
	ErrCartMethod = reason.New(pkg, "cart.method",
		"Choose a reservation method: normal or in reading order.",
		"予約方法（通常・読みたい順）を選択してください。")
	// ErrPlace reports a checkout or a change of place without a valid
	// pickup place (M1, H2), or to a partner library the rules of the
	// day have no calendar for, given as its library parameter (a typo
	// of a configured one).
	ErrPlace = reason.New(pkg, "place.invalid",
		"[{library} is not a pickup place. ]Choose a pickup place.",
		"[{library}は受取場所ではありません。]受取場所を選択してください。")
	// ErrAlreadyReserved reports an item the patron has already reserved,
	// or one that is twice in the cart, with the item.
	ErrAlreadyReserved = reason.New(pkg, "reservation.duplicate",
		"You have already reserved this item[ ({item})].",
		"この資料[（{item}）]はすでに予約しています。")
)

// Reasons why a step of the lifecycle is refused (H4, H5, R-HD4, R-PT5).
var (
	// ErrNeedsStaff reports a patron changing the pickup place or
	// cancelling once the notice has gone out: from the day the item is
	// secured and the notice email sent (H6), on every route, only staff
	// can do it, by telephone (H5).
	ErrNeedsStaff = reason.New(pkg, "change.needs_staff",
		"Once the notice that your item is ready has been sent, the pickup place cannot be changed nor the reservation cancelled on My Page: please telephone the library and staff will do it.",
		"予約資料確保のお知らせ（貸出可能）の後は、Myページで受取場所の変更・予約の取消はできません。電話でご連絡いただければ職員が承ります。")
	// ErrUnknownReservation reports a reservation the desk does not hold.
	ErrUnknownReservation = reason.New(pkg, "reservation.unknown",
		"There is no such reservation.",
		"該当する予約がありません。")
	// ErrNoStep reports a step the lifecycle table has no edge for: no
	// such step from the reservation's state on its route (securing one
	// that is not waiting, sending an item picked up at the Prefectural
	// Library, redirecting an item already posted home (R-HD2), any step
	// of a collected, expired or cancelled reservation, ...). The
	// refusal's What names the action.
	ErrNoStep = reason.New(pkg, "lifecycle.no_step",
		"This cannot be done with the reservation as it stands.",
		"この予約の現在の状態では、この操作はできません。")
	// ErrDeadlineNotPassed reports expiring a reservation on or before
	// its hold-shelf deadline (H4), with the deadline.
	ErrDeadlineNotPassed = reason.New(pkg, "shelf.deadline_not_passed",
		"The hold-shelf deadline[ ({date})] has not passed yet.",
		"取置期限[（{date}）]はまだ過ぎていません。")
	// ErrHeldBack reports sending an item to a partner library or a
	// home while the patron is at the loan limit: it waits for a return
	// to be processed (R-HD4, R-PT5), with the policy's limit.
	ErrHeldBack = reason.New(pkg, "send.held_back",
		"You have reached the loan limit[ of {limit} items]: the item will be sent once a return has been processed.",
		"貸出上限[（{limit}冊）]に達しているため、返却処理後の発送となります。")
	// ErrOrderPending reports an item reserved in reading order (読みたい順)
	// while an earlier item of the same order is still waiting (H2), with
	// the item.
	ErrOrderPending = reason.New(pkg, "order.earlier_pending",
		"An earlier item of your reading order has not been secured yet[ ({item} waits for it)].",
		"読みたい順で先の資料がまだ確保されていません[（{item}はその後になります）]。")
	// ErrNobodyWaiting reports securing an item for which no reservation
	// is waiting that may go ahead, with the item.
	ErrNobodyWaiting = reason.New(pkg, "queue.nobody_waiting",
		"No reservation is waiting for this item[ ({item})].",
		"この資料[（{item}）]を待っている予約はありません。")
)

// Reasons why the hold shelf is not extended (H9, ActionExtendShelf).
var (
	// ErrShelfExtensionOff reports an extension of the hold shelf the
	// library does not offer (Policy.ShelfExtensionDays 0).
	ErrShelfExtensionOff = reason.New(pkg, "shelf.extension_off",
		"The hold-shelf period cannot be extended.",
		"取置期限の延長はできません。")
	// ErrShelfAlreadyExtended reports a second extension of the hold
	// shelf: it is extended once at most.
	ErrShelfAlreadyExtended = reason.New(pkg, "shelf.already_extended",
		"The hold-shelf period has already been extended once.",
		"取置期限はすでに1回延長しています。")
	// ErrShelfOthersWait reports an extension of the hold shelf while
	// another reservation of the item waits, with the item.
	ErrShelfOthersWait = reason.New(pkg, "shelf.others_wait",
		"Other patrons are waiting for this item[ ({item})]: the hold-shelf period cannot be extended.",
		"この資料[（{item}）]は他の方が予約待ちのため、取置期限を延長できません。")
	// ErrShelfDeadlinePassed reports an extension of the hold shelf
	// asked after its deadline, with the deadline.
	ErrShelfDeadlinePassed = reason.New(pkg, "shelf.deadline_passed",
		"The hold-shelf deadline[ ({date})] has passed: it can no longer be extended.",
		"取置期限[（{date}）]を過ぎているため、延長できません。")
)

// Reasons returns every sentinel reason of the package, cart refusals
// first and then lifecycle refusals.
func Reasons() []*reason.Reason {
	return []*reason.Reason{
		ErrCartEmpty, ErrCartMethod, ErrPlace, ErrAlreadyReserved,
		ErrNeedsStaff, ErrUnknownReservation, ErrNoStep,
		ErrDeadlineNotPassed, ErrHeldBack,
		ErrOrderPending, ErrNobodyWaiting,
		ErrShelfExtensionOff, ErrShelfAlreadyExtended, ErrShelfOthersWait, ErrShelfDeadlinePassed,
	}
}

// heldBack gives ErrHeldBack the loan limit maxLoans as its parameter
// (R-HD4, R-PT5), so that the message says the policy's number.
func heldBack(maxLoans int) reason.Coded { return ErrHeldBack.With(reason.Limit(maxLoans)) }
