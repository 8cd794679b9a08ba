package library

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/internal/strictjson"
	"github.com/kashidashi/kashidashi/reason"
)

// book is the compiled policies: the versions of the base policies and of
// the table, each with its path in the document (V1, V3).
type book struct {
	circ      []version[circulation.Policy]
	circPath  []string
	hold      []version[HoldRules]
	holdPath  []string
	tables    []version[[]*row]
	tablePath []string
	// memo maps the rows a decision matched, and the versions in force,
	// to the policy they resolve to, so that a desk deciding under the
	// table (V7) decodes each combination's settings once. Nil for a
	// book that resolves few decisions (a what-if draft). Its keys are
	// bounded by the combinations of rows that match some decision.
	memo *sync.Map
}

// memoKey is the key of book.memo: the versions in force and the
// indices of the rows matched, two bytes each.
type memoKey struct {
	ci, hi, ti int
	rows       string
}

// compileBook compiles the policies p, whose places are pl, noting the
// problems of the tables (V3, V4) in ps; the base policies' own problems
// are Policies.check's.
func compileBook(p Policies, pl places, ps *problems) book {
	b := book{
		circ: []version[circulation.Policy]{{v: p.Circulation}}, circPath: []string{"policies.circulation"},
		hold: []version[HoldRules]{{v: p.Holds}}, holdPath: []string{"policies.holds"},
		tables: []version[[]*row]{{v: compileTable("policies.rules", p.Rules, pl, ps)}}, tablePath: []string{"policies.rules"},
	}
	for k, ch := range p.Changes {
		cp := fmt.Sprintf("policies.changes[%d]", k)
		if ch.Circulation != nil {
			b.circ = append(b.circ, version[circulation.Policy]{ch.From, *ch.Circulation})
			b.circPath = append(b.circPath, cp+".circulation")
		}
		if ch.Holds != nil {
			b.hold = append(b.hold, version[HoldRules]{ch.From, *ch.Holds})
			b.holdPath = append(b.holdPath, cp+".holds")
		}
		if ch.Rules != nil {
			b.tables = append(b.tables, version[[]*row]{ch.From, compileTable(cp+".rules", ch.Rules, pl, ps)})
			b.tablePath = append(b.tablePath, cp+".rules")
		}
	}
	return b
}

// at returns the index of the version of vs in force on day.
func at[T any](vs []version[T], day calendar.Date) int {
	i := len(vs) - 1
	for i > 0 && vs[i].from.After(day) {
		i--
	}
	return i
}

// resolution is the outcome of the table for one decision on one day.
type resolution struct {
	matched  []*row // in precedence order
	circFrom map[string]*row
	holdFrom map[string]*row
	ci, hi   int // the base versions in force
	policy   holds.Policy
}

// policy returns the policy resolve gives, from the memo when the same
// rows and versions were resolved before.
func (b *book) policy(q [nCriteria]string, day calendar.Date) (holds.Policy, error) {
	if b.memo == nil {
		r, err := b.resolve(q, day)
		return r.policy, err
	}
	k := memoKey{ci: at(b.circ, day), hi: at(b.hold, day), ti: at(b.tables, day)}
	matched := matching(make([]*row, 0, 8), b.tables[k.ti].v, q) // on the stack for a few rows
	idx := make([]byte, 0, 2*len(matched))
	for _, w := range matched {
		idx = append(idx, byte(w.n>>8), byte(w.n))
	}
	k.rows = string(idx)
	if v, ok := b.memo.Load(k); ok {
		return v.(holds.Policy), nil
	}
	p, _, _, err := apply(matched, b.circ[k.ci].v, b.hold[k.hi].v)
	if err == nil {
		b.memo.Store(k, p)
	}
	return p, err
}

// resolve applies the table in force on day to the decision of
// normalized criteria q (V3, V4): each setting comes from the most
// specific matching row that sets it, the others from the base.
func (b *book) resolve(q [nCriteria]string, day calendar.Date) (resolution, error) {
	r := resolution{ci: at(b.circ, day), hi: at(b.hold, day), matched: matching(nil, b.tables[at(b.tables, day)].v, q)}
	var err error
	r.policy, r.circFrom, r.holdFrom, err = apply(r.matched, b.circ[r.ci].v, b.hold[r.hi].v)
	return r, err
}

// matching appends to dst the rows of table that match the decision of
// normalized criteria q, in the table's precedence order.
func matching(dst, table []*row, q [nCriteria]string) []*row {
	for _, w := range table {
		if w.matches(q) {
			dst = append(dst, w)
		}
	}
	return dst
}

// apply resolves the rows matched, in precedence order, over the base
// policies setting by setting (V4), returning the policy and, by
// setting, the row that supplied it.
func apply(matched []*row, circ circulation.Policy, h HoldRules) (holds.Policy, map[string]*row, map[string]*row, error) {
	c, circFrom, err := applyCirculation(matched, circ)
	if err != nil {
		return holds.Policy{}, nil, nil, err
	}
	p, holdFrom, err := applyHolds(matched, h, c)
	return p, circFrom, holdFrom, err
}

// winners returns, for each key the rows set (through part), the first
// row in precedence order that sets it and its value.
func winners(matched []*row, part func(*row) []member) (map[string]*row, map[string]json.RawMessage) {
	from, raw := map[string]*row{}, map[string]json.RawMessage{}
	for _, w := range matched {
		for _, m := range part(w) {
			if from[m.key] == nil {
				from[m.key], raw[m.key] = w, m.value
			}
		}
	}
	return from, raw
}

// applyCirculation resolves the circulation settings of the rows over
// base, through circulation.Policy's own decoder.
func applyCirculation(matched []*row, base circulation.Policy) (circulation.Policy, map[string]*row, error) {
	from, raw := winners(matched, func(w *row) []member { return w.circ })
	if len(raw) > 0 {
		if err := base.UnmarshalJSON(object(raw)); err != nil {
			return circulation.Policy{}, nil, err
		}
	}
	return base, from, nil
}

// applyHolds resolves the hold settings of the rows over h and the
// resolved circulation policy circ, through holds.Policy's own decoder.
func applyHolds(matched []*row, h HoldRules, circ circulation.Policy) (holds.Policy, map[string]*row, error) {
	from, raw := winners(matched, func(w *row) []member { return w.hold })
	p := holds.Policy{ShelfDays: h.ShelfDays, HoldForReadingOrder: h.HoldForReadingOrder, ShelfCount: h.ShelfCount, ShelfDaysByContact: h.ShelfDaysByContact, ShelfExtensionDays: h.ShelfExtensionDays, Circulation: circ, Overridable: h.Overridable}
	if len(raw) > 0 {
		if err := p.UnmarshalJSON(object(raw)); err != nil {
			return holds.Policy{}, nil, err
		}
	}
	return p, from, nil
}

// object writes the members of m as one JSON object, keys sorted.
func object(m map[string]json.RawMessage) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range slices.Sorted(mapKeys(m)) {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		b.Write(m[k])
	}
	b.WriteByte('}')
	return b.Bytes()
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// check notes, for every table version and every version of the base
// policies in force beside it, each combination of rows some decision
// matches whose resolved policies fail validation, naming the rows (V4).
// Every value a row names of each criterion, and none, is tried: a
// combination no real decision makes is checked too.
func (b *book) check(ps *problems) {
	days := []calendar.Date{{}}
	for _, vs := range [][]calendar.Date{froms(b.circ), froms(b.hold), froms(b.tables)} {
		days = append(days, vs...)
	}
	type triple struct{ c, h, t int }
	done := map[triple]bool{}
	for _, d := range days {
		k := triple{at(b.circ, d), at(b.hold, d), at(b.tables, d)}
		if done[k] {
			continue
		}
		done[k] = true
		sets, ok := combinations(b.tables[k.t].v)
		if !ok {
			ps.add(b.tablePath[k.t], "the rows make too many combinations of criteria to check; use fewer values")
			continue
		}
		b.checkSets(b.tablePath[k.t], sets, k.c, k.h, ps)
	}
}

// checkSets notes the combinations of rows sets whose policies over the
// base versions ci and hi fail validation, at most 16.
func (b *book) checkSets(tablePath string, sets [][]*row, ci, hi int, ps *problems) {
	noted := 0
	for _, set := range sets {
		over := b.circPath[ci]
		c, _, err := applyCirculation(set, b.circ[ci].v)
		if err == nil {
			err = c.Validate()
		}
		if err == nil {
			over = b.holdPath[hi]
			var p holds.Policy
			if p, _, err = applyHolds(set, b.hold[hi].v, c); err == nil {
				err = p.Validate()
			}
		}
		if err == nil {
			continue
		}
		names := make([]string, len(set))
		for i, w := range set {
			names[i] = w.path
		}
		if len(set) == 1 {
			ps.add(set[0].path, "over %s: %s", over, describe(err))
		} else {
			ps.add(tablePath, "%s over %s: %s", strings.Join(names, " with "), over, describe(err))
		}
		if noted++; noted == 16 {
			return
		}
	}
}

// describe writes the problems of err without the bad-input prefix.
func describe(err error) string {
	var inner reason.Problems
	if !errors.As(err, &inner) {
		field, msg := strictjson.Describe(err)
		if field != "" {
			return field + ": " + msg
		}
		return msg
	}
	parts := make([]string, len(inner))
	for i, p := range inner {
		parts[i] = p.Message
		if p.Path != "" {
			parts[i] = p.Path + ": " + p.Message
		}
	}
	return strings.Join(parts, "; ")
}

// froms lists the days the versions after the first come into force.
func froms[T any](vs []version[T]) []calendar.Date {
	out := make([]calendar.Date, 0, len(vs))
	for _, v := range vs[1:] {
		out = append(out, v.from)
	}
	return out
}

// maxCombinationWork bounds the work of combinations, so that a hostile
// table cannot make Load run long.
const maxCombinationWork = 4 << 20

// combinations returns every distinct non-empty set of rows that some
// decision matches, each in precedence order: criterion by criterion,
// each value a row names and none. ok is false past maxCombinationWork.
func combinations(rows []*row) (sets [][]*row, ok bool) {
	cands := [][]*row{rows}
	work := 0
	for i := range nCriteria {
		values := []string{""}
		for _, w := range rows {
			if w.vals[i] != "" && !slices.Contains(values, w.vals[i]) {
				values = append(values, w.vals[i])
			}
		}
		next := map[string][]*row{}
		for _, c := range cands {
			for _, v := range values {
				var set []*row
				var key strings.Builder
				for _, w := range c {
					if w.vals[i] == "" || w.vals[i] == v {
						set = append(set, w)
						key.WriteString(w.path)
						key.WriteByte(0)
					}
				}
				if work += len(c); work > maxCombinationWork {
					return nil, false
				}
				next[key.String()] = set
			}
		}
		cands = cands[:0]
		for _, k := range slices.Sorted(mapKeys(next)) {
			cands = append(cands, next[k])
		}
	}
	for _, c := range cands {
		if len(c) > 0 {
			sets = append(sets, c)
		}
	}
	return sets, true
}

// settingKeys lists the JSON keys of the settings of a decision:
// "circulation.loan_days", ..., "holds.shelf_days", ...
func settingKeys() []string {
	var out []string
	for k := range jsonKeys(reflect.TypeFor[circulation.Policy]()) {
		out = append(out, "circulation."+k)
	}
	for k := range jsonKeys(reflect.TypeFor[holds.Policy]()) {
		if k != "circulation" {
			out = append(out, "holds."+k)
		}
	}
	slices.Sort(out)
	return out
}
