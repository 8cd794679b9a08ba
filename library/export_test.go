package library

import "slices"

// DefaultJSON returns a copy of the embedded default document, for the
// package's tests.
func DefaultJSON() []byte { return slices.Clone(defaultJSON) }

// DefaultConfig returns the default configuration in Go form, for the
// package's tests.
func DefaultConfig() Config { return Default().Config() }
