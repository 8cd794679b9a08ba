package strictjson

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// shapeKind is how encoding/json decodes an object or list into a type.
type shapeKind uint8

const (
	opaqueKind shapeKind = iota // a decoder of its own, or a scalar: keys checked only for repeats
	structKind                  // keys are the struct's fields
	mapKind                     // keys are the map's
	listKind                    // a slice or array
	anyKind                     // an empty interface: objects become maps
)

// shape is what the key check needs of a type.
type shape struct {
	kind   shapeKind
	fields map[string]reflect.Type // struct: the exact keys and their types
	elem   reflect.Type            // map, list: the type of the values
	norm   func(string) string     // map: the key as it decodes; nil: as given
}

var (
	opaque           = &shape{kind: opaqueKind}
	anything         = &shape{kind: anyKind}
	shapes           sync.Map // reflect.Type → *shape
	unmarshalerType  = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerT = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// objectShape returns the shape a JSON object is checked under when it
// decodes under sh: sh itself for a struct, a map or an empty interface;
// otherwise (a type with a decoder of its own, which checks the keys it
// knows, or a type that does not decode from an object, which the
// decoder reports) anything, so that a key repeated anywhere is found
// here, at its full path.
func (sh *shape) objectShape() *shape {
	if sh.kind == structKind || sh.kind == mapKind {
		return sh
	}
	return anything
}

// listShape returns the shape a JSON list is checked under when it
// decodes under sh: sh for a slice or array, else anything.
func (sh *shape) listShape() *shape {
	if sh.kind == listKind {
		return sh
	}
	return anything
}

// elemShape returns the shape of the values of a map or list shape, and
// anything for any other.
func (sh *shape) elemShape() *shape {
	if sh.elem != nil {
		return shapeOf(sh.elem)
	}
	return anything
}

// shapeOf returns the shape of t, computed once.
func shapeOf(t reflect.Type) *shape {
	if sh, ok := shapes.Load(t); ok {
		return sh.(*shape)
	}
	sh, _ := shapes.LoadOrStore(t, computeShape(t))
	return sh.(*shape)
}

// decodesItself reports whether encoding/json hands a value of type t to
// a decoder of t's own.
func decodesItself(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return t.Implements(unmarshalerType) || p.Implements(unmarshalerType) ||
		t.Implements(textUnmarshalerT) || p.Implements(textUnmarshalerT)
}

// computeShape returns the shape of t, following pointers as
// encoding/json does.
func computeShape(t reflect.Type) *shape {
	for {
		if decodesItself(t) {
			return opaque
		}
		if t.Kind() != reflect.Pointer {
			break
		}
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		return &shape{kind: structKind, fields: fieldsOf(t)}
	case reflect.Map:
		return &shape{kind: mapKind, elem: t.Elem(), norm: keyNormalizer(t.Key())}
	case reflect.Slice, reflect.Array:
		return &shape{kind: listKind, elem: t.Elem()}
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return anything
		}
	}
	return opaque
}

// keyNormalizer returns the function that gives a key of a map with keys
// of type kt as the key it decodes to, so that two keys that decode
// alike ("ja" and "JA" for a language, "1" and "01") are seen as one;
// nil when keys decode as given. A key that does not decode is kept
// apart: the decoder reports it.
func keyNormalizer(kt reflect.Type) func(string) string {
	if reflect.PointerTo(kt).Implements(textUnmarshalerT) {
		return func(key string) string {
			v := reflect.New(kt)
			if err := v.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(key)); err != nil {
				return "\x00" + key
			}
			return valueID(v.Elem())
		}
	}
	switch kt.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(key string) string {
			if n, err := strconv.ParseInt(key, 10, 64); err == nil {
				return strconv.FormatInt(n, 10)
			}
			return "\x00" + key
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(key string) string {
			if n, err := strconv.ParseUint(key, 10, 64); err == nil {
				return strconv.FormatUint(n, 10)
			}
			return "\x00" + key
		}
	}
	return nil
}

// valueID returns text that is the same for equal map keys v.
func valueID(v reflect.Value) string {
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(v.Uint(), 10)
	}
	return fmt.Sprintf("%#v", v.Interface())
}

// candidate is a field that may answer to a key: its type, how deep in
// embedded structs it is, and whether its tag names it.
type candidate struct {
	typ    reflect.Type
	depth  int
	tagged bool
}

// fieldsOf returns the keys of struct type t and the types of their
// values, as encoding/json matches them exactly: fields of embedded
// structs are promoted, and of fields of the same name the shallowest
// wins, or the tagged one of several as shallow; with none, no field has
// the name.
func fieldsOf(t reflect.Type) map[string]reflect.Type {
	byName := map[string][]candidate{}
	visited := map[reflect.Type]bool{}
	level := []reflect.Type{t}
	for depth := 0; len(level) > 0; depth++ {
		var next []reflect.Type
		for _, st := range level {
			if !visited[st] {
				next = append(next, structFields(st, depth, byName)...)
			}
		}
		for _, st := range level {
			visited[st] = true
		}
		level = next
	}
	fields := make(map[string]reflect.Type, len(byName))
	for name, cs := range byName {
		if c, ok := dominant(cs); ok {
			fields[name] = c.typ
		}
	}
	return fields
}

// structFields adds the fields of st, at depth, to byName and returns the
// embedded structs whose fields are promoted.
func structFields(st reflect.Type, depth int, byName map[string][]candidate) []reflect.Type {
	var embedded []reflect.Type
	for i := range st.NumField() {
		sf := st.Field(i)
		if !visible(sf) {
			continue
		}
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if !validTag(name) {
			name = ""
		}
		ft := sf.Type
		if ft.Name() == "" && ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if name == "" && sf.Anonymous && ft.Kind() == reflect.Struct {
			embedded = append(embedded, ft)
			continue
		}
		tagged := name != ""
		if !tagged {
			name = sf.Name
		}
		byName[name] = append(byName[name], candidate{sf.Type, depth, tagged})
	}
	return embedded
}

// visible reports whether encoding/json decodes into field sf: an
// exported field, or an embedded struct.
func visible(sf reflect.StructField) bool {
	if !sf.Anonymous {
		return sf.IsExported()
	}
	t := sf.Type
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return sf.IsExported() || t.Kind() == reflect.Struct
}

// dominant returns the field of cs that answers to their name: the
// shallowest, or the one tagged among several as shallow.
func dominant(cs []candidate) (candidate, bool) {
	top := cs[0].depth
	for _, c := range cs {
		top = min(top, c.depth)
	}
	var win candidate
	n, tagged := 0, 0
	for _, c := range cs {
		if c.depth != top {
			continue
		}
		n++
		if c.tagged {
			tagged++
			win = c
		} else if n == 1 {
			win = c
		}
	}
	switch {
	case n == 1:
		return win, true
	case tagged == 1:
		return win, true
	}
	return candidate{}, false
}

// validTag reports whether encoding/json takes name from a tag as a key.
func validTag(name string) bool {
	if name == "" {
		return false
	}
	for _, c := range name {
		if !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c) && !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			return false
		}
	}
	return true
}
