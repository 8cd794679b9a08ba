package holds

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// readSetScene is a small library for the tests of read sets, on a full
// desk and in a host's store: patron A reserved x then y in reading
// order (1, 2; y waits for x, H2), B reserved y (3), C reserved z (4),
// secured and made ready, and D reserved w (5), collected.
type readSetScene struct {
	full  testDesk
	store *HostStore
	today calendar.Date
}

func newReadSetScene(t *testing.T) readSetScene {
	t.Helper()
	d := newDesk(t)
	today := mustDay("2026-11-16")
	cart := func(who string, o Ordering, items ...string) {
		c := Cart{Patron: who, Place: atPrefectural, Ordering: o}
		for _, it := range items {
			c.Items = append(c.Items, item(it, circulation.OnLoan))
		}
		if _, _, err := d.Checkout(c, today, circulation.Override{}); err != nil {
			t.Fatal(err)
		}
	}
	cart("A", ReadingOrder, "x", "y")
	cart("B", Normal, "y")
	cart("C", Normal, "z")
	cart("D", Normal, "w")
	for _, r := range []Request{
		{Action: ActionSecure, Item: "z", Today: today},
		{Action: ActionMakeReady, ID: 4, Today: today},
		{Action: ActionSecure, Item: "w", Today: today},
		{Action: ActionMakeReady, ID: 5, Today: today},
		{Action: ActionCollect, ID: 5, Today: today},
	} {
		if _, err := d.do(r); err != nil {
			t.Fatal(err)
		}
	}
	return readSetScene{full: d, store: NewHostStore(d.All()), today: today}
}

// TestReadSetOfEachAction: what each request reads, before and once the
// rows it names are known (two rounds), and that the set is then stable.
func TestReadSetOfEachAction(t *testing.T) {
	s := newReadSetScene(t)
	cart := Cart{Patron: "A", Items: []circulation.Item{item("v", circulation.OnLoan)}, Place: atPrefectural, Ordering: Normal}
	for _, c := range []struct {
		name          string
		r             Request
		first, second ReadSet
	}{
		{"H1 checkout", Request{Action: ActionReserve, Cart: cart}, ReadSet{Patrons: []string{"A"}}, ReadSet{Patrons: []string{"A"}}},
		{"H2 H3 secure", Request{Action: ActionSecure, Item: "y"}, ReadSet{Items: []string{"y"}}, ReadSet{Items: []string{"y"}, Patrons: []string{"A"}}},
		{"H3 secure, first of its order", Request{Action: ActionSecure, Item: "x"}, ReadSet{Items: []string{"x"}}, ReadSet{Items: []string{"x"}}},
		{"ship", Request{Action: ActionShip, ID: 4}, ReadSet{IDs: []uint64{4}}, ReadSet{IDs: []uint64{4}}},
		{"make ready", Request{Action: ActionMakeReady, ID: 4}, ReadSet{IDs: []uint64{4}}, ReadSet{IDs: []uint64{4}}},
		{"L4 collect", Request{Action: ActionCollect, ID: 4}, ReadSet{IDs: []uint64{4}}, ReadSet{IDs: []uint64{4}, Items: []string{"z"}}},
		{"expire", Request{Action: ActionExpire, ID: 4}, ReadSet{IDs: []uint64{4}}, ReadSet{IDs: []uint64{4}}},
		{"H5 cancel", Request{Action: ActionCancel, ID: 2, By: ByPatron}, ReadSet{IDs: []uint64{2}}, ReadSet{IDs: []uint64{2}}},
		{"H5 change place", Request{Action: ActionChangePlace, ID: 2, By: ByPatron, Place: atAssembly}, ReadSet{IDs: []uint64{2}}, ReadSet{IDs: []uint64{2}}},
		{"unknown reservation", Request{Action: ActionCollect, ID: 99}, ReadSet{IDs: []uint64{99}}, ReadSet{IDs: []uint64{99}}},
		{"no action", Request{}, ReadSet{}, ReadSet{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.r.Today = s.today
			first := c.r.Reads(nil)
			if !reflect.DeepEqual(first, c.first) {
				t.Fatalf("Reads(nil) = %+v, want %+v", first, c.first)
			}
			second := c.r.Reads(s.store.Load(first))
			if !reflect.DeepEqual(second, c.second) {
				t.Fatalf("Reads(rows) = %+v, want %+v", second, c.second)
			}
			if again := c.r.Reads(s.store.Load(second)); !reflect.DeepEqual(again, second) {
				t.Fatalf("not stable: Reads of its own rows = %+v, want %+v", again, second)
			}
		})
	}
}

// TestReadSetMissingKeyRefusedH2 takes each kind of key out of a complete
// read set, with the rows only it selects: the partial desk refuses with
// ErrIncompleteReadSet, naming the key, and changes nothing. The answer
// it would otherwise give from partial data is wrong: securing y without
// A's reservations would secure A's (2), whose reading order waits for x
// (H2), rather than B's (3).
func TestReadSetMissingKeyRefusedH2(t *testing.T) {
	s := newReadSetScene(t)
	cart := Cart{Patron: "A", Items: []circulation.Item{item("v", circulation.OnLoan)}, Place: atPrefectural, Ordering: Normal}
	later := s.today.AddDays(60)
	for _, c := range []struct {
		name   string
		r      Request
		set    ReadSet
		nextID uint64
		path   string
	}{
		{"H1 checkout without the patron", Request{Action: ActionReserve, Cart: cart}, ReadSet{}, 6, "read_set.patrons"},
		{"checkout without the next ID", Request{Action: ActionReserve, Cart: cart}, ReadSet{Patrons: []string{"A"}}, 0, "next_id"},
		{"H3 secure without the queue", Request{Action: ActionSecure, Item: "y"}, ReadSet{Patrons: []string{"A"}}, 6, "read_set.items"},
		{"H2 secure without the reading order", Request{Action: ActionSecure, Item: "y"}, ReadSet{Items: []string{"y"}}, 6, "read_set.patrons"},
		{"H5 cancel without the reservation", Request{Action: ActionCancel, ID: 3, By: ByPatron}, ReadSet{}, 6, "read_set.ids"},
		{"H4 make ready without the reservation", Request{Action: ActionMakeReady, ID: 4}, ReadSet{Items: []string{"z"}}, 6, "read_set.ids"},
		{"L4 collect without the queue", Request{Action: ActionCollect, ID: 4}, ReadSet{IDs: []uint64{4}}, 6, "read_set.items"},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.r.Today = s.today
			d, err := NewPartialDesk(fixed{DefaultPolicy(), cals}, c.set, s.store.Load(c.set), c.nextID)
			if err != nil {
				t.Fatal(err)
			}
			before := d.All()
			ch, err := d.Do(c.r)
			checkIncomplete(t, err, c.path)
			if len(ch.Reservations) != 0 || !reflect.DeepEqual(d.All(), before) {
				t.Fatalf("an incomplete read set changed %+v", ch)
			}
		})
	}
	// From those rows alone, a desk would secure A's reservation, which
	// waits for x (H2).
	rows := s.store.Load(ReadSet{Items: []string{"y"}})
	naive, err := NewDesk(fixed{DefaultPolicy(), cals}, rows)
	if err != nil {
		t.Fatal(err)
	}
	if r, err := (testDesk{naive, t}).SecureNext("y", s.today); err != nil || r.ID != 2 {
		t.Fatalf("the naive desk secured %+v, %v: the case shows nothing", r, err)
	}
	for _, due := range []calendar.Date{{}, later.AddDays(-1)} {
		d, err := NewPartialDesk(fixed{DefaultPolicy(), cals}, ReadSet{Due: due}, s.store.Load(ReadSet{Due: later}), 0)
		if err != nil {
			t.Fatal(err)
		}
		_, err = d.ExpireDue(later)
		checkIncomplete(t, err, "read_set.due")
	}
}

// checkIncomplete fails t unless err is ErrIncompleteReadSet, bad input
// at path.
func checkIncomplete(t *testing.T, err error, path string) {
	t.Helper()
	if !errors.Is(err, ErrIncompleteReadSet) || !errors.Is(err, reason.ErrBadInput) {
		t.Fatalf("got %v, want ErrIncompleteReadSet", err)
	}
	if got := pathsOf(t, err); !slices.Equal(got, []string{path}) {
		t.Fatalf("incomplete at %v, want %s", got, path)
	}
}

// TestReadSetCompleteAnswersAsFullDeskH2: with the complete read set, the
// partial desk gives the full desk's answer, in the cases above and for a
// reservation the host does not have (ErrUnknownReservation).
func TestReadSetCompleteAnswersAsFullDeskH2(t *testing.T) {
	s := newReadSetScene(t)
	cart := Cart{Patron: "A", Items: []circulation.Item{item("v", circulation.OnLoan)}, Place: atPrefectural, Ordering: Normal}
	for _, r := range []Request{
		{Action: ActionSecure, Item: "y"},
		{Action: ActionReserve, Cart: cart},
		{Action: ActionCancel, ID: 3, By: ByPatron},
		{Action: ActionCollect, ID: 4},
		{Action: ActionCancel, ID: 99, By: ByStaff},
		{Action: ActionCancel, ID: 5, By: ByStaff},
		{Action: ActionSecure},           // not well-formed: no item
		{Action: ActionCancel, ID: 3},    // nor here: no actor
		{Action: ActionReserve, ID: 3},   // nor here: no cart, an ID
		{Action: ActionExpire, ID: 4},    // refused: the deadline has not passed
		{Action: ActionMakeReady, ID: 3}, // refused: still waiting
	} {
		t.Run(r.Action.String(), func(t *testing.T) {
			r.Today = s.today
			d, _, _, err := s.store.PartialDesk(fixed{DefaultPolicy(), cals}, r)
			if err != nil {
				t.Fatal(err)
			}
			full, err := NewDesk(fixed{DefaultPolicy(), cals}, s.store.All())
			if err != nil {
				t.Fatal(err)
			}
			got, gotErr := d.Do(r)
			want, wantErr := full.Do(r)
			if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotErr, wantErr) {
				t.Fatalf("partial desk: %+v, %v; full desk: %+v, %v", got, gotErr, want, wantErr)
			}
		})
	}
	d, _, _, err := s.store.PartialDesk(fixed{DefaultPolicy(), cals}, Request{Action: ActionSecure, Item: "y", Today: s.today})
	if err != nil {
		t.Fatal(err)
	}
	if r, err := (testDesk{d, t}).SecureNext("y", s.today); err != nil || r.ID != 3 {
		t.Fatalf("H2 secured %+v, %v; want B's reservation 3", r, err)
	}
}

// TestReadSetPartialReadsOnlyWhatItHoldsH3: a partial desk answers
// Queue, Position, Active and Reservations only for the items and patrons
// of its read set, and gives the empty answer for others, never part of
// one.
func TestReadSetPartialReadsOnlyWhatItHoldsH3(t *testing.T) {
	s := newReadSetScene(t)
	set := ReadSet{IDs: []uint64{3}}
	d, err := NewPartialDesk(fixed{DefaultPolicy(), cals}, set, s.store.Load(set), 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := d.Get(3); !ok || len(d.Queue("y")) != 0 || d.Position(3) != 0 || d.Active("B") != 0 || d.Reservations("B") != nil {
		t.Fatalf("a desk of reservation 3 alone answers for its item or patron: queue %v, position %d, active %d",
			d.Queue("y"), d.Position(3), d.Active("B"))
	}
	set = ReadSet{Items: []string{"y"}, Patrons: []string{"B"}}
	if d, err = NewPartialDesk(fixed{DefaultPolicy(), cals}, set, s.store.Load(set), 0); err != nil {
		t.Fatal(err)
	}
	if len(d.Queue("y")) != 2 || d.Position(3) != 2 || d.Active("B") != 1 || len(d.Reservations("B")) != 1 {
		t.Fatalf("H3 queue %v, position %d, active %d", d.Queue("y"), d.Position(3), d.Active("B"))
	}
}

// TestReadSetNextIDMustFollowEveryRow: a next ID not after every row
// given is bad input at "next_id"; rows are checked as NewDesk checks
// them.
func TestReadSetNextIDMustFollowEveryRow(t *testing.T) {
	s := newReadSetScene(t)
	set := ReadSet{Patrons: []string{"C"}}
	rows := s.store.Load(set)
	_, err := NewPartialDesk(fixed{DefaultPolicy(), cals}, set, rows, 4)
	if got := pathsOf(t, err); !slices.Equal(got, []string{"next_id"}) || errors.Is(err, ErrIncompleteReadSet) {
		t.Fatalf("got %v, want bad input at next_id", err)
	}
	_, err = NewPartialDesk(fixed{DefaultPolicy(), cals}, set, append(rows, rows...), 6)
	if got := pathsOf(t, err); !slices.Equal(got, []string{"[1].id"}) {
		t.Fatalf("a row given twice: got %v", err)
	}
	if _, err = NewPartialDesk(nil, set, rows, 6); err == nil {
		t.Fatal("a partial desk without rules")
	}
}
