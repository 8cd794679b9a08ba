package holds

import (
	"errors"

	"github.com/kashidashi/kashidashi/internal/strictjson"
	"github.com/kashidashi/kashidashi/reason"
)

// decodeValid is the one JSON decoder of the package's types: it decodes
// b strictly (strictjson.Decode) onto start, a value of P, the type
// without its UnmarshalJSON, and stores it in *dst only if validate
// accepts it, so that a host reading its storage gets either a
// consistent value or an error and *dst is left unchanged.
func decodeValid[P any](what string, b []byte, dst *P, start P, validate func(P) error) error {
	v := start
	if err := strictjson.Decode(pkg, what, b, &v); err != nil {
		return err
	}
	if err := validate(v); err != nil {
		return err
	}
	*dst = v
	return nil
}

// under returns the problems of err, the error of validating the value at
// path, under that path: its reason.Problems with the path prefixed, or
// one problem at path saying what err says.
func under(path string, err error) reason.Problems {
	var ps reason.Problems
	if errors.As(err, &ps) {
		return ps.Prefix(path)
	}
	return reason.Problems{{Path: path, Message: err.Error()}}
}
