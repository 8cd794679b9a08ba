package library

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
)

// drawTable draws up to 8 rows of distinct criteria over the values of
// allCriteria, each setting limits and hold settings that are valid in
// any combination.
func drawTable(t *rapid.T) []Rule {
	var rules []Rule
	seen := map[Criteria]bool{}
	for range rapid.IntRange(0, 8).Draw(t, "rows") {
		q := Criteria{
			PatronCategory: rapid.SampledFrom([]string{"", "individual", "student"}).Draw(t, "patron_category"),
			ItemCategory:   rapid.SampledFrom([]string{"", "normal", "short_loan"}).Draw(t, "item_category"),
			Collection:     rapid.SampledFrom([]string{"", "general", "hokkaido"}).Draw(t, "collection"),
			Method:         rapid.SampledFrom([]string{"", "prefectural_library", "partner_library", "home_delivery"}).Draw(t, "method"),
			Place:          rapid.SampledFrom([]string{"", "ebetsu", "prefectural"}).Draw(t, "place"),
		}
		if seen[q] {
			continue
		}
		seen[q] = true
		r := Rule{Match: q}
		if rapid.Bool().Draw(t, "sets_circulation") {
			r.Circulation = json.RawMessage(fmt.Sprintf(`{"max_loans":%d,"max_reservations":%d}`,
				rapid.IntRange(1, 20).Draw(t, "max_loans"), rapid.IntRange(1, 20).Draw(t, "max_reservations")))
		}
		if rapid.Bool().Draw(t, "sets_holds") {
			r.Holds = json.RawMessage(fmt.Sprintf(`{"shelf_days":%d}`, rapid.IntRange(1, 30).Draw(t, "shelf_days")))
		}
		rules = append(rules, r)
	}
	return rules
}

var propDays = []calendar.Date{day("2026-04-01"), day("2027-04-01")}

// V4: resolution is deterministic under shuffles of the rows: the same
// policies, and each setting from the same row (its path mapped through
// the shuffle).
func TestV4ResolutionIgnoresRowOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		rules := drawTable(t)
		perm := rapid.Permutation(seq(len(rules))).Draw(t, "perm")
		shuffled := make([]Rule, len(rules))
		for i, p := range perm {
			shuffled[i] = rules[p] // shuffled[i] is rules[perm[i]]
		}
		a := mustLoad(t, withRules(rules))
		b := mustLoad(t, withRules(shuffled))
		q := rapid.SampledFrom(allCriteria()).Draw(t, "decision")
		d := rapid.SampledFrom(propDays).Draw(t, "day")
		ea, err := a.Explain(q, d)
		require.NoError(t, err)
		eb, err := b.Explain(q, d)
		require.NoError(t, err)
		require.Equal(t, ea.Policy, eb.Policy)
		for k, from := range eb.Settings {
			var i int
			if _, err := fmt.Sscanf(from, "policies.rules[%d]", &i); err == nil {
				from = fmt.Sprintf("policies.rules[%d]", perm[i])
			}
			require.Equal(t, ea.Settings[k], from, k)
		}
	})
}

// V4, V5: a row never applies to a decision it does not match: the rows
// Explain lists are exactly those whose every criterion the decision
// has, and every setting comes from one of them or from the base.
func TestV5RowAppliesOnlyWhereItMatches(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		rules := drawTable(t)
		l := mustLoad(t, withRules(rules))
		q := rapid.SampledFrom(allCriteria()).Draw(t, "decision")
		e, err := l.Explain(q, rapid.SampledFrom(propDays).Draw(t, "day"))
		require.NoError(t, err)
		var matched []string
		for _, m := range e.Matched {
			matched = append(matched, m.Rule)
		}
		for i, r := range rules {
			path := fmt.Sprintf("policies.rules[%d]", i)
			require.Equal(t, matchesByHand(r.Match, q), slices.Contains(matched, path), "%s %+v", path, r.Match)
		}
		for k, from := range e.Settings {
			if !slices.Contains(matched, from) {
				require.Contains(t, []string{"policies.circulation", "policies.holds"}, from, k)
			}
		}
	})
}

// V6: a draft equal to the loaded policies explains every decision as
// the library does.
func TestV6DraftEqualToLoadedExplainsTheSame(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		l := mustLoad(t, withRules(drawTable(t)))
		q := rapid.SampledFrom(allCriteria()).Draw(t, "decision")
		d := rapid.SampledFrom(propDays).Draw(t, "day")
		want, err := l.Explain(q, d)
		require.NoError(t, err)
		got, err := l.WhatIf(l.Config().Policies, q, d)
		require.NoError(t, err)
		require.Equal(t, want, got)
	})
}

// matchesByHand is the meaning of a match, read from the criteria: every
// criterion a row names is the decision's (a decision at the Prefectural
// Library naming no place is there).
func matchesByHand(m, q Criteria) bool {
	place := q.Place
	switch {
	case place == "江別市情報図書館":
		place = "ebetsu"
	case place == "" && q.Method == "prefectural_library":
		place = "prefectural"
	}
	for _, c := range [][2]string{{m.PatronCategory, q.PatronCategory}, {m.ItemCategory, q.ItemCategory},
		{m.Collection, q.Collection}, {m.Method, q.Method}, {m.Place, place}} {
		if c[0] != "" && c[0] != c[1] {
			return false
		}
	}
	return true
}

func withRules(rules []Rule) Config {
	c := withPartners()
	c.Policies.Rules = rules
	return c
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func mustLoad(t *rapid.T, c Config) *Library {
	l, err := New(c)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return l
}
