package notice

import "github.com/kashidashi/kashidashi/reason"

// pkg is the package name the reasons carry.
const pkg = "notice"

// The lines of the notice that an item has been secured (H6), one
// reason each, so that a host's reason.Wording can reword any of them.
// Dates are {day}, a date with its weekday ("2026-11-20 (Fri)").
var (
	secSubject = reason.New(pkg, "notice.secured.subject",
		"Your reserved item is ready",
		"予約資料確保のお知らせ")
	itemLine = reason.New(pkg, "notice.item",
		"Item[: {item}]",
		"資料[：{item}]")
	secNoticeDay = reason.New(pkg, "notice.secured.notice_day",
		"Notice sent[: {day}]",
		"確保日[：{day}]")
	secPlacePrefectural = reason.New(pkg, "notice.secured.place.prefectural",
		"Pickup place: Prefectural Library",
		"受取場所：道立図書館")
	secPlaceGeneral = reason.New(pkg, "notice.secured.place.general_counter",
		"Pickup place: Prefectural Library, general counter",
		"受取場所：道立図書館 一般資料カウンター")
	secPlaceHokkaido = reason.New(pkg, "notice.secured.place.hokkaido_counter",
		"Pickup place: Prefectural Library, Hokkaido collection counter",
		"受取場所：道立図書館 北方資料カウンター")
	secPlaceAssembly = reason.New(pkg, "notice.secured.place.assembly",
		"Pickup place: Assembly Library",
		"受取場所：道議会図書室")
	secPlacePartner = reason.New(pkg, "notice.secured.place.partner",
		"Pickup place[: {library} (partner library)]",
		"受取場所[：{library}]")
	secPlaceHome = reason.New(pkg, "notice.secured.place.home",
		"Received by: home delivery to your registered address",
		"受取方法：自宅（登録住所へ郵送）")
	secHeldBack = reason.New(pkg, "notice.secured.held_back",
		"You have reached the loan limit[ of {limit} items]: the item will be sent once a return has been processed at the Prefectural Library.",
		"貸出上限[（{limit}冊）]に達しているため、道立図書館で返却処理が済んだ後の発送となります。")
	secCourierDay = reason.New(pkg, "notice.secured.courier_day",
		"Sent by courier to the library on[: {day}]",
		"受取館への発送日（協力車）[：{day}]")
	secPostingDay = reason.New(pkg, "notice.secured.posting_day",
		"Posted on[: {day}]",
		"発送日[：{day}]")
	secYuMail = reason.New(pkg, "notice.secured.parcel.yu_mail",
		"Service: Yu-Mail",
		"発送方法：ゆうメール")
	secYuPack = reason.New(pkg, "notice.secured.parcel.yu_pack",
		"Service: Yu-Pack[ size {size}]",
		"発送方法：ゆうパック[{size}サイズ]")
	secHeavyYuPack = reason.New(pkg, "notice.secured.parcel.heavy_yu_pack",
		"Service: Heavy Yu-Pack[ size {size}]",
		"発送方法：重量ゆうパック[{size}サイズ]")
	secCashOnDelivery = reason.New(pkg, "notice.secured.parcel.cash_on_delivery",
		", postage paid on delivery (cash on delivery)",
		"（送料は着払い）")
	secPickupFrom = reason.New(pkg, "notice.secured.pickup_from",
		"Pickup from[: {day}]",
		"受取開始日[：{day}から]")
	secCardNumber = reason.New(pkg, "notice.secured.card_number",
		"Show your Prefectural Library card number when you collect it.",
		"受け取りの際は道立図書館の利用者番号をご提示ください。")
	secDeadline = reason.New(pkg, "notice.secured.deadline",
		"Hold-shelf deadline[: {day}] (closed days are not counted); after it the reservation is cancelled.",
		"取置期限[：{day}まで]（休館日は数えません）。期限を過ぎると予約は取り消されます。")
	secDue = reason.New(pkg, "notice.secured.due",
		"Due back[: {day}] (no extension)",
		"返却期限[：{day}]（延長はできません）")
)

// The lines of the notice of an extension (L3, L4): extExtended gives
// the new due date as {day} and the previous one as {previous_day}.
var (
	extSubject = reason.New(pkg, "notice.extension.subject",
		"Extension of your loan",
		"貸出延長のお知らせ")
	extExtended = reason.New(pkg, "notice.extension.extended",
		"Extended[: now due back {day}][ (was {previous_day})].",
		"延長しました。[新しい返却期限は{day}です][（延長前：{previous_day}）]。")
	extRefused = reason.New(pkg, "notice.extension.refused",
		"The loan could not be extended[; it is still due back {day}]:",
		"延長できませんでした。[返却期限は{day}のままです。]")
)

// The lines of the notice of what a closure changed (X6), one reason
// each: {item} is the item, {library} the place whose days count, {day}
// the new date and {previous_day} the one before.
var (
	closSubject = reason.New(pkg, "notice.closure.subject",
		"Dates changed because of a closure",
		"臨時休館等に伴う日付変更のお知らせ")
	closIntro = reason.New(pkg, "notice.closure.intro",
		"Because of a change in the opening days of the library, the dates below have changed.",
		"図書館の開館日の変更により、次の日付が変わりました。")
	closDueStands = reason.New(pkg, "notice.closure.due_stands",
		"[{item}: ][{library} is closed on the due date, {day}; ]the due date does not change.",
		"[{item}：][返却期限日の{day}は{library}の休館日となりますが、]返却期限日は変わりません。")
	closDueMoved = reason.New(pkg, "notice.closure.due_moved",
		"[{item}: ]now due back[ at {library}][ on {day}][ (was {previous_day})].",
		"[{item}：][{library}への]返却期限日を[{previous_day}から][{day}に]変更しました。")
	closDueSpread = reason.New(pkg, "notice.closure.due_spread",
		"[{item}: ]now due back[ at {library}][ on {day}][ (was {previous_day})], a day chosen so that returns do not all fall on the day the library reopens.",
		"[{item}：]休館明けに返却が集中しないよう、[{library}への]返却期限日を[{previous_day}から][{day}に]変更しました。")
	closDeadline = reason.New(pkg, "notice.closure.deadline_moved",
		"[{item}: ]the hold-shelf deadline[ at {library}] is now[ {day}][ (was {previous_day})].",
		"[{item}：][{library}での]取置期限を[{previous_day}から][{day}に]変更しました。")
	closCourier = reason.New(pkg, "notice.closure.courier_moved",
		"[{item}: ]the courier takes the item[ to {library}][ on {day}][ (was {previous_day})].",
		"[{item}：][{library}への]協力車での発送日が[{previous_day}から][{day}に]変わりました。")
	closCollectable = reason.New(pkg, "notice.closure.collectable_moved",
		"[{item}: ]you can collect the item[ at {library}] from[ {day}][ (was {previous_day})].",
		"[{item}：][{library}での]受取開始日が[{previous_day}から][{day}に]変わりました。")
	closPosting = reason.New(pkg, "notice.closure.posting_moved",
		"[{item}: ]the item is posted[ on {day}][ (was {previous_day})].",
		"[{item}：]発送日が[{previous_day}から][{day}に]変わりました。")
)

// The labels of the rows of a timeline, by the row's code and route.
var (
	rowNotice = reason.New(pkg, "notice.row.notice",
		"Notice email: item secured",
		"予約資料確保メール送信")
	rowHeldBack = reason.New(pkg, "notice.row.held_back",
		"Not sent until a return has been processed (loan limit reached)",
		"貸出上限のため、返却処理後に発送")
	rowPosted = reason.New(pkg, "notice.row.posted",
		"Loan processed and posted (cash on delivery)",
		"貸出処理・発送（着払い）")
	rowSent = reason.New(pkg, "notice.row.sent",
		"Sent by courier to the partner library: day of loan",
		"受取館へ発送（貸出日）")
	rowFirstPickup = reason.New(pkg, "notice.row.first_pickup",
		"Ready for pickup from",
		"受取可能日（貸出可能）")
	rowDeadline = reason.New(pkg, "notice.row.deadline",
		"Hold-shelf deadline",
		"取置期限")
	rowDue = reason.New(pkg, "notice.row.due",
		"Due date",
		"返却期限")
	rowDueIfCollected = reason.New(pkg, "notice.row.due_if_collected",
		"Due date if collected that day",
		"返却期限（受取可能日に借りた場合）")
)

// Reasons returns every line and label the package renders, each a
// reason with a stable code ("notice.secured.deadline") and its English
// and Japanese templates, for a host's catalogue and wording:
//
//	w, err := reason.NewWording(notice.Reasons(), map[string]map[reason.Lang]string{
//		"notice.secured.card_number": {reason.Japanese: "受取の際は利用カードをお持ちください。"},
//	})
//
// The reasons of an extension refused are circulation's: a wording for
// ExtensionNotice.Text lists circulation.Reasons() too. The list is new
// on each call.
func Reasons() []*reason.Reason {
	return []*reason.Reason{
		secSubject, itemLine, secNoticeDay,
		secPlacePrefectural, secPlaceGeneral, secPlaceHokkaido, secPlaceAssembly, secPlacePartner, secPlaceHome,
		secHeldBack, secCourierDay, secPostingDay,
		secYuMail, secYuPack, secHeavyYuPack, secCashOnDelivery,
		secPickupFrom, secCardNumber, secDeadline, secDue,
		extSubject, extExtended, extRefused,
		rowNotice, rowHeldBack, rowPosted, rowSent, rowFirstPickup, rowDeadline, rowDue, rowDueIfCollected,
		closSubject, closIntro, closDueStands, closDueMoved, closDueSpread,
		closDeadline, closCourier, closCollectable, closPosting,
	}
}
