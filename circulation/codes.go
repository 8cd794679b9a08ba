package circulation

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/kashidashi/kashidashi/internal/strictjson"
	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// Codes is a set of reason codes, such as the codes staff may override
// (Policy.Overridable) or the codes one Override lets go. It is a small
// comparable value — two sets are equal with == when they hold the same
// codes — so that the policies and audit records holding one stay
// comparable. It encodes to JSON as a sorted array of codes,
// ["extension.overdue","extension.reserved"]; decoding refuses anything
// but an array of dotted lower-case codes, at most 32 of them. The zero
// Codes is the empty set.
type Codes struct {
	joined string // the sorted distinct codes, joined by ","
}

// Limits of a Codes set: the module has fewer reasons than that.
const (
	maxCodes   = 32
	maxCodeLen = 64
)

// CodesOf returns the set of the codes of rs, typically sentinels:
// CodesOf(ErrReserved, ErrOverdue).
func CodesOf(rs ...reason.Coded) Codes {
	codes := make([]string, len(rs))
	for i, r := range rs {
		codes[i] = r.Code()
	}
	return codesFrom(codes)
}

// codesFrom returns the set of codes, which must be well-formed.
func codesFrom(codes []string) Codes {
	codes = slices.Clone(codes)
	slices.Sort(codes)
	return Codes{strings.Join(slices.Compact(codes), ",")}
}

// Has reports whether code is in c. It does not allocate.
func (c Codes) Has(code string) bool {
	for rest := c.joined; rest != ""; {
		var one string
		one, rest, _ = strings.Cut(rest, ",")
		if one == code {
			return true
		}
	}
	return false
}

// List returns the codes of c in sorted order; nil for the empty set.
func (c Codes) List() []string {
	if c.joined == "" {
		return nil
	}
	return strings.Split(c.joined, ",")
}

// Len returns the number of codes in c.
func (c Codes) Len() int {
	if c.joined == "" {
		return 0
	}
	return strings.Count(c.joined, ",") + 1
}

// Union returns the codes in c or d: a host deciding with the soft codes
// of two packages (holds and circulation) asks both.
func (c Codes) Union(d Codes) Codes {
	switch {
	case d.joined == "":
		return c
	case c.joined == "":
		return d
	}
	return codesFrom(append(c.List(), d.List()...))
}

// Check returns the codes of c that are not the code of a reason in one
// of the catalogues (the Reasons() of packages), as reason.Problems
// (matching reason.ErrBadInput) whose paths are their indexes in c's JSON
// array, "[2]", for the caller to prefix with the field holding c
// (Problems.Prefix); nil when every code is known: a policy or an
// override must not name a code that means nothing.
func (c Codes) Check(catalogues ...[]*reason.Reason) error {
	return c.unknown(catalogues).Err()
}

// unknown is Check's list of problems; nil when there are none.
func (c Codes) unknown(catalogues [][]*reason.Reason) reason.Problems {
	var ps reason.Problems
	for i, code := range c.List() {
		if !inCatalogue(code, catalogues) {
			ps.Add(index(i), "unknown reason code %s", text.Quote(code))
		}
	}
	return ps
}

// index returns the JSON path of element i of an array, "[2]".
func index(i int) string { return "[" + strconv.Itoa(i) + "]" }

// inCatalogue reports whether code is the code of a reason in one of
// the catalogues.
func inCatalogue(code string, catalogues [][]*reason.Reason) bool {
	for _, cat := range catalogues {
		for _, r := range cat {
			if r.Code() == code {
				return true
			}
		}
	}
	return false
}

// MarshalJSON encodes c as a sorted array of codes, [] when empty.
func (c Codes) MarshalJSON() ([]byte, error) {
	list := c.List()
	if list == nil {
		list = []string{}
	}
	return json.Marshal(list)
}

// UnmarshalJSON decodes an array of codes, refusing anything else: null,
// a code that is not dotted lower-case words of at most 64 bytes, more
// than 32 codes; the error is reason.Problems whose paths are relative
// to the array ("[3]"). A code given twice counts once. On error c is
// unchanged.
func (c *Codes) UnmarshalJSON(b []byte) error {
	var codes []string
	if err := strictjson.Decode(pkg, "codes", b, &codes); err != nil {
		return err
	}
	switch {
	case codes == nil:
		return reason.BadInput("", "not an array of reason codes")
	case len(codes) > maxCodes:
		return reason.BadInput("", "%d codes, at most %d", len(codes), maxCodes)
	}
	var ps reason.Problems
	for i, code := range codes {
		if !wellFormed(code) {
			ps.Add(index(i), "not a reason code: %s", text.Quote(code))
		}
	}
	if err := ps.Err(); err != nil {
		return err
	}
	*c = codesFrom(codes)
	return nil
}

// wellFormed reports whether code is dotted lower-case words of at most
// maxCodeLen bytes, as every reason code of the module is.
func wellFormed(code string) bool {
	if code == "" || len(code) > maxCodeLen {
		return false
	}
	for _, word := range strings.Split(code, ".") {
		if word == "" {
			return false
		}
		for i := 0; i < len(word); i++ {
			if c := word[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_') {
				return false
			}
		}
	}
	return true
}
