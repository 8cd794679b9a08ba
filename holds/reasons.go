package holds

import (
	"strconv"

	"github.com/kashidashi/kashidashi/reason"
)

// pkg prefixes every error string and reason of this package.
const pkg = "holds"

// Reasons why a cart is refused at checkout (H2). Checkout also uses the
// reasons of the packages below: circulation.ErrNotLoanable (I1, I2),
// circulation.ErrReservationLimit (H1), circulation.ErrLoanLimit (I2, when
// the circulation policy hides the Reserve button at the loan limit) and
// patron.ErrNotPartnerRegistered (P1, R-PT1).
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
	// pickup place (M1, H2).
	ErrPlace = reason.New(pkg, "place.invalid",
		"Choose a pickup place.",
		"受取場所を選択してください。")
	// ErrAlreadyReserved reports an item the patron has already reserved,
	// or one that is twice in the cart.
	ErrAlreadyReserved = reason.New(pkg, "reservation.duplicate",
		"You have already reserved this item.",
		"この資料はすでに予約しています。")
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
	// ErrPosted reports a change of place for an item already posted to
	// the patron's home (R-HD2).
	ErrPosted = reason.New(pkg, "change.posted",
		"The item has already been posted to your home.",
		"この資料はすでに自宅へ発送しました。")
	// ErrFinished reports a step asked of a reservation that has been
	// collected, has expired or was cancelled.
	ErrFinished = reason.New(pkg, "reservation.finished",
		"This reservation has already been collected, has expired or was cancelled.",
		"この予約はすでに貸出済・期限切れ・取消のいずれかです。")
	// ErrUnknownReservation reports a reservation the desk does not hold.
	ErrUnknownReservation = reason.New(pkg, "reservation.unknown",
		"There is no such reservation.",
		"該当する予約がありません。")
	// ErrNotWaiting reports securing a reservation that is no longer
	// waiting in the queue.
	ErrNotWaiting = reason.New(pkg, "transition.not_waiting",
		"This reservation is not waiting in the queue.",
		"この予約は順番待ちではありません。")
	// ErrNotSecured reports sending an item that has not been secured
	// for the reservation.
	ErrNotSecured = reason.New(pkg, "transition.not_secured",
		"The item has not been secured for this reservation.",
		"この予約の資料はまだ確保されていません。")
	// ErrNothingToSend reports sending an item to be picked up at the
	// Prefectural Library itself, where it already is (R-PL1).
	ErrNothingToSend = reason.New(pkg, "transition.nothing_to_send",
		"Items picked up at the Prefectural Library are not sent anywhere.",
		"道立図書館で受け取る資料は発送しません。")
	// ErrAlreadySent reports sending an item that is already on its way.
	ErrAlreadySent = reason.New(pkg, "transition.already_sent",
		"The item has already been sent.",
		"この資料はすでに発送しました。")
	// ErrAlreadyReady reports making ready, or sending, an item that is
	// already on the hold shelf.
	ErrAlreadyReady = reason.New(pkg, "transition.already_ready",
		"The item is already ready for pickup.",
		"この資料はすでに貸出可能です。")
	// ErrNotSent reports making ready at a partner library an item not
	// yet sent by courier (R-PT2), or delivering an item not yet posted
	// (R-HD2).
	ErrNotSent = reason.New(pkg, "transition.not_sent",
		"The item has not been sent yet.",
		"この資料はまだ発送していません。")
	// ErrNoHoldShelf reports putting on a hold shelf an item for home
	// delivery, which is posted instead (R-HD2).
	ErrNoHoldShelf = reason.New(pkg, "transition.no_hold_shelf",
		"Items for home delivery are posted, not kept on a hold shelf.",
		"自宅受取の資料は取置きせず発送します。")
	// ErrNotReady reports collecting or expiring a reservation whose
	// item is not ready for pickup (H3).
	ErrNotReady = reason.New(pkg, "transition.not_ready",
		"The item is not ready for pickup.",
		"この資料はまだ貸出可能ではありません。")
	// ErrDeadlineNotPassed reports expiring a reservation on or before
	// its hold-shelf deadline (H4).
	ErrDeadlineNotPassed = reason.New(pkg, "shelf.deadline_not_passed",
		"The hold-shelf deadline has not passed yet.",
		"取置期限はまだ過ぎていません。")
	// ErrHeldBack reports sending an item to a partner library or a
	// home while the patron is at the loan limit: it waits for a return
	// to be processed (R-HD4, R-PT5). Reservation.Ship details it with
	// the policy's limit.
	ErrHeldBack = reason.New(pkg, "send.held_back",
		"You have reached the loan limit: the item will be sent once a return has been processed.",
		"貸出上限に達しているため、返却処理後の発送となります。")
	// ErrOrderPending reports an item reserved in reading order (読みたい順)
	// while an earlier item of the same order is still waiting (H2).
	ErrOrderPending = reason.New(pkg, "order.earlier_pending",
		"An earlier item of your reading order has not been secured yet.",
		"読みたい順で先の資料がまだ確保されていません。")
	// ErrNobodyWaiting reports securing an item for which no reservation
	// is waiting that may go ahead.
	ErrNobodyWaiting = reason.New(pkg, "queue.nobody_waiting",
		"No reservation is waiting for this item.",
		"この資料を待っている予約はありません。")
)

// Reasons returns every sentinel reason of the package, cart refusals
// first and then lifecycle refusals.
func Reasons() []*reason.Reason {
	return []*reason.Reason{
		ErrCartEmpty, ErrCartMethod, ErrPlace, ErrAlreadyReserved,
		ErrNeedsStaff, ErrPosted, ErrFinished, ErrUnknownReservation,
		ErrNotWaiting, ErrNotSecured, ErrNothingToSend, ErrAlreadySent,
		ErrAlreadyReady, ErrNotSent,
		ErrNoHoldShelf, ErrNotReady, ErrDeadlineNotPassed, ErrHeldBack,
		ErrOrderPending, ErrNobodyWaiting,
	}
}

// heldBack details ErrHeldBack with the loan limit maxLoans (R-HD4,
// R-PT5), so that the message says the policy's number.
func heldBack(maxLoans int) reason.Coded {
	n := strconv.Itoa(maxLoans)
	return ErrHeldBack.Detail("at most "+n+" items", n+"冊まで")
}
