package library

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// ruleJSON is the JSON form of a Rule (docs/config.md).
type ruleJSON struct {
	Match Criteria `json:"match"`
	Set   setJSON  `json:"set"`
}

type setJSON struct {
	Circulation json.RawMessage `json:"circulation,omitempty"`
	Holds       json.RawMessage `json:"holds,omitempty"`
}

// ruleInJSON is the form read: each part is decoded on its own, so that
// its problems have their path.
type ruleInJSON struct {
	Match json.RawMessage `json:"match"`
	Set   json.RawMessage `json:"set"`
}

// decodeTable reads the JSON array raw of rules at path.
func decodeTable(path string, raw json.RawMessage, ps *problems) []Rule {
	var raws []json.RawMessage
	if err := json.Unmarshal(raw, &raws); err != nil {
		ps.add(path, "is not a JSON array of rules")
		return nil
	}
	return decodeRuleList(path, raws, ps)
}

// decodeRuleList reads the rules raws at path.
func decodeRuleList(path string, raws []json.RawMessage, ps *problems) []Rule {
	if len(raws) > maxRules {
		ps.add(path, "%d rows; at most %d are read", len(raws), maxRules)
		raws = raws[:maxRules]
	}
	out := make([]Rule, 0, len(raws))
	for i, raw := range raws {
		rp := fmt.Sprintf("%s[%d]", path, i)
		var j ruleInJSON
		var r Rule
		if decodeObject(rp, "rule", raw, &j, ps) {
			r = decodeRule(rp, j, ps)
		}
		out = append(out, r) // keeps the indices of the document
	}
	return out
}

// decodeRule reads one rule's match and set.
func decodeRule(path string, j ruleInJSON, ps *problems) Rule {
	var r Rule
	if absent(j.Match) {
		ps.add(path+".match", "is required ({} matches every decision)")
	} else {
		decodeObject(path+".match", "criteria", j.Match, &r.Match, ps)
	}
	if absent(j.Set) {
		ps.add(path+".set", "is required")
		return r
	}
	var s setJSON
	if decodeObject(path+".set", "settings", j.Set, &s, ps) {
		r.Circulation, r.Holds = compact(s.Circulation), compact(s.Holds)
	}
	return r
}

// compact returns raw without insignificant space, or raw when it is not
// JSON (a problem reported when the table is checked).
func compact(raw json.RawMessage) json.RawMessage {
	if absent(raw) {
		return nil
	}
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return raw
	}
	return b.Bytes()
}

// rulesOut is the JSON form of rules.
func rulesOut(rules []Rule) []ruleJSON {
	out := make([]ruleJSON, 0, len(rules))
	for _, r := range rules {
		out = append(out, ruleJSON{r.Match, setJSON{r.Circulation, r.Holds}})
	}
	return out
}
