package reason

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kashidashi/kashidashi/internal/strictjson"
)

// ErrBadInput is the one sentinel for input that cannot be right, in
// every package of the module: a record that fails its Validate, a
// policy, a calendar's rules or a configuration that does not hold
// together, a missing field, a value out of range. errors.Is matches it
// on every such error; errors.As finds the Problems, each naming its
// field. It is a fault in the caller's data, never a refusal to show a
// patron: refusals are *Refusal.
var ErrBadInput = strictjson.ErrBadInput

// Problem is one thing wrong with an input: Path locates the field in
// the input's JSON form ("loan.due", "places[3].rules.closed_weekdays"),
// so that a document embedding the input can prefix its own path, and
// Message says what is wrong ("before the loan day").
type Problem struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// String returns "path: message", or the message alone when the path
// is empty.
func (p Problem) String() string {
	if p.Path == "" {
		return p.Message
	}
	return p.Path + ": " + p.Message
}

// Problems is every problem found in an input, in the order of its JSON
// form: the error of every validation and of every bad input in the
// module. It matches ErrBadInput with errors.Is, and errors.As finds the
// list. An empty Problems is not an error: use Err.
type Problems []Problem

// maxListed bounds the problems Error spells out, so that the message of
// an input with thousands of mistakes stays short; errors.As still finds
// every one.
const maxListed = 16

// Error lists the problems, "bad input: loan.due: before the loan day;
// …", the first 16 and a count of the rest.
func (ps Problems) Error() string {
	var b strings.Builder
	b.WriteString(ErrBadInput.Error())
	for i, p := range ps {
		if i == maxListed {
			b.WriteString("; and " + strconv.Itoa(len(ps)-maxListed) + " more")
			break
		}
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns ErrBadInput.
func (ps Problems) Unwrap() error { return ErrBadInput }

// Err returns ps as an error, or nil when ps is empty: the last line of
// a validation.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// Add appends the problem at path, its message formatted as by
// fmt.Sprintf.
func (ps *Problems) Add(path, format string, args ...any) {
	*ps = append(*ps, Problem{Path: path, Message: fmt.Sprintf(format, args...)})
}

// Prefix returns ps with prefix joined before each path, for an input
// that embeds another: Prefix("places[3].rules") turns "closed_weekdays"
// into "places[3].rules.closed_weekdays" and "[0]" into
// "places[3].rules[0]".
func (ps Problems) Prefix(prefix string) Problems {
	out := make(Problems, len(ps))
	for i, p := range ps {
		out[i] = Problem{Path: joinPath(prefix, p.Path), Message: p.Message}
	}
	return out
}

// joinPath joins two parts of a JSON path: "loan" and "due" give
// "loan.due", "items" and "[2]" give "items[2]", and either part empty
// gives the other.
func joinPath(outer, inner string) string {
	switch {
	case outer == "":
		return inner
	case inner == "":
		return outer
	case inner[0] == '[':
		return outer + inner
	}
	return outer + "." + inner
}

// BadInput returns the error for one problem at path, its message
// formatted as by fmt.Sprintf: Problems of one Problem, matching
// ErrBadInput.
func BadInput(path, format string, args ...any) error {
	return Problems{{Path: path, Message: fmt.Sprintf(format, args...)}}
}
