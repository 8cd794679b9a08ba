package library

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

// Defects found by the second review (issue 17), each with the test that
// failed before its fix.

// Defect (High): Consequences panicked on a change without a courier,
// which its validation accepts, when asked of a Library with no places
// (the zero Library, a nil *Library). It now says the library has no
// places; and on a real Library such a change lists what moves without
// inventing a courier day.
func TestDefectConsequencesWithoutCourierDoesNotPanic(t *testing.T) {
	l := mustNew(t, withPartners())
	full, err := l.Closing("prefectural", calendar.Closure{From: day("2027-02-17"), To: day("2027-02-18"), Name: "臨時休館", NameEn: "closed"})
	require.NoError(t, err)
	ch := Change{Before: holds.Calendars{Library: full.Before.Library}, After: holds.Calendars{Library: full.After.Library},
		From: full.From, To: full.To}
	loans := []circulation.Loan{loanAt(atPrefectural, "2027-02-03", "2027-02-17")}
	rs := []holds.Reservation{
		{ID: 1, Patron: "A", Item: "a", Place: atEbetsu, State: holds.Secured, PlacedOn: day("2027-02-01"), SecuredOn: day("2027-02-16")},
		{ID: 2, Patron: "A", Item: "b", Place: atHome, State: holds.Secured, PlacedOn: day("2027-02-01"), SecuredOn: day("2027-02-16")},
	}
	for name, lib := range map[string]*Library{"zero": {}, "nil": nil} {
		require.NotPanics(t, func() {
			_, err = lib.Consequences(ch, loans, rs)
		}, name)
		assert.ErrorIs(t, err, reason.ErrBadInput, name)
	}
	var got []Consequence
	require.NotPanics(t, func() { got, err = l.Consequences(ch, loans, rs) })
	require.NoError(t, err)
	require.Len(t, got, 2, "the loan due on a closed day, the home delivery posted later")
	assert.ErrorIs(t, got[0].Reason, ErrDueStands)
	assert.ErrorIs(t, got[1].Reason, ErrPostingMoved)

	onTheWay := holds.Reservation{ID: 3, Patron: "A", Item: "c", Place: atEbetsu, State: holds.InTransit,
		PlacedOn: day("2027-02-01"), SecuredOn: day("2027-02-17"), ShippedOn: day("2027-02-19")}
	closed, err := l.Closing("ebetsu", calendar.Closure{From: day("2027-02-21"), To: day("2027-02-21"), Name: "臨時休館", NameEn: "closed"})
	require.NoError(t, err)
	closed.Before.Courier, closed.After.Courier = nil, nil
	require.NotPanics(t, func() {
		got, err = l.Consequences(closed, nil, []holds.Reservation{rs[0], onTheWay})
	})
	require.NoError(t, err)
	require.NotEmpty(t, got)
	for _, c := range got {
		assert.Equal(t, uint64(3), c.Reservation, "no courier: nothing is said of the secured item's dispatch")
	}
}

// problemLines returns the problems of err as "path: message" lines.
func problemLines(t *testing.T, err error) []string {
	t.Helper()
	var ps reason.Problems
	require.True(t, errors.As(err, &ps), "%v", err)
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

// Defect (High): a place's name could equal another place's ID, and the
// lookups answered for whichever came last. IDs and names share one
// namespace: every key is unique across it, and the problem names both
// places' paths. A place may not be named "courier" either.
func TestDefectPlaceIDsAndNamesShareOneNamespace(t *testing.T) {
	c := withPartners()
	c.Sites = append(c.Sites, Site{ID: "otaru", Name: "ebetsu", Kind: Partner, Rules: ebetsuRules()})
	_, err := New(c)
	require.ErrorIs(t, err, reason.ErrBadInput)
	assert.Contains(t, problemLines(t, err), `places[3].name: "ebetsu" is also places[2].id`)

	c = withPartners()
	c.Sites[2].Name = "otaru"
	c.Sites = append(c.Sites, Site{ID: "otaru", Name: "小樽市立図書館", Kind: Partner, Rules: ebetsuRules()})
	_, err = New(c)
	assert.Contains(t, problemLines(t, err), `places[3].id: "otaru" is also places[2].name`)

	c = withPartners()
	c.Sites[2].Name = "courier"
	_, err = New(c)
	assert.Contains(t, problemLines(t, err), `places[2].name: "courier" names the courier (Library.Closing): choose another name`)

	// The same key for a place's own ID and name is one place: allowed.
	c = withPartners()
	c.Sites[2].Name = "ebetsu"
	l := mustNew(t, c)
	s, err := l.Site("ebetsu")
	require.NoError(t, err)
	assert.Equal(t, "ebetsu", s.ID)

	// Load reports the same, with the paths of the document.
	b, err := withPartners().MarshalJSON()
	require.NoError(t, err)
	doc := strings.Replace(string(b), `"name": "江別市情報図書館"`, `"name": "prefectural"`, 1)
	assert.Contains(t, problemsOf(t, doc), `places[2].name: "prefectural" is also places[0].id`)
}

// Defect (High): a hold policy could declare structural reasons soft
// (place.invalid, reservation.duplicate) and Load accepted it: a staff
// checkout then stored reservations NewDesk refuses to rebuild. Only the
// reasons safe to waive may be soft (overrides [reading]): the limits,
// extension.reserved, extension.already_extended, extension.overdue and
// change.needs_staff; any other code is refused at load, in the first
// policies and in every change.
func TestDefectStructuralReasonsAreNotOverridable(t *testing.T) {
	for _, tc := range []struct{ overridable, want string }{
		{`"holds": {"shelf_days": 10, "overridable": ["change.needs_staff", "place.invalid"]}`, "policies.holds.overridable["},
		{`"holds": {"shelf_days": 10, "overridable": ["reservation.duplicate"]}`, "policies.holds.overridable[0]"},
		{`"holds": {"shelf_days": 10, "overridable": ["lifecycle.no_step"]}`, "policies.holds.overridable[0]"},
		{`"holds": {"shelf_days": 10}, "changes": [{"from": "2027-04-01", "holds": {"overridable": ["reservation.duplicate"]}}]`, "policies.changes[0].holds.overridable[0]"},
		{`"holds": {"shelf_days": 10}, "circulation": {"loan_days": 15, "short_loan_days": 8, "remote_loan_days": 30, "remote_short_loan_days": 15,
		  "extension_days": 14, "short_extension_days": 7, "max_extensions": 1, "max_loans": 10, "max_reservations": 10,
		  "overridable": ["reservation.not_loanable"]}`, "policies.circulation.overridable[0]"},
	} {
		doc := replacePolicies(t, tc.overridable)
		got := problemsOf(t, doc)
		found := false
		for _, p := range got {
			found = found || strings.HasPrefix(p, tc.want)
		}
		assert.True(t, found, "%s: want a problem at %s, got %v", tc.overridable, tc.want, got)
	}
	// The Go form is checked the same: New refuses it.
	c := withPartners()
	c.Policies.Holds.Overridable = circulation.CodesOf(holds.ErrNeedsStaff, holds.ErrPlace)
	_, err := New(c)
	require.ErrorIs(t, err, reason.ErrBadInput)
	// Every waivable code is accepted, and a narrower set too.
	c = withPartners()
	c.Policies.Holds.Overridable = circulation.CodesOf(holds.ErrNeedsStaff)
	c.Policies.Circulation.Overridable = circulation.CodesOf(circulation.ErrLoanLimit, circulation.ErrReservationLimit,
		circulation.ErrReserved, circulation.ErrAlreadyExtended, circulation.ErrOverdue)
	mustNew(t, c)
	c.Policies.Circulation.Overridable = circulation.CodesOf(circulation.ErrOverdue)
	c.Policies.Holds.Overridable = circulation.Codes{}
	mustNew(t, c)
}

// overrides [reading]: a document that leaves "overridable" out gets
// every reason safe to waive as soft, and nothing else: the default split
// is the waivable set of each package.
func TestOverridesDefaultSplitIsTheWaivableSet(t *testing.T) {
	assert.Equal(t, circulation.Waivable(), defaultCirculationSoft())
	assert.Equal(t, holds.Waivable(), defaultHoldSoft())
	p := Default().HoldPolicy(day("2027-01-01"))
	assert.Equal(t, holds.Waivable(), p.Overridable)
	assert.Equal(t, circulation.Waivable(), p.Circulation.Overridable)
}

// replacePolicies returns the default document with its policies'
// holds (and circulation, when given) replaced by the JSON members in
// members.
func replacePolicies(t *testing.T, members string) string {
	t.Helper()
	var doc map[string]any
	require.NoError(t, json.Unmarshal(DefaultJSON(), &doc))
	var extra map[string]any
	require.NoError(t, json.Unmarshal([]byte("{"+members+"}"), &extra))
	p := doc["policies"].(map[string]any)
	for k, v := range extra {
		p[k] = v
	}
	b, err := json.Marshal(doc)
	require.NoError(t, err)
	return string(b)
}

// Defect (Medium): Closing matched the courier's calendar name too, which
// was not documented, and Closing("") suspended a courier whose rules had
// no name. Only the key "courier" names the courier; "" is bad input.
func TestDefectClosingNamesTheCourierOnlyByKey(t *testing.T) {
	l := mustNew(t, withPartners())
	one := calendar.Closure{From: day("2027-02-19"), To: day("2027-02-19"), Name: "運休", NameEn: "suspended"}
	_, err := l.Closing(l.Courier().Calendar().Name(), one)
	require.NotEmpty(t, l.Courier().Calendar().Name())
	assert.ErrorIs(t, err, ErrUnknownSite, "the courier's calendar name is not a key")
	ch, err := l.Closing("courier", one)
	require.NoError(t, err)
	assert.NotSame(t, ch.Before.Courier, ch.After.Courier)

	c := withPartners()
	c.Courier.Rules.Name = ""
	unnamed := mustNew(t, c)
	require.Equal(t, "", unnamed.Courier().Calendar().Name())
	ch, err = unnamed.Closing("", one)
	assert.ErrorIs(t, err, reason.ErrBadInput)
	assert.Zero(t, ch)
}

// Defect (Medium): Config() and New shared slices (closures, openings,
// hours, changes, rate tables) with the immutable Library: a caller
// changing what it passed to New, or what Config returned, changed the
// Library. Both are deep copies now.
func TestDefectConfigAndNewShareNoSlices(t *testing.T) {
	c := threePartners()
	c.Policies.RateTables = shipping.SampleTariff().Tables()
	c.Sites[0].Changes = []RulesChange{{From: day("2027-04-01"), Rules: c.Sites[0].Rules}}
	next := c.Policies.Holds
	next.ShelfDays = 12
	c.Policies.Changes[0].Holds = &next
	l := mustNew(t, c)
	want, err := json.Marshal(l.Config())
	require.NoError(t, err)
	wantCal := closedDaysOf(t, l, "otaru")

	scribble(&c)
	got := l.Config()
	scribble(&got)
	again, err := json.Marshal(l.Config())
	require.NoError(t, err)
	assert.JSONEq(t, string(want), string(again))
	assert.Equal(t, wantCal, closedDaysOf(t, l, "otaru"))
}

// scribble changes every slice, map and pointer c holds, in place.
func scribble(c *Config) {
	for i := range c.Sites {
		s := &c.Sites[i]
		scribbleRules(&s.Rules)
		if s.StaffDays != nil {
			scribbleRules(s.StaffDays)
		}
		for k := range s.Changes {
			scribbleRules(&s.Changes[k].Rules)
		}
	}
	scribbleRules(&c.Courier.Rules)
	for i := range c.Courier.Moves {
		c.Courier.Moves[i].To = day("2027-12-01")
	}
	for i := range c.Courier.Suspensions {
		c.Courier.Suspensions[i].Day = day("2027-12-02")
	}
	for i := range c.Policies.RateTables {
		rt := &c.Policies.RateTables[i]
		for k := range rt.YuMail {
			rt.YuMail[k] = shipping.WeightRate{}
		}
		for z, rates := range rt.YuPack {
			for k := range rates {
				rates[k] = shipping.SizeRate{}
			}
			rt.YuPack[z] = nil
		}
	}
	for i := range c.Policies.Changes {
		if ch := c.Policies.Changes[i].Circulation; ch != nil {
			ch.LoanDays = 99
		}
		if h := c.Policies.Changes[i].Holds; h != nil {
			h.ShelfDays = 99
		}
	}
}

func scribbleRules(r *calendar.Rules) {
	for i := range r.ClosedNthWeekdays {
		r.ClosedNthWeekdays[i].Nth = 5
	}
	for i := range r.Closures {
		r.Closures[i].To = r.Closures[i].From.AddDays(30)
	}
	for i := range r.Openings {
		r.Openings[i].Name = "scribbled"
	}
	for i := range r.Hours.Regular {
		r.Hours.Regular[i].To = calendar.ClockAt(23, 0)
	}
	for i := range r.Hours.Seasonal {
		r.Hours.Seasonal[i].Months = 0
		for k := range r.Hours.Seasonal[i].Windows {
			r.Hours.Seasonal[i].Windows[k].To = calendar.ClockAt(23, 0)
		}
	}
}

// closedDaysOf lists the closed days of place key in 2027.
func closedDaysOf(t *testing.T, l *Library, key string) []calendar.Date {
	t.Helper()
	days, err := l.ClosedDays(key, day("2027-01-01"), day("2027-12-31"))
	require.NoError(t, err)
	var out []calendar.Date
	for d := range days {
		out = append(out, d)
	}
	return out
}

// Defect (Low): a courier move onto a suspended day was reported with the
// paths of the compiled rules ("courier: ... openings[0] ..."), which
// are not in the document. It is reported at courier.moves[i].to, naming
// what cancels that day; a move from an announced opening likewise.
func TestDefectCourierMoveOntoSuspendedDayReportsItsPath(t *testing.T) {
	c := withPartners()
	c.Courier.Suspensions = []CourierSuspension{{Day: day("2027-03-12"), Name: "運休"}}
	c.Courier.Moves = []CourierMove{
		{From: day("2027-02-23"), To: day("2027-02-24")},
		{From: day("2027-03-09"), To: day("2027-03-12")},
		{From: day("2027-03-16"), To: day("2027-02-23")},
	}
	c.Courier.Rules.Closures = []calendar.Closure{{From: day("2027-05-01"), To: day("2027-05-10")}}
	c.Courier.Moves = append(c.Courier.Moves, CourierMove{From: day("2027-04-30"), To: day("2027-05-04")})
	_, err := New(c)
	require.ErrorIs(t, err, reason.ErrBadInput)
	got := problemLines(t, err)
	assert.ElementsMatch(t, []string{
		"courier.moves[1].to: 2027-03-12 is not a courier day to move onto: courier.suspensions[0] cancels it",
		"courier.moves[2].to: 2027-02-23 is not a courier day to move onto: courier.moves[0].from cancels it",
		"courier.moves[3].to: 2027-05-04 is not a courier day to move onto: courier.rules.closures[0] cancels it",
	}, got)
	for _, p := range got {
		assert.NotContains(t, p, "openings[", "no internal path")
	}
	assert.Equal(t, got, problemLines(t, c.Problems()), "Problems says the same before compiling")

	c = withPartners()
	c.Courier.Rules.Openings = []calendar.Opening{{From: day("2027-03-10"), To: day("2027-03-10")}}
	c.Courier.Moves = []CourierMove{{From: day("2027-03-10"), To: day("2027-03-11")}}
	_, err = New(c)
	assert.Equal(t, []string{"courier.moves[0].from: 2027-03-10 is an announced courier day (courier.rules.openings[0]): move that opening instead"},
		problemLines(t, err))
}

// Defect (Low): Load stopped at an unknown key and did not also report
// the missing required keys. Every problem is reported at once: unknown
// keys, keys in the wrong case and repeated keys at every depth, each
// once, beside what is missing or wrong in the keys read.
func TestDefectLoadReportsUnknownKeysWithEveryOtherProblem(t *testing.T) {
	got := problemsOf(t, `{"version": 1, "extra": 1, "more": 2}`)
	assert.Equal(t, []string{`unknown key "extra"`, `unknown key "more"`, "courier: is required", "policies: is required",
		"places: there must be one prefectural_library (there are 0)"}, got)

	got = problemsOf(t, `{"version": 1, "Version": 1,
	  "places": [{"id": "Bad ID", "kind": "museum", "colour": "red", "rules": {}, "rules": {}, "changes": [{"from": "2027-04-01", "rules": {}, "note": ""}]}],
	  "courier": {"rules": {}, "speed": 3, "moves": [{"from": "2027-02-30", "to": "2027-03-01", "why": ""}]},
	  "policies": {"circulation": {}, "holds": {"shelf_days": 0, "shelf": 3}, "extra": true, "changes": [{"from": "", "size": 1}]}}`)
	for _, w := range []string{
		`key "Version" is not "version": keys are case-sensitive`,
		`places[0]: duplicate key "rules"`,
		`places[0]: unknown key "colour"`,
		`places[0].kind: "museum" is not prefectural_library, assembly_library or partner_library`,
		`places[0].name: is required`,
		`places[0].id: "Bad ID" is not 1 to 64 lower-case letters, digits, _ or -`,
		`places[0].changes[0]: unknown key "note"`,
		`courier: unknown key "speed"`,
		`courier.moves[0]: unknown key "why"`,
		`courier.moves[0].from: "2027-02-30" is not a date (YYYY-MM-DD)`,
		`policies: unknown key "extra"`,
		`policies.holds: unknown key "shelf"`,
		`policies.holds.shelf_days: must be 1 to 366 open days (got 0)`,
		`policies.changes[0]: unknown key "size"`,
		`policies.changes[0].from: a date is required (YYYY-MM-DD)`,
	} {
		assert.Contains(t, got, w)
	}
	if t.Failed() {
		t.Log(strings.Join(got, "\n"))
	}
}

// manyProblems is a document with about 5n problems, for n up to 499:
// n places with a bad kind (a problem of form) and a bad ID (a problem of
// sense), n courier moves with two bad dates and n suspensions with one,
// whose "a date is required" the check finds again and leaves out.
func manyProblems(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"version": 1, "places": [{"id": "prefectural", "kind": "prefectural_library", "name": "P", "rules": {}}`)
	for i := range n {
		fmt.Fprintf(&b, `, {"id": "Bad %d", "kind": "museum", "name": "n%d", "rules": {}}`, i, i)
	}
	b.WriteString(`], "courier": {"rules": {}, "moves": [`)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`{"from": "2027-02-30", "to": "2027-13-01"}`)
	}
	b.WriteString(`], "suspensions": [`)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`{"date": "2027-02-31"}`)
	}
	b.WriteString(`]}, "policies": {"circulation": {}, "holds": {"shelf_days": 1}}}`)
	return []byte(b.String())
}

// Defect: the problems of sense were filtered against the problems of
// form by a scan of all of them for each, in time quadratic in their
// number. The filter now looks each path's ancestors up in a set: its
// work is bounded by the total length of the paths, whatever their
// number (BenchmarkLoadManyProblems shows the time at two sizes).
func TestDefectProblemFilterIsLinear(t *testing.T) {
	probes := func(n int) (lookups, count, pathBytes int) {
		var ps problems
		c := decodeConfig(manyProblems(n), &ps)
		before := len(ps.list)
		var mine problems
		c.checkSites(&mine)
		c.Courier.check("courier", &mine)
		c.Policies.check("policies", &mine)
		kept, lookups := keepReadable(ps, mine.list)
		for _, p := range mine.list {
			pathBytes += len(p.Path) + 1
		}
		return lookups, before + len(kept), pathBytes
	}
	l1, p1, b1 := probes(240)
	l2, p2, b2 := probes(480)
	assert.Greater(t, p2, 2000, "thousands of problems")
	assert.Greater(t, p2, 2*p1-100)
	assert.LessOrEqual(t, l1, b1, "at most one lookup per byte of path checked")
	assert.LessOrEqual(t, l2, b2)
	assert.Less(t, l2, 3*l1, "twice the problems, about twice the work")
}

// BenchmarkLoadManyProblems loads documents of about 1,200 and 2,400
// problems: the time doubles with the problems, it does not quadruple.
func BenchmarkLoadManyProblems(b *testing.B) {
	for _, n := range []int{240, 480} {
		doc := manyProblems(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Load(doc); err == nil {
					b.Fatal("loaded")
				}
			}
		})
	}
}

// Issue 17, §3 (each language complete): a consequence names the place in
// the language of the message, the English name where the configuration
// gives one (name_en), the Japanese name otherwise.
func TestDefectConsequencesNameThePlaceInEachLanguage(t *testing.T) {
	l := mustNew(t, withPartners())
	ch, err := l.Closing("ebetsu", calendar.Closure{From: day("2027-02-21"), To: day("2027-02-21"), Name: "臨時休館", NameEn: "closed"})
	require.NoError(t, err)
	onTheWay := holds.Reservation{ID: 1, Patron: "A", Item: "a", Place: atEbetsu, State: holds.InTransit,
		PlacedOn: day("2027-02-01"), SecuredOn: day("2027-02-17"), ShippedOn: day("2027-02-19")}
	got, err := l.Consequences(ch, []circulation.Loan{loanAt(atEbetsu, "2027-01-22", "2027-02-21")}, []holds.Reservation{onTheWay})
	require.NoError(t, err)
	require.NotEmpty(t, got)
	for _, c := range got {
		assert.Contains(t, reason.Localize(c.Reason, reason.English)[0].Message, "Ebetsu City Library")
		assert.Contains(t, reason.Localize(c.Reason, reason.Japanese)[0].Message, "江別市情報図書館")
	}
	c := withPartners()
	c.Sites[2].NameEn = ""
	l = mustNew(t, c)
	ch, err = l.Closing("ebetsu", calendar.Closure{From: day("2027-02-21"), To: day("2027-02-21")})
	require.NoError(t, err)
	got, err = l.Consequences(ch, nil, []holds.Reservation{onTheWay})
	require.NoError(t, err)
	require.NotEmpty(t, got)
	assert.Contains(t, reason.Localize(got[0].Reason, reason.English)[0].Message, "江別市情報図書館", "no English name: the Japanese one")
}
