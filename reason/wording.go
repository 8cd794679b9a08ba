package reason

import (
	"slices"
	"strings"

	"github.com/kashidashi/kashidashi/internal/strictjson"
	"github.com/kashidashi/kashidashi/internal/text"
)

// Wording is a host's own messages for some codes, in either language,
// for example to add its telephone number; the other codes and languages
// keep the module's. A *Wording is immutable and safe for concurrent use;
// a nil *Wording is the module's wording.
type Wording struct {
	by map[string]*pair // code → English, Japanese; nil template: the module's
}

// NewWording returns the wording that replaces, for each code in
// overrides, its message in each language given:
//
//	reason.NewWording(circulation.Reasons(), map[string]map[reason.Lang]string{
//		"extension.reserved": {reason.Japanese: "予約が入っています。011-xxx-xxxx へ"},
//	})
//
// catalogue is every reason the host shows (the concatenated Reasons of
// the packages). A code not in it, a language other than English or
// Japanese, an empty or malformed template, or one naming a parameter
// the code's messages do not name is refused, with an error naming the
// code, the language and the placeholder.
func NewWording(catalogue []*Reason, overrides map[string]map[Lang]string) (*Wording, error) {
	known := make(map[string]*Reason, len(catalogue))
	for _, r := range catalogue {
		if r != nil {
			known[r.code] = r
		}
	}
	w := &Wording{by: make(map[string]*pair, len(overrides))}
	codes := make([]string, 0, len(overrides))
	for code := range overrides {
		codes = append(codes, code)
	}
	slices.Sort(codes) // the first error is the same every time
	for _, code := range codes {
		r, ok := known[code]
		if !ok {
			return nil, BadInput(text.Shorten(code), "unknown code")
		}
		ts := new(pair)
		for _, l := range langs {
			if err := ts.set(r, l, overrides[code]); err != nil {
				return nil, err
			}
		}
		for l := range overrides[code] {
			if l != English && l != Japanese {
				return nil, BadInput(code, "unknown language %s", text.Quote(string(l)))
			}
		}
		w.by[code] = ts
	}
	return w, nil
}

// pair is a code's host templates, English and Japanese; a nil template
// is the module's.
type pair [2]template

// set parses the template of r's code in l, if m has one.
func (ts *pair) set(r *Reason, l Lang, m map[Lang]string) error {
	s, ok := m[l]
	if !ok {
		return nil
	}
	at := r.code + "." + string(l)
	if strings.TrimSpace(s) == "" {
		return BadInput(at, "empty message")
	}
	t, err := parseTemplate(s)
	if err != nil {
		return BadInput(at, "%v", err)
	}
	uses, declared := t.uses(), r.tmpl[0].uses()
	for k := kindPosition; k < numKinds; k++ {
		if uses[k] && !declared[k] {
			return BadInput(at, "parameter {%s} is not one of %s's: %s", kinds[k].name, r.code, paramList(r.params))
		}
	}
	ts[langIndex(l)] = t
	return nil
}

// paramList lists names as placeholders, or says there are none.
func paramList(names []string) string {
	if len(names) == 0 {
		return "it has none"
	}
	return "{" + strings.Join(names, "}, {") + "}"
}

// ParseWording returns the wording of a JSON document that maps codes to
// messages by language tag, decoded strictly:
//
//	{"extension.reserved": {"ja": "予約が入っています。011-xxx-xxxx へ"}}
//
// Language tags are read as ParseLang reads them ("JA", "ja-JP"); a code
// given twice, or two tags of one language for a code ("ja" and "JA"),
// is refused rather than one of them kept. The templates are checked as
// NewWording checks them.
func ParseWording(catalogue []*Reason, b []byte) (*Wording, error) {
	var m map[string]map[Lang]string
	if err := strictjson.Decode("reason", "wording", b, &m); err != nil {
		return nil, err
	}
	return NewWording(catalogue, m)
}

// Message returns the message of c in language l in this wording: the
// host's template for c's code with c's parameters when there is one,
// and c's own message otherwise.
func (w *Wording) Message(c Coded, l Lang) string {
	if w == nil {
		return c.Message(l)
	}
	switch c := c.(type) {
	case *omitted:
		return c.message(l, w.Message)
	case *instance:
		if t := w.template(c.code, l); t != nil {
			return t.text(c.params, l)
		}
	case *Reason:
		if t := w.template(c.code, l); t != nil {
			return t.text(nil, l)
		}
	}
	return c.Message(l)
}

// template returns the host's template of code in l, or nil.
func (w *Wording) template(code string, l Lang) template {
	if ts := w.by[code]; ts != nil {
		return ts[langIndex(l)]
	}
	return nil
}

// Localize is reason.Localize with this wording's messages.
func (w *Wording) Localize(err error, l Lang) []Message {
	return localize(err, l, w.Message)
}
