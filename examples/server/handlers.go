package main

import (
	"net/http"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/examples/server/store"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/notice"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

// Each handler decodes its request, asks the SDK, and writes the answer:
// no rule is decided here.

type dueDateRequest struct {
	Place          circulation.Place      `json:"place"`
	Short          bool                   `json:"short"`
	Collection     circulation.Collection `json:"collection"`
	PatronCategory string                 `json:"patron_category"`
	Loaned         calendar.Date          `json:"loaned"`
}

type dueDateResponse struct {
	Due calendar.Date `json:"due"`
}

// dueDate answers the due date of a loan made on a day at a place (L2,
// L5), under the loan's policy of that day (V7: the table applied to
// its place, category and collection and the patron's category), on the
// calendar of the place the item goes back to.
func (s *service) dueDate(w http.ResponseWriter, l reason.Lang, req dueDateRequest) {
	lib := s.library()
	loan := circulation.Loan{Place: req.Place, Short: req.Short, Collection: req.Collection, PatronCategory: req.PatronCategory, Loaned: req.Loaned}
	returnTo, err := lib.ReturnCalendar(loan)
	if err != nil {
		fail(w, l, err)
		return
	}
	due, err := lib.LoanPolicy(loan, req.Loaned).DueDate(loan, returnTo)
	decided(w, l, err, http.StatusOK, dueDateResponse{Due: due})
}

type extendRequest struct {
	Today  calendar.Date      `json:"today"`
	Loan   circulation.Loan   `json:"loan"`
	Others []circulation.Loan `json:"others"`
}

// staffExtendRequest is an extension staff decide at the counter: the
// patron's request and the override of the soft reasons they let go.
type staffExtendRequest struct {
	extendRequest
	Override staffOverride `json:"override"`
}

type extendResponse struct {
	Loan   circulation.Loan       `json:"loan"`
	Notice notice.ExtensionNotice `json:"notice"`
	Text   string                 `json:"text"`
	// Override is the override used, for the audit log; left out when
	// none was needed.
	Override circulation.Override `json:"override,omitzero"`
}

// extend extends a loan as a patron does on My Page (L3, L4): no
// override, since a patron can never override.
func (s *service) extend(w http.ResponseWriter, l reason.Lang, req extendRequest) {
	s.decideExtension(w, l, req, circulation.Override{})
}

// staffExtend extends a loan as staff do, letting go the soft reasons the
// override names (L4 b, c, e by default); a hard reason still refuses.
// The staff member is the token's, not the body's.
func (s *service) staffExtend(w http.ResponseWriter, r *http.Request, l reason.Lang, req staffExtendRequest) {
	ov, err := s.override(r, req.Override)
	if err != nil {
		fail(w, l, err)
		return
	}
	s.decideExtension(w, l, req.extendRequest, ov)
}

// decideExtension asks circulation for the extension, under the loan's
// policy of today (V7), on the calendar of the place the item goes back to, and
// writes it with its notice.
func (s *service) decideExtension(w http.ResponseWriter, l reason.Lang, req extendRequest, ov circulation.Override) {
	lib := s.library()
	returnTo, err := lib.ReturnCalendar(req.Loan)
	if err != nil {
		fail(w, l, err)
		return
	}
	d, err := lib.LoanPolicy(req.Loan, req.Today).Extend(circulation.ExtendRequest{
		Loan: req.Loan, Others: req.Others, Today: req.Today, ReturnTo: returnTo, Override: ov,
	})
	if err != nil {
		fail(w, l, err)
		return
	}
	n, err := notice.Extension(req.Loan, d.Loan, nil)
	decided(w, l, err, http.StatusOK, extendResponse{Loan: d.Loan, Notice: n, Text: n.Text(nil, l), Override: d.Override})
}

type checkoutRequest struct {
	Today calendar.Date `json:"today"`
	Cart  cart          `json:"cart"`
}

// cart is a reservation cart as the service reads it: holds.Cart's keys
// and loans, the number of items the patron has on loan (I2), which the
// desk takes in its request (holds.Request.Loans).
type cart struct {
	holds.Cart
	Loans int `json:"loans"`
}

// staffCheckoutRequest is a checkout staff place for a patron, with the
// override of the soft reasons they let go (the reservation limit, H1).
type staffCheckoutRequest struct {
	checkoutRequest
	Override staffOverride `json:"override"`
}

type checkoutResponse struct {
	Reservations []holds.Reservation `json:"reservations"`
	// Override is the override used, for the audit log.
	Override circulation.Override `json:"override,omitzero"`
}

// checkout places the reservations of a patron's cart (H1, H2), with no
// override.
func (s *service) checkout(w http.ResponseWriter, r *http.Request, l reason.Lang, req checkoutRequest) {
	s.decideCheckout(w, r, l, req, circulation.Override{})
}

// staffCheckout places a cart as staff do, letting go the soft reasons
// the override names; the staff member is the token's.
func (s *service) staffCheckout(w http.ResponseWriter, r *http.Request, l reason.Lang, req staffCheckoutRequest) {
	ov, err := s.override(r, req.Override)
	if err != nil {
		fail(w, l, err)
		return
	}
	s.decideCheckout(w, r, l, req.checkoutRequest, ov)
}

// decideCheckout asks the store to place the cart, in one transaction,
// under the request's idempotency key, and writes the answer. A refused
// cart is a refusal like any other: each reason about one item carries it
// (params.item), so that a form can mark each item.
func (s *service) decideCheckout(w http.ResponseWriter, r *http.Request, l reason.Lang, req checkoutRequest, ov circulation.Override) {
	s.change(w, r, l, holds.Request{
		Action: holds.ActionReserve, Cart: req.Cart.Cart, Loans: req.Cart.Loans, Today: req.Today, Override: ov,
	}, render(l, http.StatusCreated, func(res store.Result) any {
		return checkoutResponse{Reservations: res.Change.Reservations, Override: res.Change.Override}
	}))
}

type shelfDeadlineRequest struct {
	Place          circulation.Place `json:"place"`
	FirstPickup    calendar.Date     `json:"first_pickup"`
	PatronCategory string            `json:"patron_category"`
}

type shelfDeadlineResponse struct {
	Deadline calendar.Date `json:"deadline"`
}

// errNoDeadline reports a first pickup day with no deadline in the
// calendar's span (or no day at all).
var errNoDeadline = reason.BadInput("first_pickup", "missing, or with no hold-shelf deadline in the calendar")

// shelfDeadline answers the hold-shelf deadline at a place (H4), under
// the shelf days the policy table gives the place and the patron's
// category (V7; no item is named, so rows naming one do not apply).
func (s *service) shelfDeadline(w http.ResponseWriter, l reason.Lang, req shelfDeadlineRequest) {
	lib := s.library()
	at, err := lib.Calendars(req.FirstPickup).At(req.Place)
	if err != nil {
		fail(w, l, err)
		return
	}
	p := lib.CartPolicy(holds.Cart{Place: req.Place, PatronCategory: req.PatronCategory}, req.FirstPickup)
	d := p.ShelfDeadline(req.FirstPickup, at)
	if d.IsZero() {
		fail(w, l, errNoDeadline)
		return
	}
	writeJSON(w, http.StatusOK, shelfDeadlineResponse{Deadline: d})
}

type timelineRequest struct {
	Place          circulation.Place      `json:"place"`
	Secured        calendar.Date          `json:"secured"`
	Loans          int                    `json:"loans"`
	Short          bool                   `json:"short"`
	Collection     circulation.Collection `json:"collection"`
	PatronCategory string                 `json:"patron_category"`
}

type timelineResponse struct {
	Method      circulation.Method `json:"method"`
	Notice      calendar.Date      `json:"notice"`
	HeldBack    bool               `json:"held_back"`
	Sent        calendar.Date      `json:"sent,omitzero"`
	FirstPickup calendar.Date      `json:"first_pickup,omitzero"`
	Deadline    calendar.Date      `json:"deadline,omitzero"`
	Loaned      calendar.Date      `json:"loaned,omitzero"`
	Due         calendar.Date      `json:"due,omitzero"`
}

// timeline answers every date of a reservation secured on a day (H4,
// R-PL1, R-AL2, R-PT2, R-PT3, R-HD2, R-HD4, R-PT5), under the policy the
// table gives its place, item and patron category (V7).
func (s *service) timeline(w http.ResponseWriter, l reason.Lang, req timelineRequest) {
	r := holds.Reservation{Place: req.Place, Short: req.Short, Collection: req.Collection, PatronCategory: req.PatronCategory, SecuredOn: req.Secured}
	t, err := s.library().Timeline(r, req.Loans)
	decided(w, l, err, http.StatusOK, timelineResponse{
		Method: t.Place.Method, Notice: t.Notice, HeldBack: t.HeldBack, Sent: t.Sent,
		FirstPickup: t.FirstPickup, Deadline: t.Deadline, Loaned: t.Loaned, Due: t.Due,
	})
}

type noticeRequest struct {
	Item       string                 `json:"item"`
	Place      circulation.Place      `json:"place"`
	Collection circulation.Collection `json:"collection"`
	Secured    calendar.Date          `json:"secured"`
	Loans      int                    `json:"loans"`
	Short      bool                   `json:"short"`
	Parcel     shipping.Class         `json:"parcel"`
	// PatronCategory is the host's category of the patron (V3, V7).
	PatronCategory string `json:"patron_category"`
}

type noticeResponse struct {
	Notice notice.Notice `json:"notice"`
	Text   string        `json:"text"`
}

// notice answers the content of the notice email of an item secured (H6).
func (s *service) notice(w http.ResponseWriter, l reason.Lang, req noticeRequest) {
	r := holds.Reservation{Item: req.Item, Place: req.Place, Collection: req.Collection, Short: req.Short, PatronCategory: req.PatronCategory, SecuredOn: req.Secured}
	n, err := s.library().Notice(r, req.Loans, req.Parcel)
	decided(w, l, err, http.StatusOK, noticeResponse{Notice: n, Text: n.Text(nil, l)})
}

type emailRequest struct {
	Email string `json:"email"`
}

// checkEmail checks an email address (P6) and answers it as it is kept.
func (s *service) checkEmail(w http.ResponseWriter, l reason.Lang, req emailRequest) {
	e, err := patron.ParseEmail(req.Email)
	decided(w, l, err, http.StatusOK, emailRequest{Email: e.String()})
}

type passwordRequest struct {
	Password string `json:"password"`
}

type passwordResponse struct {
	Valid bool `json:"valid"`
}

// checkPassword checks a password (P4); it never echoes the password.
func (s *service) checkPassword(w http.ResponseWriter, l reason.Lang, req passwordRequest) {
	_, err := patron.ParsePassword(req.Password)
	decided(w, l, err, http.StatusOK, passwordResponse{Valid: true})
}

type cardNumberRequest struct {
	CardNumber string `json:"card_number"`
}

// checkCardNumber checks a card number (P2) and answers it as it is
// kept, full-width digits folded.
func (s *service) checkCardNumber(w http.ResponseWriter, l reason.Lang, req cardNumberRequest) {
	c, err := patron.ParseCardNumber(req.CardNumber)
	decided(w, l, err, http.StatusOK, cardNumberRequest{CardNumber: c.String()})
}

type parcelRequest struct {
	Parcel shipping.Parcel `json:"parcel"`
	Posted calendar.Date   `json:"posted"`
	Zone   shipping.Zone   `json:"zone"`
}

type parcelResponse struct {
	Class          shipping.Class `json:"class"`
	Label          string         `json:"label"`
	Postage        string         `json:"postage"`
	CashOnDelivery string         `json:"cash_on_delivery"`
	// SampleTariff reports prices from shipping.SampleTariff, sample
	// figures, because the configuration has no rate tables.
	SampleTariff bool `json:"sample_tariff,omitempty"`
}

// parcel classifies a parcel (R-HD3) and prices it on the posting day
// (R-HD1), in yen as decimal text.
func (s *service) parcel(w http.ResponseWriter, r *http.Request) {
	l := language(w, r)
	req := parcelRequest{Zone: shipping.ZoneHokkaido}
	if !decode(w, r, l, &req) {
		return
	}
	c, err := s.classifier.Classify(req.Parcel)
	if err != nil {
		fail(w, l, err)
		return
	}
	postage, err := s.tariff.Postage(shipping.Shipment{Class: c, Weight: req.Parcel.Weight, Zone: req.Zone, Posted: req.Posted})
	if err != nil {
		fail(w, l, err)
		return
	}
	cod, err := s.tariff.CashOnDelivery(shipping.Shipment{Class: c, Weight: req.Parcel.Weight, Zone: req.Zone, Posted: req.Posted})
	decided(w, l, err, http.StatusOK, parcelResponse{Class: c, Label: c.Label(l), Postage: postage.String(), CashOnDelivery: cod.String(), SampleTariff: s.sample})
}
