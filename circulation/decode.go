package circulation

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// decodeStrict decodes the one JSON value b into v, refusing unknown keys
// and trailing data. what names the type for the error ("policy",
// "loan"), so that a nested error reads "circulation: loan: place: json:
// unknown field "x"".
func decodeStrict(what string, b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if _, tok := dec.Token(); tok != io.EOF {
			err = errors.New("trailing data after the JSON value")
		}
	}
	if err != nil {
		return &decodeError{what: what, err: err}
	}
	return nil
}

// decodeError is an error of decoding JSON into a type of this package.
type decodeError struct {
	what string
	err  error
}

// Error names the type, then the cause, with one package prefix.
func (e *decodeError) Error() string {
	return pkg + ": " + e.what + ": " + strings.TrimPrefix(e.err.Error(), pkg+": ")
}

// Unwrap returns the cause, so that errors.Is finds sentinels such as
// ErrUnknownStatus through it.
func (e *decodeError) Unwrap() error { return e.err }
