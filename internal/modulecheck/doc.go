// Package modulecheck holds module-wide tests: the dependencies allowed in
// go.mod, and the catalogue of every refusal reason in the module. It has
// no code of its own.
package modulecheck
