package ruletest

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
	"pgregory.net/rapid"
)

// ReservationDesk is what CheckDesk drives: the methods of *holds.Desk. A
// host checks its own desk (one backed by its database, say) by
// implementing them. Do must answer each holds.Request as holds.Desk.Do
// does: a refusal is a *reason.Refusal whose reasons match the
// sentinels holds.Desk gives (errors.Is), in its order, each about one
// item carrying it (reason.Item), and a Change holds the reservations
// stored with one valid Transition each. Checkouts are the patron's (no
// override); staff cancel and change places with an override letting
// holds.ErrNeedsStaff go (H5), the patron with none.
type ReservationDesk interface {
	Do(r holds.Request) (holds.Change, error)
	ExpireDue(today calendar.Date) (holds.Change, error)
	All() []holds.Reservation
	Queue(item string) []holds.Reservation
	Position(id uint64) int
	Active(patronID string) int
	Reservations(patronID string) []holds.Reservation
}

// CheckDesk runs random sequences of desk steps against a reservation
// desk and against the kit's reference model of the reservation rules,
// and fails at the first difference (H1 limits, H2 reading order, H3
// queues and positions, H4 hold shelf and expiry, H5 who may change what,
// L2 loans of collected items, R-HD4 and R-PT5 held-back shipments, V1
// the rules of each request's day). Steps: checkouts of carts by three
// patrons, securing the next in line, shipping, making ready, collecting,
// expiring one or all due, cancelling, changing the pickup place, the day
// moving on, and rebuilding the desk from its reservations as a host does
// between requests. After each step every reservation, queue, position
// and patron count must match the model, and every change must be one
// step of the lifecycle, recorded by its Transition.
//
// open builds a desk under rules from stored reservations (none at
// first), as holds.NewDesk does. The rules give the calendars of
// PlaceCalendars, those the model reads, on every day, and one policy
// before a drawn day and another from it: the published policy
// (library.Default) with a reservation limit of 10 or 3, a hold shelf of
// 10 or 11 days and either reading-order rule.
func CheckDesk(t *testing.T, open func(r holds.Rules, stored []holds.Reservation) (ReservationDesk, error)) {
	t.Helper()
	rapid.Check(t, func(t *rapid.T) {
		start := calendar.NewDate(2026, 11, 1)
		rules := kitRules{
			from:   start.AddDays(rapid.IntRange(0, 60).Draw(t, "rules_change_after")),
			before: deskPolicy(t, "before"),
			after:  deskPolicy(t, "after"),
		}
		d, err := open(rules, nil)
		if err != nil {
			t.Fatal(err)
		}
		m := &deskModel{rules: rules, desk: d, open: open, today: start}
		t.Repeat(map[string]func(*rapid.T){
			"checkout":     m.checkout,
			"checkout2":    m.checkout, // twice as likely: queues need people
			"secure":       m.secure,
			"secure2":      m.secure,
			"ship":         m.ship,
			"ready":        m.ready,
			"collect":      m.collect,
			"expire":       m.expire,
			"expire_due":   m.expireDue,
			"cancel":       m.cancel,
			"change_place": m.changePlace,
			"extend_shelf": m.extendShelf,
			"rebuild":      m.rebuild,
			"progress":     m.progress,
			"progress2":    m.progress,
			"progress3":    m.progress,
			"advance": func(t *rapid.T) {
				m.today = m.today.AddDays(rapid.IntRange(0, 20).Draw(t, "days"))
			},
			"": m.check,
		})
	})
}

// deskPolicy draws a policy of CheckDesk: the published one with a
// reservation limit of 10 or 3, either reading-order rule and a hold
// shelf of 10 or 11 days.
func deskPolicy(t *rapid.T, label string) holds.Policy {
	p := library.Default().HoldPolicy(spanFirst)
	p.Circulation.MaxReservations = rapid.SampledFrom([]int{10, 3}).Draw(t, label+"_max_reservations")
	p.HoldForReadingOrder = rapid.Bool().Draw(t, label+"_hold_for_reading_order")
	p.ShelfDays = rapid.SampledFrom([]int{10, 11}).Draw(t, label+"_shelf_days")
	p.ShelfCount = rapid.SampledFrom([]holds.ShelfCount{holds.OpenDays, holds.CalendarDays}).Draw(t, label+"_shelf_count")
	p.ShelfDaysByContact = holds.ShelfDaysByContact{
		Telephone: rapid.SampledFrom([]int{0, 7}).Draw(t, label+"_shelf_days_telephone"),
		None:      rapid.SampledFrom([]int{0, 3}).Draw(t, label+"_shelf_days_none"),
	}
	p.ShelfExtensionDays = rapid.SampledFrom([]int{0, 7}).Draw(t, label+"_shelf_extension_days")
	return p
}

// kitRules are the holds.Rules the kit hands a desk: the policy before
// until the day before from, after from it on (V1), and PlaceCalendars
// on every day.
type kitRules struct {
	from          calendar.Date
	before, after holds.Policy
}

// HoldPolicy returns the policy of day.
func (r kitRules) HoldPolicy(day calendar.Date) holds.Policy {
	if day.Before(r.from) {
		return r.before
	}
	return r.after
}

// Calendars returns PlaceCalendars.
func (kitRules) Calendars(calendar.Date) holds.Calendars { return PlaceCalendars() }

// staffOverride is what staff give to cancel or change the place of a
// reservation after the notice (H5): an override letting
// holds.ErrNeedsStaff go.
var staffOverride = circulation.Override{Staff: "ruletest", Codes: circulation.CodesOf(holds.ErrNeedsStaff), Note: "the patron telephoned"}

// afterNotice returns the override staff gave for the step from before
// to after: staffOverride for a cancellation or change of place once the
// notice has gone out (H5), none otherwise.
func afterNotice(before, after holds.Reservation) circulation.Override {
	if before.State != 0 && before.State != holds.Waiting && (after.State == holds.Cancelled || after.Place != before.Place) {
		return staffOverride
	}
	return circulation.Override{}
}

// overrideBy returns the override an actor gives: staffOverride for
// staff, none for the patron, who never overrides.
func overrideBy(by holds.Actor) circulation.Override {
	if by == holds.ByStaff {
		return staffOverride
	}
	return circulation.Override{}
}

// reasonsOf returns the reasons of a refusal as its code followed by the
// item it carries, if any: "reservation.duplicate i3".
func reasonsOf(err error) []string {
	var out []string
	for _, m := range reason.Localize(err, reason.English) {
		s := m.Code
		if it, ok := m.Params.Get("item"); ok {
			s += fmt.Sprint(" ", it.Value())
		}
		out = append(out, s)
	}
	return out
}

// modelRes is the model's view of one reservation: only what the rules
// talk about.
type modelRes struct {
	id           uint64
	patron, item string
	place        circulation.Place
	state        holds.State
	group        uint64
	order        int
	shipped      calendar.Date // the day it left (R-PT2, R-HD2), for L2 and R-PT3
	secured      calendar.Date // the day of the notice (H6), whose shelf days count (H4)
	ready        calendar.Date // the day it went on the shelf, whose policy extends it (H9)
	deadline     calendar.Date
	contact      holds.Contact // how the patron is told (H8)
	extended     bool          // the hold shelf was extended (H9)
}

// deskModel runs random sequences of steps against a Desk and a simple
// model of it (H1, H2, H3, H4, H5, L2, R-HD4, R-PT5).
type deskModel struct {
	rules kitRules
	desk  ReservationDesk
	open  func(holds.Rules, []holds.Reservation) (ReservationDesk, error)
	rs    []*modelRes // index id-1
	today calendar.Date
	// last is the desk as the previous check saw it: every change since
	// must be one step of the lifecycle.
	last []holds.Reservation
}

// modelPlaces are the places the model's carts and changes of place
// name: every method, both partner libraries (a patron may not be
// registered at one) and a partner library with no name, which is not a
// valid place.
var modelPlaces = []circulation.Place{
	{Method: circulation.PrefecturalLibrary}, {Method: circulation.AssemblyLibrary},
	{Method: circulation.PartnerLibrary, Library: partnerLibraries[0]}, {Method: circulation.PartnerLibrary, Library: partnerLibraries[1]},
	{Method: circulation.HomeDelivery}, {Method: circulation.PartnerLibrary},
}

// p returns the policy of the model's day.
func (m *deskModel) p() holds.Policy { return m.rules.HoldPolicy(m.today) }

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
		if r.group != 0 && e.group == r.group && e.order < r.order && e.state == holds.Waiting {
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
		if r.state == holds.Waiting {
			waited = append(waited, r.item)
		}
	}
	if len(waited) > 0 && rapid.IntRange(0, 4).Draw(t, "any item?") > 0 {
		return rapid.SampledFrom(waited).Draw(t, "waited for")
	}
	return rapid.SampledFrom(kitItems).Draw(t, "item")
}

// expect fails unless err is want (nil for success); a refusal must be
// a *reason.Refusal.
func expect(t *rapid.T, what string, err, want error) {
	t.Helper()
	if want == nil && err != nil {
		t.Fatalf("%s: unexpected error %v", what, err)
	}
	if want != nil && !errors.Is(err, want) {
		t.Fatalf("%s: got error %v, want %v", what, err, want)
	}
	var refusal *reason.Refusal
	if _, isReason := want.(*reason.Reason); isReason && !errors.As(err, &refusal) {
		t.Fatalf("%s: %v is not a *reason.Refusal", what, err)
	}
}

// do asks the desk r, checks that the change it returns is what the
// desk now holds with one valid Transition of r's step each, and returns
// it.
func (m *deskModel) do(t *rapid.T, r holds.Request) (holds.Change, error) {
	t.Helper()
	ch, err := m.desk.Do(r)
	if err != nil {
		return ch, err
	}
	checkChange(t, r.Action, r.Today, ch)
	return ch, nil
}

// checkChange checks a change of action on day today: one valid
// Transition per reservation, recording the step.
func checkChange(t *rapid.T, action holds.Action, today calendar.Date, ch holds.Change) {
	t.Helper()
	if len(ch.Transitions) != len(ch.Reservations) {
		t.Fatalf("%v: %d reservations, %d transitions", action, len(ch.Reservations), len(ch.Transitions))
	}
	for k, r := range ch.Reservations {
		tr := ch.Transitions[k]
		if err := tr.Validate(); err != nil {
			t.Fatalf("%v: transition %+v: %v", action, tr, err)
		}
		if tr.Reservation != r.ID || tr.Action != action || tr.On != today || tr.To != r.State || tr.Place != r.Place {
			t.Fatalf("%v: transition %+v for %+v", action, tr, r)
		}
	}
}

func (m *deskModel) checkout(t *rapid.T) {
	who := rapid.SampledFrom(kitPatrons).Draw(t, "patron")
	n := rapid.IntRange(0, 5).Draw(t, "n")
	items := make([]circulation.Item, n)
	for i := range items {
		items[i] = circulation.Item{
			ID:     rapid.SampledFrom(kitItems).Draw(t, "item"),
			Status: rapid.SampledFrom([]circulation.Status{circulation.OnLoan, circulation.OnShelf, circulation.Assigned, circulation.Reference}).Draw(t, "status"),
		}
	}
	c := holds.Cart{
		Patron:           who,
		Items:            items,
		Place:            rapid.SampledFrom(modelPlaces).Draw(t, "place"),
		Ordering:         rapid.SampledFrom([]holds.Ordering{holds.Normal, holds.ReadingOrder, holds.ReadingOrder, 0}).Draw(t, "ordering"),
		PartnerLibraries: slices.Clone(kitRegistered[who]),
		Contact:          rapid.SampledFrom([]holds.Contact{holds.ContactEmail, holds.ContactTelephone, holds.ContactNone}).Draw(t, "contact"),
	}
	want := m.checkoutReasons(c)
	ch, err := m.do(t, holds.Request{Action: holds.ActionReserve, Cart: c, Today: m.today})
	if want == nil {
		if err != nil {
			t.Fatalf("checkout refused: %v", err)
		}
		for i, r := range ch.Reservations {
			mr := &modelRes{id: uint64(len(m.rs) + 1), patron: who, item: items[i].ID, place: c.Place, state: holds.Waiting, contact: c.Contact}
			if c.Ordering == holds.ReadingOrder {
				mr.group, mr.order = ch.Reservations[0].ID, i+1
			}
			if r.ID != mr.id || r.Group != mr.group || r.Order != mr.order || r.PlacedOn != m.today || r.Contact != mr.contact {
				t.Fatalf("placed %+v, model %+v", r, mr)
			}
			m.rs = append(m.rs, mr)
		}
		return
	}
	var refusal *reason.Refusal
	if !errors.As(err, &refusal) {
		t.Fatalf("checkout: got %v, want a refusal", err)
	}
	if got := reasonsOf(err); !slices.Equal(got, want) {
		t.Fatalf("checkout refused with %v, model says %v", got, want)
	}
}

// checkoutReasons returns the reasons the model refuses cart c with,
// each as its code followed by the item it concerns, in the order of
// holds.Desk.Do: the cart's, the limit (H1), each item never lent (I1),
// each item already reserved or twice in the cart.
func (m *deskModel) checkoutReasons(c holds.Cart) []string {
	var want []string
	if len(c.Items) == 0 {
		want = append(want, holds.ErrCartEmpty.Code())
	}
	if !c.Ordering.Valid() {
		want = append(want, holds.ErrCartMethod.Code())
	}
	if c.Place.Validate() != nil {
		want = append(want, holds.ErrPlace.Code())
	} else if c.Place.Method == circulation.PartnerLibrary && !slices.Contains(c.PartnerLibraries, c.Place.Library) {
		want = append(want, patron.ErrNotPartnerRegistered.Code())
	}
	if m.active(c.Patron)+len(c.Items) > m.p().Circulation.MaxReservations {
		want = append(want, circulation.ErrReservationLimit.Code())
	}
	for _, it := range c.Items {
		if !it.Status.Loanable() {
			want = append(want, circulation.ErrNotLoanable.Code()+" "+it.ID)
		}
	}
	for i, it := range c.Items {
		dup := m.holding(c.Patron, it.ID)
		for _, e := range c.Items[:i] {
			dup = dup || e.ID == it.ID
		}
		if dup {
			want = append(want, holds.ErrAlreadyReserved.Code()+" "+it.ID)
		}
	}
	return want
}

func (m *deskModel) secure(t *rapid.T) { m.secureItem(t, m.pickItem(t)) }

func (m *deskModel) secureItem(t *rapid.T, item string) {
	var want *modelRes
	pending := false
	for _, r := range m.queue(item) {
		if r.state != holds.Waiting {
			continue
		}
		if m.blocked(r) {
			pending = true
			if m.p().HoldForReadingOrder {
				break // the item waits for the first in line
			}
			continue
		}
		want = r
		break
	}
	ch, err := m.do(t, holds.Request{Action: holds.ActionSecure, Item: item, Today: m.today})
	switch {
	case want != nil:
		expect(t, "secure", err, nil)
		if len(ch.Reservations) != 1 || ch.Reservations[0].ID != want.id {
			t.Fatalf("H3 secured %+v, first that may go ahead is %d", ch.Reservations, want.id)
		}
		want.state, want.secured = holds.Secured, m.today
	case pending:
		expect(t, "secure", err, holds.ErrOrderPending)
	default:
		expect(t, "secure", err, holds.ErrNobodyWaiting)
	}
}

func (m *deskModel) ship(t *rapid.T) { m.shipRes(t, m.pick(t)) }

func (m *deskModel) shipRes(t *rapid.T, r *modelRes) {
	loans := rapid.IntRange(8, 11).Draw(t, "loans")
	remote := r.place.Method == circulation.PartnerLibrary || r.place.Method == circulation.HomeDelivery
	var want error
	switch {
	case r.state != holds.Secured || r.place.Method == circulation.PrefecturalLibrary:
		want = holds.ErrNoStep // only a secured item travels, never from the Prefectural Library
	case remote && loans >= m.p().Circulation.MaxLoans:
		want = holds.ErrHeldBack // R-HD4, R-PT5
	}
	_, err := m.do(t, holds.Request{Action: holds.ActionShip, ID: r.id, Today: m.today, Loans: loans})
	expect(t, "ship", err, want)
	if want == nil {
		r.state, r.shipped = holds.InTransit, m.today
	}
}

func (m *deskModel) ready(t *rapid.T) { m.readyRes(t, m.pick(t)) }

func (m *deskModel) readyRes(t *rapid.T, r *modelRes) {
	var want error
	switch {
	case r.state != holds.Secured && r.state != holds.InTransit, r.place.Method == circulation.HomeDelivery,
		r.state == holds.Secured && r.place.Method == circulation.PartnerLibrary:
		want = holds.ErrNoStep // no shelf at home; a partner library only after the courier
	}
	at, err := placeCalendars().At(r.place)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := m.do(t, holds.Request{Action: holds.ActionMakeReady, ID: r.id, Today: m.today})
	expect(t, "ready", err, want)
	if want != nil {
		return
	}
	got := ch.Reservations[0]
	r.state, r.deadline, r.ready = holds.Ready, got.Deadline, m.today
	// H4: ShelfDays open days of the place, the first collectable day
	// the first: the next open day after today (the notice day) at the
	// Prefectural and Assembly Libraries (R-PL1, R-AL2), from two days
	// after the courier day at a partner library (R-PT3).
	rules := at.Rules()
	first := nextOpenByRules(rules, m.today.AddDays(1))
	if r.place.Method == circulation.PartnerLibrary {
		first = r.shipped.AddDays(2)
		if m.today.After(first) {
			first = m.today
		}
		first = nextOpenByRules(rules, first)
	}
	// The shelf days are those the notice gave: the policy of the day
	// the item was secured (H4, V1), for the patron's contact (H8), in
	// open or calendar days (H7).
	p := m.rules.HoldPolicy(r.secured)
	if want := shelfDeadlineByRules(rules, first, modelShelfDays(p, r.contact), p.ShelfCount); got.Deadline != want {
		t.Fatalf("H4 deadline %v for %v made ready %v, first collectable %v: want %v", got.Deadline, r.place, m.today, first, want)
	}
}

func (m *deskModel) collect(t *rapid.T) { m.collectRes(t, m.pick(t)) }

func (m *deskModel) collectRes(t *rapid.T, r *modelRes) {
	var want error
	switch {
	case r.place.Method == circulation.HomeDelivery && r.state != holds.InTransit,
		r.place.Method != circulation.HomeDelivery && r.state != holds.Ready:
		want = holds.ErrNoStep
	}
	ch, err := m.do(t, holds.Request{Action: holds.ActionCollect, ID: r.id, Today: m.today})
	expect(t, "collect", err, want)
	if want != nil {
		return
	}
	r.state = holds.Collected
	// L2: a loan that travels is dated the day it left; the day the
	// patron collects changes nothing. L4 b: a loan others wait for is
	// reserved.
	loaned := m.today
	if r.place.Method == circulation.PartnerLibrary || r.place.Method == circulation.HomeDelivery {
		loaned = r.shipped
	}
	due := loaned.AddDays(m.p().Circulation.LoanPeriod(circulation.Loan{Place: r.place}) - 1)
	loan := ch.Loan
	if loan.Item != r.item || loan.Place != r.place || loan.Loaned != loaned || loan.Due != due || loan.Reserved != (len(m.queue(r.item)) > 0) {
		t.Fatalf("L2 L4 loan %+v for %+v, want loaned %v due %v, reserved %v", loan, r, loaned, due, len(m.queue(r.item)) > 0)
	}
}

func (m *deskModel) expire(t *rapid.T) {
	r := m.pick(t)
	var want error
	switch {
	case r.state != holds.Ready:
		want = holds.ErrNoStep
	case !m.today.After(r.deadline):
		want = holds.ErrDeadlineNotPassed // H4
	}
	_, err := m.do(t, holds.Request{Action: holds.ActionExpire, ID: r.id, Today: m.today})
	expect(t, "expire", err, want)
	if want == nil {
		r.state = holds.Expired
	}
}

func (m *deskModel) expireDue(t *rapid.T) {
	var want []uint64
	for _, r := range m.rs {
		if r.state == holds.Ready && m.today.After(r.deadline) {
			want = append(want, r.id)
			r.state = holds.Expired
		}
	}
	ch, err := m.desk.ExpireDue(m.today)
	if err != nil {
		t.Fatal(err)
	}
	checkChange(t, holds.ActionExpire, m.today, ch)
	var got []uint64
	for _, r := range ch.Reservations {
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
	case r.state == holds.Waiting:
		m.secureItem(t, r.item)
	case r.state == holds.Secured && method == circulation.PrefecturalLibrary:
		m.readyRes(t, r)
	case r.state == holds.Secured:
		m.shipRes(t, r)
	case r.state == holds.InTransit && method == circulation.HomeDelivery:
		m.collectRes(t, r)
	case r.state == holds.InTransit:
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
func patronMay(r *modelRes) bool { return r.state == holds.Waiting }

// pickActor picks a reservation and who acts on it, and says what H5
// refuses: any change of a final reservation, and the patron's once the
// notice has gone out.
func (m *deskModel) pickActor(t *rapid.T) (*modelRes, holds.Actor, error) {
	r := m.pick(t)
	by := rapid.SampledFrom([]holds.Actor{holds.ByPatron, holds.ByStaff}).Draw(t, "by")
	switch {
	case r.state.Final():
		return r, by, holds.ErrNoStep
	case by == holds.ByPatron && !patronMay(r):
		return r, by, holds.ErrNeedsStaff // H5
	}
	return r, by, nil
}

func (m *deskModel) cancel(t *rapid.T) {
	r, by, want := m.pickActor(t)
	ch, err := m.do(t, holds.Request{Action: holds.ActionCancel, ID: r.id, By: by, Today: m.today, Override: overrideBy(by)})
	expect(t, "cancel", err, want)
	checkUsed(t, ch, by, r.state)
	if want == nil {
		r.state = holds.Cancelled
	}
}

func (m *deskModel) changePlace(t *rapid.T) {
	r, by, want := m.pickActor(t)
	to := rapid.SampledFrom(modelPlaces).Draw(t, "to")
	switch {
	case want != nil:
	case r.state == holds.InTransit && r.place.Method == circulation.HomeDelivery:
		want = holds.ErrNoStep
	case to.Validate() != nil:
		want = holds.ErrPlace
	case to.Method == circulation.PartnerLibrary && !slices.Contains(kitRegistered[r.patron], to.Library):
		want = patron.ErrNotPartnerRegistered
	}
	ch, err := m.do(t, holds.Request{Action: holds.ActionChangePlace, ID: r.id, By: by, Today: m.today,
		Place: to, PartnerLibraries: slices.Clone(kitRegistered[r.patron]), Override: overrideBy(by)})
	expect(t, "change place", err, want)
	if want == nil && to == r.place && len(ch.Reservations) != 0 {
		t.Fatalf("change to the same place %v changed %+v", to, ch.Reservations)
	}
	if want == nil && to != r.place {
		checkUsed(t, ch, by, r.state)
		r.place = to
		if r.state == holds.InTransit || r.state == holds.Ready {
			r.state, r.shipped, r.deadline = holds.Secured, calendar.Date{}, calendar.Date{}
		}
	}
}

// checkUsed checks the override a change by by of a reservation in
// state before used (H5): staff's, letting holds.ErrNeedsStaff go, once
// the notice has gone out; none while the reservation waits.
func checkUsed(t *rapid.T, ch holds.Change, by holds.Actor, before holds.State) {
	t.Helper()
	want := circulation.Override{}
	if by == holds.ByStaff && before != holds.Waiting {
		want = staffOverride
	}
	if len(ch.Reservations) > 0 && (ch.Override != want || ch.Transitions[0].Override != want || ch.Transitions[0].By != by) {
		t.Fatalf("H5 %v on a %v reservation used %v, recorded %+v; want %v", by, before, ch.Override, ch.Transitions[0], want)
	}
}

// rebuild rebuilds the desk from every reservation it holds,
// as a host does between requests.
func (m *deskModel) rebuild(t *rapid.T) {
	d, err := m.open(m.rules, m.desk.All())
	if err != nil {
		t.Fatal(err)
	}
	m.desk = d
}

// check compares the desk with the model after every step.
func (m *deskModel) check(t *rapid.T) {
	m.checkReservations(t)
	m.checkQueues(t)
	m.checkPatrons(t)
}

// checkReservations checks every reservation the desk holds against the
// model's, each change since the last check one step of the lifecycle,
// and H2's reading order.
func (m *deskModel) checkReservations(t *rapid.T) {
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
		var before holds.Reservation
		if i < len(m.last) {
			before = m.last[i]
		}
		if before.State != r.State || before.Place != r.Place || before.ShelfExtended != r.ShelfExtended {
			if _, err := before.Step(r, holds.ByStaff, m.today, afterNotice(before, r)); err != nil {
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
}

// checkQueues checks each item's queue and the positions in it (H3):
// final reservations keep none.
func (m *deskModel) checkQueues(t *rapid.T) {
	for _, item := range kitItems {
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
}

// checkPatrons checks each patron's count of active reservations (H1)
// and the list My Page shows.
func (m *deskModel) checkPatrons(t *rapid.T) {
	for _, who := range kitPatrons {
		n := m.desk.Active(who)
		if n != m.active(who) || n > max(m.rules.before.Circulation.MaxReservations, m.rules.after.Circulation.MaxReservations) {
			t.Fatalf("H1 %s has %d active reservations, model %d", who, n, m.active(who))
		}
		if len(m.desk.Reservations(who)) != n {
			t.Fatalf("My Page of %s lists %d, want %d", who, len(m.desk.Reservations(who)), n)
		}
	}
}

// nextOpenByRules returns the first day from d on that the rules open, or
// the zero Date when none opens within two years.
func nextOpenByRules(r calendar.Rules, d calendar.Date) calendar.Date {
	for i := 0; i < 731; i++ {
		if OpenByRules(r, d.AddDays(i)) {
			return d.AddDays(i)
		}
	}
	return calendar.Date{}
}

// shelfDeadlineByRules returns the n-th day the rules open counting from
// first (H4), or the zero Date when there is none within two years.
func shelfDeadlineByRules(r calendar.Rules, first calendar.Date, n int, count holds.ShelfCount) calendar.Date {
	if count == holds.CalendarDays { // H7: the n-th day, or the next open day
		return nextOpenByRules(r, first.AddDays(n-1))
	}
	for i := 0; i < 731; i++ {
		if d := first.AddDays(i); OpenByRules(r, d) {
			if n--; n == 0 {
				return d
			}
		}
	}
	return calendar.Date{}
}

// modelShelfDays returns the shelf days of p for a patron told by
// contact c (H8): the days set for c, else ShelfDays.
func modelShelfDays(p holds.Policy, c holds.Contact) int {
	n := map[holds.Contact]int{
		holds.ContactEmail:     p.ShelfDaysByContact.Email,
		holds.ContactTelephone: p.ShelfDaysByContact.Telephone,
		holds.ContactNone:      p.ShelfDaysByContact.None,
	}[c]
	if n == 0 {
		return p.ShelfDays
	}
	return n
}

// extendShelf asks for the one extension of a hold shelf (H9): only of a
// ready reservation, once, under a policy (of its ready day) offering
// one, with nobody else waiting for the item, on or before the deadline;
// the new deadline is ShelfExtensionDays more days (H7) from the day
// after the old one.
func (m *deskModel) extendShelf(t *rapid.T) {
	r := m.pick(t)
	by := rapid.SampledFrom([]holds.Actor{holds.ByPatron, holds.ByStaff}).Draw(t, "by")
	ch, err := m.do(t, holds.Request{Action: holds.ActionExtendShelf, ID: r.id, By: by, Today: m.today})
	if r.state != holds.Ready {
		expect(t, "extend shelf", err, holds.ErrNoStep)
		return
	}
	p := m.rules.HoldPolicy(r.ready)
	var want []string
	if p.ShelfExtensionDays == 0 {
		want = append(want, holds.ErrShelfExtensionOff.Code())
	}
	if r.extended {
		want = append(want, holds.ErrShelfAlreadyExtended.Code())
	}
	if slices.ContainsFunc(m.rs, func(o *modelRes) bool { return o.item == r.item && o.state == holds.Waiting }) {
		want = append(want, holds.ErrShelfOthersWait.Code()+" "+r.item)
	}
	if m.today.After(r.deadline) {
		want = append(want, holds.ErrShelfDeadlinePassed.Code())
	}
	if got := reasonsOf(err); !slices.Equal(got, want) {
		t.Fatalf("H9 extension of %+v refused with %v (%v), model says %v", *r, got, err, want)
	}
	if want != nil {
		return
	}
	at, err := placeCalendars().At(r.place)
	if err != nil {
		t.Fatal(err)
	}
	rules := at.Rules()
	next := shelfDeadlineByRules(rules, nextOpenByRules(rules, r.deadline.AddDays(1)), p.ShelfExtensionDays, holds.OpenDays)
	if p.ShelfCount == holds.CalendarDays {
		next = nextOpenByRules(rules, r.deadline.AddDays(p.ShelfExtensionDays))
	}
	if got := ch.Reservations[0]; got.Deadline != next || !got.ShelfExtended || got.State != holds.Ready {
		t.Fatalf("H9 extension of %+v gave %+v, want deadline %v", *r, got, next)
	}
	r.deadline, r.extended = next, true
}
