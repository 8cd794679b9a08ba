package circulation

import "github.com/kashidashi/kashidashi/reason"

// Reasons an extension is refused (L4, L2). Policy.Extend lists every one
// that applies.
var (
	// ErrPartnerPickup refuses to extend an item received at a partner
	// library (L4 a, R-PT4).
	ErrPartnerPickup = reason.New(pkg, "extension.partner_library",
		"Items received at a partner library cannot be extended.",
		"受取館で受け取った本は延長できません。")
	// ErrHomeDelivery refuses to extend an item delivered to the
	// patron's home (L2: no extension for home delivery).
	ErrHomeDelivery = reason.New(pkg, "extension.home_delivery",
		"Items delivered to your home cannot be extended.",
		"自宅で受け取った本は延長できません。")
	// ErrReserved refuses to extend an item someone has reserved (L4 b).
	ErrReserved = reason.New(pkg, "extension.reserved",
		"This item has been reserved by someone else, so it cannot be extended.",
		"予約が入っている本は延長できません。")
	// ErrAlreadyExtended refuses to extend an item already extended as
	// often as the policy allows, once by default (L4 c). Policy.Extend
	// gives it the policy's limit.
	ErrAlreadyExtended = reason.New(pkg, "extension.already_extended",
		"This item has already been extended[ (extensions allowed: {limit})].",
		"すでに延長を行った本は延長できません[（延長は{limit}回まで）]。")
	// ErrInterlibraryLoan refuses to extend an item borrowed from
	// another library (L4 d).
	ErrInterlibraryLoan = reason.New(pkg, "extension.interlibrary_loan",
		"Items borrowed from another library cannot be extended.",
		"他の図書館から借り受けた本は延長できません。")
	// ErrOverdue refuses to extend any item while the patron has an
	// item past its due date, this one or another (L4 e).
	ErrOverdue = reason.New(pkg, "extension.overdue",
		"You have an overdue item, so no loan can be extended until it is returned.",
		"返却期限を過ぎた本があるため、延長できません。")
)

// Reasons a patron may not borrow or reserve one more item (L1, H1, I2).
var (
	// ErrLoanLimit reports that the patron has as many items on loan as
	// the policy allows (L1), given as its limit.
	ErrLoanLimit = reason.New(pkg, "loan.limit",
		"You have reached the maximum number of items on loan[ ({limit} items)].",
		"貸出冊数の上限[（{limit}冊）]に達しています。")
	// ErrReservationLimit reports that the patron holds as many
	// reservations as the policy allows (H1), given as its limit.
	ErrReservationLimit = reason.New(pkg, "reservation.limit",
		"You have reached the maximum number of reservations[ ({limit} items)].",
		"予約冊数の上限[（{limit}冊）]に達しています。")
	// ErrNotLoanable reports that the item is never lent, so it cannot
	// be reserved (I1, I2).
	ErrNotLoanable = reason.New(pkg, "reservation.not_loanable",
		"This item cannot be borrowed, so it cannot be reserved.",
		"この本は借りることができないため、予約できません。")
)

// Reasons a return is refused (M2, R-PL2, R-AL3, R-HD1). ReturnDesk.Accept
// lists every one that applies.
var (
	// ErrReturnWrongPlace refuses a return at a place other than the one
	// where the item was received, by the same method (M2), and at the
	// Prefectural Library at the other counter than the one that lent it
	// (R-PL2). ReturnDesk.Accept gives it the partner library where the
	// item was received as its library, or details it with the right
	// place or counter.
	ErrReturnWrongPlace = reason.New(pkg, "return.wrong_place",
		"Return the item by the same method and at the same place where you received it[ ({library})].",
		"借りたときと同じ受取方法・場所[（{library}）]で返却してください。")
	// ErrReturnChannel refuses a return by a channel the place does not
	// take: by post at a library, which takes items back in person (M2,
	// R-PL2, R-AL3); in person for home delivery, which goes back by
	// prepaid post (R-HD1); in the book drop at the Assembly Library,
	// which has none (R-AL3). ReturnDesk.Accept details it with which.
	ErrReturnChannel = reason.New(pkg, "return.channel",
		"This item cannot be returned this way.",
		"この方法では返却できません。")
	// ErrBookDropExcluded refuses an item the Prefectural Library's book
	// drop does not take: the Hokkaido collection and any item marked
	// Loan.NoBookDrop (R-PL2: 北方資料など一部の資料). ReturnDesk.Accept
	// details it with which.
	ErrBookDropExcluded = reason.New(pkg, "return.book_drop_excluded",
		"This item cannot be returned in the book drop; return it at the counter that lent it while the library is open.",
		"この本はブックポストに返却できません。開館時間中に、貸出を受けたカウンターに返却してください。")
	// ErrAssemblyHours refuses a return at the Assembly Library outside
	// 09:00–17:00 on the days it is open (R-AL3).
	ErrAssemblyHours = reason.New(pkg, "return.assembly_hours",
		"The Assembly Library takes returns only from 9:00 to 17:00 on the days it is open.",
		"道議会図書室の返却の受付は、開室日の午前9時から午後5時までです。受付時間外の返却はできません。")
	// ErrCounterClosed refuses a counter return at the Prefectural
	// Library while it is closed; the book drop takes returns then
	// (R-PL2).
	ErrCounterClosed = reason.New(pkg, "return.counter_closed",
		"The Prefectural Library is closed now; use the book drop, or the counter during opening hours.",
		"道立図書館は閉館中です。ブックポストをご利用いただくか、開館時間中にカウンターに返却してください。")
)

// Reasons returns every sentinel reason of the package, in a stable
// order: extension, limits, returns.
func Reasons() []*reason.Reason {
	return []*reason.Reason{
		ErrPartnerPickup, ErrHomeDelivery, ErrReserved, ErrAlreadyExtended,
		ErrInterlibraryLoan, ErrOverdue,
		ErrLoanLimit, ErrReservationLimit, ErrNotLoanable,
		ErrReturnWrongPlace, ErrReturnChannel, ErrBookDropExcluded,
		ErrAssemblyHours, ErrCounterClosed,
	}
}
