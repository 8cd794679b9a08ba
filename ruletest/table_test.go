package ruletest_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/ruletest"
)

// V3, V4: Configs draws policy tables often: a base table other than the
// published one, tables in dated changes (some changing nothing else),
// rows naming places by id and by name, rows that set nothing and rows
// that set circulation and hold settings, the variants L10–L13 and
// H7–H9 among them, and no two rows of a table naming the same criteria.
func TestConfigsDrawTablesV3(t *testing.T) {
	seen := map[string]int{}
	published := library.Default().Config().Policies.Rules
	rapid.Check(t, func(t *rapid.T) {
		c := ruletest.Configs().Draw(t, "config")
		if !reflect.DeepEqual(c.Policies.Rules, published) {
			seen["base table drawn"]++
		}
		tables := [][]library.Rule{c.Policies.Rules}
		for _, ch := range c.Policies.Changes {
			if ch.Rules != nil {
				seen["change table"]++
				if ch.Circulation == nil && ch.Holds == nil {
					seen["change of the table alone"]++
				}
				tables = append(tables, ch.Rules)
			}
		}
		ids := placeIDs(c)
		for _, rules := range tables {
			if len(rules) > 6 {
				t.Fatalf("%d rows", len(rules))
			}
			crit := map[[5]string]bool{}
			for _, r := range rules {
				v := ids.row(r.Match)
				if crit[v] {
					t.Fatalf("V4 two rows name %v", v)
				}
				crit[v] = true
				noteRow(seen, c, r)
			}
		}
	})
	for _, shape := range []string{
		"base table drawn", "change table", "change of the table alone", "place by id", "place by name", "no criteria", "all criteria",
		"sets nothing", "sets circulation", "sets holds",
		"circulation.loan_days", "circulation.extension_days", "circulation.max_loans", "circulation.due_on_closed_day",
		"circulation.extend_from", "circulation.extend_from_loan_day", "circulation.count_from_next_day", "circulation.closure_grace",
		"holds.shelf_days", "holds.shelf_count", "holds.shelf_days_by_contact", "holds.shelf_extension_days",
	} {
		if seen[shape] == 0 {
			t.Errorf("no draw of %s: %v", shape, seen)
		}
	}
}

// noteRow counts the shapes of row r of configuration c in seen.
func noteRow(seen map[string]int, c library.Config, r library.Rule) {
	for _, s := range c.Sites {
		switch r.Match.Place {
		case s.ID:
			seen["place by id"]++
		case s.Name:
			seen["place by name"]++
		}
	}
	crit := criteriaOf(r.Match)
	switch n := len(slices.DeleteFunc(crit[:], func(v string) bool { return v == "" })); n {
	case 0:
		seen["no criteria"]++
	case 5:
		seen["all criteria"]++
	}
	switch {
	case r.Circulation == nil && r.Holds == nil:
		seen["sets nothing"]++
	case r.Circulation != nil:
		seen["sets circulation"]++
	}
	if r.Holds != nil {
		seen["sets holds"]++
	}
	for k := range settingsOf(r) {
		seen[k]++
	}
}

// V3, V4, V5, V6: for drawn configurations and decisions on drawn days,
// Explain gives what Policies gives; a draft equal to the loaded
// policies explains the same (V6); the rows Explain lists are exactly
// those of the table in force that the decision matches, read from the
// criteria by hand, most specific first (V3, V4); every setting comes
// from the matched row naming the most criteria among those that set it
// (the earlier criterion breaking a tie of numbers), or from the base
// version in force when none sets it (V4); and the policy is the base
// in force with each winning value over it.
func TestConfigsTablesResolveV3V4V6(t *testing.T) {
	seen := map[string]int{}
	rapid.Check(t, func(t *rapid.T) {
		c := ruletest.Configs().Draw(t, "config")
		lib, err := library.New(c)
		if err != nil {
			t.Fatalf("library.New: %v", err)
		}
		for range 4 {
			day := decisionDay(t, c)
			path, rules := tableInForce(c, day)
			q := decision(t, c, rules)
			e, err := lib.Explain(q, day)
			if err != nil {
				t.Fatalf("Explain(%+v, %v): %v", q, day, err)
			}
			p, err := lib.Policies(q, day)
			if err != nil || p != e.Policy {
				t.Fatalf("V3 Policies(%+v, %v) = %+v, %v; Explain's policy %+v", q, day, p, err, e.Policy)
			}
			w, err := lib.WhatIf(lib.Config().Policies, q, day)
			if err != nil || !reflect.DeepEqual(w, e) {
				t.Fatalf("V6 WhatIf of the loaded policies = %s, %v; Explain %s", asJSON(w), err, asJSON(e))
			}
			byHand := resolveByHand(c, placeIDs(c), path, rules, q, day)
			checkExplanation(t, lib, byHand, e)
			noteResolution(seen, e)
		}
	})
	for _, shape := range []string{"several rows matched", "setting from a row", "setting from a dated table", "setting from a dated base"} {
		if seen[shape] == 0 {
			t.Errorf("no decision with %s: %v", shape, seen)
		}
	}
}

// noteResolution counts the shapes of explanation e in seen.
func noteResolution(seen map[string]int, e library.Explanation) {
	if len(e.Matched) > 1 {
		seen["several rows matched"]++
	}
	for _, from := range e.Settings {
		switch {
		case strings.Contains(from, "rules["):
			seen["setting from a row"]++
			if strings.HasPrefix(from, "policies.changes[") {
				seen["setting from a dated table"]++
			}
		case strings.HasPrefix(from, "policies.changes["):
			seen["setting from a dated base"]++
		}
	}
}

// checkExplanation compares e with the resolution by hand want (V3,
// V4), and checks V4 in e's own terms: each setting's row is a matched
// row that sets it and names no fewer criteria than any other matched
// row that sets it.
func checkExplanation(t *rapid.T, lib *library.Library, want resolution, e library.Explanation) {
	var got []string
	sets := map[string][]string{}
	for _, m := range e.Matched {
		got = append(got, m.Rule)
		sets[m.Rule] = m.Sets
	}
	if !slices.Equal(got, want.matched) {
		t.Fatalf("V3 %s: matched %v, by hand %v", asJSON(e.Criteria), got, want.matched)
	}
	if len(e.Settings) != len(want.from) {
		t.Fatalf("V5 settings %v, by hand %v", e.Settings, want.from)
	}
	for k, from := range e.Settings {
		if from != want.from[k] {
			t.Fatalf("V4 %s: %s from %s, by hand from %s; %s", asJSON(e.Criteria), k, from, want.from[k], asJSON(e))
		}
		for _, m := range e.Matched {
			if !slices.Contains(m.Sets, k) {
				continue
			}
			i := slices.IndexFunc(e.Matched, func(w library.MatchedRule) bool { return w.Rule == from })
			if i < 0 || !slices.Contains(e.Matched[i].Supplies, k) || len(e.Matched[i].Criteria) < len(m.Criteria) {
				t.Fatalf("V4 %s: %s from %s, though %s names %v and sets it; %s", asJSON(e.Criteria), k, from, m.Rule, m.Criteria, asJSON(e))
			}
		}
	}
	if p := want.policy(t, lib, e.Day); p != e.Policy {
		t.Fatalf("V4 %s: policy %s, by hand %s", asJSON(e.Criteria), asJSON(e.Policy), asJSON(p))
	}
}

// resolution is the outcome of a table for one decision, by hand: the
// paths of the rows matched in precedence order, the path that supplies
// each setting and the winning values.
type resolution struct {
	matched []string
	from    map[string]string
	value   map[string]json.RawMessage
}

// resolveByHand resolves decision q on day under the table rules at path
// of configuration c, reading V3 and V4 from the criteria.
func resolveByHand(c library.Config, ids places, path string, rules []library.Rule, q library.Criteria, day calendar.Date) resolution {
	type ranked struct {
		path        string
		count, mask int
		sets        map[string]json.RawMessage
	}
	dq := ids.decision(q)
	var matched []ranked
	for i, r := range rules {
		rv := ids.row(r.Match)
		w := ranked{path: fmt.Sprintf("%s[%d]", path, i), sets: settingsOf(r)}
		ok := true
		for k, v := range rv {
			if v != "" {
				ok = ok && v == dq[k]
				w.count++
				w.mask |= 1 << (4 - k) // the place, first in the fixed order, highest
			}
		}
		if ok {
			matched = append(matched, w)
		}
	}
	slices.SortFunc(matched, func(a, b ranked) int {
		if a.count != b.count {
			return b.count - a.count
		}
		return b.mask - a.mask
	})
	res := resolution{from: map[string]string{}, value: map[string]json.RawMessage{}}
	for _, w := range matched {
		res.matched = append(res.matched, w.path)
		for k, v := range w.sets {
			if _, done := res.value[k]; !done {
				res.from[k], res.value[k] = w.path, v
			}
		}
	}
	for _, k := range settingKeys() {
		if _, ok := res.from[k]; !ok {
			part, _, _ := strings.Cut(k, ".")
			res.from[k] = basePath(c, part, day)
		}
	}
	return res
}

// policy is the base policy in force on day with the winning values of
// r over it, each key decoded on its own.
func (r resolution) policy(t *rapid.T, lib *library.Library, day calendar.Date) holds.Policy {
	p := lib.HoldPolicy(day)
	for _, part := range []string{"circulation", "holds"} {
		for k, v := range r.value {
			name, ok := strings.CutPrefix(k, part+".")
			if !ok {
				continue
			}
			obj := []byte(fmt.Sprintf("{%q:%s}", name, v))
			var err error
			if part == "circulation" {
				err = p.Circulation.UnmarshalJSON(obj)
			} else {
				err = p.UnmarshalJSON(obj)
			}
			if err != nil {
				t.Fatalf("%s: %v", obj, err)
			}
		}
	}
	return p
}

// settingsOf returns the settings row r names, by "circulation.key" and
// "holds.key".
func settingsOf(r library.Rule) map[string]json.RawMessage {
	out := map[string]json.RawMessage{}
	for part, raw := range map[string]json.RawMessage{"circulation": r.Circulation, "holds": r.Holds} {
		var m map[string]json.RawMessage
		if raw != nil && json.Unmarshal(raw, &m) != nil {
			panic(fmt.Sprintf("settings %s", raw))
		}
		for k, v := range m {
			out[part+"."+k] = v
		}
	}
	return out
}

// settingKeys lists every setting of a decision: the JSON keys of
// circulation.Policy and of holds.Policy but its "circulation".
func settingKeys() []string {
	var out []string
	for part, v := range map[string]any{"circulation": circulation.Policy{}, "holds": holds.Policy{}} {
		for _, f := range reflect.VisibleFields(reflect.TypeOf(v)) {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name != "" && name != "-" && name != "circulation" {
				out = append(out, part+"."+name)
			}
		}
	}
	return out
}

// tableInForce returns the table of c in force on day and its path.
func tableInForce(c library.Config, day calendar.Date) (string, []library.Rule) {
	path, rules := "policies.rules", c.Policies.Rules
	for i, ch := range c.Policies.Changes {
		if ch.Rules != nil && !ch.From.After(day) {
			path, rules = fmt.Sprintf("policies.changes[%d].rules", i), ch.Rules
		}
	}
	return path, rules
}

// basePath returns the path of the base version of part ("circulation",
// "holds") of c in force on day.
func basePath(c library.Config, part string, day calendar.Date) string {
	path := "policies." + part
	for i, ch := range c.Policies.Changes {
		set := ch.Circulation != nil
		if part == "holds" {
			set = ch.Holds != nil
		}
		if set && !ch.From.After(day) {
			path = fmt.Sprintf("policies.changes[%d].%s", i, part)
		}
	}
	return path
}

// places maps the ids and names of a configuration's places to their
// ids, and knows the Prefectural and Assembly Libraries.
type places struct {
	id                    map[string]string
	prefectural, assembly string
}

func placeIDs(c library.Config) places {
	p := places{id: map[string]string{}}
	for _, s := range c.Sites {
		p.id[s.ID], p.id[s.Name] = s.ID, s.ID
		switch s.Kind {
		case library.Prefectural:
			p.prefectural = s.ID
		case library.Assembly:
			p.assembly = s.ID
		}
	}
	return p
}

// criteriaOf returns q's criteria in the fixed order of V4: place,
// method, patron_category, item_category, collection.
func criteriaOf(q library.Criteria) [5]string {
	return [5]string{q.Place, q.Method, q.PatronCategory, q.ItemCategory, q.Collection}
}

// row returns a row's criteria with its place as an id.
func (p places) row(q library.Criteria) [5]string {
	v := criteriaOf(q)
	v[0] = p.id[v[0]]
	return v
}

// decision returns a decision's criteria with its place as an id: a
// decision at the Prefectural or Assembly Library naming no place is at
// it (V3).
func (p places) decision(q library.Criteria) [5]string {
	v := p.row(q)
	if v[0] == "" {
		switch q.Method {
		case circulation.PrefecturalLibrary.String():
			v[0] = p.prefectural
		case circulation.AssemblyLibrary.String():
			v[0] = p.assembly
		}
	}
	return v
}

// decisionDay draws a day of 2020 to 2035, or a day a policy change of c
// comes into force, or the day before.
func decisionDay(t *rapid.T, c library.Config) calendar.Date {
	var days []calendar.Date
	for _, ch := range c.Policies.Changes {
		days = append(days, ch.From, ch.From.AddDays(-1))
	}
	if len(days) > 0 && rapid.Bool().Draw(t, "change_day") {
		return rapid.SampledFrom(days).Draw(t, "day")
	}
	return ruletest.DateIn(from, to).Draw(t, "day")
}

// decision draws a decision's criteria over the values of c: half the
// time a row's of rules with the criteria it leaves empty drawn, else
// each criterion drawn, an unknown patron category among them.
func decision(t *rapid.T, c library.Config, rules []library.Rule) library.Criteria {
	var q library.Criteria
	if len(rules) > 0 && rapid.Bool().Draw(t, "from_row") {
		q = rules[rapid.IntRange(0, len(rules)-1).Draw(t, "row")].Match
	}
	var sites []string
	for _, s := range c.Sites {
		sites = append(sites, s.ID, s.Name)
	}
	for _, f := range []struct {
		v      *string
		label  string
		values []string
	}{
		{&q.Place, "place", sites},
		{&q.Method, "method", []string{"prefectural_library", "assembly_library", "partner_library", "home_delivery"}},
		{&q.PatronCategory, "patron_category", []string{"individual", "student", "staff", "visitor"}},
		{&q.ItemCategory, "item_category", []string{"normal", "short_loan"}},
		{&q.Collection, "collection", []string{"general", "hokkaido"}},
	} {
		if *f.v == "" {
			*f.v = rapid.SampledFrom(append([]string{""}, f.values...)).Draw(t, f.label)
		}
	}
	return q
}

func asJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%+v", v)
	}
	return string(b)
}
