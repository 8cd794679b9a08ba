package holds

import "github.com/kashidashi/kashidashi/internal/strictjson"

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
