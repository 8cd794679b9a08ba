package library

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/internal/strictjson"
)

// Criteria are the facts of one decision that the policy table reads
// (V3), or, in a Rule, the facts a row asks for. An empty field is a fact
// not given: a row that leaves it empty matches every value, and a
// decision that leaves it empty matches only the rows that leave it empty
// too. The JSON form is the document's "match" object.
type Criteria struct {
	// PatronCategory is the host's category of the patron: the guide
	// knows one, "individual"; a host names its own (1 to 64
	// characters, no surrounding space).
	PatronCategory string `json:"patron_category,omitempty"`
	// ItemCategory is "normal" or "short_loan": short_loan for an item
	// whose catalogue status lends for the short period (短縮,
	// circulation.Status.Short, L2).
	ItemCategory string `json:"item_category,omitempty"`
	// Collection is the item's collection: "general" or "hokkaido"
	// (circulation.Collection).
	Collection string `json:"collection,omitempty"`
	// Method is how the patron receives the item: a circulation.Method
	// code ("partner_library").
	Method string `json:"method,omitempty"`
	// Place is a place's id or name in the configuration ("ebetsu",
	// "江別市情報図書館", as circulation.Place.Library carries it). A
	// decision with the method prefectural_library or assembly_library
	// that names no place is at that library (V4).
	Place string `json:"place,omitempty"`
}

// Rule is one row of the policy table (V3): the criteria it matches and
// the settings it fixes, each a JSON object of some keys of
// circulation.Policy (Circulation) and of holds.Policy other than
// "circulation" (Holds), read by those types' own decoders. A row that
// sets nothing states that its category follows the base. The JSON form
// is {"match": {...}, "set": {"circulation": {...}, "holds": {...}}}.
type Rule struct {
	Match       Criteria
	Circulation json.RawMessage
	Holds       json.RawMessage
}

// The criteria in the fixed order that breaks ties of specificity (V4):
// a row naming an earlier criterion outranks one naming a later one.
const (
	critPlace = iota
	critMethod
	critPatron
	critItem
	critCollection
	nCriteria
)

var criterionKeys = [nCriteria]string{"place", "method", "patron_category", "item_category", "collection"}

// maxRules bounds the rows of one table.
const maxRules = 500

// values returns q's criteria in the fixed order.
func (q Criteria) values() [nCriteria]string {
	return [nCriteria]string{q.Place, q.Method, q.PatronCategory, q.ItemCategory, q.Collection}
}

// row is a compiled Rule: its path, its criteria (the place as its id),
// its precedence and the members of its settings.
type row struct {
	path       string
	vals       [nCriteria]string
	mask       uint8  // bit nCriteria-1-i for criterion i: the place highest
	n          uint16 // its index in the table as written
	count      int
	circ, hold []member
}

// outranks reports whether r comes before o in precedence (V4): more
// criteria first; at equal numbers, the row naming the earlier
// criterion of the fixed order.
func (r *row) outranks(o *row) bool {
	if r.count != o.count {
		return r.count > o.count
	}
	return r.mask > o.mask
}

// matches reports whether r applies to the decision of criteria q.
func (r *row) matches(q [nCriteria]string) bool {
	for i, v := range r.vals {
		if v != "" && v != q[i] {
			return false
		}
	}
	return true
}

// criteria lists the keys of the criteria r names, in the fixed order.
func (r *row) criteria() []string {
	var out []string
	for i, v := range r.vals {
		if v != "" {
			out = append(out, criterionKeys[i])
		}
	}
	return out
}

// places resolves a place's id or name to its id.
type places struct {
	ids                   map[string]string
	prefectural, assembly string
}

func placesOf(sites []Site) places {
	p := places{ids: make(map[string]string, 2*len(sites))}
	for _, s := range sites {
		p.ids[s.ID], p.ids[s.Name] = s.ID, s.ID
		switch s.Kind {
		case Prefectural:
			p.prefectural = s.ID
		case Assembly:
			p.assembly = s.ID
		}
	}
	return p
}

// normalize checks criteria q, noting each problem at path (joined with
// the criterion's key), and returns their values with the place as its
// id.
func (pl places) normalize(path string, q Criteria, ps *problems) [nCriteria]string {
	v := q.values()
	if s := v[critPatron]; s != "" && (strings.TrimSpace(s) != s || utf8.RuneCountInString(s) > maxNameRunes || !utf8.ValidString(s)) {
		ps.add(join(path, "patron_category"), "%s is not 1 to %d characters without surrounding space", quote(s), maxNameRunes)
	}
	if s := v[critItem]; s != "" && s != "normal" && s != "short_loan" {
		ps.add(join(path, "item_category"), "%s is not normal or short_loan", quote(s))
	}
	if s := v[critCollection]; s != "" {
		var c circulation.Collection
		if c.UnmarshalText([]byte(s)) != nil || c.String() != s {
			ps.add(join(path, "collection"), "%s is not general or hokkaido", quote(s))
		}
	}
	if s := v[critMethod]; s != "" {
		var m circulation.Method
		if m.UnmarshalText([]byte(s)) != nil || m.String() != s {
			ps.add(join(path, "method"), "%s is not prefectural_library, assembly_library, partner_library or home_delivery", quote(s))
		}
	}
	if s := v[critPlace]; s != "" {
		id, ok := pl.ids[s]
		if !ok {
			ps.add(join(path, "place"), "%s is not the id or name of a place", quote(s))
		}
		v[critPlace] = id
	}
	return v
}

// decision normalizes the criteria of a decision: a decision at the
// Prefectural or Assembly Library that names no place is at it (V4).
func (pl places) decision(q Criteria, ps *problems) [nCriteria]string {
	v := pl.normalize("", q, ps)
	if v[critPlace] == "" {
		switch v[critMethod] {
		case circulation.PrefecturalLibrary.String():
			v[critPlace] = pl.prefectural
		case circulation.AssemblyLibrary.String():
			v[critPlace] = pl.assembly
		}
	}
	return v
}

// compileTable compiles the rows of one table at path, noting problems
// of form, and two rows that tie (V4) with both paths, and returns them
// in precedence order.
func compileTable(path string, rules []Rule, pl places, ps *problems) []*row {
	if len(rules) > maxRules {
		ps.add(path, "%d rows; at most %d", len(rules), maxRules)
		return nil
	}
	rows := make([]*row, 0, len(rules))
	seen := map[[nCriteria]string]string{}
	for i, r := range rules {
		rp := fmt.Sprintf("%s[%d]", path, i)
		w := &row{path: rp, n: uint16(i), vals: pl.normalize(rp+".match", r.Match, ps)}
		for k, v := range w.vals {
			if v != "" {
				w.count++
				w.mask |= 1 << (nCriteria - 1 - k)
			}
		}
		w.circ, w.hold = settings(rp+".set", r, ps)
		if first, ok := seen[w.vals]; ok {
			ps.add(rp, "ties with %s: the same criteria, so both match one decision with equal precedence", first)
		} else {
			seen[w.vals] = rp
		}
		rows = append(rows, w)
	}
	slices.SortStableFunc(rows, func(a, b *row) int {
		switch {
		case a.outranks(b):
			return -1
		case b.outranks(a):
			return 1
		}
		return 0
	})
	return rows
}

// settings returns the members of r's settings, noting at path (".set")
// each key the policies do not have and each value of the wrong type.
func settings(path string, r Rule, ps *problems) (circ, hold []member) {
	circ = settingMembers(path+".circulation", r.Circulation, ps)
	if circ != nil {
		var c circulation.Policy
		if err := c.UnmarshalJSON(r.Circulation); err != nil {
			ps.json(path+".circulation", err)
		}
	}
	hold = settingMembers(path+".holds", r.Holds, ps)
	if slices.ContainsFunc(hold, func(m member) bool { return m.key == "circulation" }) {
		ps.add(path+".holds.circulation", "circulation settings go under set.circulation")
	} else if hold != nil {
		type plain holds.Policy // its own decoder would validate a policy of these settings alone
		var h plain
		if err := strictjson.Decode(pkg, "hold settings", r.Holds, &h); err != nil {
			ps.json(path+".holds", err)
		}
	}
	return circ, hold
}

// settingMembers returns the members of the settings object raw at path;
// none when raw is absent.
func settingMembers(path string, raw json.RawMessage, ps *problems) []member {
	if absent(raw) {
		return nil
	}
	ms, ok := objectMembers(raw)
	if !ok {
		ps.add(path, "is not a JSON object of settings")
		return nil
	}
	seen := map[string]bool{}
	for _, m := range ms {
		if seen[m.key] {
			ps.add(path, "duplicate key %s", quote(m.key))
		}
		seen[m.key] = true
	}
	return ms
}
