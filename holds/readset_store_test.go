package holds

import (
	"cmp"
	"slices"
)

// HostStore is a host's reservation store in memory, for the tests and
// benchmarks of read sets: every reservation by ID, and the IDs of the
// active ones by item and by patron and of the ready ones, as a database
// indexes them. It is not a desk: it knows no rule, and answers a
// ReadSet with the rows it selects (Load), as a host's query does.
type HostStore struct {
	byID     map[uint64]Reservation
	byItem   map[string][]uint64 // active, ascending
	byPatron map[string][]uint64 // active, ascending
	ready    map[uint64]bool
	last     uint64
}

// NewHostStore returns a store holding rows.
func NewHostStore(rows []Reservation) *HostStore {
	s := &HostStore{
		byID:     make(map[uint64]Reservation, len(rows)),
		byItem:   make(map[string][]uint64),
		byPatron: make(map[string][]uint64),
		ready:    make(map[uint64]bool),
	}
	for _, r := range inIDOrder(rows) {
		s.Put(r)
	}
	return s
}

// NextID returns the ID after the highest stored: the host's sequence.
func (s *HostStore) NextID() uint64 { return s.last + 1 }

// Len returns the number of reservations stored.
func (s *HostStore) Len() int { return len(s.byID) }

// Put stores r, new or changed, and keeps the indexes.
func (s *HostStore) Put(r Reservation) {
	old, had := s.byID[r.ID]
	s.byID[r.ID] = r
	s.last = max(s.last, r.ID)
	wasActive := had && old.State.Active()
	switch {
	case r.State.Active() && !wasActive:
		s.byItem[r.Item] = insertID(s.byItem[r.Item], r.ID)
		s.byPatron[r.Patron] = insertID(s.byPatron[r.Patron], r.ID)
	case !r.State.Active() && wasActive:
		s.byItem[old.Item] = deleteID(s.byItem[old.Item], r.ID)
		s.byPatron[old.Patron] = deleteID(s.byPatron[old.Patron], r.ID)
	}
	if r.State == Ready {
		s.ready[r.ID] = true
	} else {
		delete(s.ready, r.ID)
	}
}

// Apply stores the reservations of ch.
func (s *HostStore) Apply(ch Change) {
	for _, r := range ch.Reservations {
		s.Put(r)
	}
}

// insertID adds id to the ascending ids.
func insertID(ids []uint64, id uint64) []uint64 {
	if k, found := slices.BinarySearch(ids, id); !found {
		ids = slices.Insert(ids, k, id)
	}
	return ids
}

// deleteID removes id from the ascending ids.
func deleteID(ids []uint64, id uint64) []uint64 {
	if k, found := slices.BinarySearch(ids, id); found {
		ids = slices.Delete(ids, k, k+1)
	}
	return ids
}

// Load returns the rows set selects, each once, in ID order: the
// reservation of each of its IDs, the active reservations of its items and
// patrons, and the ready ones due before its Due.
func (s *HostStore) Load(set ReadSet) []Reservation {
	ids := slices.Clone(set.IDs)
	for _, it := range set.Items {
		ids = append(ids, s.byItem[it]...)
	}
	for _, p := range set.Patrons {
		ids = append(ids, s.byPatron[p]...)
	}
	if !set.Due.IsZero() {
		for id := range s.ready {
			if s.byID[id].Deadline.Before(set.Due) {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	rows := make([]Reservation, 0, len(ids))
	for _, id := range ids {
		if r, ok := s.byID[id]; ok {
			rows = append(rows, r)
		}
	}
	return rows
}

// All returns every reservation stored, in ID order.
func (s *HostStore) All() []Reservation {
	out := make([]Reservation, 0, len(s.byID))
	for _, r := range s.byID {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Reservation) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// ReadFor loads the read set of req from s as a host does, in the rounds
// Request.Reads asks for, and returns the set and its rows.
func (s *HostStore) ReadFor(req Request) (ReadSet, []Reservation) {
	set := req.Reads(nil)
	rows := s.Load(set)
	set = req.Reads(rows)
	return set, s.Load(set)
}

// PartialDesk loads the read set of req from s and returns a partial
// desk under rules holding its rows, with the store's next ID.
func (s *HostStore) PartialDesk(rules Rules, req Request) (*Desk, ReadSet, []Reservation, error) {
	set, rows := s.ReadFor(req)
	d, err := NewPartialDesk(rules, set, rows, s.NextID())
	return d, set, rows, err
}
