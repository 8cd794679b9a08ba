package circulation

import (
	"github.com/kashidashi/kashidashi/calendar"
)

// Decision is the result of every granted decision of the package: the
// loan it gives (Policy.Extend: the extended loan; zero for the others)
// and the override it used, for the host's audit log: the request's
// Override narrowed to the reasons it let go, or the zero Override when
// none applied. A refused decision returns the zero Decision and a
// *reason.Refusal. Decision is comparable; its JSON form leaves out a
// zero field: {"loan":{…},"override":{…}}.
type Decision struct {
	Loan     Loan     `json:"loan,omitzero"`
	Override Override `json:"override,omitzero"`
}

// UnmarshalJSON decodes a decision like encoding/json but refuses unknown
// keys, naming them. On error d is unchanged.
func (d *Decision) UnmarshalJSON(b []byte) error {
	type plain Decision // without this method, so that decoding does not recurse
	return decodeOver("decision", b, d, func(v *Decision) any { return (*plain)(v) })
}

// Item is one item a patron asks for (a line of the reservation cart, 予約
// カート): the host's identifier of the item, its catalogue status (I1)
// and its collection (R-PL1). Policy.MayReserve reads it, and package
// holds' checkout takes a cart of them. Its JSON form is
// {"item":"0012345678","status":"on_loan","collection":"hokkaido"}, the
// collection left out for the general one.
type Item struct {
	// ID is the host's identifier of the item; the rules do not look at
	// it, but every reason about the item carries it (reason.Item).
	ID string `json:"item"`
	// Status is the item's catalogue status (I1): an item that can never
	// be lent is refused (I2).
	Status Status `json:"status,omitzero"`
	// Collection is the item's collection (R-PL1).
	Collection Collection `json:"collection,omitzero"`
}

// UnmarshalJSON decodes an item like encoding/json but refuses unknown
// keys and unknown codes, naming them. It does not check that the item
// is complete: Policy.MayReserve does. On error it is unchanged.
func (it *Item) UnmarshalJSON(b []byte) error {
	type plain Item // without this method, so that decoding does not recurse
	return decodeOver("item", b, it, func(v *Item) any { return (*plain)(v) })
}

// ExtendRequest is a request to extend a loan (L3, L4), the one argument
// of Policy.Extend: the loan, the patron's other current loans (only
// their due dates matter, L4 e), the day of the extension, the calendar
// of the place the item goes back to (as for Policy.DueDate; not part of
// the JSON form) and, at the counter, a member of staff's Override — the
// zero Override on My Page. Its JSON form is
// {"loan":{…},"others":[…],"today":"2026-04-01","override":{…}}, the
// last two left out when empty.
type ExtendRequest struct {
	Loan     Loan               `json:"loan"`
	Others   []Loan             `json:"others,omitempty"`
	Today    calendar.Date      `json:"today"`
	ReturnTo *calendar.Calendar `json:"-"`
	Override Override           `json:"override,omitzero"`
}

// UnmarshalJSON decodes a request like encoding/json but refuses unknown
// keys and values that are not values of their type, naming them.
// Policy.Extend checks the rest. On error r is unchanged.
func (r *ExtendRequest) UnmarshalJSON(b []byte) error {
	type plain ExtendRequest // without this method, so that decoding does not recurse
	return decodeOver("extend request", b, r, func(v *ExtendRequest) any { return (*plain)(v) })
}

// BorrowRequest asks whether a patron with Loans items on loan may
// borrow one more (L1), the one argument of Policy.MayBorrow; staff may
// lend past the limit with Override. Its JSON form is
// {"loans":10,"override":{…},"personal_limit":5}, the last two left out
// when zero.
type BorrowRequest struct {
	Loans    int      `json:"loans"`
	Override Override `json:"override,omitzero"`
	// PersonalLimit is a lower loan limit the patron asked for (L14), 0
	// for none: the lower of it and Policy.MaxLoans applies.
	PersonalLimit int `json:"personal_limit,omitzero"`
}

// UnmarshalJSON decodes a request like encoding/json but refuses unknown
// keys, naming them. On error r is unchanged.
func (r *BorrowRequest) UnmarshalJSON(b []byte) error {
	type plain BorrowRequest // without this method, so that decoding does not recurse
	return decodeOver("borrow request", b, r, func(v *BorrowRequest) any { return (*plain)(v) })
}

// ReserveRequest asks whether a patron may reserve Items (I1, I2, H1,
// L1), the one argument of Policy.MayReserve: the items, the patron's
// items on loan (Loans) and reservations already held (Reservations),
// and, when staff reserve for the patron, an Override. Its JSON form is
// {"items":[…],"loans":3,"reservations":9,"override":{…}}.
type ReserveRequest struct {
	Items        []Item   `json:"items"`
	Loans        int      `json:"loans"`
	Reservations int      `json:"reservations"`
	Override     Override `json:"override,omitzero"`
	// PersonalLimit is a lower loan limit the patron asked for (L14), 0
	// for none, read with Policy.HideReserveAtLoanLimit as MayBorrow
	// reads it.
	PersonalLimit int `json:"personal_limit,omitzero"`
}

// UnmarshalJSON decodes a request like encoding/json but refuses unknown
// keys and unknown codes, naming them. Policy.MayReserve checks the
// rest. On error r is unchanged.
func (r *ReserveRequest) UnmarshalJSON(b []byte) error {
	type plain ReserveRequest // without this method, so that decoding does not recurse
	return decodeOver("reserve request", b, r, func(v *ReserveRequest) any { return (*plain)(v) })
}
