package library_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/ruletest"
)

// walk is one reservation taken through a desk of a drawn library: its
// timeline on the day it was secured and what the desk gave later.
type walk struct {
	lib     *library.Library
	secured holds.Reservation
	tl      holds.Timeline
	ready   holds.Reservation // zero for home delivery
	loan    circulation.Loan
	lentOn  calendar.Date
	// collectedOn is the day the desk lent it.
	collectedOn calendar.Date
}

// V7, H4, L2: for any configuration, policy tables and dated changes
// included, the desk's make-ready gives the deadline the timeline and
// notice of the secured day gave, and its collect the due date they
// gave when the policy of the loan's day is the notice day's.
func TestV7DeskAgreesWithTheTimeline(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w, ok := drawWalk(t)
		if !ok {
			return
		}
		if w.secured.Place.Method != circulation.HomeDelivery && w.ready.Deadline != w.tl.Deadline {
			t.Fatalf("desk deadline %v, timeline %v, for %+v", w.ready.Deadline, w.tl.Deadline, w.secured)
		}
		if w.lib.LoanPolicy(w.loan, w.loan.Loaned) == w.lib.PolicyFor(w.secured, w.collectedOn).Circulation {
			returnTo, err := w.lib.ReturnCalendar(w.loan)
			if err != nil {
				t.Fatal(err)
			}
			due, err := w.lib.LoanPolicy(w.loan, w.loan.Loaned).DueDate(w.loan, returnTo)
			if err != nil || due != w.loan.Due {
				t.Fatalf("LoanPolicy's due date %v (%v), the desk's %v", due, err, w.loan.Due)
			}
		}
		same := w.lib.PolicyFor(w.secured, w.secured.SecuredOn) == w.lib.PolicyFor(w.secured, w.lentOn)
		if same && w.loan.Due != w.tl.Due {
			t.Fatalf("desk due %v, timeline %v, for %+v", w.loan.Due, w.tl.Due, w.secured)
		}
	})
}

// drawWalk draws a library, a place, an item and the days, and walks one
// reservation through its desk; false when the timeline has no dates to
// walk by (the courier does not run in the span).
func drawWalk(t *rapid.T) (walk, bool) {
	lib, err := library.New(ruletest.Configs().Draw(t, "config"))
	if err != nil {
		t.Fatalf("library.New: %v", err)
	}
	var places []circulation.Place
	var partners []string
	for _, s := range lib.Sites() {
		switch s.Kind {
		case library.Prefectural:
			places = append(places, circulation.Place{Method: circulation.PrefecturalLibrary}, circulation.Place{Method: circulation.HomeDelivery})
		case library.Assembly:
			places = append(places, circulation.Place{Method: circulation.AssemblyLibrary})
		default:
			places = append(places, circulation.Place{Method: circulation.PartnerLibrary, Library: s.Name})
			partners = append(partners, s.Name)
		}
	}
	at := rapid.SampledFrom(places).Draw(t, "place")
	status := rapid.SampledFrom([]circulation.Status{circulation.OnShelf, circulation.OnShelfShort}).Draw(t, "status")
	category := rapid.SampledFrom([]string{"", "individual", "student", "staff"}).Draw(t, "patron_category")
	col := rapid.SampledFrom([]circulation.Collection{circulation.General, circulation.Hokkaido}).Draw(t, "collection")
	placed := ruletest.DateIn(calendar.NewDate(2021, 1, 1), calendar.NewDate(2034, 6, 30)).Draw(t, "placed")
	securedOn := placed.AddDays(rapid.IntRange(0, 60).Draw(t, "wait"))

	desk, err := lib.NewDesk(nil)
	if err != nil {
		t.Fatal(err)
	}
	do := func(r holds.Request) holds.Change {
		ch, err := desk.Do(r)
		if err != nil {
			t.Fatalf("%v on %v: %v", r.Action, r.Today, err)
		}
		return ch
	}
	do(holds.Request{Action: holds.ActionReserve, Today: placed, Cart: holds.Cart{Patron: "A", PatronCategory: category, Place: at, Ordering: holds.Normal,
		PartnerLibraries: partners, Items: []circulation.Item{{ID: "x", Status: status, Collection: col}}}})
	w := walk{lib: lib, secured: do(holds.Request{Action: holds.ActionSecure, Item: "x", Today: securedOn}).Reservations[0]}
	if w.tl, err = lib.Timeline(w.secured, 0); err != nil {
		t.Fatalf("timeline: %v", err)
	}
	id := w.secured.ID
	switch at.Method {
	case circulation.HomeDelivery:
		if w.tl.Sent.IsZero() {
			return walk{}, false
		}
		do(holds.Request{Action: holds.ActionShip, ID: id, Today: w.tl.Sent})
		w.lentOn = w.tl.Sent
	case circulation.PartnerLibrary:
		if w.tl.Sent.IsZero() || w.tl.FirstPickup.IsZero() {
			return walk{}, false
		}
		do(holds.Request{Action: holds.ActionShip, ID: id, Today: w.tl.Sent})
		w.ready = do(holds.Request{Action: holds.ActionMakeReady, ID: id, Today: w.tl.FirstPickup}).Reservations[0]
		w.lentOn = w.tl.Sent
	default:
		w.ready = do(holds.Request{Action: holds.ActionMakeReady, ID: id, Today: securedOn}).Reservations[0]
		w.lentOn = w.tl.FirstPickup
	}
	collectOn := w.tl.FirstPickup
	if at.Method == circulation.HomeDelivery {
		collectOn = w.tl.Sent
	}
	w.loan = do(holds.Request{Action: holds.ActionCollect, ID: id, Today: collectOn}).Loan
	w.collectedOn = collectOn
	return w, true
}
