package holds

import (
	"fmt"

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

var orderings = enum.NewTable[Ordering](pkg, "ordering", reason.ErrBadInput,
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

// Cart is a reservation cart at checkout (H2): several items, one pickup
// place for all of them and a reservation method. With ReadingOrder, Items
// are in the order the patron wants to read them. The number of loans,
// which the checkout may need (I2), is Request.Loans.
type Cart struct {
	// Patron is the host's identifier of the patron.
	Patron string `json:"patron"`
	// Items are the items to reserve, each with its catalogue status (I1)
	// and collection (R-PL1); in reading order for ReadingOrder.
	Items []circulation.Item `json:"items"`
	// Place is the one pickup place of every item (M1).
	Place circulation.Place `json:"place"`
	// Ordering is the reservation method (予約方法).
	Ordering Ordering `json:"ordering,omitzero"`
	// PartnerLibraries names the partner libraries where the patron is
	// registered (P1 step 4, R-PT1), as patron.Registration does.
	PartnerLibraries []string `json:"partner_libraries,omitempty"`
	// PatronCategory is the host's category of the patron (V3): its
	// policy table's rows naming it decide the checkout's limits (V7),
	// and each reservation of the cart keeps it. Empty for none; at most
	// 64 characters, without surrounding space.
	PatronCategory string `json:"patron_category,omitempty"`
	// Contact is how the patron wants to be told that an item is ready
	// (H8): ContactEmail (the zero value, the guide's), ContactTelephone
	// or ContactNone. Each reservation of the cart keeps it.
	Contact Contact `json:"contact,omitzero"`
}

// isZero reports whether c holds nothing at all.
func (c Cart) isZero() bool {
	return c.Patron == "" && len(c.Items) == 0 && c.Place == circulation.Place{} && c.Ordering == 0 && len(c.PartnerLibraries) == 0 && c.Contact == ContactEmail && c.PatronCategory == ""
}

// problems reports input that is an error rather than a refusal, with the
// paths of a Request: no patron, an item without identifier or with an
// invalid status or collection. A cart without items, method or valid
// place is a refusal (ErrCartEmpty, ErrCartMethod, ErrPlace): the
// patron's to fix on the checkout page.
func (c Cart) problems() reason.Problems {
	var ps reason.Problems
	if c.Patron == "" {
		ps.Add("cart.patron", "no patron")
	}
	if !c.Contact.Valid() {
		ps.Add("cart.contact", "unknown contact %d", c.Contact)
	}
	if msg := text.CategoryProblem(c.PatronCategory); msg != "" {
		ps.Add("cart.patron_category", "%s", msg)
	}
	for i, it := range c.Items {
		if it.ID == "" {
			ps.Add(fmt.Sprintf("cart.items[%d].item", i), "no identifier")
		}
		if !it.Status.Valid() {
			ps.Add(fmt.Sprintf("cart.items[%d].status", i), "no valid catalogue status")
		}
		if !it.Collection.Valid() {
			ps.Add(fmt.Sprintf("cart.items[%d].collection", i), "unknown collection %d", it.Collection)
		}
	}
	return ps
}
