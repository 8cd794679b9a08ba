package shipping

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kashidashi/kashidashi/internal/strictjson"
)

// ErrInconsistentInput is wrapped by every error that reports input data
// the package cannot use: limits, packing allowances or rate tables that
// contradict themselves, a class Classifier.Classify never returns, and JSON or text
// that does not decode. Refusals of a parcel (ErrBadMeasure and the other
// reasons) are not input errors: they are answers.
var ErrInconsistentInput = errors.New("shipping: inconsistent input")

// inconsistent returns ErrInconsistentInput with what is wrong.
func inconsistent(what string) error { return fmt.Errorf("%w: %s", ErrInconsistentInput, what) }

// inputError marks an error from elsewhere, such as the strict JSON
// decoder, as inconsistent input; msg is its message, cut short.
type inputError struct {
	msg string
	err error
}

func (e inputError) Error() string   { return e.msg }
func (e inputError) Unwrap() []error { return []error{ErrInconsistentInput, e.err} }

// maxErrorText bounds the message of an inputError: encoding/json quotes
// an unknown key whole, however long.
const maxErrorText = 160

// decode decodes the JSON object b into v strictly (internal/strictjson);
// its error wraps ErrInconsistentInput.
func decode(what string, b []byte, v any) error {
	err := strictjson.Decode(pkg, what, b, v)
	if err == nil {
		return nil
	}
	msg := err.Error()
	if len(msg) > maxErrorText {
		msg = strings.ToValidUTF8(msg[:maxErrorText], "") + "…"
	}
	return inputError{msg: msg, err: err}
}
