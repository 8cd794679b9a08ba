package holds

import (
	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// Rules gives the reservation rules in force on each day: the policy and
// the calendars of the places and the courier. A Desk asks them for the
// Today of every request, so that one desk serves every day, a change of
// the rules applying from its day without rebuilding it. *library.Library
// implements Rules with its configuration's versions (V1), and
// PolicyTable with its policy table (V7).
//
// A Rules must be safe to call from the goroutine that uses the desk and
// should be cheap: the desk calls HoldPolicy once per request and
// Calendars once per request that needs a calendar (ActionReserve and
// ActionChangePlace, for the pickup place; ActionMakeReady,
// ActionCollect). The desk reads what they return during that request
// and keeps none of it — no policy, calendar or Partners map outlives
// the request — and never modifies it, so a Rules may hand out its own
// values, and a host that changes them sees the change from the next
// request. Nothing the desk returns shares memory with its Rules or with
// a Request.
type Rules interface {
	// HoldPolicy returns the reservation policy in force on day.
	HoldPolicy(day calendar.Date) Policy
	// Calendars returns the calendars in force on day.
	Calendars(day calendar.Date) Calendars
}

// PolicyTable is implemented by Rules whose policy also depends on what a
// decision concerns (V7), such as *library.Library, whose policy table
// sets loan periods, limits and shelf days by pickup method, place, item
// category and collection (V3). A desk whose Rules implement it asks
// CartPolicy or PolicyFor instead of HoldPolicy, so that the desk, the
// timeline and the notice give one date:
//
//   - a checkout (ActionReserve) asks CartPolicy for the cart as a
//     whole, on the request's Today: its limits (I1, H1, I2, L14) are
//     the patron's, not one item's;
//   - ActionShip, ActionCollect, ActionCancel and ActionChangePlace ask
//     PolicyFor for the reservation as stored, on Today;
//   - ActionMakeReady asks for it on the day it was secured (SecuredOn),
//     whose shelf days its notice gave (H4, V1), and ActionExtendShelf
//     on the day it was made ready (ReadyOn, H9);
//   - ActionSecure, which concerns an item's queue and not one
//     reservation, keeps HoldPolicy (H3, H6).
//
// selfcheck.Evaluate asks CartPolicy for a patron's limits and
// LoanPolicy for each loan's extension. Each is called as HoldPolicy is
// (see Rules): cheaply, once per decision, and the desk keeps nothing
// they return. A host's Rules that wraps a *library.Library forwards
// them all, or its decisions fall back on the base policies of each day.
type PolicyTable interface {
	// CartPolicy returns the policy in force on day for a checkout of
	// cart c as a whole: its patron, patron category and place, not its
	// items.
	CartPolicy(c Cart, day calendar.Date) Policy
	// PolicyFor returns the policy in force on day for a decision about
	// reservation r.
	PolicyFor(r Reservation, day calendar.Date) Policy
	// LoanPolicy returns the circulation policy in force on day for a
	// decision about loan ln.
	LoanPolicy(ln circulation.Loan, day calendar.Date) circulation.Policy
}

// Request is one change a host asks of a Desk (Desk.Do): the Action, the
// reservation or item it concerns, who asks, the day, and what the
// action needs. Its JSON form has the keys action, id, item, cart, by,
// today, place, partner_libraries, loans, personal_limit and override,
// those an action does not use left out.
//
// Each action uses these fields, besides Action and Today:
//
//   - ActionReserve: Cart, Loans and PersonalLimit (I2, L14, with
//     circulation.Policy.HideReserveAtLoanLimit) and Override (staff
//     placing reservations past a limit, H1);
//   - ActionSecure: Item, whose next reservation in line is secured
//     (H3, H6);
//   - ActionShip: ID and Loans (R-HD4, R-PT5);
//   - ActionMakeReady, ActionCollect, ActionExpire: ID;
//   - ActionCancel: ID, By and Override (H5);
//   - ActionChangePlace: ID, By, Place, PartnerLibraries (P1, R-PT1) and
//     Override (H5);
//   - ActionExtendShelf: ID, and By, who asks (H9).
//
// A field the action needs and lacks, or one it does not use, is bad
// input: Do returns reason.Problems naming the field ("id", "cart.patron",
// "place"), matching reason.ErrBadInput. Loans, a count, is never
// lacking: zero is no loan; nor is PersonalLimit, zero for none. A
// negative Loans or PersonalLimit is bad input.
type Request struct {
	// Action is what is asked.
	Action Action `json:"action"`
	// ID is the reservation the action concerns (all but ActionReserve
	// and ActionSecure).
	ID uint64 `json:"id,omitzero"`
	// Item is the item whose next reservation ActionSecure secures.
	Item string `json:"item,omitzero"`
	// Cart is the reservation cart of ActionReserve.
	Cart Cart `json:"cart,omitzero"`
	// By is who cancels or changes the pickup place (H5).
	By Actor `json:"by,omitzero"`
	// Today is the day of the request: the day recorded by the step, and
	// the day whose rules (Rules) decide it.
	Today calendar.Date `json:"today"`
	// Place is the new pickup place of ActionChangePlace.
	Place circulation.Place `json:"place,omitzero"`
	// PartnerLibraries names the partner libraries where the patron is
	// registered (P1, R-PT1), for ActionChangePlace to a partner library,
	// as patron.Registration does. A checkout has its own, in the Cart.
	PartnerLibraries []string `json:"partner_libraries,omitempty"`
	// Loans is the number of items the patron has on loan.
	Loans int `json:"loans,omitzero"`
	// PersonalLimit is a lower loan limit the patron asked for (L14), 0
	// for none, for ActionReserve: passed to circulation.Policy.MayReserve
	// as circulation.ReserveRequest.PersonalLimit, it counts, as Loans
	// does, only with circulation.Policy.HideReserveAtLoanLimit (I2),
	// refusing with circulation.ErrPersonalLoanLimit.
	PersonalLimit int `json:"personal_limit,omitzero"`
	// Override is staff's override of soft reasons (H1, H5); the zero
	// Override for a patron's own request.
	Override circulation.Override `json:"override,omitzero"`
}

// Change is what a request changed: the reservations to store and the
// audit record of each step. Its JSON form has the keys reservations,
// transitions, loan and override, the last two left out when zero.
type Change struct {
	// Reservations are the reservations the request placed or changed,
	// in ID order: what the host stores. Empty when nothing changed (a
	// change of place to the same place).
	Reservations []Reservation `json:"reservations"`
	// Transitions are the audit record of each step, in the order of
	// Reservations, each with the override it used.
	Transitions []Transition `json:"transitions"`
	// Loan is the loan a collected reservation became (ActionCollect):
	// due date from the policy of the day (L2, L5), Reserved when others
	// wait for the item (L4 b).
	Loan circulation.Loan `json:"loan,omitzero"`
	// Override is the override the decision used: Request.Override
	// narrowed to the reasons it let go, or zero when none.
	Override circulation.Override `json:"override,omitzero"`
}

// uses lists, for each action, the fields of a Request it takes besides
// Action and Today, one bit each.
type field uint16

const (
	fID field = 1 << iota
	fItem
	fCart
	fBy
	fPlace
	fPartners
	fLoans
	fOverride
	fPersonalLimit
)

// fields names each field as the Request's JSON form does.
var fields = [...]struct {
	f    field
	name string
}{
	{fID, "id"}, {fItem, "item"}, {fCart, "cart"}, {fBy, "by"}, {fPlace, "place"},
	{fPartners, "partner_libraries"}, {fLoans, "loans"}, {fOverride, "override"},
	{fPersonalLimit, "personal_limit"},
}

// uses is the fields each action takes; the ones it needs are needs.
var uses = [...]struct{ uses, needs field }{
	ActionReserve:     {fCart | fLoans | fPersonalLimit | fOverride, fCart},
	ActionSecure:      {fItem, fItem},
	ActionShip:        {fID | fLoans, fID},
	ActionMakeReady:   {fID, fID},
	ActionCollect:     {fID, fID},
	ActionExpire:      {fID, fID},
	ActionCancel:      {fID | fBy | fOverride, fID | fBy},
	ActionChangePlace: {fID | fBy | fPlace | fPartners | fOverride, fID | fBy | fPlace},
	ActionExtendShelf: {fID | fBy, fID},
}

// given returns the fields of r that are not zero.
func (r Request) given() field {
	var g field
	set := func(f field, ok bool) {
		if ok {
			g |= f
		}
	}
	set(fID, r.ID != 0)
	set(fItem, r.Item != "")
	set(fCart, !r.Cart.isZero())
	set(fBy, r.By != 0)
	set(fPlace, r.Place != circulation.Place{})
	set(fPartners, len(r.PartnerLibraries) > 0)
	set(fLoans, r.Loans != 0)
	set(fPersonalLimit, r.PersonalLimit != 0)
	set(fOverride, !r.Override.IsZero())
	return g
}

// check reports what is wrong with r before any rule is read: an invalid
// action, no day, a field the action needs and lacks or does not use, an
// invalid actor or a negative loan count.
func (r Request) check() error {
	var ps reason.Problems
	if !r.Action.Valid() {
		ps.Add("action", "no valid action (got %v)", r.Action)
		return ps
	}
	if r.Today.IsZero() {
		ps.Add("today", "%v needs today's date", r.Action)
	}
	u, g := uses[r.Action], r.given()
	for _, f := range fields {
		switch {
		case u.needs&f.f != 0 && g&f.f == 0:
			ps.Add(f.name, "%v needs it", r.Action)
		case u.uses&f.f == 0 && g&f.f != 0:
			ps.Add(f.name, "%v does not use it", r.Action)
		}
	}
	if r.By != 0 && !r.By.Valid() {
		ps.Add("by", "no valid actor (got %v)", r.By)
	}
	if r.Loans < 0 {
		ps.Add("loans", "negative count %d", r.Loans)
	}
	if r.PersonalLimit < 0 {
		ps.Add("personal_limit", "negative limit %d", r.PersonalLimit)
	}
	return ps.Err()
}

// UnmarshalJSON decodes a Request, refusing unknown keys (at every depth)
// and values that are not values of their type, naming them, so that a
// misspelt field is not silently left zero. Do checks the rest. On error
// r is unchanged.
func (r *Request) UnmarshalJSON(b []byte) error {
	type plain Request
	return decodeValid("request", b, (*plain)(r), plain{}, func(plain) error { return nil })
}
