// Package strictjson is the module's one strict JSON decoder: every type
// that decodes itself from JSON refuses unknown keys, keys in another
// case than the type's, and keys given twice in one object, at every
// depth, and anything after the value, and names what it was decoding in
// the error.
package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
)

// ErrBadInput is the module's one bad-input sentinel, declared here so
// that every decoding error matches it; package reason exports it as
// reason.ErrBadInput.
var ErrBadInput = errors.New("bad input")

// ErrTrailingData is the cause of a Decode error for text after the JSON
// value.
var ErrTrailingData = errors.New("trailing data after the JSON value")

// Decode decodes the one JSON value in b into v, refusing keys v does not
// have, keys in another case than v's ("Reserved" for "reserved": keys
// are exact, where encoding/json matches them in any case) and keys given
// twice in one object (encoding/json keeps the last), down to types with
// decoders of their own, which decode strictly too, and anything after
// the value. A refused key is a *KeyError, found before v is changed.
// Decode takes time linear in len(b). The error is an *Error naming pkg
// and what ("circulation", "loan").
func Decode(pkg, what string, b []byte, v any) error {
	err := checkKeys(b, reflect.TypeOf(v))
	if err == nil {
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		err = dec.Decode(v)
		if err == nil {
			if _, tok := dec.Token(); tok != io.EOF {
				err = ErrTrailingData
			}
		}
	}
	if err != nil {
		return &Error{Package: pkg, What: what, Err: err}
	}
	return nil
}

// Error is an error decoding JSON into a value of a package. Nested
// errors read as a path: "circulation: loan: place: json: unknown field
// "x"", with one package prefix.
type Error struct {
	Package, What string
	Err           error
}

// Error names the package and the value, then the cause.
func (e *Error) Error() string {
	var inner *Error
	if errors.As(e.Err, &inner) && inner.Package == e.Package {
		return e.Package + ": " + e.What + ": " + inner.path()
	}
	return e.Package + ": " + e.What + ": " + e.Err.Error()
}

// path is the error without its package prefix.
func (e *Error) path() string {
	var inner *Error
	if errors.As(e.Err, &inner) && inner.Package == e.Package {
		return e.What + ": " + inner.path()
	}
	return e.What + ": " + e.Err.Error()
}

// Unwrap returns the cause, so that errors.Is finds the sentinels of the
// packages through it.
func (e *Error) Unwrap() error { return e.Err }

// Is reports that every decoding error is bad input (ErrBadInput).
func (e *Error) Is(target error) bool { return target == ErrBadInput }
