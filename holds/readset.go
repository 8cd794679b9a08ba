package holds

import (
	"fmt"
	"slices"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// ReadSet names the stored reservations a change reads: what a host loads
// from its database, inside the transaction that stores the change, to
// decide it on a partial desk (NewPartialDesk) rather than on a desk of
// every reservation. Each key stands for every row it selects, loaded
// whole:
//
//   - IDs: the reservation of each ID, whatever its state (none when the
//     host has no such reservation);
//   - Items: every active reservation of each item (waiting, secured, in
//     transit or ready): its queue (H3);
//   - Patrons: every active reservation of each patron, and so the active
//     members of their reading orders (H1, H2);
//   - Due, when not zero: every ready reservation whose hold-shelf
//     deadline is before Due (H4), what ExpireDue(Due) reads.
//
// Request.Reads gives the read set of a request, its lists sorted and
// without repeats; ExpireDue(today) reads ReadSet{Due: today}.
// Final reservations (collected, expired, cancelled) are loaded only by
// ID: no rule reads them otherwise. Its JSON form, for a host's logs, has
// the keys ids, items, patrons and due, each left out when empty.
//
// A host that decides changes concurrently loads the rows with a lock
// (SELECT … FOR UPDATE), so that a change and those reading the rows it
// writes are serialised, and also locks each patron of Patrons by key (a
// row of its own, say): a checkout adds reservations to the patron's,
// which no lock on the rows already stored covers (H1).
type ReadSet struct {
	// IDs are reservations read by their ID.
	IDs []uint64 `json:"ids,omitempty"`
	// Items are items whose active reservations are read.
	Items []string `json:"items,omitempty"`
	// Patrons are patrons whose active reservations are read.
	Patrons []string `json:"patrons,omitempty"`
	// Due, when not zero, reads the ready reservations whose deadline is
	// before it.
	Due calendar.Date `json:"due,omitzero"`
}

// ErrIncompleteReadSet is the cause of the error of a partial desk
// (NewPartialDesk) asked for a change whose read set is not within the
// one it was built from, or for a checkout without the next ID: the host
// did not load what the change reads, and the desk, rather than answer
// from partial data, changes nothing. It matches reason.ErrBadInput (a
// fault of the host, never a refusal to show a patron); the error also
// holds reason.Problems naming each key missing ("read_set.items",
// "read_set.patrons", "read_set.ids", "read_set.due", "next_id").
var ErrIncompleteReadSet error = incompleteReadSet{}

// incompleteReadSet is the type of ErrIncompleteReadSet: a comparable
// sentinel that unwraps to reason.ErrBadInput.
type incompleteReadSet struct{}

func (incompleteReadSet) Error() string { return "holds: incomplete read set" }
func (incompleteReadSet) Unwrap() error { return reason.ErrBadInput }

// Reads returns the read set of r: the stored reservations a desk reads
// to decide r, given the rows known, those the host has loaded so far
// (nil at first). By action:
//
//   - ActionReserve: Patrons, the cart's patron, whose active reservations
//     count towards the limit (H1) and may hold an item of the cart
//     (ErrAlreadyReserved). The new reservations are numbered from the
//     next ID the host gives NewPartialDesk.
//   - ActionSecure: Items, r.Item's queue (H3); and, once the queue is
//     known, Patrons, the patron of each reservation waiting in it that
//     is not the first of its reading order, whose earlier items may
//     still wait in other items' queues (H2).
//   - ActionShip, ActionMakeReady, ActionExpire, ActionCancel,
//     ActionChangePlace: IDs, r.ID: the step reads the one reservation.
//   - ActionCollect: IDs, r.ID; and, once that reservation is known,
//     Items, its item, whose queue tells whether the loan is reserved
//     (L4 b).
//   - ActionExtendShelf: IDs, r.ID; and, once that reservation is known,
//     Items, its item, whose queue tells whether anybody else waits
//     (H9).
//
// A host loads Reads(nil), then Reads of the rows loaded, which adds the
// keys those rows name, and loads that set (a host that loads each key
// once loads only the keys added): two rounds at most. The set is then
// complete and stable, Reads of its own rows giving it back, and those
// rows decide r on a partial desk as on a desk of every reservation.
// A request that is not well-formed reads only the keys it names; Do
// reports what is wrong with it. Reads costs O(k) for the k rows known.
func (r Request) Reads(known []Reservation) ReadSet {
	var s ReadSet
	switch r.Action {
	case ActionReserve:
		if r.Cart.Patron != "" {
			s.Patrons = []string{r.Cart.Patron}
		}
	case ActionSecure:
		if r.Item != "" {
			s.Items = []string{r.Item}
			s.Patrons = orderedPatrons(r.Item, known)
		}
	case ActionShip, ActionMakeReady, ActionCollect, ActionExpire, ActionCancel, ActionChangePlace, ActionExtendShelf:
		if r.ID == 0 {
			break
		}
		s.IDs = []uint64{r.ID}
		if r.Action != ActionCollect && r.Action != ActionExtendShelf {
			break
		}
		if i := slices.IndexFunc(known, func(k Reservation) bool { return k.ID == r.ID }); i >= 0 {
			s.Items = []string{known[i].Item}
		}
	}
	return s
}

// orderedPatrons returns, sorted and without repeats, the patrons of the
// reservations of known waiting in item's queue past the first item of
// their reading order: securing the item reads the earlier items of
// those orders (H2, Desk.mayGoAhead), active ones being among their
// patron's.
func orderedPatrons(item string, known []Reservation) []string {
	var ps []string
	for _, k := range known {
		if k.Item == item && k.State == Waiting && k.Group != 0 && k.Order > 1 {
			ps = append(ps, k.Patron)
		}
	}
	slices.Sort(ps)
	return slices.Compact(ps)
}

// NewPartialDesk returns a desk under the rules r holding only rows, the
// reservations a host loaded for the read set set (Request.Reads), each
// once: a desk for one change, built inside the host's transaction, whose
// cost does not grow with the reservations stored elsewhere. It decides
// each request of that set as a desk of every stored reservation (NewDesk)
// does: the same Change, the same refusal, the same error. A request or
// ExpireDue whose read set, over the rows it holds, is not within set is
// refused with an error matching ErrIncompleteReadSet (and
// reason.ErrBadInput), naming what is missing, and changes nothing: the
// desk never answers from rows it was not given.
//
// nextID is the ID of the first reservation a checkout (ActionReserve)
// places, the others of its cart numbered after it, one by one, as a
// desk of every reservation numbers them after the highest stored: the
// host takes len(Cart.Items) IDs in a row from its sequence, after every
// stored ID (a reading order is numbered after its first reservation).
// Zero, for a request that places none, makes a checkout
// ErrIncompleteReadSet; an ID not after every row is bad input at
// "next_id".
//
// The rows are checked as NewDesk checks them (the errors name them by
// their index in rows, "[3].patron"), except what only a whole store
// tells: a partial desk cannot know the highest ID stored, nor another
// reservation that bears the number of a reading order. Its reads answer
// for the keys of set: Queue and Position for its items, Active and
// Reservations for its patrons; for any other they give the empty answer,
// as for an unknown item or patron, never part of one. Get and All give
// the rows it holds. Like any desk it may take several changes, each
// within set.
func NewPartialDesk(r Rules, set ReadSet, rows []Reservation, nextID uint64) (*Desk, error) {
	d, err := NewDesk(r, rows)
	if err != nil {
		return nil, err
	}
	if nextID != 0 {
		if nextID <= d.last {
			return nil, reason.BadInput("next_id", "next ID %d is not after reservation %d, which is stored", nextID, d.last)
		}
		d.last = nextID - 1
	}
	d.held = newHeld(set, nextID != 0)
	return d, nil
}

// held is what a partial desk holds whole: the keys of its read set.
type held struct {
	ids     map[uint64]bool
	items   map[string]bool
	patrons map[string]bool
	due     calendar.Date
	next    bool // a next ID was given: checkouts may number reservations
}

// newHeld returns the keys of set, and whether a next ID was given.
func newHeld(set ReadSet, next bool) *held {
	h := &held{
		ids:     make(map[uint64]bool, len(set.IDs)),
		items:   make(map[string]bool, len(set.Items)),
		patrons: make(map[string]bool, len(set.Patrons)),
		due:     set.Due,
		next:    next,
	}
	for _, id := range set.IDs {
		h.ids[id] = true
	}
	for _, it := range set.Items {
		h.items[it] = true
	}
	for _, p := range set.Patrons {
		h.patrons[p] = true
	}
	return h
}

// covers reports, for a partial desk, whether it holds what r reads: the
// read set of r over the rows the desk holds (Request.Reads) within its
// own, and a next ID for a checkout. A full desk (nil h) holds
// everything. O(k) for the k rows held.
func (h *held) covers(r Request, rows []Reservation) error {
	if h == nil {
		return nil
	}
	need := r.Reads(rows)
	var ps reason.Problems
	for _, id := range need.IDs {
		if !h.ids[id] {
			ps.Add("read_set.ids", "%v reads reservation %d, not loaded", r.Action, id)
		}
	}
	for _, it := range need.Items {
		if !h.items[it] {
			ps.Add("read_set.items", "%v reads the queue of item %s, not loaded", r.Action, text.Quote(it))
		}
	}
	for _, p := range need.Patrons {
		if !h.patrons[p] {
			ps.Add("read_set.patrons", "%v reads the active reservations of patron %s, not loaded", r.Action, text.Quote(p))
		}
	}
	if r.Action == ActionReserve && !h.next {
		ps.Add("next_id", "a checkout on a partial desk needs the next ID (NewPartialDesk)")
	}
	return incomplete(ps)
}

// coversDue reports, for a partial desk, whether it holds the ready
// reservations ExpireDue(today) reads: those due before today.
func (h *held) coversDue(today calendar.Date) error {
	if h == nil || (!h.due.IsZero() && !today.After(h.due)) {
		return nil
	}
	var ps reason.Problems
	ps.Add("read_set.due", "ExpireDue(%v) reads the ready reservations due before %v, not loaded (read set due %v)", today, today, h.due)
	return incomplete(ps)
}

// incomplete returns the error of a partial desk missing ps, or nil.
func incomplete(ps reason.Problems) error {
	if len(ps) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %w", ErrIncompleteReadSet, ps)
}

// holdsItem reports whether the desk holds item's queue whole.
func (h *held) holdsItem(item string) bool { return h == nil || h.items[item] }

// holdsPatron reports whether the desk holds patron's active reservations
// whole.
func (h *held) holdsPatron(patron string) bool { return h == nil || h.patrons[patron] }
