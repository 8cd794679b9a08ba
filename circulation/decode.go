package circulation

import "github.com/kashidashi/kashidashi/internal/strictjson"

// decodeOver decodes the JSON value b strictly (strictjson.Decode) over
// the fields already set in *dst, and changes *dst only on success. plain
// converts a *T to a pointer to T without its UnmarshalJSON method, so
// that decoding does not recurse.
func decodeOver[T any](what string, b []byte, dst *T, plain func(*T) any) error {
	v := *dst
	if err := strictjson.Decode(pkg, what, b, plain(&v)); err != nil {
		return err
	}
	*dst = v
	return nil
}
