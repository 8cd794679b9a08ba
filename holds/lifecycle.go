package holds

import (
	"slices"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
)

// The lifecycle is written once, as the table of its edges below. The
// steps Desk.Do takes (the unexported transition methods of Reservation)
// take an edge from it, Reservation's
// validation accepts exactly the dates a walk through it can record, and
// Step and Transition.Validate recognise its edges: nothing else says
// which step goes where.

// routes is a set of pickup methods, one bit per circulation.Method: the
// routes an edge of the lifecycle exists on.
type routes uint8

const (
	onPrefectural routes = 1 << circulation.PrefecturalLibrary
	onAssembly    routes = 1 << circulation.AssemblyLibrary
	onPartner     routes = 1 << circulation.PartnerLibrary
	onHome        routes = 1 << circulation.HomeDelivery
	anyRoute             = onPrefectural | onAssembly | onPartner | onHome
	shelved              = onPrefectural | onAssembly | onPartner // a hold shelf (H4)
)

func (rs routes) has(m circulation.Method) bool { return m.Valid() && rs&(1<<m) != 0 }

// days is a set of the date fields of a Reservation, one bit each.
type days uint8

const (
	placedOn    days = 1 << iota
	securedOn        // SecuredOn (H6)
	shippedOn        // ShippedOn (R-PT2, R-HD2, 回送)
	readyOn          // ReadyOn with its Deadline (H3, H4)
	collectedOn      // CollectedOn (L2)
	endedOn          // EndedOn (H4, H5)
)

// edge is one step of the lifecycle: action takes a reservation from
// state from to state to on the routes on, recording today in sets and
// clearing clears.
type edge struct {
	action   Action
	from, to State
	on       routes
	sets     days
	clears   days
}

// lifecycle is every edge of the lifecycle. An (action, from, route)
// triple has at most one edge.
var lifecycle = [...]edge{
	{ActionReserve, 0, Waiting, anyRoute, placedOn, 0},                              // H2
	{ActionSecure, Waiting, Secured, anyRoute, securedOn, 0},                        // H6
	{ActionShip, Secured, InTransit, onAssembly | onPartner | onHome, shippedOn, 0}, // R-PT2, R-HD2, 回送
	{ActionMakeReady, Secured, Ready, onPrefectural | onAssembly, readyOn, 0},       // R-PL1, R-AL2
	{ActionMakeReady, InTransit, Ready, onAssembly | onPartner, readyOn, 0},         // 回送, R-PT3
	{ActionCollect, Ready, Collected, shelved, collectedOn, 0},                      // L2
	{ActionCollect, InTransit, Collected, onHome, collectedOn, 0},                   // R-HD2: the loan was processed when posted
	{ActionExpire, Ready, Expired, shelved, endedOn, 0},                             // H4
	{ActionExtendShelf, Ready, Ready, shelved, 0, 0},                                // H9: a later Deadline
	{ActionCancel, Waiting, Cancelled, anyRoute, endedOn, 0},                        // H5
	{ActionCancel, Secured, Cancelled, anyRoute, endedOn, 0},
	{ActionCancel, InTransit, Cancelled, anyRoute, endedOn, 0},
	{ActionCancel, Ready, Cancelled, shelved, endedOn, 0},
	{ActionChangePlace, Waiting, Waiting, anyRoute, 0, 0}, // H5
	{ActionChangePlace, Secured, Secured, anyRoute, 0, 0},
	// An item on its way or on a shelf is routed again from the start;
	// one posted home (R-HD2) cannot be.
	{ActionChangePlace, InTransit, Secured, onAssembly | onPartner, 0, shippedOn | readyOn},
	{ActionChangePlace, Ready, Secured, shelved, 0, shippedOn | readyOn},
}

// lookup returns the edge action takes from state from on route m.
func lookup(action Action, from State, m circulation.Method) (edge, bool) {
	for _, e := range lifecycle {
		if e.action == action && e.from == from && e.on.has(m) {
			return e, true
		}
	}
	return edge{}, false
}

// noStep is the refusal of a step the lifecycle table has no edge for:
// ErrNoStep, in a refusal naming the action (its What). The state and
// route are the reservation's own, which the caller holds.
func noStep(action Action) error { return refuse(action, ErrNoStep) }

// refuse returns the refusal of action for the reasons rs: a
// *reason.Refusal of this package whose What is the action's code,
// "holds: ship refused: lifecycle.no_step".
func refuse(action Action, rs ...reason.Coded) error { return reason.Refuse(pkg, action.String(), rs) }

// apply returns r after e, taken today.
func (e edge) apply(r Reservation, today calendar.Date) Reservation {
	r.State = e.to
	for _, f := range r.dayFields() {
		switch {
		case e.sets&f.bit != 0:
			*f.day = today
		case e.clears&f.bit != 0:
			*f.day = calendar.Date{}
		}
	}
	if e.clears&readyOn != 0 {
		r.Deadline = calendar.Date{}
	}
	return r
}

// recordable holds, for each route and state, the sets of days a
// reservation in that state can have recorded: bit k of
// recordable[m][s] stands for days(k). It is computed once from the
// lifecycle table and never changed.
var recordable = walk()

// walk follows every path of the lifecycle from the start on each route
// and collects the days recorded on reaching each state. A change of
// place starts a route again from Waiting or Secured, states every route
// reaches with the same days, so walking each route on its own suffices.
func walk() (out [circulation.HomeDelivery + 1][Cancelled + 1]uint64) {
	type at struct {
		s State
		d days
	}
	for m := circulation.PrefecturalLibrary; m <= circulation.HomeDelivery; m++ {
		todo := []at{{0, 0}}
		for len(todo) > 0 {
			p := todo[len(todo)-1]
			todo = todo[:len(todo)-1]
			for _, e := range lifecycle {
				if e.from != p.s || !e.on.has(m) {
					continue
				}
				n := at{e.to, (p.d | e.sets) &^ e.clears}
				if out[m][n.s]&(1<<n.d) == 0 {
					out[m][n.s] |= 1 << n.d
					todo = append(todo, n)
				}
			}
		}
	}
	return out
}

// begin checks what every step but a change of place needs: a day, not
// before any step already taken (days never go backwards), and an edge
// of the lifecycle for action from r's state on r's route.
func (r Reservation) begin(action Action, today calendar.Date) (edge, error) {
	if today.IsZero() {
		return edge{}, reason.BadInput("today", "%v needs today's date", action)
	}
	e, ok := lookup(action, r.State, r.Place.Method)
	if !ok {
		return edge{}, noStep(action)
	}
	if last := r.latest(); today.Before(last) {
		return edge{}, reason.BadInput("today", "%v is before the last step of reservation %d, on %v", today, r.ID, last)
	}
	return e, nil
}

// secure returns r secured on today: the item is set aside for the patron
// and the notice email (予約資料確保メール) goes out that day (H6). r must
// be waiting. secure does not look at the queue or the reading order:
// Desk.Do does (ActionSecure).
//
// A patron at the loan limit is still secured and notified; only the
// sending waits (R-HD4, R-PT5: see ship).
func (r Reservation) secure(today calendar.Date) (Reservation, error) {
	e, err := r.begin(ActionSecure, today)
	if err != nil {
		return r, err
	}
	return e.apply(r, today), nil
}

// ship returns r on its way from today: by courier to a partner library
// (R-PT2), by post to the patron's home (R-HD2, the loan being processed
// that day), or to the Assembly Library (回送). r must be secured; an item
// picked up at the Prefectural Library is never shipped (ErrNoStep).
//
// loans is the number of items the patron has on loan today: at
// p.Circulation.MaxLoans or more, an item for a partner library or for
// home delivery is not sent until a return has been processed
// (ErrHeldBack with that limit, R-HD4, R-PT5).
func (r Reservation) ship(today calendar.Date, loans int, p Policy) (Reservation, error) {
	e, err := r.begin(ActionShip, today)
	if err != nil {
		return r, err
	}
	if m := r.Place.Method; (m == circulation.PartnerLibrary || m == circulation.HomeDelivery) && loans >= p.Circulation.MaxLoans {
		return r, refuse(ActionShip, heldBack(p.Circulation.MaxLoans))
	}
	return e.apply(r, today), nil
}

// makeReady returns r ready for pickup (貸出可能, H3) from today, on the
// hold shelf until its deadline (H4), at the pickup place whose calendar
// c gives (Calendars.At). What today is depends on the route:
//
//   - Prefectural Library, Assembly Library: the notice day, when My
//     Page shows 貸出可能 and the deadline (usually the day the item is
//     secured, or the day it arrives at the Assembly Library after 回送).
//     Pickup starts the next open day (R-PL1, R-AL2), so the deadline is
//     p.ShelfDeadline of that day: by default the ShelfDays-th open day
//     after today.
//   - partner library: the day the item arrives there. The first
//     collectable day is the first open day on or after both today and
//     two days after the courier day (R-PT3), and the deadline is
//     p.ShelfDeadline of that day. Any arrival day up to it gives the
//     deadline Policy.Timeline shows.
//
// The item must be secured (Prefectural Library, Assembly Library) or
// have been shipped (Assembly Library, partner library); items for home
// delivery have no hold shelf (ErrNoStep).
func (r Reservation) makeReady(today calendar.Date, c Calendars, p Policy) (Reservation, error) {
	e, err := r.begin(ActionMakeReady, today)
	if err != nil {
		return r, err
	}
	at, err := c.At(r.Place)
	if err != nil {
		return r, err
	}
	deadline := p.ShelfDeadline(r.firstCollectable(today, at), at, r.Contact)
	if deadline.IsZero() || deadline.Before(today) {
		return r, reason.BadInput("today", "no hold-shelf deadline after %v in calendar %s", today, text.Quote(at.Name()))
	}
	r = e.apply(r, today)
	r.Deadline = deadline
	return r, nil
}

// firstCollectable returns the first day the patron can collect r's item
// when it is made ready today at a place with calendar at: the next open
// day at the Prefectural and Assembly Libraries (R-PL1, R-AL2), the first
// open day from today and from two days after the courier day at a
// partner library (R-PT3).
func (r Reservation) firstCollectable(today calendar.Date, at *calendar.Calendar) calendar.Date {
	if r.Place.Method != circulation.PartnerLibrary {
		return at.AddOpenDays(today, 1)
	}
	from := r.ShippedOn.AddDays(2)
	if today.After(from) {
		from = today
	}
	return at.NextOpen(from)
}

// collect returns r collected today and the loan it becomes. The item
// must be ready for pickup, or, for home delivery, posted. The loan is
// dated the day the item left when it travels (L2: its period includes
// the trip out): the courier day for a partner library, the posting day
// for home delivery, when it was processed (R-HD2); today otherwise. The
// due date follows p.Circulation for the place's method and r.Short (L2,
// L5), on the calendar c gives of the place the item goes back to (the
// pickup place; the Prefectural Library for home delivery). collect does
// not check the loan limit (L1), which is circulation's business.
//
// collect may be called after the deadline as long as r has not been
// expired: the patron who comes on the morning after the deadline, before
// staff clear the shelf, still gets the book.
func (r Reservation) collect(today calendar.Date, c Calendars, p Policy) (Reservation, circulation.Loan, error) {
	e, err := r.begin(ActionCollect, today)
	if err != nil {
		return r, circulation.Loan{}, err
	}
	returnTo, err := c.At(r.Place)
	if err != nil {
		return r, circulation.Loan{}, err
	}
	loan := circulation.Loan{
		Item:           r.Item,
		Place:          r.Place,
		Collection:     r.Collection,
		Short:          r.Short,
		PatronCategory: r.PatronCategory,
		Loaned:         today,
	}
	if m := r.Place.Method; m == circulation.PartnerLibrary || m == circulation.HomeDelivery {
		loan.Loaned = r.ShippedOn // the lifecycle ships both before this step
	}
	if loan.Due, err = p.Circulation.DueDate(loan, returnTo); err != nil {
		return r, circulation.Loan{}, err
	}
	return e.apply(r, today), loan, nil
}

// expire returns r expired today: the item was not collected by its
// hold-shelf deadline and the reservation is cancelled (H4). r must be
// ready and today after its deadline (ErrDeadlineNotPassed; see Expired).
func (r Reservation) expire(today calendar.Date) (Reservation, error) {
	e, err := r.begin(ActionExpire, today)
	if err != nil {
		return r, err
	}
	if !r.Expired(today) {
		return r, refuse(ActionExpire, ErrDeadlineNotPassed.With(reason.Date(r.Deadline)))
	}
	return e.apply(r, today), nil
}

// extendShelf returns r with its hold shelf extended once today (H9):
// its Deadline becomes p.ExtendShelf of it at the pickup place whose
// calendar c gives. r must be ready on a route with a
// hold shelf (ErrNoStep); the policy must offer an extension
// (ErrShelfExtensionOff), r not have had one (ErrShelfAlreadyExtended),
// nobody else wait for the item (othersWait, ErrShelfOthersWait) and
// today be on or before the deadline (ErrShelfDeadlinePassed): every
// reason that applies is listed.
func (r Reservation) extendShelf(today calendar.Date, c Calendars, p Policy, othersWait bool) (Reservation, error) {
	e, err := r.begin(ActionExtendShelf, today)
	if err != nil {
		return r, err
	}
	var rs []reason.Coded
	if p.ShelfExtensionDays < 1 {
		rs = append(rs, ErrShelfExtensionOff)
	}
	if r.ShelfExtended {
		rs = append(rs, ErrShelfAlreadyExtended)
	}
	if othersWait {
		rs = append(rs, ErrShelfOthersWait.With(reason.Item(r.Item)))
	}
	if r.Expired(today) {
		rs = append(rs, ErrShelfDeadlinePassed.With(reason.Date(r.Deadline)))
	}
	if len(rs) > 0 {
		return r, refuse(ActionExtendShelf, rs...)
	}
	at, err := c.At(r.Place)
	if err != nil {
		return r, err
	}
	deadline := p.ExtendShelf(r.Deadline, at)
	if deadline.IsZero() {
		return r, reason.BadInput("today", "no hold-shelf deadline after %v in calendar %s", r.Deadline, text.Quote(at.Name()))
	}
	r = e.apply(r, today)
	r.Deadline, r.ShelfExtended = deadline, true
	return r, nil
}

// mayAct checks that by may cancel r or change its place, with the
// override ov, under p, and returns the override used. The patron may
// only while r is waiting, before the notice; once the item is secured
// and the notice sent (H6), on every route, ErrNeedsStaff applies (H5):
// the patron is refused, and staff go ahead with an override letting it
// go (soft by default, Policy.Overridable). A patron can never override
// (circulation.ErrNotStaff).
func (r Reservation) mayAct(action Action, by Actor, p Policy, ov circulation.Override) (circulation.Override, error) {
	switch {
	case !by.Valid():
		return circulation.Override{}, reason.BadInput("by", "%v needs an actor: patron or staff", action)
	case by == ByPatron && !ov.IsZero():
		return circulation.Override{}, notStaff()
	case r.State.Final():
		return circulation.Override{}, noStep(action)
	}
	var rs []reason.Coded
	if r.State != Waiting {
		rs = append(rs, ErrNeedsStaff)
	}
	rs, used, err := p.override(ov, rs)
	switch {
	case err != nil:
		return circulation.Override{}, err
	case len(rs) > 0:
		return circulation.Override{}, refuse(action, rs...)
	}
	return used, nil
}

// cancel returns r cancelled today by by, and the override used. The
// patron may cancel on My Page only while r is waiting; after the notice
// ErrNeedsStaff applies (H5), and staff cancel with an override ov that
// lets it go (soft under the default p.Overridable). While r is waiting
// nobody needs one.
func (r Reservation) cancel(by Actor, today calendar.Date, p Policy, ov circulation.Override) (Reservation, circulation.Override, error) {
	used, err := r.mayAct(ActionCancel, by, p, ov)
	if err != nil {
		return r, circulation.Override{}, err
	}
	e, err := r.begin(ActionCancel, today)
	if err != nil {
		return r, circulation.Override{}, err
	}
	r = e.apply(r, today)
	r.CancelledBy = by
	return r, used, nil
}

// changePlace returns r with its pickup place changed to to, by by, and
// the override used. As for cancel, the patron may do it only while r is
// waiting (H5: ErrNeedsStaff afterwards); staff may do it while the
// reservation is active, after the notice with an override ov letting
// ErrNeedsStaff go, except for an item already posted to the patron's
// home (ErrNoStep, R-HD2). The new place must be one the calendars c of
// the day have a calendar for (pickup): a partner library they do not
// know is refused with ErrPlace naming it. A partner library as the new
// place needs the patron's registration there (P1, R-PT1):
// partnerLibraries lists the partner libraries where the patron is
// registered, as patron.Registration.PartnerLibraries does, and a
// library not among them is refused with patron.ErrNotPartnerRegistered.
//
// An item on its way or on a hold shelf must be sent again: r goes back
// to secured (its secured day kept, its shipped, ready and deadline days
// cleared) so that the item is routed to the new place. A waiting or
// secured reservation keeps its state. Changing to the same place
// changes nothing.
func (r Reservation) changePlace(by Actor, to circulation.Place, partnerLibraries []string, c Calendars, p Policy, ov circulation.Override) (Reservation, circulation.Override, error) {
	used, err := r.mayAct(ActionChangePlace, by, p, ov)
	if err != nil {
		return r, circulation.Override{}, err
	}
	e, ok := lookup(ActionChangePlace, r.State, r.Place.Method)
	if !ok {
		return r, circulation.Override{}, noStep(ActionChangePlace)
	}
	why, err := pickup(to, partnerLibraries, c, "place")
	switch {
	case err != nil:
		return r, circulation.Override{}, err
	case why != nil:
		return r, circulation.Override{}, refuse(ActionChangePlace, why)
	case to == r.Place:
		return r, circulation.Override{}, nil
	}
	r = e.apply(r, calendar.Date{})
	r.Place = to
	return r, used, nil
}

// pickup checks to as the pickup place of a checkout or a change of
// place, under the calendars c of the request's day (M1). It returns the
// reason to refuse it, for the patron to choose again: ErrPlace when to
// is not a valid place, or is a partner library c has no calendar for
// (a typo of a configured one, or one the rules do not know that day),
// with the library's name; patron.ErrNotPartnerRegistered, with the
// library, for a partner library not among partnerLibraries, those where
// the patron is registered (P1, R-PT1). And it returns bad input at path
// when c has no calendar for the Prefectural Library, the Assembly
// Library or home delivery: rules without them are the host's fault.
// Refusing such a place now keeps an item from being secured and sent
// to a place that can never make it ready.
func pickup(to circulation.Place, partnerLibraries []string, c Calendars, path string) (reason.Coded, error) {
	switch {
	case to.Validate() != nil:
		return ErrPlace, nil
	case to.Method != circulation.PartnerLibrary:
		if _, err := c.At(to); err != nil {
			return nil, reason.BadInput(path, "the rules of the day have no calendar for %s", text.Quote(to.String()))
		}
		return nil, nil
	case c.Partners[to.Library] == nil:
		return ErrPlace.With(reason.LibraryName(to.Library)), nil
	case !slices.Contains(partnerLibraries, to.Library):
		return patron.ErrNotPartnerRegistered.With(reason.LibraryName(to.Library)), nil
	}
	return nil, nil
}
