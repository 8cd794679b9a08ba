package library

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"

	"github.com/kashidashi/kashidashi/internal/strictjson"
)

// decodeObject decodes the JSON object raw at path into v, a pointer to
// one of the document's structs, whose fields are plain values or
// json.RawMessage that their own decoders read next. Its keys are exact:
// each key v does not have, or has in another case, and each key given
// twice is a problem at path, and the other keys are decoded all the
// same (the first of a repeated key), so that their problems, and the
// problems of sense, are reported with them. A value of the wrong type is
// a problem at its field, the others being decoded. What is not one JSON
// object is strictjson's to describe (null leaves v as it is). It reports
// whether v was decoded; on false v keeps the value it had.
//
// The object's own keys are checked here rather than by strictjson.Decode,
// which checks every depth at once and would stop at the first problem
// inside a nested value: each nested value is checked by its own decoder,
// with its own path.
func decodeObject(path, what string, raw []byte, v any, ps *problems) bool {
	members, ok := objectMembers(raw)
	if !ok {
		if err := strictjson.Decode(pkg, what, raw, v); err != nil {
			ps.json(path, err)
			return false
		}
		return true
	}
	dst := reflect.ValueOf(v).Elem()
	saved := reflect.New(dst.Type()).Elem()
	saved.Set(dst)
	dec := json.NewDecoder(bytes.NewReader(knownMembers(path, members, jsonKeys(dst.Type()), ps)))
	dec.DisallowUnknownFields() // none is left: a safeguard
	err := dec.Decode(v)
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te):
		ps.json(path, err) // encoding/json decodes the other fields all the same
	case err != nil:
		dst.Set(saved)
		ps.json(path, err)
		return false
	}
	return true
}

// knownMembers returns the object of the members whose keys are known,
// each once, noting a problem at path for each member it leaves out.
func knownMembers(path string, members []member, known map[string]bool, ps *problems) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	seen := make(map[string]bool, len(members))
	for _, m := range members {
		switch {
		case seen[m.key]:
			ps.keyProblem(path, "duplicate key %s", quote(m.key))
		case !known[m.key]:
			if k, ok := foldKey(known, m.key); ok {
				ps.keyProblem(path, "key %s is not %s: keys are case-sensitive", quote(m.key), quote(k))
			} else {
				ps.keyProblem(path, "unknown key %s", quote(m.key))
			}
		default:
			seen[m.key] = true
			if b.Len() > 1 {
				b.WriteByte(',')
			}
			k, _ := json.Marshal(m.key)
			b.Write(k)
			b.WriteByte(':')
			b.Write(m.value)
		}
	}
	b.WriteByte('}')
	return b.Bytes()
}

// foldKey returns the known key that key spells in another case.
func foldKey(known map[string]bool, key string) (string, bool) {
	for k := range known {
		if strings.EqualFold(k, key) {
			return k, true
		}
	}
	return "", false
}

// member is one key and its raw value, in the order of the object.
type member struct {
	key   string
	value json.RawMessage
}

// objectMembers lists the members of the JSON object raw, duplicates
// included, in one pass; ok is false when raw is not one well-formed
// object.
func objectMembers(raw []byte) (out []member, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	for dec.More() {
		tok, err := dec.Token()
		key, isKey := tok.(string)
		if err != nil || !isKey {
			return nil, false
		}
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return nil, false
		}
		out = append(out, member{key, value})
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('}') {
		return nil, false
	}
	if _, err := dec.Token(); err == nil {
		return nil, false // text after the object: strictjson's problem
	}
	return out, true
}

// jsonKeys returns the exact JSON keys of struct type t.
func jsonKeys(t reflect.Type) map[string]bool {
	keys := make(map[string]bool, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-" || !f.IsExported():
		case name == "":
			keys[f.Name] = true
		default:
			keys[name] = true
		}
	}
	return keys
}
