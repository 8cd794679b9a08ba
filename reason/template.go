package reason

import (
	"strings"

	"github.com/kashidashi/kashidashi/internal/text"
)

// A template is a message with placeholders, parsed once. The syntax:
//
//   - {name} is the value of the parameter name: {position}, {limit},
//     {count}, {library}, {date}, {field};
//   - a placeholder stands inside an optional part, [ ... ], which is
//     shown only when every parameter it names is given, so a reason
//     without its parameters still reads well: "You may borrow no
//     more[ than {limit} items]." Parts do not nest and each names at
//     least one parameter;
//   - {{ }} [[ ]] are literal { } [ ]; a { not followed by a letter or _
//     is literal too, so "{ | }" needs no escaping.
type template []part

// part is literal text (group nil) or an optional part.
type part struct {
	text  string
	group []piece
}

// piece is literal text (k noKind) or a placeholder.
type piece struct {
	text string
	k    kind
}

// uses returns the set of kinds t names.
func (t template) uses() (set [numKinds]bool) {
	for _, p := range t {
		for _, q := range p.group {
			set[q.k] = q.k != noKind
		}
	}
	return set
}

// templateError is a malformed template; placeholder, when not empty, is
// the one at fault.
type templateError struct {
	problem, placeholder string
}

func (e *templateError) Error() string {
	if e.placeholder != "" {
		return e.problem + " {" + e.placeholder + "}"
	}
	return e.problem
}

// parseTemplate parses s in time linear in its length.
func parseTemplate(s string) (template, error) {
	var (
		t       template
		lit     strings.Builder
		group   []piece
		inGroup bool
		named   bool // the open part names a parameter
	)
	flush := func() {
		if lit.Len() == 0 {
			return
		}
		if inGroup {
			group = append(group, piece{text: lit.String()})
		} else {
			t = append(t, part{text: lit.String()})
		}
		lit.Reset()
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		next := byte(0)
		if i+1 < len(s) {
			next = s[i+1]
		}
		switch {
		case (c == '{' || c == '}' || c == '[' || c == ']') && next == c:
			lit.WriteByte(c)
			i++
		case c == '{' && isNameStart(next):
			end := strings.IndexByte(s[i+1:], '}')
			if end < 0 {
				return nil, &templateError{problem: "unclosed {"}
			}
			name := s[i+1 : i+1+end]
			k, ok := kindNamed(name)
			if !ok {
				return nil, &templateError{"unknown parameter", cut(name)}
			}
			if !inGroup {
				return nil, &templateError{"outside [ ]:", name}
			}
			flush()
			group = append(group, piece{k: k})
			named = true
			i += end + 1
		case c == '[':
			if inGroup {
				return nil, &templateError{problem: "[ inside [ ]"}
			}
			flush()
			inGroup, named, group = true, false, nil
		case c == ']':
			if !inGroup {
				return nil, &templateError{problem: "] without ["}
			}
			if !named {
				return nil, &templateError{problem: "[ ] without a placeholder (write [[ ]] for brackets)"}
			}
			flush()
			t = append(t, part{group: group})
			inGroup = false
		default:
			lit.WriteByte(c)
		}
	}
	if inGroup {
		return nil, &templateError{problem: "unclosed ["}
	}
	flush()
	return t, nil
}

// isNameStart reports whether c may start a placeholder's name.
func isNameStart(c byte) bool {
	return c == '_' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

// cut shortens a would-be placeholder name for an error.
func cut(name string) string { return text.Shorten(name) }

// render writes t with the parameters ps in language l, leaving out each
// optional part that names a parameter ps lacks.
func (t template) render(b *strings.Builder, ps Params, l Lang) {
	for _, p := range t {
		if p.group == nil {
			b.WriteString(p.text)
			continue
		}
		if !complete(p.group, ps) {
			continue
		}
		for _, q := range p.group {
			if q.k == noKind {
				b.WriteString(q.text)
			} else {
				v, _ := ps.has(q.k)
				b.WriteString(v.text(l))
			}
		}
	}
}

// complete reports whether ps has every parameter group names.
func complete(group []piece, ps Params) bool {
	for _, q := range group {
		if _, ok := ps.has(q.k); q.k != noKind && !ok {
			return false
		}
	}
	return true
}

// text returns t rendered with ps in l.
func (t template) text(ps Params, l Lang) string {
	var b strings.Builder
	t.render(&b, ps, l)
	return b.String()
}
