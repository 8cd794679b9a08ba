package holds

import (
	"errors"
	"fmt"
	"slices"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// Do takes the step r asks for, under the policy and the calendars the
// desk's Rules give for r.Today, and returns what changed: the
// reservations to store and the audit Transition of each (Change). It is
// the one way to change a reservation, with ExpireDue. By action:
//
//   - ActionReserve places a reservation for every item of r.Cart, or
//     none (H2); see the refusals below. Reservations are numbered in
//     cart order; with ReadingOrder they form one group, in that order.
//     Each takes its collection and Short from its item's catalogue
//     status.
//   - ActionSecure secures a copy of r.Item that has become available
//     for the first reservation in its queue that may go ahead (first
//     come, first served, H3), today: the notice email goes out that day
//     (H6). A reservation in reading order may not go ahead while an
//     earlier item of its order is still waiting (H2): by default it
//     keeps its place and the item goes to the next in line; with
//     Policy.HoldForReadingOrder the item waits for it (ErrOrderPending).
//     With no reservation that may go ahead, ErrNobodyWaiting, or
//     ErrOrderPending when some are held back by their reading order. The
//     desk does not count copies: the host asks once per copy that
//     becomes free for the queue.
//   - ActionShip sends a secured item on its way: by courier to a
//     partner library (R-PT2), by post home (R-HD2, the loan processed
//     that day), or to the Assembly Library (回送); never from the
//     Prefectural Library (ErrNoStep). With r.Loans at the policy's
//     MaxLoans or more, an item for a partner library or home is not sent
//     until a return has been processed (ErrHeldBack, R-HD4, R-PT5).
//   - ActionMakeReady puts the item on the hold shelf (貸出可能, H3) until
//     its deadline, Policy.ShelfDeadline of its first collectable day at
//     the pickup place (H4): r.Today is the notice day at the Prefectural
//     and Assembly Libraries (pickup from the next open day, R-PL1,
//     R-AL2), the arrival day at a partner library (pickup from two days
//     after the courier day, or the next open day, R-PT3). Items for
//     home delivery have no hold shelf (ErrNoStep).
//   - ActionCollect makes the ready (or, for home delivery, posted) item
//     a loan, Change.Loan: dated the day the item left when it travels
//     (L2), today otherwise, due by the policy's periods for the place
//     and Reservation.Short, on the calendar of the place it goes back to
//     (L5), and Reserved when other reservations of the item remain in
//     its queue, since such a loan cannot be extended (L4 b). It may come
//     after the deadline, as long as the reservation has not been
//     expired. Everyone behind moves up (H3).
//   - ActionExpire expires a ready reservation after its deadline (H4;
//     ErrDeadlineNotPassed on or before it).
//   - ActionCancel cancels an active reservation (H5), and ActionChangePlace
//     changes its pickup place to r.Place (H5, M1): the patron only while
//     it is waiting; once the item is secured and the notice sent (H6),
//     ErrNeedsStaff, which staff let go with r.Override (soft by default,
//     Policy.Overridable). A partner library needs the patron's
//     registration there, listed in r.PartnerLibraries
//     (patron.ErrNotPartnerRegistered, P1, R-PT1). An item on its way or
//     on a shelf goes back to secured to be routed again; one posted home
//     cannot be redirected (ErrNoStep, R-HD2). The same place changes
//     nothing: an empty Change.
//   - ActionExtendShelf extends a ready reservation's hold shelf once
//     (H9): its Deadline becomes Policy.ExtendShelf of it, under the
//     hold policy of the day it was made ready (ReadyOn). Refused with
//     ErrShelfExtensionOff when that policy offers none,
//     ErrShelfAlreadyExtended after the first,
//     ErrShelfOthersWait (with the item) while another reservation of
//     the item waits, ErrShelfDeadlinePassed after the deadline; a
//     reservation that is not ready, or for home delivery, ErrNoStep.
//
// The pickup place of a checkout or a change of place must be one the
// calendars of the day (Rules.Calendars) know: a partner library they
// have no calendar for — a typo of a configured one — is refused with
// ErrPlace naming it (reason.LibraryName), as an invalid place is,
// before anything is secured or sent; rules without the calendar of the
// Prefectural Library or the Assembly Library are bad input at
// "cart.place" or "place".
//
// A refusal is a *reason.Refusal whose What is the action's code, listing
// every reason that applies. A checkout lists, in this order, the cart's
// own (ErrCartEmpty, ErrCartMethod, ErrPlace,
// patron.ErrNotPartnerRegistered), circulation.Policy.MayReserve's (the
// limits, circulation.ErrReservationLimit, H1, and circulation.ErrLoanLimit
// when the Reserve button hides at the loan limit, I2; then each item
// never lent, circulation.ErrNotLoanable, I1), then each item the patron
// already has an active reservation for, or that is twice in the cart
// (ErrAlreadyReserved); each reason about one item carries it
// (reason.Item). A step the lifecycle has no edge for is ErrNoStep; an
// unknown ID is ErrUnknownReservation.
//
// Staff may let soft reasons go with r.Override: the limits at checkout
// (circulation's Overridable) and ErrNeedsStaff (Policy.Overridable);
// Change.Override is the override used, and each Transition records it.
// A patron never overrides.
//
// A request that is not well-formed (see Request), a cart item without
// identifier or valid status, a day before the reservation's last step,
// a place without a calendar, an invalid policy of the day, or a desk
// out of IDs is bad input, reason.Problems naming the field, and changes
// nothing; so is a refusal. On a partial desk (NewPartialDesk), so is a
// request whose read set (Request.Reads) the desk does not hold whole
// (ErrIncompleteReadSet), once the request is well-formed.
func (d *Desk) Do(r Request) (Change, error) {
	if d == nil || d.rules == nil {
		return Change{}, noRules()
	}
	if err := r.check(); err != nil {
		return Change{}, err
	}
	if err := d.held.covers(r, d.rs); err != nil {
		return Change{}, err
	}
	switch r.Action {
	case ActionReserve:
		p, err := d.cartPolicy(r.Cart, r.Today)
		if err != nil {
			return Change{}, err
		}
		return d.checkout(r, p)
	case ActionSecure:
		p, err := d.policy(r.Today)
		if err != nil {
			return Change{}, err
		}
		return d.secureNext(r.Item, r.Today, p)
	}
	return d.step(r)
}

// noRules is the error of a desk not made by NewDesk.
func noRules() error {
	return reason.BadInput("rules", "the desk has no rules: make it with NewDesk")
}

// maxValid is how many policies a desk remembers as checked: a cart's
// and its reservations' under a policy table (V7) in turn, compared
// without hashing or allocating; more would make every desk, a partial
// one built for one request included, larger for little gain.
const maxValid = 2

// policy returns the policy of the rules for day, checked.
func (d *Desk) policy(day calendar.Date) (Policy, error) {
	return d.checked(d.rules.HoldPolicy(day))
}

// policyOf returns the policy of a decision about r on day, checked: the
// table's when the rules have one (PolicyTable, V7), else the day's.
func (d *Desk) policyOf(r Reservation, day calendar.Date) (Policy, error) {
	if d.table == nil {
		return d.policy(day)
	}
	return d.checked(d.table.PolicyFor(r, day))
}

// cartPolicy returns the policy of a checkout of cart c on day, checked:
// the table's when the rules have one (PolicyTable, V7), else the
// day's.
func (d *Desk) cartPolicy(c Cart, day calendar.Date) (Policy, error) {
	if d.table == nil {
		return d.policy(day)
	}
	return d.checked(d.table.CartPolicy(c, day))
}

// checked returns p, or bad input at "policy" when it fails Validate.
func (d *Desk) checked(p Policy) (Policy, error) {
	for i := range d.nvalid {
		if d.valid[i] == p {
			return p, nil
		}
	}
	if err := p.Validate(); err != nil {
		return Policy{}, under("policy", err)
	}
	d.valid[d.next] = p
	d.next = (d.next + 1) % maxValid
	d.nvalid = min(d.nvalid+1, maxValid)
	return p, nil
}

// step takes the step r asks of one reservation, under the policy of a
// decision about it (policyOf): that of Today, but for the shelf, whose
// days are those the notice gave, the policy of the day the item was
// secured (H4, V1), and whose extension is that of the day it was made
// ready (H9).
func (d *Desk) step(r Request) (Change, error) {
	var used circulation.Override
	var loan circulation.Loan
	before, after, err := d.apply(r.Action, r.ID, func(res Reservation) (Reservation, error) {
		if r.Action == ActionExpire {
			return res.expire(r.Today)
		}
		day := r.Today
		switch r.Action {
		case ActionMakeReady:
			day = res.SecuredOn
		case ActionExtendShelf:
			day = res.ReadyOn
		}
		p, err := d.policyOf(res, day)
		if err != nil {
			return res, err
		}
		switch r.Action {
		case ActionShip:
			res, err = res.ship(r.Today, r.Loans, p)
		case ActionMakeReady:
			res, err = res.makeReady(r.Today, d.rules.Calendars(r.Today), p)
		case ActionCollect:
			res, loan, err = res.collect(r.Today, d.rules.Calendars(r.Today), p)
		case ActionCancel:
			res, used, err = res.cancel(r.By, r.Today, p, r.Override)
		case ActionChangePlace:
			res, used, err = res.changePlace(r.By, r.Place, r.PartnerLibraries, d.rules.Calendars(r.Today), p, r.Override)
		case ActionExtendShelf:
			res, err = res.extendShelf(r.Today, d.rules.Calendars(r.Today), p, d.othersWait(res))
		}
		return res, err
	})
	switch {
	case err != nil:
		return Change{}, err
	case after == before: // a change of place to the same place
		return Change{Reservations: []Reservation{}, Transitions: []Transition{}}, nil
	}
	ch := single(after, transition(r.Action, r.By, r.Today, before, after, used))
	ch.Override = used
	if r.Action == ActionCollect {
		loan.Reserved = d.queues[after.Item] != nil // empty queues are dropped
		ch.Loan = loan
	}
	return ch, nil
}

// othersWait reports whether another reservation of r's item waits in
// its queue (H9): r itself, being ready, is not among the waiting.
func (d *Desk) othersWait(r Reservation) bool {
	q := d.queues[r.Item]
	return q != nil && q.waiting > 0
}

// transition is the audit record of the step action took from before to
// after, by by on day on, with the override used.
func transition(action Action, by Actor, on calendar.Date, before, after Reservation, used circulation.Override) Transition {
	return Transition{
		Reservation: after.ID, Action: action, By: by, On: on,
		From: before.State, To: after.State, Place: after.Place, Override: used,
	}
}

// secureNext secures a copy of item for the first reservation in its
// queue that may go ahead (ActionSecure). It does not walk the queue: the
// reservations free to go ahead are kept in a heap, each entering it when
// it becomes free (placed, or the earlier items of its reading order no
// longer waiting) and leaving it once, so a call costs O(log n + k)
// amortised for a queue of n and a reading order of k, however many
// reservations ahead of it are secured or held back. With
// Policy.HoldForReadingOrder a cursor past the reservations no longer
// waiting finds the first in line, amortised O(1).
func (d *Desk) secureNext(item string, today calendar.Date, p Policy) (Change, error) {
	q := d.queues[item]
	if q == nil || q.waiting == 0 {
		return Change{}, refuse(ActionSecure, ErrNobodyWaiting.With(reason.Item(item)))
	}
	var i int32
	if p.HoldForReadingOrder {
		if i = q.firstWaiting(d.rs); i < 0 {
			return Change{}, refuse(ActionSecure, ErrNobodyWaiting.With(reason.Item(item)))
		}
		if !d.mayGoAhead(d.rs[i]) {
			return Change{}, refuse(ActionSecure, ErrOrderPending.With(reason.Item(item)))
		}
	} else if i = q.firstFree(d.rs, d.mayGoAhead); i < 0 {
		return Change{}, refuse(ActionSecure, ErrOrderPending.With(reason.Item(item)))
	}
	before := d.rs[i]
	after, err := before.secure(today)
	if err != nil {
		return Change{}, err
	}
	d.store(i, before, after)
	return single(after, transition(ActionSecure, 0, today, before, after, circulation.Override{})), nil
}

// single returns the change of one reservation r, recorded by tr, in one
// allocation.
func single(r Reservation, tr Transition) Change {
	one := &struct {
		r [1]Reservation
		t [1]Transition
	}{[1]Reservation{r}, [1]Transition{tr}}
	return Change{Reservations: one.r[:], Transitions: one.t[:]}
}

// ExpireDue expires every ready reservation whose deadline is before
// today (H4), as ActionExpire does, and returns them in ID order with
// their Transitions. A reservation that cannot be expired is left ready
// and reported in the error, the others being expired all the same. It
// reads no rules, and costs O(log N) for each of the N ready reservations
// it expires or finds stale, not a scan of the desk. A zero today is bad
// input; a nil or zero Desk expires nothing. A partial desk
// (NewPartialDesk) expires only when its read set's Due is today or later
// (ReadSet{Due: today}), and refuses otherwise with ErrIncompleteReadSet.
func (d *Desk) ExpireDue(today calendar.Date) (Change, error) {
	if today.IsZero() {
		return Change{}, reason.BadInput("today", "ExpireDue needs today's date")
	}
	ch := Change{Reservations: []Reservation{}, Transitions: []Transition{}}
	if d == nil {
		return ch, nil
	}
	if err := d.held.coversDue(today); err != nil {
		return Change{}, err
	}
	var due []int32
	for len(d.shelf) > 0 && today.After(d.shelf[0].deadline) {
		e := d.shelf.pop()
		if r := &d.rs[e.i]; r.State == Ready && r.Deadline == e.deadline {
			due = append(due, e.i)
		}
	}
	slices.Sort(due)
	due = slices.Compact(due) // a reservation made ready twice with one deadline
	var failed []error
	for _, i := range due {
		before, after, err := d.apply(ActionExpire, d.rs[i].ID, func(r Reservation) (Reservation, error) { return r.expire(today) })
		if err != nil {
			failed = append(failed, err)
			d.shelf.push(shelfEntry{d.rs[i].Deadline, i}) // still ready: try again next time
			continue
		}
		ch.Reservations = append(ch.Reservations, after)
		ch.Transitions = append(ch.Transitions, transition(ActionExpire, 0, today, before, after, circulation.Override{}))
	}
	return ch, joinFailures("holds: ExpireDue", failed)
}

// maxJoined is the most errors joinFailures lists one by one.
const maxJoined = 8

// joinFailures joins the errors of one call, listing the first maxJoined
// and counting the rest, so that the message stays bounded.
func joinFailures(what string, errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	if len(errs) > maxJoined {
		rest := fmt.Errorf("%s: %d more failures, such as: %w", what, len(errs)-maxJoined, errs[maxJoined])
		errs = append(errs[:maxJoined:maxJoined], rest)
	}
	return errors.Join(errs...)
}

// apply runs the step action, f, on reservation id and, when it
// succeeds, stores the result. It returns the reservation before and
// after.
func (d *Desk) apply(action Action, id uint64, f func(Reservation) (Reservation, error)) (before, after Reservation, err error) {
	i, ok := d.find(id)
	if !ok {
		return Reservation{}, Reservation{}, refuse(action, ErrUnknownReservation)
	}
	r := d.rs[i]
	n, err := f(r)
	if err != nil {
		return r, r, err
	}
	if err := storable(r, n); err != nil {
		return r, r, err
	}
	d.store(i, r, n)
	return r, n, nil
}

// storable checks that a transition from r to n keeps what the desk's
// indexes rely on: who, what and the reading order unchanged, and no way
// out of a final state (a final reservation has left its queue for
// good). The lifecycle has no such transition; the check keeps a future
// one from corrupting the desk.
func storable(r, n Reservation) error {
	switch {
	case n.ID != r.ID || n.Patron != r.Patron || n.Item != r.Item || n.Group != r.Group || n.Order != r.Order:
		return reason.BadInput("id", "reservation %d: a step may not change its ID, patron, item or reading order", r.ID)
	case !n.State.Valid(), r.State.Final() && n.State != r.State:
		return reason.BadInput("state", "reservation %d: the desk cannot take it from %v to %v", r.ID, r.State, n.State)
	}
	return nil
}
