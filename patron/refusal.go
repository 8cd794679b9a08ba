package patron

import (
	"errors"
	"strconv"

	"github.com/kashidashi/kashidashi/reason"
)

// maxPositions bounds how many positions of the same reason one refusal
// lists, so that pasting a page of text into a field does not produce a
// page of errors. The input is refused all the same.
const maxPositions = 16

// refusal collects the reasons an input is refused. Its zero value is
// empty and allocates nothing until the first reason is added, so that
// parsing a good value does not allocate.
type refusal struct {
	list []reason.Coded
}

// add appends r.
func (rs *refusal) add(r reason.Coded) { rs.list = append(rs.list, r) }

// at appends r detailed with the 1-based character position pos, unless
// maxPositions positions of r are listed already.
func (rs *refusal) at(r *reason.Reason, pos int) {
	n := 0
	for _, c := range rs.list {
		if d, ok := c.(*reason.Detailed); ok && d.Reason == r {
			n++
		}
	}
	if n < maxPositions {
		p := strconv.Itoa(pos)
		rs.add(r.Detail("at position "+p, p+"文字目"))
	}
}

// addAll appends every reason of err, a refusal from a parser of this
// package; nil adds nothing.
func (rs *refusal) addAll(err error) {
	var r *reason.Refusal
	if errors.As(err, &r) {
		rs.list = append(rs.list, r.Reasons...)
	}
}

// count appends r detailed with a count of characters.
func (rs *refusal) count(r *reason.Reason, n int) {
	c := strconv.Itoa(n)
	rs.add(r.Detail(c+" characters typed", c+"文字入力されています"))
}

// refuse returns the refusal of what, or nil when no reason was added.
func (rs *refusal) refuse(what string) error {
	return reason.Refuse(pkg, what, rs.list)
}
