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
	// ErrTooEarly refuses to extend a loan before the day of the loan
	// the policy offers extensions from (L11,
	// Policy.ExtendFromLoanDay), given as its date parameter.
	ErrTooEarly = reason.New(pkg, "extension.too_early",
		"This item cannot be extended yet[: extensions are possible from {date}].",
		"この本はまだ延長できません[（{date}から延長できます）]。")
	// ErrOverdue refuses to extend any item while the patron has an
	// item past its due date, this one or another (L4 e).
	ErrOverdue = reason.New(pkg, "extension.overdue",
		"You have an overdue item, so no loan can be extended until it is returned.",
		"返却期限を過ぎた本があるため、延長できません。")
)

// Reasons a patron may not borrow or reserve one more item (L1, H1, I2).
var (
	// ErrLoanLimit reports that the patron has as many items on loan as
	// the policy allows (L1), given as its limit parameter.
	ErrLoanLimit = reason.New(pkg, "loan.limit",
		"You have reached the maximum number of items on loan[ ({limit} items)].",
		"貸出冊数の上限[（{limit}冊）]に達しています。")
	// ErrPersonalLoanLimit reports that the patron has as many items on
	// loan as the lower limit they asked for (L14,
	// BorrowRequest.PersonalLimit), given as its limit parameter.
	ErrPersonalLoanLimit = reason.New(pkg, "loan.personal_limit",
		"You have reached the loan limit you set for yourself[ ({limit} items)].",
		"ご自身で設定された貸出冊数の上限[（{limit}冊）]に達しています。")
	// ErrReservationLimit reports that the reservations the patron would
	// hold are more than the policy allows (H1), given as its limit
	// parameter; its count parameter is how many the patron would hold.
	ErrReservationLimit = reason.New(pkg, "reservation.limit",
		"You have reached the maximum number of reservations[ ({limit} items)].",
		"予約冊数の上限[（{limit}冊）]に達しています。")
	// ErrNotLoanable reports that the item is never lent, so it cannot
	// be reserved (I1, I2). Policy.MayReserve gives it the item's ID as
	// its item parameter.
	ErrNotLoanable = reason.New(pkg, "reservation.not_loanable",
		"This item cannot be borrowed, so it cannot be reserved.",
		"この本は借りることができないため、予約できません。")
)

// Reasons a return is refused (M2, R-PL2, R-AL3, R-HD1). ReturnDesk.Accept
// lists every one that applies. Each sentence a patron reads is a reason
// of its own; the codes of one rule share a prefix, the rule's first
// code: "return.wrong_place…" (M2, and R-PL2's counters),
// "return.channel…", "return.book_drop_excluded…",
// "return.counter_closed…".
var (
	// ErrReturnWrongPlace refuses a return at a place other than the
	// partner library where the item was received, by the same method
	// (M2, R-PT4). ReturnDesk.Accept gives it that library as its
	// library parameter. The other places have reasons of their own:
	// ErrReceivedAtPrefectural, ErrReceivedAtAssembly,
	// ErrReceivedByDelivery.
	ErrReturnWrongPlace = reason.New(pkg, "return.wrong_place",
		"Return the item by the same method and at the same place where you received it[ ({library})].",
		"借りたときと同じ受取方法・場所[（{library}）]で返却してください。")
	// ErrReceivedAtPrefectural refuses a return elsewhere of an item
	// received at the Prefectural Library (M2).
	ErrReceivedAtPrefectural = reason.New(pkg, "return.wrong_place.prefectural_library",
		"This item was received at the Prefectural Library: return it there.",
		"道立図書館で受け取った本です。道立図書館に返却してください。")
	// ErrReceivedAtAssembly refuses a return elsewhere of an item
	// received at the Assembly Library (M2).
	ErrReceivedAtAssembly = reason.New(pkg, "return.wrong_place.assembly_library",
		"This item was received at the Assembly Library: return it at its counter.",
		"道議会図書室で受け取った本です。道議会図書室のカウンターに返却してください。")
	// ErrReceivedByDelivery refuses a return at a library of an item
	// delivered to the patron's home (M2, R-HD1).
	ErrReceivedByDelivery = reason.New(pkg, "return.wrong_place.home_delivery",
		"This item was delivered to your home: return it by post, postage prepaid.",
		"自宅で受け取った本です。元払いで返送してください。")
	// ErrLentAtGeneralCounter refuses a return at the Hokkaido collection
	// counter of an item the general counter lent (R-PL2).
	ErrLentAtGeneralCounter = reason.New(pkg, "return.wrong_place.general_counter",
		"This item was lent at the general counter: return it there.",
		"一般資料カウンターで借りた本です。一般資料カウンターに返却してください。")
	// ErrLentAtHokkaidoCounter refuses a return at the general counter of
	// an item the Hokkaido collection counter lent (R-PL2).
	ErrLentAtHokkaidoCounter = reason.New(pkg, "return.wrong_place.hokkaido_counter",
		"This item was lent at the Hokkaido collection counter: return it there.",
		"北方資料カウンターで借りた本です。北方資料カウンターに返却してください。")
	// ErrNotByPost refuses a return by post at a library, which takes
	// items back in person (M2, R-PL2, R-AL3).
	ErrNotByPost = reason.New(pkg, "return.channel.post",
		"Items received at a library go back to that library, not by post.",
		"図書館（室）で受け取った本は郵送では返却できません。受け取った図書館（室）に返却してください。")
	// ErrOnlyByPost refuses a return in person of an item delivered to
	// the patron's home, which goes back by prepaid post (R-HD1).
	ErrOnlyByPost = reason.New(pkg, "return.channel.in_person",
		"Items delivered to your home are returned by post, postage prepaid.",
		"自宅で受け取った本は元払いで返送してください。")
	// ErrAssemblyNoBookDrop refuses a return in the book drop at the
	// Assembly Library, which has none (R-AL3).
	ErrAssemblyNoBookDrop = reason.New(pkg, "return.channel.book_drop",
		"The Assembly Library has no book drop; return items at its counter.",
		"道議会図書室にはブックポストはありません。カウンターに返却してください。")
	// ErrBookDropExcluded refuses, in the Prefectural Library's book drop,
	// an item marked Loan.NoBookDrop (R-PL2: 北方資料など一部の資料);
	// ErrBookDropHokkaido refuses the Hokkaido collection.
	ErrBookDropExcluded = reason.New(pkg, "return.book_drop_excluded",
		"This item cannot be returned in the book drop; return it at the counter that lent it while the library is open.",
		"この本はブックポストに返却できません。開館時間中に、貸出を受けたカウンターに返却してください。")
	// ErrBookDropHokkaido refuses an item of the Hokkaido collection in
	// the Prefectural Library's book drop (R-PL2: 北方資料など一部の資料).
	ErrBookDropHokkaido = reason.New(pkg, "return.book_drop_excluded.hokkaido",
		"Hokkaido collection items cannot be returned in the book drop; return this one at the counter that lent it while the library is open.",
		"北方資料はブックポストに返却できません。開館時間中に、貸出を受けたカウンターに返却してください。")
	// ErrAssemblyHours refuses a return at the Assembly Library outside
	// 09:00–17:00 on the days it is open (R-AL3).
	ErrAssemblyHours = reason.New(pkg, "return.assembly_hours",
		"The Assembly Library takes returns only from 9:00 to 17:00 on the days it is open.",
		"道議会図書室の返却の受付は、開室日の午前9時から午後5時までです。受付時間外の返却はできません。")
	// ErrCounterClosed refuses a counter return at the Prefectural
	// Library while it is closed; the book drop takes returns then
	// (R-PL2). For an item the book drop does not take, the reason is
	// ErrCounterClosedExcluded.
	ErrCounterClosed = reason.New(pkg, "return.counter_closed",
		"The Prefectural Library is closed now; use the book drop, or the counter during opening hours.",
		"道立図書館は閉館中です。ブックポストをご利用いただくか、開館時間中にカウンターに返却してください。")
	// ErrCounterClosedExcluded refuses a counter return at the
	// Prefectural Library while it is closed, of an item the book drop
	// does not take either (the Hokkaido collection, Loan.NoBookDrop;
	// R-PL2): the patron comes back during opening hours.
	ErrCounterClosedExcluded = reason.New(pkg, "return.counter_closed.no_book_drop",
		"The Prefectural Library is closed now, and this item cannot go in the book drop; return it at the counter during opening hours.",
		"道立図書館は閉館中です。この本はブックポストに返却できないため、開館時間中にカウンターに返却してください。")
)

// Reasons returns every sentinel reason of the package, in a stable
// order: extension, limits, returns (in the order ReturnDesk.Accept
// lists them).
func Reasons() []*reason.Reason {
	return []*reason.Reason{
		ErrPartnerPickup, ErrHomeDelivery, ErrReserved, ErrAlreadyExtended,
		ErrInterlibraryLoan, ErrOverdue,
		ErrLoanLimit, ErrReservationLimit, ErrNotLoanable,
		ErrTooEarly, ErrPersonalLoanLimit,
		ErrReturnWrongPlace, ErrReceivedAtPrefectural, ErrReceivedAtAssembly, ErrReceivedByDelivery,
		ErrLentAtGeneralCounter, ErrLentAtHokkaidoCounter,
		ErrNotByPost, ErrOnlyByPost, ErrAssemblyNoBookDrop,
		ErrBookDropExcluded, ErrBookDropHokkaido,
		ErrAssemblyHours, ErrCounterClosed, ErrCounterClosedExcluded,
	}
}
