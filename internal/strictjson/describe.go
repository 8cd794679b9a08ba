package strictjson

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// Describe says what is wrong with JSON that did not decode, for a
// problem a document's author reads: the field of the value at fault,
// when encoding/json names it (relative to what was decoded), and a
// message such as "a JSON string where a number is wanted", "unknown
// key \"colour\"", "duplicate key \"reserved\"", "not valid JSON at
// byte 12" or "text after the JSON value"; for a refused key (*KeyError)
// the field is the object that holds it. It sees through *Error to the
// cause. Only encoding/json's own text is read, for an unknown key it
// reports itself (it has no error type of its own).
func Describe(err error) (field, message string) {
	for {
		var se *Error
		if !errors.As(err, &se) || se.Err == nil {
			break
		}
		err = se.Err
	}
	var te *json.UnmarshalTypeError
	var syn *json.SyntaxError
	var ke *KeyError
	switch {
	case errors.As(err, &ke):
		return ke.Path, ke.message()
	case errors.As(err, &te):
		return te.Field, fmt.Sprintf("a JSON %s where %s is wanted", te.Value, kindName(te.Type))
	case errors.As(err, &syn):
		return "", fmt.Sprintf("not valid JSON at byte %d: %s", syn.Offset, strings.TrimPrefix(syn.Error(), "json: "))
	case errors.Is(err, ErrTrailingData):
		return "", "text after the JSON value"
	}
	msg := err.Error()
	if key, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return "", "unknown key " + key
	}
	return "", strings.TrimPrefix(msg, "json: ")
}

// kindName names the JSON value a Go type reads.
func kindName(t reflect.Type) string {
	if t == nil {
		return "another value"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	}
	return "an object"
}
