package patron

// unmarshalTyped sets *dst to what parse makes of text, leaving it
// unchanged on error; empty text sets the zero value, as with netip.Addr,
// so that an absent optional field decodes.
func unmarshalTyped[T any](dst *T, text []byte, parse func(string) (T, error)) error {
	if len(text) == 0 {
		var zero T
		*dst = zero
		return nil
	}
	v, err := parse(string(text))
	if err != nil {
		return err
	}
	*dst = v
	return nil
}
