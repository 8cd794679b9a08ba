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
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/reason"
)

// withTable is the configuration withPartners with the policy table of
// the document fragment rows (a JSON array of rules).
func withTable(t testing.TB, rows string) Config {
	t.Helper()
	c := withPartners()
	var rs []Rule
	require.NoError(t, decodeRulesForTest(rows, &rs))
	c.Policies.Rules = rs
	return c
}

// decodeRulesForTest reads a JSON array of rules as a document's
// "policies.rules" is read.
func decodeRulesForTest(rows string, out *[]Rule) error {
	var raws []json.RawMessage
	if err := json.Unmarshal([]byte(rows), &raws); err != nil {
		return err
	}
	var ps problems
	*out = decodeRuleList("policies.rules", raws, &ps)
	return ps.list.Err()
}

// allCriteria are decisions over every value of every criterion the
// tests' tables name, and none.
func allCriteria() []Criteria {
	var out []Criteria
	for _, pc := range []string{"", "individual", "student"} {
		for _, ic := range []string{"", "normal", "short_loan"} {
			for _, co := range []string{"", "general", "hokkaido"} {
				for _, m := range []string{"", "prefectural_library", "assembly_library", "partner_library", "home_delivery"} {
					pl := ""
					if m == "partner_library" {
						pl = "江別市情報図書館"
					}
					out = append(out, Criteria{PatronCategory: pc, ItemCategory: ic, Collection: co, Method: m, Place: pl})
				}
			}
		}
	}
	return out
}

// V3: the guide's rules are the default table. Every decision, whatever
// its criteria, gets the policies the base gives, so that every
// existing test and example gives the same answers.
func TestV3DefaultTableGivesTheGuidesPolicies(t *testing.T) {
	l := Default()
	require.NotEmpty(t, l.Config().Policies.Rules, "default.json ships the guide's table")
	for _, d := range []calendar.Date{{}, day("2026-04-01"), day("2030-01-01")} {
		for _, q := range allCriteria() {
			q.Place = "" // Default has no partner libraries
			got, err := l.Policies(q, d)
			require.NoError(t, err, "%+v", q)
			assert.Equal(t, l.HoldPolicy(d), got, "%+v on %v", q, d)
		}
	}
}

// V3, V5: the default table names the guide's categories; an individual
// patron borrowing a short-loan item of the Hokkaido collection at a
// partner library matches the rows of each.
func TestV5ExplainDefaultTable(t *testing.T) {
	e, err := Default().Explain(Criteria{PatronCategory: "individual", ItemCategory: "short_loan",
		Collection: "hokkaido", Method: "partner_library"}, day("2026-04-01"))
	require.NoError(t, err)
	var paths []string
	for _, m := range e.Matched {
		paths = append(paths, m.Rule)
		assert.NotEmpty(t, m.Criteria, m.Rule)
	}
	assert.Equal(t, []string{"policies.rules[3]", "policies.rules[0]", "policies.rules[1]", "policies.rules[2]"}, paths,
		"partner_library, individual, short_loan, hokkaido rows")
	for _, m := range e.Matched {
		assert.Empty(t, m.Supplies, "the guide's rows set nothing: its figures are the base's")
	}
	assert.Equal(t, "policies.circulation", e.Settings["circulation.max_loans"])
	assert.Equal(t, "policies.holds", e.Settings["holds.shelf_days"])
	b, err := json.Marshal(e)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"rule":"policies.rules[`)
}

// V3: a table and its dated versions read from a document and written
// back unchanged.
func TestV3TableRoundTrip(t *testing.T) {
	c := withTable(t, `[
		{"match": {"patron_category": "student"}, "set": {"circulation": {"max_loans": 5}}},
		{"match": {"place": "ebetsu", "item_category": "short_loan"}, "set": {"holds": {"shelf_days": 7}}}]`)
	next := []Rule{{Match: Criteria{Method: "home_delivery"}, Circulation: json.RawMessage(`{"remote_loan_days":40}`)}}
	c.Policies.Changes = append(c.Policies.Changes, PolicyChange{From: day("2027-04-01"), Rules: next})
	b, err := c.MarshalJSON()
	require.NoError(t, err)
	l, err := Load(b)
	require.NoError(t, err)
	b2, err := l.Config().MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))

	// V3: the change replaces the whole table from its day.
	q := Criteria{PatronCategory: "student", Method: "home_delivery"}
	before, err := l.Policies(q, day("2027-03-31"))
	require.NoError(t, err)
	after, err := l.Policies(q, day("2027-04-01"))
	require.NoError(t, err)
	assert.Equal(t, 5, before.Circulation.MaxLoans)
	assert.Equal(t, 30, before.Circulation.RemoteLoanDays)
	assert.Equal(t, 10, after.Circulation.MaxLoans)
	assert.Equal(t, 40, after.Circulation.RemoteLoanDays)
	e, err := l.Explain(q, day("2027-04-01"))
	require.NoError(t, err)
	assert.Equal(t, "policies.changes[0].rules[0]", e.Settings["circulation.remote_loan_days"])
}

// V3: a table's problems, each with its path.
func TestV3TableProblems(t *testing.T) {
	for _, tt := range []struct{ rows, want string }{
		{`[{"match": {"item_category": "dvd"}, "set": {"circulation": {"max_loans": 3}}}]`,
			`policies.rules[0].match.item_category: "dvd" is not normal or short_loan`},
		{`[{"match": {"collection": "maps"}, "set": {"circulation": {"max_loans": 3}}}]`,
			`policies.rules[0].match.collection: "maps" is not general or hokkaido`},
		{`[{"match": {"method": "drone"}, "set": {"circulation": {"max_loans": 3}}}]`,
			`policies.rules[0].match.method: "drone" is not prefectural_library, assembly_library, partner_library or home_delivery`},
		{`[{"match": {"place": "nowhere"}, "set": {"circulation": {"max_loans": 3}}}]`,
			`policies.rules[0].match.place: "nowhere" is not the id or name of a place`},
		{`[{"match": {"patron_category": " student"}, "set": {"circulation": {"max_loans": 3}}}]`,
			`policies.rules[0].match.patron_category: " student" is not 1 to 64 characters without surrounding space`},
		{`[{"match": {"colour": "red"}, "set": {"circulation": {"max_loans": 3}}}]`,
			`policies.rules[0].match: unknown key "colour"`},
		{`[{"match": {}, "set": {"circulation": {"loan_day": 3}}}]`,
			`policies.rules[0].set.circulation: unknown key "loan_day"`},
		{`[{"match": {}, "set": {"holds": {"circulation": {"max_loans": 3}}}}]`,
			`policies.rules[0].set.holds.circulation: circulation settings go under set.circulation`},
		{`[{"match": {}}]`,
			`policies.rules[0].set: is required`},
		{`[{"match": {"item_category": "short_loan"}, "set": {"circulation": {"short_loan_days": 20}}}]`,
			`policies.rules[0]: over policies.circulation: short_loan_days`},
	} {
		t.Run(tt.want, func(t *testing.T) {
			var rs []Rule
			err := decodeRulesForTest(tt.rows, &rs)
			if err == nil {
				c := withPartners()
				c.Policies.Rules = rs
				_, err = New(c)
			}
			require.Error(t, err)
			assert.True(t, errors.Is(err, reason.ErrBadInput))
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// V4: each setting is resolved on its own: the most specific matching
// row that sets it supplies it. Specificity is the number of criteria; at
// equal numbers the fixed order place, method, patron_category,
// item_category, collection decides.
func TestV4PrecedenceSettingBySetting(t *testing.T) {
	l := mustNew(t, withTable(t, `[
		{"match": {}, "set": {"circulation": {"max_loans": 12}}},
		{"match": {"method": "partner_library"}, "set": {"circulation": {"max_loans": 8, "remote_loan_days": 40}}},
		{"match": {"patron_category": "student", "method": "partner_library"}, "set": {"circulation": {"remote_loan_days": 50}}},
		{"match": {"patron_category": "student"}, "set": {"circulation": {"max_loans": 6, "max_reservations": 4}}}]`))
	q := Criteria{PatronCategory: "student", Method: "partner_library", Place: "ebetsu"}
	e, err := l.Explain(q, day("2026-04-01"))
	require.NoError(t, err)
	var order []string
	for _, m := range e.Matched {
		order = append(order, m.Rule)
	}
	assert.Equal(t, []string{"policies.rules[2]", "policies.rules[1]", "policies.rules[3]", "policies.rules[0]"}, order,
		"two criteria first; of one, method before patron_category; none last")
	assert.Equal(t, []string{"method", "patron_category"}, e.Matched[0].Criteria, "in the fixed order")
	assert.Equal(t, "policies.rules[2]", e.Settings["circulation.remote_loan_days"])
	assert.Equal(t, "policies.rules[1]", e.Settings["circulation.max_loans"], "method outranks patron_category")
	assert.Equal(t, "policies.rules[3]", e.Settings["circulation.max_reservations"], "setting by setting")
	assert.Equal(t, "policies.circulation", e.Settings["circulation.loan_days"])
	assert.Equal(t, []string{"circulation.remote_loan_days"}, e.Matched[0].Supplies)
	assert.Empty(t, e.Matched[3].Supplies, "rules[0]'s max_loans is outranked")
	assert.Equal(t, 50, e.Policy.Circulation.RemoteLoanDays)
	assert.Equal(t, 8, e.Policy.Circulation.MaxLoans)
	assert.Equal(t, 4, e.Policy.Circulation.MaxReservations)

	p, err := l.Policies(q, day("2026-04-01"))
	require.NoError(t, err)
	assert.Equal(t, e.Policy, p)
	// V4: a row never applies to a decision it does not match.
	p, err = l.Policies(Criteria{PatronCategory: "individual", Method: "home_delivery"}, day("2026-04-01"))
	require.NoError(t, err)
	assert.Equal(t, 12, p.Circulation.MaxLoans)
	assert.Equal(t, 30, p.Circulation.RemoteLoanDays)
}

// V4: two rows of equal precedence that match one decision are refused
// at load, both paths named; so is a combination of rows whose policies
// fail validation together, with the rows named.
func TestV4TiesAndCombinationsRefused(t *testing.T) {
	var rs []Rule
	require.NoError(t, decodeRulesForTest(`[
		{"match": {"method": "home_delivery", "patron_category": "student"}, "set": {"circulation": {"max_loans": 5}}},
		{"match": {"patron_category": "student", "method": "home_delivery"}, "set": {"holds": {"shelf_days": 5}}}]`, &rs))
	c := withPartners()
	c.Policies.Rules = rs
	_, err := New(c)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "policies.rules[1]: ties with policies.rules[0]")

	require.NoError(t, decodeRulesForTest(`[
		{"match": {"item_category": "short_loan"}, "set": {"circulation": {"short_loan_days": 12}}},
		{"match": {"patron_category": "student"}, "set": {"circulation": {"loan_days": 10}}}]`, &rs))
	c.Policies.Rules = rs
	_, err = New(c)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "policies.rules: policies.rules[1] with policies.rules[0] over policies.circulation")
	assert.Contains(t, err.Error(), "short_loan_days")
}

// V3: a decision's criteria are checked: an unknown value is bad input
// naming the field; an unknown patron category matches only rows that
// name none.
func TestV3DecisionCriteriaChecked(t *testing.T) {
	l := mustNew(t, withPartners())
	_, err := l.Policies(Criteria{ItemCategory: "dvd"}, day("2026-04-01"))
	require.ErrorIs(t, err, reason.ErrBadInput)
	assert.Contains(t, err.Error(), "item_category")
	_, err = l.Policies(Criteria{Place: "nowhere"}, day("2026-04-01"))
	require.ErrorIs(t, err, reason.ErrBadInput)
	p, err := l.Policies(Criteria{PatronCategory: "corporate"}, day("2026-04-01"))
	require.NoError(t, err)
	assert.Equal(t, l.HoldPolicy(day("2026-04-01")), p)
	var zero *Library
	_, err = zero.Policies(Criteria{}, day("2026-04-01"))
	require.ErrorIs(t, err, reason.ErrBadInput)
	_, err = (&Library{}).Explain(Criteria{}, day("2026-04-01"))
	require.ErrorIs(t, err, reason.ErrBadInput)
}

// V4: a decision at the Prefectural or Assembly Library that names no
// place is at that library: rows naming its place apply.
func TestV4MethodImpliesItsLibrary(t *testing.T) {
	l := mustNew(t, withTable(t, `[{"match": {"place": "prefectural"}, "set": {"holds": {"shelf_days": 7}}}]`))
	p, err := l.Policies(Criteria{Method: "prefectural_library"}, day("2026-04-01"))
	require.NoError(t, err)
	assert.Equal(t, 7, p.ShelfDays)
	p, err = l.Policies(Criteria{Method: "assembly_library"}, day("2026-04-01"))
	require.NoError(t, err)
	assert.Equal(t, 10, p.ShelfDays)
}

// V6: a draft is explained against a decision without loading it; the
// library is unchanged; a draft equal to the loaded policies explains
// the same; a bad draft gives its problems with the document's paths.
func TestV6WhatIf(t *testing.T) {
	l := mustNew(t, withPartners())
	q := Criteria{PatronCategory: "student", Method: "partner_library", Place: "ebetsu"}
	same, err := l.WhatIf(l.Config().Policies, q, day("2026-04-01"))
	require.NoError(t, err)
	loaded, err := l.Explain(q, day("2026-04-01"))
	require.NoError(t, err)
	assert.Equal(t, loaded, same)

	draft := withTable(t, `[{"match": {"patron_category": "student", "place": "ebetsu"}, "set": {"holds": {"shelf_days": 14}}}]`).Policies
	e, err := l.WhatIf(draft, q, day("2026-04-01"))
	require.NoError(t, err)
	assert.Equal(t, 14, e.Policy.ShelfDays)
	assert.Equal(t, "policies.rules[0]", e.Settings["holds.shelf_days"])
	p, err := l.Policies(q, day("2026-04-01"))
	require.NoError(t, err)
	assert.Equal(t, 10, p.ShelfDays, "the library is unchanged")

	draft.Rules = append(draft.Rules, Rule{Match: Criteria{Place: "otaru"}, Holds: json.RawMessage(`{"shelf_days": 3}`)})
	_, err = l.WhatIf(draft, q, day("2026-04-01"))
	require.ErrorIs(t, err, reason.ErrBadInput)
	assert.Contains(t, err.Error(), `policies.rules[1].match.place: "otaru"`)
}

// V3: the front door's Timeline and Notice of a reservation decide under
// the policies of its criteria: its place and its item's category.
func TestV3TimelineUsesTheReservationsCriteria(t *testing.T) {
	l := mustNew(t, withTable(t, `[{"match": {"method": "prefectural_library", "item_category": "short_loan"},
		"set": {"circulation": {"short_loan_days": 5}}}]`))
	r := holds.Reservation{ID: 1, Patron: "p", Item: "i", Place: atPrefectural, Short: true,
		State: holds.Secured, PlacedOn: day("2026-04-01"), SecuredOn: day("2026-04-07")}
	short, err := l.Timeline(r, 0)
	require.NoError(t, err)
	base, err := mustNew(t, withPartners()).Timeline(r, 0)
	require.NoError(t, err)
	assert.Equal(t, base.FirstPickup, short.FirstPickup)
	assert.NotEqual(t, base.Due, short.Due, "the short-loan row of the table gives the due date")
	r.Short = false
	normal, err := l.Timeline(r, 0)
	require.NoError(t, err)
	r.Short = false
	baseNormal, err := mustNew(t, withPartners()).Timeline(r, 0)
	require.NoError(t, err)
	assert.Equal(t, baseNormal, normal)
}

// V5: the explanation is JSON with the paths of the rows.
func ExampleLibrary_Explain() {
	c := Default().Config()
	c.Policies.Rules = append(c.Policies.Rules, Rule{
		Match:       Criteria{PatronCategory: "individual", Method: "home_delivery"},
		Circulation: json.RawMessage(`{"remote_loan_days": 35}`),
	})
	l, err := New(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	e, err := l.Explain(Criteria{PatronCategory: "individual", Method: "home_delivery"}, calendar.Date{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range e.Matched {
		fmt.Println(m.Rule, strings.Join(m.Criteria, "+"), m.Supplies)
	}
	fmt.Println("remote_loan_days from", e.Settings["circulation.remote_loan_days"], "=", e.Policy.Circulation.RemoteLoanDays)
	// Output:
	// policies.rules[5] method+patron_category [circulation.remote_loan_days]
	// policies.rules[4] method []
	// policies.rules[0] patron_category []
	// remote_loan_days from policies.rules[5] = 35
}
