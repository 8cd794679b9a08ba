package library

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/shipping"
)

// Version is the version of the configuration document this package
// reads and writes: the document's "version" key.
const Version = 1

// Bounds of a document, so that a hostile or mistaken file cannot make
// Load run long or use much memory.
const (
	MaxDocumentBytes = 4 << 20 // 4 MiB
	maxSites         = 500
	maxChanges       = 50   // rules changes of one place; policy changes
	maxAnnouncements = 1000 // courier moves and suspensions
	maxRuleSets      = 1000 // rules compiled in all: places, their changes, staff days
)

// The JSON form of Config (docs/config.md). Nested values that decode
// themselves (calendar.Rules, circulation.Policy) are kept raw and
// decoded one by one, so that every problem is reported with its path.
type docJSON struct {
	Version  json.RawMessage   `json:"version"`
	Places   []json.RawMessage `json:"places"`
	Courier  json.RawMessage   `json:"courier"`
	Policies json.RawMessage   `json:"policies"`
}

type siteJSON struct {
	ID                  string            `json:"id"`
	Kind                string            `json:"kind"`
	Name                string            `json:"name"`
	NameEn              string            `json:"name_en,omitempty"`
	Region              string            `json:"region,omitempty"`
	RegistrationPartner bool              `json:"registration_partner,omitempty"`
	Rules               json.RawMessage   `json:"rules"`
	StaffDays           json.RawMessage   `json:"staff_days,omitempty"`
	Changes             []json.RawMessage `json:"changes,omitempty"`
}

type rulesChangeJSON struct {
	From  string          `json:"from"`
	Rules json.RawMessage `json:"rules"`
}

type courierJSON struct {
	Rules       json.RawMessage   `json:"rules"`
	Moves       []json.RawMessage `json:"moves,omitempty"`
	Suspensions []json.RawMessage `json:"suspensions,omitempty"`
}

type namesJSON struct {
	Ja string `json:"ja,omitempty"`
	En string `json:"en,omitempty"`
}

type moveJSON struct {
	From   string     `json:"from"`
	To     string     `json:"to"`
	Reason *namesJSON `json:"reason,omitempty"`
}

type suspensionJSON struct {
	Date   string     `json:"date"`
	Reason *namesJSON `json:"reason,omitempty"`
}

// moveInJSON and suspensionInJSON are the forms read: the reason is
// decoded on its own, so that its problems have their path.
type moveInJSON struct {
	From   string          `json:"from"`
	To     string          `json:"to"`
	Reason json.RawMessage `json:"reason,omitempty"`
}

type suspensionInJSON struct {
	Date   string          `json:"date"`
	Reason json.RawMessage `json:"reason,omitempty"`
}

type policiesJSON struct {
	Circulation json.RawMessage   `json:"circulation"`
	Holds       json.RawMessage   `json:"holds"`
	Shipping    json.RawMessage   `json:"shipping,omitempty"`
	Rules       json.RawMessage   `json:"rules,omitempty"`
	Changes     []json.RawMessage `json:"changes,omitempty"`
}

type shippingJSON struct {
	RateTables []json.RawMessage `json:"rate_tables,omitempty"`
}

type holdRulesJSON struct {
	ShelfDays           int                      `json:"shelf_days"`
	HoldForReadingOrder bool                     `json:"hold_for_reading_order"`
	ShelfCount          holds.ShelfCount         `json:"shelf_count,omitzero"`
	ShelfDaysByContact  holds.ShelfDaysByContact `json:"shelf_days_by_contact,omitzero"`
	ShelfExtensionDays  int                      `json:"shelf_extension_days,omitzero"`
	Overridable         circulation.Codes        `json:"overridable"`
}

type policyChangeJSON struct {
	From        string          `json:"from"`
	Circulation json.RawMessage `json:"circulation,omitempty"`
	Holds       json.RawMessage `json:"holds,omitempty"`
	Rules       json.RawMessage `json:"rules,omitempty"`
}

// decodeConfig reads the document b into a Config, noting every problem
// of form: unknown keys, values of the wrong type, dates, day names and
// the like. Problems of sense (a missing Prefectural Library, two places
// with one ID) are check's.
func decodeConfig(b []byte, ps *problems) Config {
	var cfg Config
	if len(b) > MaxDocumentBytes {
		ps.add("", "the document is %d bytes; at most %d are read", len(b), MaxDocumentBytes)
		return cfg
	}
	var doc docJSON
	if !decodeObject("", "configuration", b, &doc, ps) {
		return cfg
	}
	decodeVersion(doc.Version, ps)
	if len(doc.Places) > maxSites {
		ps.add("places", "%d places; at most %d are read", len(doc.Places), maxSites)
		doc.Places = doc.Places[:maxSites]
	}
	for i, raw := range doc.Places {
		cfg.Sites = append(cfg.Sites, decodeSite(fmt.Sprintf("places[%d]", i), raw, ps))
	}
	if absent(doc.Courier) {
		ps.add("courier", "is required")
	} else {
		cfg.Courier = decodeCourier("courier", doc.Courier, ps)
	}
	if absent(doc.Policies) {
		ps.add("policies", "is required")
	} else {
		cfg.Policies = decodePolicies("policies", doc.Policies, ps)
	}
	return cfg
}

// decodeVersion checks the document's version.
func decodeVersion(raw json.RawMessage, ps *problems) {
	var v int
	if absent(raw) {
		ps.add("version", "is required (%d)", Version)
	} else if err := json.Unmarshal(raw, &v); err != nil {
		ps.json("version", err)
	} else if v != Version {
		ps.add("version", "%d is not supported: this loader reads version %d", v, Version)
	}
}

// absent reports a key left out or null.
func absent(raw json.RawMessage) bool { return len(raw) == 0 || bytes.Equal(raw, []byte("null")) }

func decodeSite(path string, raw json.RawMessage, ps *problems) Site {
	var j siteJSON
	if !decodeObject(path, "place", raw, &j, ps) {
		return Site{}
	}
	s := Site{ID: j.ID, Name: j.Name, NameEn: j.NameEn, Region: j.Region, RegistrationPartner: j.RegistrationPartner}
	if j.Kind == "" {
		ps.add(path+".kind", "is required (prefectural_library, assembly_library or partner_library)")
	} else if err := s.Kind.UnmarshalText([]byte(j.Kind)); err != nil {
		ps.add(path+".kind", "%s is not prefectural_library, assembly_library or partner_library", quote(j.Kind))
	}
	if absent(j.Rules) {
		ps.add(path+".rules", "is required")
	} else {
		s.Rules = decodeRules(path+".rules", j.Rules, ps)
	}
	if !absent(j.StaffDays) {
		r := decodeRules(path+".staff_days", j.StaffDays, ps)
		s.StaffDays = &r
	}
	if len(j.Changes) > maxChanges {
		ps.add(path+".changes", "%d changes; at most %d are read", len(j.Changes), maxChanges)
		j.Changes = j.Changes[:maxChanges]
	}
	for k, raw := range j.Changes {
		cp := fmt.Sprintf("%s.changes[%d]", path, k)
		var cj rulesChangeJSON
		if !decodeObject(cp, "rules change", raw, &cj, ps) {
			s.Changes = append(s.Changes, RulesChange{}) // keeps the indices of the document
			continue
		}
		c := RulesChange{From: decodeDate(cp+".from", cj.From, ps)}
		if absent(cj.Rules) {
			ps.add(cp+".rules", "is required")
		} else {
			c.Rules = decodeRules(cp+".rules", cj.Rules, ps)
		}
		s.Changes = append(s.Changes, c)
	}
	return s
}

func decodeRules(path string, raw json.RawMessage, ps *problems) calendar.Rules {
	var r calendar.Rules
	if err := r.UnmarshalJSON(raw); err != nil {
		ps.nested(path, err)
	}
	return r
}

// decodeDate reads a required date.
func decodeDate(path, s string, ps *problems) calendar.Date {
	if s == "" {
		ps.add(path, "a date is required (YYYY-MM-DD)")
		return calendar.Date{}
	}
	d, err := calendar.ParseDate(s)
	if err != nil {
		ps.add(path, "%s is not a date (YYYY-MM-DD)", quote(s))
	}
	return d
}

// decodeNames reads the optional names of a move or suspension.
func decodeNames(path string, raw json.RawMessage, ps *problems) (ja, en string) {
	var n namesJSON
	if absent(raw) || !decodeObject(path, "reason", raw, &n, ps) {
		return "", ""
	}
	return n.Ja, n.En
}

func decodeCourier(path string, raw json.RawMessage, ps *problems) CourierDays {
	var j courierJSON
	if !decodeObject(path, "courier", raw, &j, ps) {
		return CourierDays{}
	}
	var c CourierDays
	if absent(j.Rules) {
		ps.add(path+".rules", "is required")
	} else {
		c.Rules = decodeRules(path+".rules", j.Rules, ps)
	}
	if n := len(j.Moves) + len(j.Suspensions); n > maxAnnouncements {
		ps.add(path, "%d moves and suspensions; at most %d are read", n, maxAnnouncements)
		return c
	}
	for i, raw := range j.Moves {
		mp := fmt.Sprintf("%s.moves[%d]", path, i)
		var m moveInJSON
		if !decodeObject(mp, "courier move", raw, &m, ps) {
			c.Moves = append(c.Moves, CourierMove{})
			continue
		}
		ja, en := decodeNames(mp+".reason", m.Reason, ps)
		c.Moves = append(c.Moves, CourierMove{decodeDate(mp+".from", m.From, ps), decodeDate(mp+".to", m.To, ps), ja, en})
	}
	for i, raw := range j.Suspensions {
		sp := fmt.Sprintf("%s.suspensions[%d]", path, i)
		var s suspensionInJSON
		if !decodeObject(sp, "courier suspension", raw, &s, ps) {
			c.Suspensions = append(c.Suspensions, CourierSuspension{})
			continue
		}
		ja, en := decodeNames(sp+".reason", s.Reason, ps)
		c.Suspensions = append(c.Suspensions, CourierSuspension{decodeDate(sp+".date", s.Date, ps), ja, en})
	}
	return c
}

func decodePolicies(path string, raw json.RawMessage, ps *problems) Policies {
	var j policiesJSON
	if !decodeObject(path, "policies", raw, &j, ps) {
		return Policies{}
	}
	var p Policies
	// A document that leaves out "overridable" gets the default split of
	// hard and soft reasons, not "staff may override nothing".
	p.Circulation.Overridable = defaultCirculationSoft()
	if absent(j.Circulation) {
		ps.add(path+".circulation", "is required")
	} else if err := p.Circulation.UnmarshalJSON(j.Circulation); err != nil {
		ps.json(path+".circulation", err)
	}
	if absent(j.Holds) {
		ps.add(path+".holds", "is required")
	} else {
		p.Holds = decodeHoldRules(path+".holds", j.Holds, HoldRules{Overridable: defaultHoldSoft()}, ps)
	}
	if !absent(j.Shipping) {
		var sj shippingJSON
		decodeObject(path+".shipping", "shipping", j.Shipping, &sj, ps)
		if len(sj.RateTables) > maxChanges {
			ps.add(path+".shipping.rate_tables", "%d tables; at most %d are read", len(sj.RateTables), maxChanges)
			sj.RateTables = sj.RateTables[:maxChanges]
		}
		for i, raw := range sj.RateTables {
			var rt shipping.RateTable
			if err := rt.UnmarshalJSON(raw); err != nil {
				ps.json(fmt.Sprintf("%s.shipping.rate_tables[%d]", path, i), err)
				rt = shipping.RateTable{} // keeps the indices of the document
			}
			p.RateTables = append(p.RateTables, rt)
		}
	}
	if !absent(j.Rules) {
		p.Rules = decodeTable(path+".rules", j.Rules, ps)
	}
	p.Changes = decodePolicyChanges(path, j.Changes, p, ps)
	return p
}

// decodePolicyChanges reads the policy changes, each over the policies in
// force before it.
func decodePolicyChanges(path string, changes []json.RawMessage, p Policies, ps *problems) []PolicyChange {
	var out []PolicyChange
	if len(changes) > maxChanges {
		ps.add(path+".changes", "%d changes; at most %d are read", len(changes), maxChanges)
		changes = changes[:maxChanges]
	}
	// Each change is read over the policies in force before it, so that
	// it names only what changes.
	circ, hold := p.Circulation, p.Holds
	for i, raw := range changes {
		cp := fmt.Sprintf("%s.changes[%d]", path, i)
		var cj policyChangeJSON
		if !decodeObject(cp, "policy change", raw, &cj, ps) {
			out = append(out, PolicyChange{}) // keeps the indices of the document
			continue
		}
		c := PolicyChange{From: decodeDate(cp+".from", cj.From, ps)}
		if !absent(cj.Circulation) {
			next := circ
			if err := next.UnmarshalJSON(cj.Circulation); err != nil {
				ps.json(cp+".circulation", err)
			}
			circ, c.Circulation = next, &next
		}
		if !absent(cj.Holds) {
			next := decodeHoldRules(cp+".holds", cj.Holds, hold, ps)
			hold, c.Holds = next, &next
		}
		if !absent(cj.Rules) {
			c.Rules = decodeTable(cp+".rules", cj.Rules, ps)
			if c.Rules == nil {
				c.Rules = []Rule{}
			}
		}
		if c.Circulation == nil && c.Holds == nil && c.Rules == nil {
			ps.add(cp, "changes nothing: give circulation, holds or rules")
		}
		out = append(out, c)
	}
	return out
}

// decodeHoldRules reads hold rules over over.
func decodeHoldRules(path string, raw json.RawMessage, over HoldRules, ps *problems) HoldRules {
	j := holdRulesJSON(over)
	if !decodeObject(path, "holds", raw, &j, ps) {
		return over
	}
	return HoldRules(j)
}

// MarshalJSON encodes c as the configuration document Load reads, with
// "version": 1 and each policy change written in full, indented for
// people to read (json.Marshal compacts it again). It refuses a
// Config with problems (see Problems).
func (c Config) MarshalJSON() ([]byte, error) {
	if ps := c.Problems(); len(ps) > 0 {
		return nil, ps
	}
	type siteOut struct {
		ID                  string           `json:"id"`
		Kind                SiteKind         `json:"kind"`
		Name                string           `json:"name"`
		NameEn              string           `json:"name_en,omitempty"`
		Region              string           `json:"region,omitempty"`
		RegistrationPartner bool             `json:"registration_partner,omitempty"`
		Rules               calendar.Rules   `json:"rules"`
		StaffDays           *calendar.Rules  `json:"staff_days,omitempty"`
		Changes             []rulesChangeOut `json:"changes,omitempty"`
	}
	type courierOut struct {
		Rules       calendar.Rules   `json:"rules"`
		Moves       []moveJSON       `json:"moves,omitempty"`
		Suspensions []suspensionJSON `json:"suspensions,omitempty"`
	}
	type docOut struct {
		Version  int         `json:"version"`
		Places   []siteOut   `json:"places"`
		Courier  courierOut  `json:"courier"`
		Policies policiesOut `json:"policies"`
	}
	d := docOut{Version: Version, Places: []siteOut{}}
	for _, s := range c.Sites {
		o := siteOut{s.ID, s.Kind, s.Name, s.NameEn, s.Region, s.RegistrationPartner, s.Rules, s.StaffDays, nil}
		for _, ch := range s.Changes {
			o.Changes = append(o.Changes, rulesChangeOut(ch))
		}
		d.Places = append(d.Places, o)
	}
	d.Courier.Rules = c.Courier.Rules
	for _, m := range c.Courier.Moves {
		d.Courier.Moves = append(d.Courier.Moves, moveJSON{m.From.String(), m.To.String(), namesOf(m.Name, m.NameEn)})
	}
	for _, s := range c.Courier.Suspensions {
		d.Courier.Suspensions = append(d.Courier.Suspensions, suspensionJSON{s.Day.String(), namesOf(s.Name, s.NameEn)})
	}
	d.Policies = c.Policies.out()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return pretty(bytes.TrimRight(buf.Bytes(), "\n"))
}

type shippingOut struct {
	RateTables []shipping.RateTable `json:"rate_tables"`
}

type policyChangeOut struct {
	From        calendar.Date       `json:"from"`
	Circulation *circulation.Policy `json:"circulation,omitempty"`
	Holds       *holdRulesJSON      `json:"holds,omitempty"`
	Rules       *[]ruleJSON         `json:"rules,omitempty"`
}

type policiesOut struct {
	Circulation circulation.Policy `json:"circulation"`
	Holds       holdRulesJSON      `json:"holds"`
	Shipping    *shippingOut       `json:"shipping,omitempty"`
	Rules       []ruleJSON         `json:"rules,omitempty"`
	Changes     []policyChangeOut  `json:"changes,omitempty"`
}

// out is the JSON form of p, each change written in full.
func (p Policies) out() policiesOut {
	o := policiesOut{Circulation: p.Circulation, Holds: holdRulesJSON(p.Holds), Rules: rulesOut(p.Rules)}
	if len(p.RateTables) > 0 {
		o.Shipping = &shippingOut{p.RateTables}
	}
	for _, ch := range p.Changes {
		c := policyChangeOut{From: ch.From, Circulation: ch.Circulation}
		if ch.Rules != nil {
			rs := rulesOut(ch.Rules)
			c.Rules = &rs
		}
		if ch.Holds != nil {
			h := holdRulesJSON(*ch.Holds)
			c.Holds = &h
		}
		o.Changes = append(o.Changes, c)
	}
	return o
}

type rulesChangeOut struct {
	From  calendar.Date  `json:"from"`
	Rules calendar.Rules `json:"rules"`
}

func namesOf(ja, en string) *namesJSON {
	if ja == "" && en == "" {
		return nil
	}
	return &namesJSON{ja, en}
}

// UnmarshalJSON decodes the configuration document (docs/config.md)
// strictly, reporting every problem at once as Problems, each with its
// JSON path; *c is left unchanged on error. Load does the same and
// compiles the result.
func (c *Config) UnmarshalJSON(b []byte) error {
	var ps problems
	cfg := decodeConfig(b, &ps)
	cfg.check(&ps)
	if len(ps.list) > 0 {
		return ps.list
	}
	*c = cfg
	return nil
}
