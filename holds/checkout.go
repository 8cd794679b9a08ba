package holds

import (
	"errors"
	"math"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// checkout places a reservation for every item of r.Cart, or none
// (ActionReserve, H2): see Do.
func (d *Desk) checkout(r Request, p Policy) (Change, error) {
	c := r.Cart
	if ps := c.problems(); len(ps) > 0 {
		return Change{}, ps
	}
	rs, used, err := d.refusals(r, p)
	switch {
	case err != nil:
		return Change{}, err
	case len(rs) > 0:
		return Change{}, refuse(ActionReserve, rs...)
	}
	if err := d.room(len(c.Items)); err != nil {
		return Change{}, err
	}
	return d.place(c, r.Today, used), nil
}

// refusals returns the reasons left to refuse a checkout after staff's
// override, in the order Do gives, and the override used.
func (d *Desk) refusals(r Request, p Policy) ([]reason.Coded, circulation.Override, error) {
	c := r.Cart
	if err := p.checkOverride(r.Override); err != nil {
		return nil, circulation.Override{}, err
	}
	var rs []reason.Coded
	if len(c.Items) == 0 {
		rs = append(rs, ErrCartEmpty)
	}
	if !c.Ordering.Valid() {
		rs = append(rs, ErrCartMethod)
	}
	why, err := pickup(c.Place, c.PartnerLibraries, d.rules.Calendars(r.Today), "cart.place")
	switch {
	case err != nil:
		return nil, circulation.Override{}, err
	case why != nil:
		rs = append(rs, why)
	}
	// I1, H1, I2: circulation's one statement of them.
	dec, err := p.Circulation.MayReserve(circulation.ReserveRequest{
		Items: c.Items, Loans: r.Loans, PersonalLimit: r.PersonalLimit, Reservations: d.Active(c.Patron),
		Override: narrow(r.Override),
	})
	if err != nil {
		var refusal *reason.Refusal
		if !errors.As(err, &refusal) {
			return nil, circulation.Override{}, err
		}
		rs = append(rs, refusal.Reasons...)
	}
	rs = d.duplicates(c, rs)
	rs, used, err := p.override(r.Override, rs)
	if err != nil {
		return nil, circulation.Override{}, err
	}
	return rs, merge(dec.Override, used), nil
}

// checkOverride reports whether ov is the zero Override or one a
// decision of p may take: well-formed, naming only codes of holds and
// circulation.
func (p Policy) checkOverride(ov circulation.Override) error {
	_, _, err := p.override(ov, nil)
	return err
}

// listed is how many of the duplicates of a cart get their item as a
// parameter: a refusal lists 16 reasons of a code and counts the rest
// (reason.Refuse), so that one more suffices.
const listed = 17

// duplicates appends to rs ErrAlreadyReserved for each item of c the
// patron already has an active reservation for, or that is earlier in
// the cart.
func (d *Desk) duplicates(c Cart, rs []reason.Coded) []reason.Coded {
	var buf [smallSet]bool
	n := 0
	for i, dup := range d.alreadyReserved(c, buf[:0]) {
		if !dup {
			continue
		}
		if n++; n <= listed {
			rs = append(rs, ErrAlreadyReserved.With(reason.Item(c.Items[i].ID)))
		} else {
			rs = append(rs, ErrAlreadyReserved)
		}
	}
	return rs
}

// room reports whether the desk can number n more reservations.
func (d *Desk) room(n int) error {
	switch {
	case d.last > math.MaxUint64-uint64(n):
		return reason.BadInput("cart.items", "the desk has run out of reservation IDs")
	case len(d.rs) > math.MaxInt32-n:
		return reason.BadInput("cart.items", "a desk holds at most %d reservations", math.MaxInt32)
	}
	return nil
}

// place places the reservations of cart c today, the checkout having
// used the override used.
func (d *Desk) place(c Cart, today calendar.Date, used circulation.Override) Change {
	var ch Change
	if len(c.Items) == 1 {
		ch = single(Reservation{}, Transition{})
	} else {
		ch = Change{Reservations: make([]Reservation, len(c.Items)), Transitions: make([]Transition, len(c.Items))}
	}
	ch.Override = used
	var by Actor
	if !used.IsZero() {
		by = ByStaff // an override is staff's
	}
	group := uint64(0)
	if c.Ordering == ReadingOrder {
		group = d.last + 1
	}
	for k, it := range c.Items {
		d.last++
		r := Reservation{
			ID: d.last, Patron: c.Patron, Item: it.ID, Place: c.Place,
			Collection: it.Collection, Short: it.Status.Short(), Contact: c.Contact, PatronCategory: c.PatronCategory, State: Waiting, PlacedOn: today,
		}
		i := int32(len(d.rs))
		if group != 0 {
			r.Group, r.Order = group, k+1
			d.groups[group] = append(d.groups[group], i)
		}
		d.rs = append(d.rs, r)
		d.enqueue(i)
		ch.Reservations[k] = r
		ch.Transitions[k] = transition(ActionReserve, by, today, Reservation{}, r, used)
	}
	return ch
}
