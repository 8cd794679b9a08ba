package library

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kashidashi/kashidashi/internal/strictjson"
	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// pkg prefixes every error string and reason of this package.
const pkg = "library"

// ErrUnknownSite is the error of the methods that look a place up by ID
// or name (Site, Calendar, ClosedDays, Month, Closing) when the
// configuration has no such place. It is bad input: it matches
// reason.ErrBadInput too.
var ErrUnknownSite = fmt.Errorf("%w: %s: no such place", reason.ErrBadInput, pkg)

// problems gathers the problems of one document. read marks, by index in
// list, the problems whose value was read all the same (an unknown key
// beside known ones): they hide none of the checks of sense (keepReadable).
type problems struct {
	list reason.Problems
	read map[int]bool
}

func (ps *problems) add(path, format string, args ...any) { ps.list.Add(path, format, args...) }

// nested adds the problems of a value at path that its own package found
// (calendar rules, a circulation or hold policy, rate tables), their
// paths prefixed with path; an error that lists none is a problem at
// path.
func (ps *problems) nested(path string, err error) {
	var inner reason.Problems
	if errors.As(err, &inner) {
		ps.list = append(ps.list, inner.Prefix(path)...)
		return
	}
	ps.json(path, err)
}

// json adds the problem of a value at path that could not be decoded: an
// unknown key, a value of the wrong type, malformed JSON.
func (ps *problems) json(path string, err error) {
	field, msg := strictjson.Describe(err)
	ps.list.Add(join(path, field), "%s", msg)
}

// keyProblem adds the problem of a key of the object at path (unknown,
// in the wrong case, repeated), whose other keys were read all the same.
func (ps *problems) keyProblem(path, format string, args ...any) {
	if ps.read == nil {
		ps.read = map[int]bool{}
	}
	ps.read[len(ps.list)] = true
	ps.list.Add(path, format, args...)
}

// join joins two parts of a JSON path.
func join(path, sub string) string {
	switch {
	case path == "":
		return sub
	case sub == "":
		return path
	case strings.HasPrefix(sub, "["):
		return path + sub
	}
	return path + "." + sub
}

// quote quotes text from the document in a message, cut to 32 runes.
func quote(s string) string { return text.Quote(s) }
