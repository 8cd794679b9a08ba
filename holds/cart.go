package holds

import (
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/internal/enum"
	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// Ordering is the reservation method (予約方法) chosen at checkout (H2).
// The zero Ordering is not valid.
type Ordering uint8

// The two reservation methods of H2 [reading].
const (
	// Normal (通常): every item is secured on its own as soon as it can be.
	Normal Ordering = iota + 1
	// ReadingOrder (読みたい順): an item is not secured for the patron
	// before every earlier item of the same order has been secured;
	// cancelling one lets the next go ahead.
	ReadingOrder
)

var orderings = enum.NewTable[Ordering](pkg, "ordering", ErrInconsistentInput,
	enum.Name{},
	enum.Name{Code: "normal", En: "normal", Ja: "通常"},
	enum.Name{Code: "reading_order", En: "reading order", Ja: "読みたい順"},
)

// Valid reports whether o is Normal or ReadingOrder.
func (o Ordering) Valid() bool { return orderings.Valid(o) }

// String returns the stable code of o: "normal" or "reading_order".
func (o Ordering) String() string { return orderings.String(o) }

// Label returns the name of o in language l, as the checkout page shows
// it (通常, 読みたい順).
func (o Ordering) Label(l reason.Lang) string { return orderings.Label(o, l) }

// MarshalText encodes o as its stable code.
func (o Ordering) MarshalText() ([]byte, error) { return orderings.MarshalText(o) }

// UnmarshalText decodes a stable code (or a label).
func (o *Ordering) UnmarshalText(b []byte) error { return orderings.UnmarshalText(o, b) }

// CartItem is one item in a reservation cart (予約カート).
type CartItem struct {
	// Item is the host's identifier of the item.
	Item string `json:"item"`
	// Status is the item's catalogue status (I1): an item that can never
	// be lent is refused (I2).
	Status circulation.Status `json:"status,omitzero"`
	// Collection is the item's collection (R-PL1).
	Collection circulation.Collection `json:"collection,omitzero"`
}

// Cart is a reservation cart at checkout (H2): several items, one pickup
// place for all of them and a reservation method. With ReadingOrder, Items
// are in the order the patron wants to read them.
type Cart struct {
	// Patron is the host's identifier of the patron.
	Patron string `json:"patron"`
	// Items are the items to reserve; in reading order for ReadingOrder.
	Items []CartItem `json:"items"`
	// Place is the one pickup place of every item (M1).
	Place circulation.Place `json:"place"`
	// Ordering is the reservation method (予約方法).
	Ordering Ordering `json:"ordering,omitzero"`
	// Loans is the number of items the patron has on loan, used only when
	// the circulation policy hides the Reserve button at the loan limit
	// (I2, circulation.Policy.HideReserveAtLoanLimit).
	Loans int `json:"loans"`
	// PartnerLibraries names the partner libraries where the patron is
	// registered (P1 step 4, R-PT1), as patron.Registration does.
	PartnerLibraries []string `json:"partner_libraries,omitempty"`
}

// ItemRefusal lists the reasons one item of a cart was refused.
type ItemRefusal struct {
	// Index is the position of the item in Cart.Items, from 0.
	Index int
	// Item is the item's identifier.
	Item string
	// Reasons holds every reason that applies to the item.
	Reasons []reason.Coded
}

// CartRefusal is the error of a refused checkout (H2): every reason that
// applies, about the cart as a whole and about each item. It unwraps to a
// *reason.Refusal listing them all, each item reason detailed with its
// item, so that errors.Is finds every reason and reason.Localize renders
// them. A CartRefusal is not modified after it is returned.
type CartRefusal struct {
	// Cart holds the reasons about the whole cart: empty, no valid method
	// or place, no registration at the partner library, over the
	// reservation limit.
	Cart []reason.Coded
	// Items holds the reasons about single items, in cart order; items
	// with nothing wrong are left out.
	Items []ItemRefusal

	all *reason.Refusal
}

// Error lists every reason in English.
func (e *CartRefusal) Error() string { return e.all.Error() }

// Unwrap returns the *reason.Refusal with every reason.
func (e *CartRefusal) Unwrap() error { return e.all }

// newCartRefusal returns nil when there is no reason, and a CartRefusal
// otherwise.
func newCartRefusal(cart []reason.Coded, items []ItemRefusal) error {
	if len(cart) == 0 && len(items) == 0 {
		return nil
	}
	all := append([]reason.Coded(nil), cart...)
	for _, it := range items {
		for _, c := range it.Reasons {
			all = append(all, detailItem(c, it.Item))
		}
	}
	return &CartRefusal{Cart: cart, Items: items, all: &reason.Refusal{Package: pkg, What: "reservation", Reasons: all}}
}

// detailItem details c with the item it concerns, when c is a sentinel,
// cut to a short prefix: ItemRefusal.Item keeps the whole identifier.
func detailItem(c reason.Coded, item string) reason.Coded {
	if r, ok := c.(*reason.Reason); ok {
		item = text.Shorten(item)
		return r.Detail("item "+item, "資料 "+item)
	}
	return c
}
