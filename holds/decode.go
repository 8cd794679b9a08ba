package holds

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// decodeStrict decodes the single JSON value b into v, refusing keys v
// does not have (at every depth, down to types with their own decoder)
// and anything after the value.
func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("holds: unexpected data after the JSON value")
	}
	return nil
}
