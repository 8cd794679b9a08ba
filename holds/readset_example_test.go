package holds_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
)

// A host that keeps its reservations in a database decides each change
// on the rows it reads, inside one transaction: it loads the request's
// read set (Request.Reads) in two rounds, builds a partial desk of those
// rows, decides, and stores the Change. Here the table is a slice.
func ExampleNewPartialDesk() {
	var table []holds.Reservation // the host's table, in ID order
	// load is the host's query: the rows a read set selects.
	load := func(set holds.ReadSet) []holds.Reservation {
		var rows []holds.Reservation
		for _, r := range table {
			if slices.Contains(set.IDs, r.ID) ||
				r.State.Active() && (slices.Contains(set.Items, r.Item) || slices.Contains(set.Patrons, r.Patron)) ||
				r.State == holds.Ready && r.Deadline.Before(set.Due) {
				rows = append(rows, r)
			}
		}
		return rows
	}
	do := func(req holds.Request) (holds.Change, error) {
		set := req.Reads(nil)      // the keys the request names
		set = req.Reads(load(set)) // and those its rows name
		desk, err := holds.NewPartialDesk(library.Default(), set, load(set), uint64(len(table))+1)
		if err != nil {
			return holds.Change{}, err
		}
		ch, err := desk.Do(req)
		for _, r := range ch.Reservations { // store the change
			if i := int(r.ID) - 1; i < len(table) {
				table[i] = r
			} else {
				table = append(table, r)
			}
		}
		keys, _ := json.Marshal(set)
		fmt.Println(req.Action, "reads", string(keys))
		return ch, err
	}

	today := calendar.NewDate(2026, 11, 16)
	place := circulation.Place{Method: circulation.PrefecturalLibrary}
	cart := func(who string, o holds.Ordering, items ...string) holds.Request {
		c := holds.Cart{Patron: who, Place: place, Ordering: o}
		for _, it := range items {
			c.Items = append(c.Items, circulation.Item{ID: it, Status: circulation.OnLoan})
		}
		return holds.Request{Action: holds.ActionReserve, Cart: c, Today: today}
	}
	_, _ = do(cart("A", holds.ReadingOrder, "x", "y")) // 1 and 2: y after x (H2)
	_, _ = do(cart("B", holds.Normal, "y"))            // 3
	ch, _ := do(holds.Request{Action: holds.ActionSecure, Item: "y", Today: today})
	fmt.Println("secured", ch.Reservations[0].ID, "for", ch.Reservations[0].Patron)

	// A desk not given what a change reads refuses it.
	desk, _ := holds.NewPartialDesk(library.Default(), holds.ReadSet{}, nil, 0)
	_, err := desk.Do(holds.Request{Action: holds.ActionSecure, Item: "x", Today: today})
	fmt.Println(errors.Is(err, holds.ErrIncompleteReadSet), err)
	// Output:
	// reserve reads {"patrons":["A"]}
	// reserve reads {"patrons":["B"]}
	// secure reads {"items":["y"],"patrons":["A"]}
	// secured 3 for B
	// true holds: incomplete read set: bad input: read_set.items: secure reads the queue of item "x", not loaded
}
