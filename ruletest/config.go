package ruletest

import (
	"fmt"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/library"
	"pgregory.net/rapid"
)

// Configs draws configuration documents library.New accepts (V1, V2):
// the published library.Default().Config() with, as the draw decides, up to
// three partner libraries of LibraryRules, dated changes of a place's
// rules, another circulation policy and hold rules (LoanPolicy,
// HoldPolicy), and dated policy changes. Changes are in date order within
// 2020 to 2035.
//
// Most draws replace the published policy table (V3) with one of up to
// six rows, and some policy changes carry a table of their own
// (Rules, the whole table from their day; some change nothing else). A
// row names each criterion or not: a place's id or name, a method
// (circulation.Method's codes), a patron category (individual, student,
// staff), an item category (normal, short_loan), a collection (general,
// hokkaido); no two rows of a table name the same criteria (a tie, V4).
// Many rows set nothing; the others set one to three keys of
// circulation.Policy (periods, limits, the rule for a closed day, the cap
// L8, overrides, the variants L10–L13) and of holds.Policy (shelf days,
// H7–H9, the reading order, overrides), with values that keep every
// combination of rows valid over every base version, as Load asks (V4).
// Draws shrink toward library.Default().Config().
func Configs() *rapid.Generator[library.Config] {
	return rapid.Custom(func(t *rapid.T) library.Config {
		c := library.Default().Config()
		for i := range rapid.IntRange(0, 3).Draw(t, "partners") {
			c.Sites = append(c.Sites, library.Site{
				ID:                  fmt.Sprintf("partner%d", i+1),
				Name:                fmt.Sprintf("協力館%d", i+1),
				NameEn:              fmt.Sprintf("Partner %d", i+1),
				Kind:                library.Partner,
				Region:              rapid.SampledFrom([]string{"", "石狩", "後志"}).Draw(t, "region"),
				RegistrationPartner: rapid.Bool().Draw(t, "registration_partner"),
				Rules:               LibraryRules().Draw(t, "partner_rules"),
			})
		}
		for i := range c.Sites {
			for _, from := range changeDays(t, "rules_changes") {
				c.Sites[i].Changes = append(c.Sites[i].Changes, library.RulesChange{From: from, Rules: siteRules(t, c.Sites[i])})
			}
		}
		if rapid.IntRange(0, 2).Draw(t, "policies_changed") == 2 {
			c.Policies.Circulation = LoanPolicy().Draw(t, "circulation")
			c.Policies.Holds = holdRules(t)
		}
		var tables []int // the changes that carry a table
		for _, from := range changeDays(t, "policy_changes") {
			ch := library.PolicyChange{From: from}
			// 0, 1: base policies; 2: base policies and a table; 3: a table.
			kind := rapid.IntRange(0, 3).Draw(t, "policy_change")
			if kind >= 2 {
				tables = append(tables, len(c.Policies.Changes))
			}
			if kind < 3 {
				basePolicyChange(t, &ch)
			}
			c.Policies.Changes = append(c.Policies.Changes, ch)
		}
		b := newTableBounds(c.Policies)
		if rapid.IntRange(0, 3).Draw(t, "table_changed") > 0 {
			c.Policies.Rules = policyTable(t, c.Sites, b)
		}
		for _, i := range tables {
			c.Policies.Changes[i].Rules = policyTable(t, c.Sites, b)
		}
		return c
	})
}

// basePolicyChange draws the base policies a policy change sets: a
// circulation policy, hold rules, or both.
func basePolicyChange(t *rapid.T, ch *library.PolicyChange) {
	if rapid.Bool().Draw(t, "circulation_change") {
		p := LoanPolicy().Draw(t, "circulation")
		ch.Circulation = &p
	}
	if ch.Circulation == nil || rapid.Bool().Draw(t, "holds_change") {
		h := holdRules(t)
		ch.Holds = &h
	}
}

// changeDays draws up to two days of change in date order.
func changeDays(t *rapid.T, label string) []calendar.Date {
	var days []calendar.Date
	from := spanFirst
	for range rapid.IntRange(0, 2).Draw(t, label) {
		d := DateIn(from.AddDays(1), spanLast).Draw(t, label+"_from")
		days = append(days, d)
		from = d
	}
	return days
}

// siteRules draws new rules for a place: a partner library's are any
// LibraryRules, the libraries' own their published rules with closures
// added.
func siteRules(t *rapid.T, s library.Site) calendar.Rules {
	if s.Kind == library.Partner {
		return LibraryRules().Draw(t, "rules")
	}
	r := s.Rules
	r.Closures = append(append([]calendar.Closure(nil), r.Closures...), closures(t)...)
	r.Openings = openings(t, r.Closures)
	return r
}

// holdRules draws the hold rules of a configuration from HoldPolicy.
func holdRules(t *rapid.T) library.HoldRules {
	p := HoldPolicy().Draw(t, "holds")
	return library.HoldRules{ShelfDays: p.ShelfDays, HoldForReadingOrder: p.HoldForReadingOrder, Overridable: p.Overridable}
}
