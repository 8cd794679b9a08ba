package notice

import (
	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

// Notice is the content of the notice email that an item has been secured
// (予約資料確保メール, H6), for one reservation on its route: the data a
// host's mail templates fill in, encoded to JSON with snake_case keys
// (zero fields left out), and, through Text, the email's text in English
// or Japanese. Secured makes it from the reservation and its
// holds.Timeline.
//
// Which fields are set depends on the route (M1):
//
//   - Prefectural Library: Counter, the counter of the item's collection
//     (一般資料 or 北方資料, R-PL1), PickupFrom and Deadline (H4).
//   - Assembly Library: PickupFrom and Deadline (R-AL2, H4).
//   - partner library: CourierDay (R-PT2), PickupFrom, the first day it
//     can be collected (R-PT3), Deadline, and Due, since the loan is dated
//     the courier day (L2).
//   - home delivery: PostingDay (R-HD2), Parcel, the service it is posted
//     by (ゆうメール or ゆうパック, R-HD3), CashOnDelivery (R-HD1) and Due.
//
// At the loan limit, for a partner library or home delivery, the notice
// still goes out but the item is not sent until a return has been
// processed (R-HD4, R-PT5): HeldBack is set with the policy's LoanLimit,
// and no later date is known, so none is given.
//
// At the Prefectural and Assembly Libraries the loan is dated the day the
// patron collects the item, so the notice gives no due date.
//
// The zero Notice is no notice: its Text is the subject and empty lines
// of item and day, and it does not encode to JSON (it has no place).
type Notice struct {
	// Item is the host's identifier of the item.
	Item string `json:"item"`
	// Place is where the patron receives the item.
	Place circulation.Place `json:"place"`
	// Counter is the Prefectural Library counter that lends the item
	// (R-PL1); zero elsewhere.
	Counter circulation.ReturnChannel `json:"counter,omitzero"`
	// NoticeDay is the day the item was secured and the email sent (H6).
	NoticeDay calendar.Date `json:"notice_day"`
	// HeldBack reports the patron at the loan limit (R-HD4, R-PT5).
	HeldBack bool `json:"held_back,omitempty"`
	// LoanLimit is the loan limit a HeldBack patron is at.
	LoanLimit int `json:"loan_limit,omitzero"`
	// CourierDay is the day the courier takes the item to the partner
	// library (R-PT2).
	CourierDay calendar.Date `json:"courier_day,omitzero"`
	// PostingDay is the day the item is posted home (R-HD2).
	PostingDay calendar.Date `json:"posting_day,omitzero"`
	// PickupFrom is the first day the patron can collect the item
	// (R-PL1, R-AL2, R-PT3).
	PickupFrom calendar.Date `json:"pickup_from,omitzero"`
	// Deadline is the hold-shelf deadline (取置期限, H4).
	Deadline calendar.Date `json:"deadline,omitzero"`
	// Parcel is the class the item is posted in (R-HD3), for home
	// delivery only.
	Parcel shipping.Class `json:"parcel,omitzero"`
	// CashOnDelivery reports that the patron pays the postage on delivery
	// (着払い, R-HD1), for home delivery only.
	CashOnDelivery bool `json:"cash_on_delivery,omitempty"`
	// Due is the due date of a loan that travels, dated the day it leaves
	// (L2).
	Due calendar.Date `json:"due,omitzero"`
}

// Secured returns the content of the notice email of reservation r,
// secured on r.SecuredOn (H6), whose dates are those of t, the
// reservation's timeline (holds.Policy.Timeline of r, or
// library.Library.Timeline). parcel is the class the item is posted in
// (shipping.Classifier.Classify, R-HD3) for home delivery, and must be
// the zero Class for the other routes.
//
// Input that cannot make a notice is an error matching reason.ErrBadInput,
// a reason.Problems naming each field at fault: a reservation without an
// item, a valid place or a secured day ("reservation.secured_on"); a
// timeline not of r (its place, notice day or, at the Prefectural
// Library, counter differ from r's), held back where nothing travels or
// without its loan limit, or lacking a date its route gives
// ("timeline.deadline"); a parcel class missing, incomplete or given
// where it does not belong ("parcel").
func Secured(r holds.Reservation, t holds.Timeline, parcel shipping.Class) (Notice, error) {
	if err := securedProblems(r, t, parcel).Err(); err != nil {
		return Notice{}, err
	}
	n := Notice{Item: r.Item, Place: r.Place, Counter: t.Counter, NoticeDay: t.Notice}
	switch r.Place.Method {
	case circulation.PrefecturalLibrary, circulation.AssemblyLibrary:
		n.PickupFrom, n.Deadline = t.FirstPickup, t.Deadline
		return n, nil
	case circulation.HomeDelivery:
		n.Parcel, n.CashOnDelivery = parcel, true
	}
	if t.HeldBack {
		n.HeldBack, n.LoanLimit = true, t.LoanLimit
		return n, nil
	}
	if r.Place.Method == circulation.PartnerLibrary {
		n.CourierDay, n.PickupFrom, n.Deadline = t.Sent, t.FirstPickup, t.Deadline
	} else {
		n.PostingDay = t.Sent
	}
	n.Due = t.Due
	return n, nil
}

// Text returns the notice email's text in language l (any language other
// than Japanese reads as English, as reason.Message does) in wording w
// (nil: the module's): a subject line, then one line for each fact of n,
// each date followed by its weekday ("2026-11-20 (Fri)",
// "2026年11月20日（金）"). Every line is the message of one of Reasons(),
// the service and its cash on delivery two on one line; a host rewords a
// line with reason.NewWording(notice.Reasons(), ...).
func (n Notice) Text(w *reason.Wording, l reason.Lang) string {
	b := writer{w: w, l: l}
	b.line(b.say(secSubject))
	b.line(b.say(itemLine, reason.Item(n.Item)))
	b.line(b.say(secNoticeDay, reason.Day(n.NoticeDay)))
	if r, p := n.placeLine(); r != nil {
		b.line(b.say(r, p))
	}
	if n.HeldBack {
		var limit reason.Param
		if n.LoanLimit > 0 {
			limit = reason.Limit(n.LoanLimit)
		}
		b.line(b.say(secHeldBack, limit))
		return b.String()
	}
	b.dayLine(secCourierDay, n.CourierDay)
	b.dayLine(secPostingDay, n.PostingDay)
	n.parcelLine(&b)
	if !n.PickupFrom.IsZero() {
		b.line(b.say(secPickupFrom, reason.Day(n.PickupFrom)))
		if n.Place.Method == circulation.PartnerLibrary {
			b.line(b.say(secCardNumber))
		}
	}
	b.dayLine(secDeadline, n.Deadline)
	b.dayLine(secDue, n.Due)
	return b.String()
}

// placeLine returns the reason of the line saying where the patron
// receives the item, and its parameter; nil for no valid place.
func (n Notice) placeLine() (*reason.Reason, reason.Param) {
	switch n.Place.Method {
	case circulation.PrefecturalLibrary:
		switch n.Counter {
		case circulation.GeneralCounter:
			return secPlaceGeneral, reason.Param{}
		case circulation.HokkaidoCounter:
			return secPlaceHokkaido, reason.Param{}
		}
		return secPlacePrefectural, reason.Param{}
	case circulation.AssemblyLibrary:
		return secPlaceAssembly, reason.Param{}
	case circulation.PartnerLibrary:
		if n.Place.Library == "" {
			return secPlacePartner, reason.Param{}
		}
		return secPlacePartner, reason.LibraryName(n.Place.Library)
	case circulation.HomeDelivery:
		return secPlaceHome, reason.Param{}
	}
	return nil, reason.Param{}
}

// parcelLine writes the line of the service the item is posted by and,
// on it, cash on delivery; nothing without a valid service.
func (n Notice) parcelLine(b *writer) {
	var r *reason.Reason
	switch n.Parcel.Service {
	case shipping.YuMail:
		r = secYuMail
	case shipping.YuPack:
		r = secYuPack
	case shipping.HeavyYuPack:
		r = secHeavyYuPack
	default:
		return
	}
	var size reason.Param
	if n.Parcel.Size > 0 {
		size = reason.Size(n.Parcel.Size)
	}
	cod := ""
	if n.CashOnDelivery {
		cod = b.say(secCashOnDelivery)
	}
	b.line(b.say(r, size), cod)
}
