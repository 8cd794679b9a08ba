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
	var p templateParser
	for i := 0; i < len(s); i++ {
		c := s[i]
		next := byte(0)
		if i+1 < len(s) {
			next = s[i+1]
		}
		var err error
		switch {
		case (c == '{' || c == '}' || c == '[' || c == ']') && next == c:
			p.lit.WriteByte(c)
			i++
		case c == '{' && isNameStart(next):
			var n int
			n, err = p.placeholder(s[i+1:])
			i += n
		case c == '[':
			err = p.open()
		case c == ']':
			err = p.close()
		default:
			p.lit.WriteByte(c)
		}
		if err != nil {
			return nil, err
		}
	}
	if p.inGroup {
		return nil, &templateError{problem: "unclosed ["}
	}
	p.flush()
	return p.t, nil
}

// templateParser is the state of parseTemplate: the parts so far, the
// literal text being read, and the optional part being read.
type templateParser struct {
	t       template
	lit     strings.Builder
	group   []piece
	inGroup bool
	named   bool // the open part names a parameter
}

// flush ends the literal text being read.
func (p *templateParser) flush() {
	if p.lit.Len() == 0 {
		return
	}
	if p.inGroup {
		p.group = append(p.group, piece{text: p.lit.String()})
	} else {
		p.t = append(p.t, part{text: p.lit.String()})
	}
	p.lit.Reset()
}

// placeholder reads the placeholder whose name starts rest, just after
// its "{", and returns how many bytes it took, its "}" included.
func (p *templateParser) placeholder(rest string) (int, error) {
	end := strings.IndexByte(rest, '}')
	if end < 0 {
		return 0, &templateError{problem: "unclosed {"}
	}
	name := rest[:end]
	k, ok := kindNamed(name)
	if !ok {
		return 0, &templateError{"unknown parameter", cut(name)}
	}
	if !p.inGroup {
		return 0, &templateError{"outside [ ]:", name}
	}
	p.flush()
	p.group = append(p.group, piece{k: k})
	p.named = true
	return end + 1, nil
}

// open starts an optional part at "[".
func (p *templateParser) open() error {
	if p.inGroup {
		return &templateError{problem: "[ inside [ ]"}
	}
	p.flush()
	p.inGroup, p.named, p.group = true, false, nil
	return nil
}

// close ends an optional part at "]".
func (p *templateParser) close() error {
	if !p.inGroup {
		return &templateError{problem: "] without ["}
	}
	if !p.named {
		return &templateError{problem: "[ ] without a placeholder (write [[ ]] for brackets)"}
	}
	p.flush()
	p.t = append(p.t, part{group: p.group})
	p.inGroup = false
	return nil
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
				b.WriteString(ps.value(q.k, l))
			}
		}
	}
}

// value renders the parameter of kind k of ps in l: for {library} in any
// language but Japanese, the English name when ps has one.
func (ps Params) value(k kind, l Lang) string {
	if k == kindLibrary && l != Japanese {
		if en, ok := ps.has(kindLibraryEn); ok && en.s != "" {
			return en.text(l)
		}
	}
	v, _ := ps.has(k)
	return v.text(l)
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
