package patron

import (
	"errors"
	"strconv"

	"github.com/kashidashi/kashidashi/reason"
)

// refusal collects the reasons an input is refused in a reason.List, so
// that pasting a page of text into a field does not produce a page of
// errors: the list shows 16 reasons of one code and counts the rest. The
// input is refused all the same. Its zero value is empty and allocates
// nothing until the first reason is added, so that parsing a good value
// does not allocate.
type refusal struct {
	list reason.List
}

// add appends r.
func (rs *refusal) add(r reason.Coded) { rs.list.Add(r) }

// detail adds r detailed by the details detail builds, or r alone once
// the list would only count it: a megabyte of bad input then costs no
// detail per character.
func (rs *refusal) detail(r *reason.Reason, detail func() (en, ja string)) {
	if rs.list.Full(r.Code()) {
		rs.add(r)
		return
	}
	rs.add(r.Detail(detail()))
}

// at appends r detailed with the 1-based character position pos.
func (rs *refusal) at(r *reason.Reason, pos int) {
	rs.detail(r, func() (string, string) {
		p := strconv.Itoa(pos)
		return "at position " + p, p + "文字目"
	})
}

// addAll appends every reason of err, a refusal from a parser of this
// package; nil adds nothing.
func (rs *refusal) addAll(err error) {
	var r *reason.Refusal
	if errors.As(err, &r) {
		for _, c := range r.Reasons {
			rs.add(c)
		}
	}
}

// count appends r detailed with a count of characters.
func (rs *refusal) count(r *reason.Reason, n int) {
	c := strconv.Itoa(n)
	rs.add(r.Detail(c+" characters typed", c+"文字入力されています"))
}

// refuse returns the refusal of what, or nil when no reason was added.
func (rs *refusal) refuse(what string) error { return rs.list.Refuse(pkg, what) }
