package holds

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/patron"
)

// modelRes is the model's view of one reservation: only what the rules
// talk about.
type modelRes struct {
	id           uint64
	patron, item string
	place        circulation.Place
	state        State
	group        uint64
	order        int
	shipped      calendar.Date // the day it left (R-PT2, R-HD2), for L2 and R-PT3
	deadline     calendar.Date
}

// deskModel runs random sequences of steps against a Desk and a simple
// model of it (H1, H2, H3, H4, H5, L2, R-HD4, R-PT5).
type deskModel struct {
	p     Policy
	desk  *Desk
	rs    []*modelRes // index id-1
	today calendar.Date
	// last is the desk as the previous check saw it: every change since
	// must be one step of the lifecycle.
	last []Reservation
}

var (
	modelPatrons = []string{"A", "B", "C"}
	// modelRegistered is where each patron is registered (P1, R-PT1).
	modelRegistered = map[string][]string{"A": {"江別市情報図書館"}, "B": {"木曜休館図書館", "江別市情報図書館"}}
	modelItems      = []string{"i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8", "i9", "i10", "i11", "i12"}
	modelPlaces     = []circulation.Place{atPrefectural, atAssembly, atEbetsu, atThursdays, atHome, {Method: circulation.PartnerLibrary}}
)

func (m *deskModel) active(patronID string) int {
	n := 0
	for _, r := range m.rs {
		if r.patron == patronID && r.state.Active() {
			n++
		}
	}
	return n
}

func (m *deskModel) holding(patronID, item string) bool {
	for _, r := range m.rs {
		if r.patron == patronID && r.item == item && r.state.Active() {
			return true
		}
	}
	return false
}

// queue returns the active reservations of item in the order they were
// placed.
func (m *deskModel) queue(item string) []*modelRes {
	var q []*modelRes
	for _, r := range m.rs {
		if r.item == item && r.state.Active() {
			q = append(q, r)
		}
	}
	return q
}

// blocked reports whether an earlier item of r's reading order is still
// waiting (H2).
func (m *deskModel) blocked(r *modelRes) bool {
	for _, e := range m.rs {
		if r.group != 0 && e.group == r.group && e.order < r.order && e.state == Waiting {
			return true
		}
	}
	return false
}

// pick draws a reservation, usually an active one: steps on final ones
// only test refusals.
func (m *deskModel) pick(t *rapid.T) *modelRes {
	var active []*modelRes
	for _, r := range m.rs {
		if r.state.Active() {
			active = append(active, r)
		}
	}
	if len(active) > 0 && rapid.IntRange(0, 9).Draw(t, "final?") > 0 {
		return rapid.SampledFrom(active).Draw(t, "active")
	}
	if len(m.rs) == 0 {
		t.Skip("no reservation yet")
	}
	return rapid.SampledFrom(m.rs).Draw(t, "any")
}

// pickItem draws an item, usually one somebody waits for.
func (m *deskModel) pickItem(t *rapid.T) string {
	var waited []string
	for _, r := range m.rs {
		if r.state == Waiting {
			waited = append(waited, r.item)
		}
	}
	if len(waited) > 0 && rapid.IntRange(0, 4).Draw(t, "any item?") > 0 {
		return rapid.SampledFrom(waited).Draw(t, "waited for")
	}
	return rapid.SampledFrom(modelItems).Draw(t, "item")
}

// expect fails unless err is want (nil for success).
func expect(t *rapid.T, what string, err, want error) {
	t.Helper()
	if want == nil && err != nil {
		t.Fatalf("%s: unexpected error %v", what, err)
	}
	if want != nil && !errors.Is(err, want) {
		t.Fatalf("%s: got error %v, want %v", what, err, want)
	}
}

func (m *deskModel) checkout(t *rapid.T) {
	who := rapid.SampledFrom(modelPatrons).Draw(t, "patron")
	n := rapid.IntRange(0, 5).Draw(t, "n")
	items := make([]CartItem, n)
	for i := range items {
		items[i] = CartItem{
			Item:   rapid.SampledFrom(modelItems).Draw(t, "item"),
			Status: rapid.SampledFrom([]circulation.Status{circulation.OnLoan, circulation.OnShelf, circulation.Assigned, circulation.Reference}).Draw(t, "status"),
		}
	}
	c := Cart{
		Patron:           who,
		Items:            items,
		Place:            rapid.SampledFrom(modelPlaces).Draw(t, "place"),
		Ordering:         rapid.SampledFrom([]Ordering{Normal, ReadingOrder, ReadingOrder, 0}).Draw(t, "ordering"),
		PartnerLibraries: modelRegistered[who],
	}
	// The model's reasons, as codes.
	var wantCart []string
	if n == 0 {
		wantCart = append(wantCart, ErrCartEmpty.Code())
	}
	if !c.Ordering.Valid() {
		wantCart = append(wantCart, ErrCartMethod.Code())
	}
	if c.Place.Validate() != nil {
		wantCart = append(wantCart, ErrPlace.Code())
	} else if c.Place.Method == circulation.PartnerLibrary && !slices.Contains(c.PartnerLibraries, c.Place.Library) {
		wantCart = append(wantCart, patron.ErrNotPartnerRegistered.Code())
	}
	if m.active(who)+n > m.p.Circulation.MaxReservations {
		wantCart = append(wantCart, circulation.ErrReservationLimit.Code())
	}
	var wantItems []string
	for i, it := range items {
		if !it.Status.Loanable() {
			wantItems = append(wantItems, fmt.Sprint(i, circulation.ErrNotLoanable.Code()))
		}
		dup := m.holding(who, it.Item)
		for _, e := range items[:i] {
			dup = dup || e.Item == it.Item
		}
		if dup {
			wantItems = append(wantItems, fmt.Sprint(i, ErrAlreadyReserved.Code()))
		}
	}
	rs, _, err := m.desk.Checkout(c, m.today, circulation.Override{})
	if wantCart == nil && wantItems == nil {
		if err != nil {
			t.Fatalf("checkout refused: %v", err)
		}
		for i, r := range rs {
			mr := &modelRes{id: uint64(len(m.rs) + 1), patron: who, item: items[i].Item, place: c.Place, state: Waiting}
			if c.Ordering == ReadingOrder {
				mr.group, mr.order = rs[0].ID, i+1
			}
			if r.ID != mr.id || r.Group != mr.group || r.Order != mr.order {
				t.Fatalf("placed %+v, model %+v", r, mr)
			}
			m.rs = append(m.rs, mr)
		}
		return
	}
	var cr *CartRefusal
	if !errors.As(err, &cr) {
		t.Fatalf("checkout: got %v, want a refusal", err)
	}
	gotCart := codes(cr.Cart)
	var gotItems []string
	for _, it := range cr.Items {
		for _, c := range it.Reasons {
			gotItems = append(gotItems, fmt.Sprint(it.Index, c.Code()))
		}
	}
	if !slices.Equal(gotCart, wantCart) || !slices.Equal(gotItems, wantItems) {
		t.Fatalf("checkout refused with %v %v, model says %v %v", gotCart, gotItems, wantCart, wantItems)
	}
}

func (m *deskModel) secure(t *rapid.T) { m.secureItem(t, m.pickItem(t)) }

func (m *deskModel) secureItem(t *rapid.T, item string) {
	var want *modelRes
	pending := false
	for _, r := range m.queue(item) {
		if r.state != Waiting {
			continue
		}
		if m.blocked(r) {
			pending = true
			if m.p.HoldForReadingOrder {
				break // the item waits for the first in line
			}
			continue
		}
		want = r
		break
	}
	got, err := m.desk.SecureNext(item, m.today)
	switch {
	case want != nil:
		expect(t, "secure", err, nil)
		if got.ID != want.id {
			t.Fatalf("H3 secured %d, first that may go ahead is %d", got.ID, want.id)
		}
		want.state = Secured
	case pending:
		expect(t, "secure", err, ErrOrderPending)
	default:
		expect(t, "secure", err, ErrNobodyWaiting)
	}
}

func (m *deskModel) ship(t *rapid.T) { m.shipRes(t, m.pick(t)) }

func (m *deskModel) shipRes(t *rapid.T, r *modelRes) {
	loans := rapid.IntRange(8, 11).Draw(t, "loans")
	remote := r.place.Method == circulation.PartnerLibrary || r.place.Method == circulation.HomeDelivery
	var want error
	switch {
	case r.state != Secured || r.place.Method == circulation.PrefecturalLibrary:
		want = ErrNoStep // only a secured item travels, never from the Prefectural Library
	case remote && loans >= m.p.Circulation.MaxLoans:
		want = ErrHeldBack // R-HD4, R-PT5
	}
	_, err := m.desk.Ship(r.id, m.today, loans)
	expect(t, "ship", err, want)
	if want == nil {
		r.state, r.shipped = InTransit, m.today
	}
}

func (m *deskModel) ready(t *rapid.T) { m.readyRes(t, m.pick(t)) }

func (m *deskModel) readyRes(t *rapid.T, r *modelRes) {
	var want error
	switch {
	case r.state != Secured && r.state != InTransit, r.place.Method == circulation.HomeDelivery,
		r.state == Secured && r.place.Method == circulation.PartnerLibrary:
		want = ErrNoStep // no shelf at home; a partner library only after the courier
	}
	at, err := cals.At(r.place)
	if err != nil {
		t.Fatal(err)
	}
	got, err := m.desk.MakeReady(r.id, m.today)
	expect(t, "ready", err, want)
	if want == nil {
		r.state, r.deadline = Ready, got.Deadline
		// H4: ShelfDays open days of the place, the first collectable day
		// the first: the next open day after today (the notice day) at the
		// Prefectural and Assembly Libraries (R-PL1, R-AL2), from two days
		// after the courier day at a partner library (R-PT3).
		first := at.AddOpenDays(m.today, 1)
		if r.place.Method == circulation.PartnerLibrary {
			first = r.shipped.AddDays(2)
			if m.today.After(first) {
				first = m.today
			}
			first = at.NextOpen(first)
		}
		before := first.AddDays(-1) // the count runs in (before, deadline]
		n := m.p.ShelfDays
		if !at.IsOpen(got.Deadline) || at.OpenDaysBetween(before, got.Deadline) != n || at.OpenDaysBetween(before, got.Deadline.AddDays(-1)) != n-1 {
			t.Fatalf("H4 deadline %v for %v made ready %v, first collectable %v", got.Deadline, r.place, m.today, first)
		}
	}
}

func (m *deskModel) collect(t *rapid.T) { m.collectRes(t, m.pick(t)) }

func (m *deskModel) collectRes(t *rapid.T, r *modelRes) {
	var want error
	switch {
	case r.place.Method == circulation.HomeDelivery && r.state != InTransit,
		r.place.Method != circulation.HomeDelivery && r.state != Ready:
		want = ErrNoStep
	}
	_, loan, err := m.desk.Collect(r.id, m.today, false)
	expect(t, "collect", err, want)
	if want == nil {
		r.state = Collected
		// L2: a loan that travels is dated the day it left; the day the
		// patron collects changes nothing.
		loaned := m.today
		if r.place.Method == circulation.PartnerLibrary || r.place.Method == circulation.HomeDelivery {
			loaned = r.shipped
		}
		due := loaned.AddDays(m.p.Circulation.LoanPeriod(r.place.Method, false) - 1)
		if loan.Item != r.item || loan.Place != r.place || loan.Loaned != loaned || loan.Due != due {
			t.Fatalf("L2 loan %+v for %+v, want loaned %v due %v", loan, r, loaned, due)
		}
	}
}

func (m *deskModel) expire(t *rapid.T) {
	r := m.pick(t)
	var want error
	switch {
	case r.state != Ready:
		want = ErrNoStep
	case !m.today.After(r.deadline):
		want = ErrDeadlineNotPassed // H4
	}
	_, err := m.desk.Expire(r.id, m.today)
	expect(t, "expire", err, want)
	if want == nil {
		r.state = Expired
	}
}

func (m *deskModel) expireDue(t *rapid.T) {
	var want []uint64
	for _, r := range m.rs {
		if r.state == Ready && m.today.After(r.deadline) {
			want = append(want, r.id)
			r.state = Expired
		}
	}
	expired, err := m.desk.ExpireDue(m.today)
	if err != nil {
		t.Fatal(err)
	}
	var got []uint64
	for _, r := range expired {
		got = append(got, r.ID)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("H4 expired %v, model %v", got, want)
	}
}

// progress takes an active reservation one step along its usual way, so
// that short runs reach the later states.
func (m *deskModel) progress(t *rapid.T) {
	var active []*modelRes
	for _, r := range m.rs {
		if r.state.Active() {
			active = append(active, r)
		}
	}
	if len(active) == 0 {
		t.Skip("nothing active")
	}
	r := rapid.SampledFrom(active).Draw(t, "reservation")
	method := r.place.Method
	switch {
	case r.state == Waiting:
		m.secureItem(t, r.item)
	case r.state == Secured && method == circulation.PrefecturalLibrary:
		m.readyRes(t, r)
	case r.state == Secured:
		m.shipRes(t, r)
	case r.state == InTransit && method == circulation.HomeDelivery:
		m.collectRes(t, r)
	case r.state == InTransit:
		m.readyRes(t, r)
	case rapid.Bool().Draw(t, "collect?"):
		m.collectRes(t, r)
	default:
		// The day never goes back: a host's today only moves forward.
		if d := r.deadline.AddDays(rapid.IntRange(0, 2).Draw(t, "after deadline")); d.After(m.today) {
			m.today = d
		}
		m.expireDue(t)
	}
}

// patronMay reports what H5 lets the patron do to r: only before the
// notice, which goes out when the item is secured (H6), on every route.
func patronMay(r *modelRes) bool { return r.state == Waiting }

// pickActor picks a reservation and who acts on it, and says what H5
// refuses: any change of a final reservation, and the patron's once the
// notice has gone out.
func (m *deskModel) pickActor(t *rapid.T) (*modelRes, Actor, error) {
	r := m.pick(t)
	by := rapid.SampledFrom([]Actor{ByPatron, ByStaff}).Draw(t, "by")
	switch {
	case r.state.Final():
		return r, by, ErrNoStep
	case by == ByPatron && !patronMay(r):
		return r, by, ErrNeedsStaff // H5
	}
	return r, by, nil
}

func (m *deskModel) cancel(t *rapid.T) {
	r, by, want := m.pickActor(t)
	_, _, err := m.desk.Cancel(r.id, by, m.today, ovFor(by))
	expect(t, "cancel", err, want)
	if want == nil {
		r.state = Cancelled
	}
}

func (m *deskModel) changePlace(t *rapid.T) {
	r, by, want := m.pickActor(t)
	to := rapid.SampledFrom(modelPlaces).Draw(t, "to")
	switch {
	case want != nil:
	case r.state == InTransit && r.place.Method == circulation.HomeDelivery:
		want = ErrNoStep
	case to.Validate() != nil:
		want = ErrPlace
	case to.Method == circulation.PartnerLibrary && !slices.Contains(modelRegistered[r.patron], to.Library):
		want = patron.ErrNotPartnerRegistered
	}
	_, _, err := m.desk.ChangePlace(r.id, by, to, modelRegistered[r.patron], ovFor(by))
	expect(t, "change place", err, want)
	if want == nil && to != r.place {
		r.place = to
		if r.state == InTransit || r.state == Ready {
			r.state, r.shipped, r.deadline = Secured, calendar.Date{}, calendar.Date{}
		}
	}
}

// rebuild stores every reservation as JSON and rebuilds the desk from it,
// as a host does between requests.
func (m *deskModel) rebuild(t *rapid.T) {
	d, err := NewDesk(m.p, cals, m.desk.All())
	if err != nil {
		t.Fatal(err)
	}
	m.desk = d
}

// check compares the desk with the model after every step.
func (m *deskModel) check(t *rapid.T) {
	all := m.desk.All()
	if len(all) != len(m.rs) {
		t.Fatalf("desk holds %d reservations, model %d", len(all), len(m.rs))
	}
	for i, r := range all {
		mr := m.rs[i]
		if r.ID != mr.id || r.State != mr.state || r.Place != mr.place || r.Patron != mr.patron || r.Item != mr.item {
			t.Fatalf("desk %+v, model %+v", r, *mr)
		}
		if err := r.Validate(); err != nil {
			t.Fatal(err)
		}
		var before Reservation
		if i < len(m.last) {
			before = m.last[i]
		}
		if before.State != r.State || before.Place != r.Place {
			if _, err := before.Step(r, ByStaff, m.today, circulation.Override{}); err != nil {
				t.Fatalf("change of reservation %d is not one step: %v", r.ID, err)
			}
		}
		// H2: nothing past waiting while an earlier item of its reading
		// order still waits.
		if !r.SecuredOn.IsZero() && m.blocked(mr) {
			t.Fatalf("H2 reservation %d secured before an earlier item of its reading order", r.ID)
		}
	}
	m.last = all
	for _, item := range modelItems {
		q := m.queue(item)
		got := m.desk.Queue(item)
		if len(got) != len(q) {
			t.Fatalf("H3 queue of %s has %d, model %d", item, len(got), len(q))
		}
		for i, r := range q {
			if got[i].ID != r.id || m.desk.Position(r.id) != i+1 {
				t.Fatalf("H3 %s position %d is %d (position %d), model %d", item, i+1, got[i].ID, m.desk.Position(r.id), r.id)
			}
		}
	}
	for _, r := range m.rs {
		if r.state.Final() && m.desk.Position(r.id) != 0 {
			t.Fatalf("H3 final reservation %d keeps a position", r.id)
		}
	}
	for _, who := range modelPatrons {
		n := m.desk.Active(who)
		if n != m.active(who) || n > m.p.Circulation.MaxReservations {
			t.Fatalf("H1 %s has %d active reservations, model %d", who, n, m.active(who))
		}
		if len(m.desk.Reservations(who)) != n {
			t.Fatalf("My Page of %s lists %d, want %d", who, len(m.desk.Reservations(who)), n)
		}
	}
}

func TestDeskModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		// The published limit of 10, and a low one that the short runs
		// reach more often; both reading-order knobs.
		p := DefaultPolicy()
		p.Circulation.MaxReservations = rapid.SampledFrom([]int{10, 3}).Draw(t, "maxReservations")
		p.HoldForReadingOrder = rapid.Bool().Draw(t, "holdForReadingOrder")
		p.ShelfDays = rapid.SampledFrom([]int{10, 11}).Draw(t, "shelfDays")
		d, err := NewDesk(p, cals, nil)
		if err != nil {
			t.Fatal(err)
		}
		m := &deskModel{p: p, desk: d, today: mustDay("2026-11-01")}
		t.Repeat(map[string]func(*rapid.T){
			"checkout":    m.checkout,
			"checkout2":   m.checkout, // twice as likely: queues need people
			"secure":      m.secure,
			"secure2":     m.secure,
			"ship":        m.ship,
			"ready_on":    m.ready,
			"collect":     m.collect,
			"expire":      m.expire,
			"expireDue":   m.expireDue,
			"cancel":      m.cancel,
			"changePlace": m.changePlace,
			"rebuild":     m.rebuild,
			"progress":    m.progress,
			"progress2":   m.progress,
			"progress3":   m.progress,
			"advance": func(t *rapid.T) {
				m.today = m.today.AddDays(rapid.IntRange(0, 20).Draw(t, "days"))
			},
			"": m.check,
		})
	})
}
