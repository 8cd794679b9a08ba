package strictjson

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"

	"github.com/kashidashi/kashidashi/internal/text"
)

// KeyError is a key that Decode refuses: a key given twice in one object
// (two keys that decode to the same map key, "ja" and "JA" for a
// language, count as one given twice), or a key the value's type does
// not have in exactly that case. encoding/json alone keeps the last of
// repeated keys and matches keys in any case ("MAX_RESERVATIONS" sets
// max_reservations), so that a document could say two things at once.
type KeyError struct {
	// Path is the JSON path of the object that holds the key, relative
	// to the value decoded: "" for the value itself, "others[1]",
	// "by_lang". Keys in it are cut short.
	Path string
	// Key is the key refused, as given.
	Key string

	problem keyProblem
	other   string // the name the type has, or the first of two keys
}

// keyProblem is what is wrong with a key.
type keyProblem uint8

const (
	unknownKey keyProblem = iota // no field has it, in any case
	wrongCase                    // a field has it, in another case
	repeated                     // the object has it already
)

// Error says what is wrong with the key, in encoding/json's words for an
// unknown key ("json: unknown field \"x\""), and where, when the object
// is not the value itself.
func (e *KeyError) Error() string {
	msg := "json: " + e.message()
	if e.problem == unknownKey {
		msg = "json: unknown field " + text.Quote(e.Key)
	}
	if e.Path != "" {
		msg += " (in " + e.Path + ")"
	}
	return msg
}

// message says what is wrong with the key, for a document's author.
func (e *KeyError) message() string {
	switch e.problem {
	case wrongCase:
		return "key " + text.Quote(e.Key) + " is not " + text.Quote(e.other) + ": keys are case-sensitive"
	case repeated:
		if e.other != e.Key {
			return "duplicate key " + text.Quote(e.Key) + " (the same as " + text.Quote(e.other) + ")"
		}
		return "duplicate key " + text.Quote(e.Key)
	}
	return "unknown key " + text.Quote(e.Key)
}

// frame is an object or list open in the scan.
type frame struct {
	sh      *shape // how it decodes
	object  bool
	wantKey bool   // object: the next token is a key or '}'
	key     string // object: the current key
	val     *shape // object: how the current key's value decodes
	index   int    // list: the position of the current element
	seen    keySet // object: the keys given so far
}

// scan checks the keys of one JSON value against the type it decodes
// into, token by token (encoding/json's Decoder.Token), with the keys of
// each open object in a set: time linear in the input.
type scan struct {
	dec   *json.Decoder
	stack []frame
	steps int // tokens read and keys compared, for the test of linearity
}

// newScan returns a scan of the JSON value in b.
func newScan(b []byte) *scan {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber() // numbers stay text: no conversion of a long one
	return &scan{dec: dec}
}

// checkKeys returns the first key of the JSON value in b that a value of
// type t refuses, as a *KeyError, or nil. JSON it cannot read is left to
// the decoder to report.
func checkKeys(b []byte, t reflect.Type) error {
	if t == nil {
		return nil
	}
	err := newScan(b).check(t)
	if _, ok := err.(*KeyError); ok {
		return err
	}
	return nil
}

// check reads the first JSON value and returns the first key refused, or
// the decoder's error.
func (s *scan) check(t reflect.Type) error {
	root := shapeOf(t)
	for {
		tok, err := s.dec.Token()
		if err != nil {
			return err
		}
		s.steps++
		if err := s.token(tok, root); err != nil {
			return err
		}
		if len(s.stack) == 0 {
			return nil
		}
	}
}

// token takes the next token of the value whose shape is root.
func (s *scan) token(tok json.Token, root *shape) error {
	n := len(s.stack)
	if n > 0 && s.stack[n-1].wantKey {
		f := &s.stack[n-1]
		if tok == json.Delim('}') {
			s.pop()
			return nil
		}
		key, _ := tok.(string)
		val, err := s.keyed(f, key)
		if err != nil {
			return err
		}
		f.key, f.val, f.wantKey = key, val, false
		return nil
	}
	if tok == json.Delim(']') {
		s.pop()
		return nil
	}
	sh := root
	if n > 0 {
		sh = s.stack[n-1].child()
	}
	switch tok {
	case json.Delim('{'):
		s.stack = append(s.stack, frame{sh: sh.objectShape(), object: true, wantKey: true})
	case json.Delim('['):
		s.stack = append(s.stack, frame{sh: sh.listShape()})
	default:
		s.done()
	}
	return nil
}

// pop closes the innermost object or list.
func (s *scan) pop() {
	s.stack = s.stack[:len(s.stack)-1]
	s.done()
}

// done records that a value ended in the innermost object or list.
func (s *scan) done() {
	if n := len(s.stack); n > 0 {
		f := &s.stack[n-1]
		if f.object {
			f.wantKey = true
		} else {
			f.index++
		}
	}
}

// child returns the shape of the value that begins in f.
func (f *frame) child() *shape {
	if f.object {
		return f.val
	}
	return f.sh.elemShape()
}

// keyed checks key, the next key of object f, and returns the shape of
// its value.
func (s *scan) keyed(f *frame, key string) (*shape, error) {
	id, val := key, (*shape)(nil)
	switch f.sh.kind {
	case structKind:
		t, ok := f.sh.fields[key]
		if !ok {
			return nil, s.fieldError(f.sh, key)
		}
		val = shapeOf(t)
	case mapKind:
		if f.sh.norm != nil {
			id = f.sh.norm(key)
		}
		val = f.sh.elemShape()
	default: // anyKind
		val = f.sh
	}
	if first, dup := f.seen.add(id, key, &s.steps); dup {
		return nil, &KeyError{Path: s.path(), Key: key, problem: repeated, other: first}
	}
	return val, nil
}

// fieldError is the error of key, which struct shape sh does not have.
func (s *scan) fieldError(sh *shape, key string) error {
	for name := range sh.fields {
		if strings.EqualFold(name, key) {
			return &KeyError{Path: s.path(), Key: key, problem: wrongCase, other: name}
		}
	}
	return &KeyError{Path: s.path(), Key: key, problem: unknownKey}
}

// maxPath bounds the bytes of a KeyError's path.
const maxPath = 160

// path returns the JSON path of the innermost object: the keys (cut
// short) and positions of the objects and lists around it.
func (s *scan) path() string {
	var b strings.Builder
	for _, f := range s.stack[:len(s.stack)-1] {
		switch {
		case !f.object:
			b.WriteString("[" + strconv.Itoa(f.index) + "]")
		case b.Len() == 0:
			b.WriteString(text.Shorten(f.key))
		default:
			b.WriteString("." + text.Shorten(f.key))
		}
		if b.Len() > maxPath {
			return strings.ToValidUTF8(b.String()[:maxPath], "") + "…"
		}
	}
	return b.String()
}

// fewKeys is how many keys of an object a keySet compares one by one
// before it keeps a map.
const fewKeys = 8

// keySet holds the keys of one object, each as it decodes (id) and as
// given.
type keySet struct {
	few  []keyEntry
	many map[string]string
}

type keyEntry struct{ id, key string }

// add adds key, which decodes to id; when the set has id already, it
// returns the key given first and true. It counts its comparisons in
// steps.
func (ks *keySet) add(id, key string, steps *int) (string, bool) {
	if ks.many == nil {
		for _, e := range ks.few {
			*steps++
			if e.id == id {
				return e.key, true
			}
		}
		if len(ks.few) < fewKeys {
			ks.few = append(ks.few, keyEntry{id, key})
			return "", false
		}
		ks.many = make(map[string]string, 2*fewKeys)
		for _, e := range ks.few {
			ks.many[e.id] = e.key
		}
		ks.few = nil
	}
	*steps++
	if first, ok := ks.many[id]; ok {
		return first, true
	}
	ks.many[id] = key
	return "", false
}
