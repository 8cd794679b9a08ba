package shipping

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/kashidashi/kashidashi/internal/strictjson"
	"github.com/kashidashi/kashidashi/reason"
)

// decodeError is the error of JSON that does not decode: a
// reason.Problems of one problem, matching reason.ErrBadInput, which also
// unwraps to the decoder's own error (a *strictjson.Error).
type decodeError struct {
	reason.Problems
	err error
}

// Unwrap returns the problem and the decoder's error.
func (e decodeError) Unwrap() []error { return []error{e.Problems, e.err} }

// decode decodes the JSON object b into v strictly (internal/strictjson).
// Its error is a decodeError whose problem is at the path of the value
// json could not read, when json says (for a refused key, the object that
// holds it), and names what is wrong without reading any error's text.
func decode(what string, b []byte, v any) error {
	err := strictjson.Decode(pkg, what, b, v)
	if err == nil {
		return nil
	}
	cause := err
	for {
		var se *strictjson.Error
		if !errors.As(cause, &se) || se.Err == nil {
			break
		}
		cause = se.Err
	}
	var p reason.Problem
	var te *json.UnmarshalTypeError
	var syn *json.SyntaxError
	var ke *strictjson.KeyError
	switch {
	case errors.As(cause, &ke):
		p.Path, p.Message = strictjson.Describe(ke)
	case errors.As(cause, &te):
		p = reason.Problem{Path: te.Field, Message: fmt.Sprintf("a JSON %s where %s is wanted", te.Value, jsonKind(te.Type))}
	case errors.As(cause, &syn):
		p.Message = fmt.Sprintf("not valid JSON (at byte %d)", syn.Offset)
	case errors.Is(cause, strictjson.ErrTrailingData):
		p.Message = "text after the JSON value"
	default:
		// json's own message, or the error of a value's decoder (a
		// Service, a decimal), which names no field of ours.
		var ps reason.Problems
		if errors.As(cause, &ps) {
			return decodeError{Problems: ps, err: err}
		}
		p.Message = bounded(cause.Error())
	}
	return decodeError{Problems: reason.Problems{p}, err: err}
}

// jsonKind names the JSON value a Go type reads, for a message.
func jsonKind(t reflect.Type) string {
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

// maxMessage bounds the message of a problem quoting the decoder's:
// encoding/json quotes an unknown key whole, however long.
const maxMessage = 160

// bounded returns s cut to maxMessage bytes, on a character boundary,
// followed by "…" when it is longer.
func bounded(s string) string {
	if len(s) <= maxMessage {
		return s
	}
	return strings.ToValidUTF8(s[:maxMessage], "") + "…"
}
