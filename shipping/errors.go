package shipping

import (
	"errors"
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
	// The problems of a value's own decoder (a Service, a decimal), or
	// strictjson's words for what json could not read.
	var ps reason.Problems
	if errors.As(err, &ps) {
		return decodeError{Problems: ps, err: err}
	}
	field, msg := strictjson.Describe(err)
	return decodeError{Problems: reason.Problems{{Path: field, Message: bounded(msg)}}, err: err}
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
