package library

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/internal/strictjson"
	"github.com/kashidashi/kashidashi/internal/text"
)

// pkg prefixes every error string and reason of this package.
const pkg = "library"

// ErrInvalidConfig is wrapped by every error of Load and New about a
// configuration that cannot be used: a *Problems listing what is wrong.
var ErrInvalidConfig = errors.New(pkg + ": invalid configuration")

// ErrUnknownSite is the error of the methods that look a place up by ID
// or name (Site, Calendar, ClosedDays, Month, Closing) when the
// configuration has no such place.
var ErrUnknownSite = errors.New(pkg + ": no such place")

// Problem is one thing wrong with a configuration: Path locates it in the
// JSON document ("places[3].rules.closed_nth_weekdays[0].nth") and
// Message says what is wrong ("6 is not 1–5").
type Problem struct {
	Path, Message string
}

// String returns "path: message".
func (p Problem) String() string {
	if p.Path == "" {
		return p.Message
	}
	return p.Path + ": " + p.Message
}

// Problems is every problem found in a configuration: those of form
// (unknown keys, wrong types, misspelt names), then those of sense (a
// missing Prefectural Library, a duplicate ID, a value out of range),
// each in document order. As an error it wraps ErrInvalidConfig;
// errors.As finds the list.
type Problems []Problem

// maxListed bounds the problems Error spells out, so that the message of
// a document with thousands of mistakes stays readable.
const maxListed = 20

// Error lists the problems: "library: invalid configuration: path:
// message; ...", the first 20 and a count of the rest.
func (ps Problems) Error() string {
	var b strings.Builder
	b.WriteString(ErrInvalidConfig.Error())
	for i, p := range ps {
		if i == maxListed {
			fmt.Fprintf(&b, "; and %d more", len(ps)-maxListed)
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

// Unwrap returns ErrInvalidConfig.
func (ps Problems) Unwrap() error { return ErrInvalidConfig }

// problems gathers the problems of one document.
type problems struct{ list Problems }

func (ps *problems) add(path, format string, args ...any) {
	ps.list = append(ps.list, Problem{path, fmt.Sprintf(format, args...)})
}

// rules adds the problems of calendar Rules decoded at path, their own
// paths prefixed with it.
func (ps *problems) rules(path string, err error) {
	var cps calendar.Problems
	if errors.As(err, &cps) {
		for _, p := range cps {
			ps.list = append(ps.list, Problem{join(path, p.Path), p.Message})
		}
		return
	}
	ps.json(path, err)
}

// json adds the problem of a value at path that could not be decoded: an
// unknown key, a value of the wrong type, malformed JSON.
func (ps *problems) json(path string, err error) {
	var se *strictjson.Error
	for errors.As(err, &se) && se.Err != nil {
		err = se.Err
		se = nil
	}
	var te *json.UnmarshalTypeError
	var syn *json.SyntaxError
	msg := err.Error()
	switch {
	case errors.As(err, &te):
		if te.Field != "" {
			path = join(path, te.Field)
		}
		msg = fmt.Sprintf("a JSON %s where %s is wanted", te.Value, typeName(te.Type.Kind().String()))
	case errors.As(err, &syn):
		msg = fmt.Sprintf("not valid JSON at byte %d: %s", syn.Offset, strings.TrimPrefix(syn.Error(), "json: "))
	case strings.HasPrefix(msg, "json: unknown field "):
		msg = "unknown key " + strings.TrimPrefix(msg, "json: unknown field ")
	case errors.Is(err, strictjson.ErrTrailingData):
		msg = "text after the JSON value"
	default:
		msg = strings.TrimPrefix(msg, "json: ")
	}
	ps.list = append(ps.list, Problem{path, msg})
}

// typeName names a Go kind the way a JSON document's author reads it.
func typeName(kind string) string {
	switch {
	case kind == "string":
		return "a string"
	case kind == "bool":
		return "true or false"
	case strings.HasPrefix(kind, "int"), strings.HasPrefix(kind, "uint"), strings.HasPrefix(kind, "float"):
		return "a number"
	case kind == "slice", kind == "array":
		return "a list"
	}
	return "an object"
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
