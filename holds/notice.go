package holds

import (
	"fmt"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/shipping"
)

// Notice is the content of the notice email that an item has been secured
// (予約資料確保メール, H6), for one reservation on its route: the data a
// host's mail templates fill in, encoded to JSON with snake_case keys
// (zero fields left out), and, through Text, the email's text in English
// or Japanese. Policy.Notice makes it from the reservation's Timeline.
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
	// HeldBack reports the patron at the loan limit (R-HD4, R-PT5), and
	// LoanLimit is that limit.
	HeldBack  bool `json:"held_back,omitempty"`
	LoanLimit int  `json:"loan_limit,omitzero"`
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
	// Parcel is the class the item is posted in (R-HD3), and
	// CashOnDelivery that the patron pays the postage on delivery (着払い,
	// R-HD1): both for home delivery only.
	Parcel         shipping.Class `json:"parcel,omitzero"`
	CashOnDelivery bool           `json:"cash_on_delivery,omitempty"`
	// Due is the due date of a loan that travels, dated the day it leaves
	// (L2).
	Due calendar.Date `json:"due,omitzero"`
}

// Errors of Notice for input missing what it needs: not refusals.
var (
	errNoticeUnsecured = fmt.Errorf("%w: notice: the reservation has not been secured (no secured_on)", ErrInconsistentInput)
	errNoticeParcel    = fmt.Errorf("%w: notice: home delivery needs the parcel class (R-HD3)", ErrInconsistentInput)
	errNoticeNoParcel  = fmt.Errorf("%w: notice: only home delivery is posted in a parcel class", ErrInconsistentInput)
)

// Notice returns the content of the notice email of reservation r, secured
// on r.SecuredOn (H6), for a patron with loans items on loan; c, loans and
// short are as for Timeline, whose dates the notice gives. parcel is the
// class the item is posted in (shipping.Classifier.Classify, R-HD3) for
// home delivery, and must be the zero Class for the other routes.
//
// The errors are Timeline's, and an error wrapping ErrInconsistentInput
// for a reservation not yet secured or a parcel class missing or given
// where it does not belong.
func (p Policy) Notice(r Reservation, c Calendars, loans int, short bool, parcel shipping.Class) (Notice, error) {
	switch home := r.Place.Method == circulation.HomeDelivery; {
	case r.SecuredOn.IsZero():
		return Notice{}, errNoticeUnsecured
	case home && !parcel.Service.Valid():
		return Notice{}, errNoticeParcel
	case !home && parcel != (shipping.Class{}):
		return Notice{}, errNoticeNoParcel
	}
	t, err := p.Timeline(r.SecuredOn, c, r.Place, loans, short)
	if err != nil {
		return Notice{}, err
	}
	n := Notice{Item: r.Item, Place: r.Place, NoticeDay: t.Notice}
	if r.Place.Method == circulation.PrefecturalLibrary {
		n.Counter = r.Collection.Counter()
	}
	switch r.Place.Method {
	case circulation.PrefecturalLibrary, circulation.AssemblyLibrary:
		n.PickupFrom, n.Deadline = t.FirstPickup, t.Deadline
		return n, nil
	case circulation.PartnerLibrary:
		n.CourierDay, n.PickupFrom, n.Deadline, n.Due = t.Sent, t.FirstPickup, t.Deadline, t.Due
	case circulation.HomeDelivery:
		n.Parcel, n.CashOnDelivery = parcel, true
		n.PostingDay, n.Due = t.Sent, t.Due
	}
	if t.HeldBack {
		n.HeldBack, n.LoanLimit = true, p.Circulation.MaxLoans
	}
	return n, nil
}
