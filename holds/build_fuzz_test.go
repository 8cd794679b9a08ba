package holds

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
)

// FuzzNewDeskSilentlyWrong feeds stored reservations, as a host reads
// them, to NewDesk: it refuses them or builds a desk whose positions,
// patrons' lists and next in line are what a plain scan of the
// reservations gives (H1, H2, H3), never two active reservations of one
// item by one patron, never an ID given twice.
func FuzzNewDeskSilentlyWrong(f *testing.F) {
	f.Add(`[]`)
	f.Add(`[{"id":1,"patron":"A","item":"b","place":{"method":"home_delivery"},"state":"waiting","placed_on":"2026-11-16"},
		{"id":2,"patron":"A","item":"b","place":{"method":"home_delivery"},"state":"waiting","placed_on":"2026-11-16"}]`)
	f.Add(`[{"id":18446744073709551615,"patron":"A","item":"b","place":{"method":"home_delivery"},"state":"waiting","placed_on":"2026-11-16"}]`)
	f.Add(`[{"id":3,"patron":"A","item":"v2","place":{"method":"prefectural_library"},"group":2,"order":2,"state":"waiting","placed_on":"2026-11-16"},
		{"id":2,"patron":"A","item":"v1","place":{"method":"prefectural_library"},"group":2,"order":1,"state":"waiting","placed_on":"2026-11-16"},
		{"id":1,"patron":"B","item":"v2","place":{"method":"prefectural_library"},"state":"cancelled","placed_on":"2026-11-16","ended_on":"2026-11-17","cancelled_by":"patron"},
		{"id":7,"patron":"B","item":"v2","place":{"method":"prefectural_library"},"state":"waiting","placed_on":"2026-11-16"},
		{"id":9,"patron":"C","item":"v1","place":{"method":"prefectural_library"},"state":"secured","placed_on":"2026-11-16","secured_on":"2026-11-18"}]`)
	f.Fuzz(func(t *testing.T, data string) {
		var stored []Reservation
		if json.Unmarshal([]byte(data), &stored) != nil {
			return
		}
		dk, err := NewDesk(fixed{DefaultPolicy(), cals}, stored)
		if err != nil {
			return
		}
		d := testDesk{dk, t}
		all := d.All()
		if len(all) != len(stored) || !slices.IsSortedFunc(all, func(a, b Reservation) int { return cmpID(a, b) }) {
			t.Fatalf("All is not the stored reservations in ID order")
		}
		for _, r := range all {
			checkByScan(t, d, all, r)
		}
		all = checkSecureByScan(t, d, all)
		checkNextID(t, d, all)
	})
}

// checkByScan checks r's position and its patron's list against a scan
// of all (H1, H3).
func checkByScan(t *testing.T, d testDesk, all []Reservation, r Reservation) {
	t.Helper()
	want := 0
	for _, e := range all {
		if !r.State.Active() || !e.State.Active() || e.Item != r.Item {
			continue
		}
		if e.ID <= r.ID {
			want++
		}
		if e.ID != r.ID && e.Patron == r.Patron {
			t.Fatalf("H1 patron %q has reservations %d and %d of one item", r.Patron, e.ID, r.ID)
		}
	}
	if got := d.Position(r.ID); got != want {
		t.Fatalf("H3 reservation %d at position %d, a scan says %d", r.ID, got, want)
	}
	var mine []Reservation
	for _, e := range all {
		if e.Patron == r.Patron && e.State.Active() {
			mine = append(mine, e)
		}
	}
	if got := d.Reservations(r.Patron); !slices.Equal(got, mine) || d.Active(r.Patron) != len(mine) {
		t.Fatalf("patron %q lists %d reservations, a scan %d", r.Patron, len(got), len(mine))
	}
}

// checkSecureByScan secures the next in line of each item of all, on a
// day after every step taken, and checks each against a scan (H2, H3).
// It returns the reservations as they are then.
func checkSecureByScan(t *testing.T, d testDesk, all []Reservation) []Reservation {
	t.Helper()
	var today calendar.Date
	for _, r := range all {
		if l := r.latest(); l.After(today) {
			today = l
		}
	}
	for _, r := range slices.Clone(all) {
		next, pending := nextByScan(all, r.Item)
		s, err := d.SecureNext(r.Item, today)
		switch {
		case next != 0 && (err != nil || s.ID != next):
			t.Fatalf("H2 H3 secured %d (%v), a scan says %d", s.ID, err, next)
		case next == 0 && pending && !errors.Is(err, ErrOrderPending), next == 0 && !pending && !errors.Is(err, ErrNobodyWaiting):
			t.Fatalf("H2 nobody may go ahead for %q, got %v", r.Item, err)
		}
		if err == nil {
			all = d.All()
		}
	}
	return all
}

// checkNextID checks that a checkout numbers its reservation after the
// last of all, and never gives an ID again.
func checkNextID(t *testing.T, d testDesk, all []Reservation) {
	t.Helper()
	last := uint64(0)
	if len(all) > 0 {
		last = all[len(all)-1].ID
	}
	rs, _, err := d.Checkout(Cart{Patron: "fuzz", Items: []circulation.Item{item("new", circulation.OnLoan)}, Place: atHome, Ordering: Normal}, mustDay("2026-11-20"), circulation.Override{})
	switch {
	case last == math.MaxUint64 && err == nil:
		t.Fatalf("ID %d given after the last one", rs[0].ID)
	case last < math.MaxUint64 && err == nil && rs[0].ID != last+1:
		t.Fatalf("ID %d given after %d", rs[0].ID, last)
	}
}

func cmpID(a, b Reservation) int {
	if a.ID < b.ID {
		return -1
	}
	return 1 // equal IDs are not sorted either: All must not hold two
}

// nextByScan returns the first waiting reservation of item whose reading
// order lets it go ahead, and whether some are held back (H2, H3).
func nextByScan(all []Reservation, item string) (next uint64, pending bool) {
	for _, r := range all {
		if r.Item != item || r.State != Waiting {
			continue
		}
		blocked := false
		for _, e := range all {
			if r.Group != 0 && e.Group == r.Group && e.Order < r.Order && e.State == Waiting {
				blocked = true
			}
		}
		if !blocked {
			return r.ID, pending
		}
		pending = true
	}
	return 0, pending
}
