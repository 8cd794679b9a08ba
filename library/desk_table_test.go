package library

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/reason"
)

// deskTable sets, by method, item category and collection, a setting of
// each kind the desk reads: the shelf days (H4), the reservation limit
// (H1), the loan days (L1) and the loan limit at delivery (R-HD4).
const deskTable = `[
	{"match": {"method": "partner_library"}, "set": {"holds": {"shelf_days": 14}}},
	{"match": {"method": "home_delivery"}, "set": {"circulation": {"max_reservations": 2, "max_loans": 1}}},
	{"match": {"method": "prefectural_library", "collection": "hokkaido"}, "set": {"circulation": {"loan_days": 7, "short_loan_days": 7}}},
	{"match": {"item_category": "short_loan"}, "set": {"circulation": {"max_reservations": 1}}}
]`

// reserveOne places a reservation of item at place for patron on day.
func reserveOne(t *testing.T, desk *holds.Desk, patron, item string, at circulation.Place, on string, col circulation.Collection) holds.Reservation {
	t.Helper()
	ch, err := desk.Do(holds.Request{Action: holds.ActionReserve, Today: day(on), Cart: holds.Cart{Patron: patron, Place: at, Ordering: holds.Normal,
		PartnerLibraries: []string{atEbetsu.Library}, Items: []circulation.Item{{ID: item, Status: circulation.OnShelf, Collection: col}}}})
	require.NoError(t, err)
	return ch.Reservations[0]
}

// V7: the desk's make-ready gives a partner-library reservation the
// shelf days of its method's row, the deadline its timeline and notice
// gave, where the base gives 10 open days.
func TestV7DeskShelfDaysFromTheTable(t *testing.T) {
	l := mustNew(t, withTable(t, deskTable))
	desk, err := l.NewDesk(nil)
	require.NoError(t, err)
	r := reserveOne(t, desk, "A", "a", atEbetsu, "2027-03-01", circulation.General)
	_, err = desk.Do(holds.Request{Action: holds.ActionSecure, Item: "a", Today: day("2027-03-02")})
	require.NoError(t, err)
	r, _ = desk.Get(r.ID)
	tl, err := l.Timeline(r, 0)
	require.NoError(t, err)
	_, err = desk.Do(holds.Request{Action: holds.ActionShip, ID: r.ID, Today: tl.Sent})
	require.NoError(t, err)
	ready, err := desk.Do(holds.Request{Action: holds.ActionMakeReady, ID: r.ID, Today: tl.FirstPickup})
	require.NoError(t, err)
	got := ready.Reservations[0]
	assert.Equal(t, tl.Deadline, got.Deadline, "the desk and the notice agree")
	ebetsu := mustCalendar(t, l, atEbetsu.Library, got.ReadyOn)
	assert.Equal(t, 14, ebetsu.OpenDaysBetween(got.ReadyOn.AddDays(-1), got.Deadline), "H4 under the row: 14 open days")
	base, err := mustNew(t, withPartners()).Timeline(r, 0)
	require.NoError(t, err)
	assert.NotEqual(t, base.Deadline, tl.Deadline, "the row, not the base, gives the notice's deadline")
}

// V7: a checkout's limits are those of the cart's method: two
// reservations for home delivery, ten at the library. Rows naming an
// item category or collection leave the patron's limits alone.
func TestV7DeskCheckoutLimitByMethod(t *testing.T) {
	l := mustNew(t, withTable(t, deskTable))
	desk, err := l.NewDesk(nil)
	require.NoError(t, err)
	for _, item := range []string{"a", "b", "c"} {
		reserveOne(t, desk, "A", item, atPrefectural, "2027-03-01", circulation.General)
	}
	_, err = desk.Do(holds.Request{Action: holds.ActionReserve, Today: day("2027-03-01"), Cart: holds.Cart{Patron: "A", Place: atHome, Ordering: holds.Normal,
		Items: []circulation.Item{{ID: "d", Status: circulation.OnShelf}}}})
	require.ErrorIs(t, err, circulation.ErrReservationLimit, "home delivery allows 2 active reservations; A has 3")
	var refusal *reason.Refusal
	require.ErrorAs(t, err, &refusal)
	reserveOne(t, desk, "A", "e", atPrefectural, "2027-03-01", circulation.General)
}

// V7: collecting a Hokkaido-collection item at the Prefectural Library
// lends it for the row's 7 days; a general item for the base's 15.
func TestV7DeskLoanDaysFromTheTable(t *testing.T) {
	l := mustNew(t, withTable(t, deskTable))
	desk, err := l.NewDesk(nil)
	require.NoError(t, err)
	for _, c := range []struct {
		item string
		col  circulation.Collection
		days int
	}{{"h", circulation.Hokkaido, 7}, {"g", circulation.General, 15}} {
		r := reserveOne(t, desk, "A", c.item, atPrefectural, "2027-03-01", c.col)
		_, err = desk.Do(holds.Request{Action: holds.ActionSecure, Item: c.item, Today: day("2027-03-02")})
		require.NoError(t, err)
		_, err = desk.Do(holds.Request{Action: holds.ActionMakeReady, ID: r.ID, Today: day("2027-03-02")})
		require.NoError(t, err)
		got, err := desk.Do(holds.Request{Action: holds.ActionCollect, ID: r.ID, Today: day("2027-03-03")})
		require.NoError(t, err, c.item)
		due, err := l.PolicyFor(r, day("2027-03-03")).Circulation.DueDate(got.Loan, mustCalendar(t, l, "prefectural", day("2027-03-03")))
		require.NoError(t, err)
		period := l.PolicyFor(r, day("2027-03-03")).Circulation.LoanPeriod(got.Loan)
		assert.Equal(t, c.days, period, c.item)
		assert.Equal(t, due, got.Loan.Due, "%s: the desk's due date is the row's", c.item)
		assert.False(t, due.Before(day("2027-03-03").AddDays(c.days-1)), c.item)
	}
}

// V7: shipping to a patron's home is held back at the row's loan limit
// of one (R-HD4), where the base allows ten.
func TestV7DeskShipLoanLimitFromTheTable(t *testing.T) {
	l := mustNew(t, withTable(t, deskTable))
	desk, err := l.NewDesk(nil)
	require.NoError(t, err)
	r := reserveOne(t, desk, "A", "a", atHome, "2027-03-01", circulation.General)
	_, err = desk.Do(holds.Request{Action: holds.ActionSecure, Item: "a", Today: day("2027-03-02")})
	require.NoError(t, err)
	_, err = desk.Do(holds.Request{Action: holds.ActionShip, ID: r.ID, Today: day("2027-03-02"), Loans: 1})
	require.Error(t, err, "one loan is the row's limit")
	_, err = desk.Do(holds.Request{Action: holds.ActionShip, ID: r.ID, Today: day("2027-03-02")})
	require.NoError(t, err)
}

// V7: the cart as a whole is resolved by its method and place alone; a
// cart of no place by the patron's category alone; a reservation by
// its item too, even without an item identifier.
func TestV7PolicyForTheCart(t *testing.T) {
	l := mustNew(t, withTable(t, deskTable))
	cart := holds.Cart{Patron: "A", Place: atPrefectural}
	assert.Equal(t, l.HoldPolicy(day("2027-03-01")), l.CartPolicy(cart, day("2027-03-01")),
		"the short-loan and Hokkaido rows concern items, not the cart")
	item := holds.Reservation{Patron: "A", Item: "x", Place: atPrefectural, Short: true}
	assert.Equal(t, 1, l.PolicyFor(item, day("2027-03-01")).Circulation.MaxReservations)
	bad := holds.Reservation{Patron: "A", Item: "x", Place: circulation.Place{Method: circulation.Method(99)}}
	assert.Equal(t, l.HoldPolicy(day("2027-03-01")), l.PolicyFor(bad, day("2027-03-01")), "a malformed reservation gets the base")
	item.Item = ""
	assert.Equal(t, 1, l.PolicyFor(item, day("2027-03-01")).Circulation.MaxReservations, "the item's facts count, named or not")
	badCart := holds.Cart{Patron: "A", Place: circulation.Place{Method: circulation.Method(99)}}
	assert.Equal(t, l.HoldPolicy(day("2027-03-01")), l.CartPolicy(badCart, day("2027-03-01")))
	student := mustNew(t, withTable(t, `[{"match": {"patron_category": "student"}, "set": {"circulation": {"max_loans": 3}}},
		{"match": {"patron_category": "student", "method": "home_delivery"}, "set": {"circulation": {"max_loans": 2}}}]`))
	assert.Equal(t, 3, student.CartPolicy(holds.Cart{PatronCategory: "student"}, day("2027-03-01")).Circulation.MaxLoans, "the patron alone")
	assert.Equal(t, 2, student.CartPolicy(holds.Cart{PatronCategory: "student", Place: atHome}, day("2027-03-01")).Circulation.MaxLoans)
	var zero *Library
	assert.Equal(t, holds.Policy{}, zero.PolicyFor(item, day("2027-03-01")))
	assert.Equal(t, holds.Policy{}, zero.CartPolicy(holds.Cart{}, day("2027-03-01")))
}

// mustCalendar returns the calendar of the place key on d.
func mustCalendar(t *testing.T, l *Library, key string, d calendar.Date) *calendar.Calendar {
	t.Helper()
	c, err := l.Calendar(key, d)
	require.NoError(t, err)
	return c
}

// BenchmarkPolicyFor is the cost of the table for one desk decision
// (V7): the guide's table, which sets nothing, and deskTable, whose
// rows the decision's settings come from.
func BenchmarkPolicyFor(b *testing.B) {
	r := holds.Reservation{ID: 1, Patron: "A", Item: "x", Place: atEbetsu, Collection: circulation.Hokkaido, Short: true}
	for _, c := range []struct {
		name string
		lib  *Library
	}{{"guide", mustNew(b, withPartners())}, {"table", mustNew(b, withTable(b, deskTable))}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = c.lib.PolicyFor(r, day("2027-03-01"))
			}
		})
	}
	// The baseline: deskTable's rows resolved afresh, their settings
	// decoded, as before the memo.
	l := mustNew(b, withTable(b, deskTable))
	fresh := l.book
	fresh.memo = nil
	var ps problems
	q := l.places.decision(Criteria{Method: "partner_library", Place: atEbetsu.Library, ItemCategory: "short_loan", Collection: "hokkaido"}, &ps)
	b.Run("table_unremembered", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := fresh.policy(q, day("2027-03-01")); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// V7: Policies remembers each combination of rows it resolved; the
// remembered policy is the one Explain resolves afresh, for every
// decision, on every day, asked twice and from many goroutines.
func TestV7RememberedPoliciesAreResolvedOnes(t *testing.T) {
	c := withTable(t, deskTable)
	short := json.RawMessage(`{"short_loan_days": 5}`)
	c.Policies.Changes = append(c.Policies.Changes, PolicyChange{From: day("2028-01-01"),
		Rules: append(cloneTable(c.Policies.Rules), Rule{Match: Criteria{ItemCategory: "short_loan", Method: "assembly_library"}, Circulation: short})})
	l := mustNew(t, c)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, d := range []calendar.Date{{}, day("2027-03-01"), day("2028-06-01")} {
				for _, q := range allCriteria() {
					for range 2 {
						got, err := l.Policies(q, d)
						e, eerr := l.Explain(q, d)
						assert.Equal(t, eerr, err)
						assert.Equal(t, e.Policy, got, "%+v on %v", q, d)
					}
				}
			}
		}()
	}
	wg.Wait()
}

// V7: a checkout's limits follow the cart's patron category, which each
// reservation keeps: a student may hold two reservations, an individual
// ten; and a category out of form is bad input naming the field.
func TestV7DeskPatronCategory(t *testing.T) {
	l := mustNew(t, withTable(t, `[{"match": {"patron_category": "student"}, "set": {"circulation": {"max_reservations": 2}}}]`))
	desk, err := l.NewDesk(nil)
	require.NoError(t, err)
	reserve := func(patron, category, item string) (holds.Change, error) {
		return desk.Do(holds.Request{Action: holds.ActionReserve, Today: day("2027-03-01"), Cart: holds.Cart{Patron: patron, PatronCategory: category,
			Place: atPrefectural, Ordering: holds.Normal, Items: []circulation.Item{{ID: item, Status: circulation.OnShelf}}}})
	}
	for _, item := range []string{"a", "b", "c"} {
		_, err := reserve("I", "individual", item)
		require.NoError(t, err)
	}
	for _, item := range []string{"a", "b"} {
		ch, err := reserve("S", "student", item)
		require.NoError(t, err)
		assert.Equal(t, "student", ch.Reservations[0].PatronCategory, "the reservation keeps the category")
	}
	_, err = reserve("S", "student", "c")
	require.ErrorIs(t, err, circulation.ErrReservationLimit, "a student holds at most two")
	_, err = reserve("S", " student", "c")
	require.ErrorIs(t, err, reason.ErrBadInput)
	assert.Contains(t, err.Error(), "cart.patron_category")
}

// V7: the desk, the timeline and the notice resolve a reservation
// through the policy table alike; a partner library's shelf of 14 open
// days here.
func ExampleLibrary_PolicyFor() {
	c := Default().Config()
	c.Sites = append(c.Sites, Site{ID: "ebetsu", Name: "江別市情報図書館", NameEn: "Ebetsu City Library", Kind: Partner, Rules: ebetsuRules()})
	for i, r := range c.Policies.Rules {
		if r.Match == (Criteria{Method: "partner_library"}) {
			c.Policies.Rules[i].Holds = json.RawMessage(`{"shelf_days": 14}`)
		}
	}
	l, err := New(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	on := calendar.NewDate(2027, time.March, 1)
	r := holds.Reservation{Item: "0012345678", Place: circulation.Place{Method: circulation.PartnerLibrary, Library: "江別市情報図書館"}}
	fmt.Println(l.PolicyFor(r, on).ShelfDays, l.HoldPolicy(on).ShelfDays)
	// Output: 14 10
}

// BenchmarkDeskUnderTable is a checkout and its cancellation on a desk
// of the library (V7): the guide's table, which sets nothing, is the
// baseline for deskTable, whose rows supply the cart's limits.
func BenchmarkDeskUnderTable(b *testing.B) {
	for _, c := range []struct {
		name string
		lib  *Library
	}{{"guide", mustNew(b, withPartners())}, {"table", mustNew(b, withTable(b, deskTable))}} {
		b.Run(c.name, func(b *testing.B) {
			desk, err := c.lib.NewDesk(nil)
			require.NoError(b, err)
			reserve := holds.Request{Action: holds.ActionReserve, Today: day("2027-03-01"), Cart: holds.Cart{Patron: "A", Place: atHome, Ordering: holds.Normal,
				Items: []circulation.Item{{ID: "a", Status: circulation.OnShelf}}}}
			b.ReportAllocs()
			for b.Loop() {
				ch, err := desk.Do(reserve)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := desk.Do(holds.Request{Action: holds.ActionCancel, ID: ch.Reservations[0].ID, By: holds.ByPatron, Today: day("2027-03-01")}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// V7, L2: a loan's policy is the table's for its patron category,
// method, place, item category and collection; the loan the desk lends
// keeps the reservation's patron category, and its due date is its
// policy's.
func TestV7LoanPolicy(t *testing.T) {
	l := mustNew(t, withTable(t, `[
		{"match": {"method": "prefectural_library", "collection": "hokkaido"}, "set": {"circulation": {"loan_days": 7, "short_loan_days": 7}}},
		{"match": {"patron_category": "student"}, "set": {"circulation": {"loan_days": 21, "extension_days": 21}}}]`))
	on := day("2027-03-03")
	ln := circulation.Loan{Item: "h", Place: atPrefectural, Collection: circulation.Hokkaido, Loaned: on, Due: on}
	assert.Equal(t, 7, l.LoanPolicy(ln, on).LoanDays)
	ln.Collection = circulation.General
	assert.Equal(t, 15, l.LoanPolicy(ln, on).LoanDays)
	ln.PatronCategory = "student"
	assert.Equal(t, 21, l.LoanPolicy(ln, on).LoanDays)
	ln.Place = circulation.Place{Method: circulation.Method(99)}
	assert.Equal(t, l.CirculationPolicy(on), l.LoanPolicy(ln, on), "a malformed loan gets the base")

	desk, err := l.NewDesk(nil)
	require.NoError(t, err)
	ch, err := desk.Do(holds.Request{Action: holds.ActionReserve, Today: day("2027-03-01"), Cart: holds.Cart{Patron: "S", PatronCategory: "student",
		Place: atPrefectural, Ordering: holds.Normal, Items: []circulation.Item{{ID: "g", Status: circulation.OnShelf}}}})
	require.NoError(t, err)
	id := ch.Reservations[0].ID
	for _, r := range []holds.Request{{Action: holds.ActionSecure, Item: "g", Today: day("2027-03-02")}, {Action: holds.ActionMakeReady, ID: id, Today: day("2027-03-02")}} {
		_, err := desk.Do(r)
		require.NoError(t, err)
	}
	got, err := desk.Do(holds.Request{Action: holds.ActionCollect, ID: id, Today: on})
	require.NoError(t, err)
	assert.Equal(t, "student", got.Loan.PatronCategory)
	due, err := l.LoanPolicy(got.Loan, on).DueDate(got.Loan, mustCalendar(t, l, "prefectural", on))
	require.NoError(t, err)
	assert.Equal(t, due, got.Loan.Due)
	assert.Equal(t, 21, l.LoanPolicy(got.Loan, on).LoanPeriod(got.Loan))
}

// V7, X1: a closure moves a loan's due date under the loan's own
// closed-day rule: the Hokkaido collection's row moves it to the next
// open day, while a general loan's due date stands (the base).
func TestV7ClosureMovesDueUnderTheLoansPolicy(t *testing.T) {
	l := mustNew(t, withTable(t, `[{"match": {"collection": "hokkaido"}, "set": {"circulation": {"due_on_closed_day": "next_open_day"}}}]`))
	ch, err := l.Closing("prefectural", calendar.Closure{Name: "臨時休館", NameEn: "snowstorm", From: day("2027-02-17"), To: day("2027-02-18")})
	require.NoError(t, err)
	general := loanOf("A", "a", atPrefectural, "2027-02-03", "2027-02-17")
	hokkaido := loanOf("B", "b", atPrefectural, "2027-02-03", "2027-02-17")
	hokkaido.Loan.Collection = circulation.Hokkaido
	applied, err := l.Apply(ch, []LoanRecord{general, hokkaido}, nil, ApplyOptions{})
	require.NoError(t, err)
	require.Len(t, applied.Loans, 2)
	assert.Equal(t, day("2027-02-17"), applied.Loans[0].New, "the base: the due date stands")
	assert.Equal(t, day("2027-02-19"), applied.Loans[1].New, "the row: the next open day")
}
