package library

import (
	"bytes"
	"slices"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
)

// Explanation is how the policy table resolved one decision on one day
// (V5): every row that matched, in precedence order, and, for every
// setting, the path of the row or base policy that supplied it.
type Explanation struct {
	// Criteria are the decision's criteria as given; Day its day.
	Criteria Criteria      `json:"criteria"`
	Day      calendar.Date `json:"day"`
	// Matched are the rows that matched, the most specific first (V4).
	Matched []MatchedRule `json:"matched"`
	// Settings maps every setting ("circulation.loan_days",
	// "holds.shelf_days") to the path that supplied it: a row
	// ("policies.rules[3]", "policies.changes[1].rules[0]") or the base
	// version in force ("policies.circulation",
	// "policies.changes[0].holds").
	Settings map[string]string `json:"settings"`
	// Policy is the resolved policy; Policy.Circulation the circulation
	// policy.
	Policy holds.Policy `json:"policy"`
}

// MatchedRule is one row that matched a decision (V5).
type MatchedRule struct {
	// Rule is the row's path in the document: "policies.rules[3]".
	Rule string `json:"rule"`
	// Criteria are the criteria the row names, all matched, in the fixed
	// order place, method, patron_category, item_category, collection.
	Criteria []string `json:"criteria"`
	// Sets are the settings the row names; Supplies those it supplied,
	// the others being outranked by a more specific row.
	Sets     []string `json:"sets"`
	Supplies []string `json:"supplies"`
}

// Policies returns the policies of a decision with criteria q on day
// (V3): the base policies in force on day (CirculationPolicy,
// HoldPolicy) with the settings of every row of the table in force on
// day that matches q, each setting from the most specific row that sets
// it (V4). The circulation policy is the result's Circulation. A
// criterion of an unknown value is bad input naming its key
// ("item_category"); an unknown patron category matches only rows that
// name none. The zero Library has no policies: bad input.
func (l *Library) Policies(q Criteria, day calendar.Date) (holds.Policy, error) {
	if l == nil || len(l.sites) == 0 {
		return holds.Policy{}, errNoPlaces
	}
	var ps problems
	v := l.places.decision(q, &ps)
	if len(ps.list) > 0 {
		return holds.Policy{}, ps.list
	}
	return l.book.policy(v, day)
}

// Explain returns how the table resolves the decision of criteria q on
// day (V5); its Policy is what Policies returns.
func (l *Library) Explain(q Criteria, day calendar.Date) (Explanation, error) {
	if l == nil {
		return Explanation{}, errNoPlaces
	}
	return l.explain(&l.book, q, day)
}

// WhatIf explains the decision of criteria q on day under the draft
// policies draft (base policies, table and dated changes) instead of
// the library's, with the library's places, without loading it (V6).
// The draft is checked as Load checks a document's "policies"; its
// problems carry the paths of the document. The library is unchanged.
func (l *Library) WhatIf(draft Policies, q Criteria, day calendar.Date) (Explanation, error) {
	if l == nil || len(l.sites) == 0 {
		return Explanation{}, errNoPlaces
	}
	var ps problems
	draft.check("policies", &ps)
	draft.checkTables(l.places, &ps)
	if len(ps.list) > 0 {
		return Explanation{}, ps.list
	}
	b := compileBook(Config{Policies: draft}.clone().Policies, l.places, &ps)
	return l.explain(&b, q, day)
}

// resolve checks q and resolves it under b.
func (l *Library) resolve(b *book, q Criteria, day calendar.Date) (resolution, error) {
	if l == nil || len(l.sites) == 0 {
		return resolution{}, errNoPlaces
	}
	var ps problems
	v := l.places.decision(q, &ps)
	if len(ps.list) > 0 {
		return resolution{}, ps.list
	}
	return b.resolve(v, day)
}

// explain resolves q under b and explains it.
func (l *Library) explain(b *book, q Criteria, day calendar.Date) (Explanation, error) {
	r, err := l.resolve(b, q, day)
	if err != nil {
		return Explanation{}, err
	}
	e := Explanation{Criteria: q, Day: day, Matched: []MatchedRule{}, Settings: map[string]string{}, Policy: r.policy}
	for _, k := range settingKeys() {
		part, key, _ := bytes.Cut([]byte(k), []byte("."))
		from, base := r.holdFrom[string(key)], b.holdPath[r.hi]
		if string(part) == "circulation" {
			from, base = r.circFrom[string(key)], b.circPath[r.ci]
		}
		e.Settings[k] = base
		if from != nil {
			e.Settings[k] = from.path
		}
	}
	for _, w := range r.matched {
		m := MatchedRule{Rule: w.path, Criteria: w.criteria(), Sets: []string{}, Supplies: []string{}}
		for _, set := range []struct {
			part    string
			members []member
		}{{"circulation", w.circ}, {"holds", w.hold}} {
			for _, mb := range set.members {
				name := set.part + "." + mb.key
				m.Sets = append(m.Sets, name)
				if e.Settings[name] == w.path {
					m.Supplies = append(m.Supplies, name)
				}
			}
		}
		slices.Sort(m.Sets)
		slices.Sort(m.Supplies)
		e.Matched = append(e.Matched, m)
	}
	return e, nil
}

// PolicyFor returns the policy of a decision about reservation r on day
// (V7): the table applied to r's patron category, method and place and
// its item's category (short_loan when r.Short, else normal) and
// collection, as Policies resolves them. A reservation whose method or
// collection is not valid gets HoldPolicy(day), and the decision then
// reports what is wrong with it. With CartPolicy and LoanPolicy, it
// makes *Library a holds.PolicyTable: the desk, Timeline, Notice, Consequences and Apply
// resolve every reservation alike.
func (l *Library) PolicyFor(r holds.Reservation, day calendar.Date) holds.Policy {
	return l.policyOf(facts{r.Place, r.PatronCategory, true, r.Short, r.Collection}, day)
}

// CartPolicy returns the policy of a checkout of cart c as a whole on
// day (V7): the table applied to the cart's patron category, method and
// place alone, so that rows naming an item category or collection leave
// the patron's limits alone. A cart with the zero Place is a decision
// about the patron alone, resolved by the patron category alone (as
// selfcheck.Evaluate counts a patron's limits); a cart whose method is
// not valid gets HoldPolicy(day).
func (l *Library) CartPolicy(c holds.Cart, day calendar.Date) holds.Policy {
	return l.policyOf(facts{place: c.Place, category: c.PatronCategory, col: circulation.General}, day)
}

// LoanPolicy returns the circulation policy of a decision about loan ln
// on day (V7): the table applied to the loan's patron category, method
// and place, item category (short_loan when ln.Short) and collection,
// the facts of the reservation it was collected for. Its due date is
// LoanPolicy(ln, ln.Loaned)'s (L2), an extension LoanPolicy(ln, today)'s
// (V2), and a closure moves its due date under LoanPolicy(ln,
// ln.Loaned) (X1). A loan whose place or collection is not valid gets
// CirculationPolicy(day), and the decision reports what is wrong.
func (l *Library) LoanPolicy(ln circulation.Loan, day calendar.Date) circulation.Policy {
	return l.policyOf(facts{ln.Place, ln.PatronCategory, true, ln.Short, ln.Collection}, day).Circulation
}

// facts are what the table reads of a reservation or loan (V7): its
// place, its patron's category and, when it concerns one item, the
// item's category and collection.
type facts struct {
	place    circulation.Place
	category string
	item     bool
	short    bool
	col      circulation.Collection
}

// policyOf resolves the facts f on day, falling back on the base policy
// when they are not well formed.
func (l *Library) policyOf(f facts, day calendar.Date) holds.Policy {
	patronOnly := f.place == (circulation.Place{}) && !f.item // CartPolicy's patron alone
	if l == nil || len(l.sites) == 0 || !f.place.Method.Valid() && !patronOnly || !f.col.Valid() {
		return l.HoldPolicy(day)
	}
	q := Criteria{PatronCategory: f.category}
	if !patronOnly {
		q.Method, q.Place = f.place.Method.String(), f.place.Library
	}
	if f.item {
		q.ItemCategory, q.Collection = "normal", f.col.String()
		if f.short {
			q.ItemCategory = "short_loan"
		}
	}
	p, err := l.Policies(q, day)
	if err != nil {
		return l.HoldPolicy(day)
	}
	return p
}

// reservationPolicy is the policy of the stored reservation r on the day
// it was secured, as the desk decides its shelf (PolicyFor).
func (l *Library) reservationPolicy(r holds.Reservation) holds.Policy {
	return l.PolicyFor(r, r.SecuredOn)
}

// cloneTable copies rules with settings of their own, keeping nil and
// empty apart.
func cloneTable(rules []Rule) []Rule {
	rules = slices.Clone(rules)
	for i := range rules {
		rules[i].Circulation = slices.Clone(rules[i].Circulation)
		rules[i].Holds = slices.Clone(rules[i].Holds)
	}
	return rules
}
