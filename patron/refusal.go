package patron

import (
	"errors"

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

// with adds r with the parameters ps, or r alone once the list would
// only count it: a megabyte of bad input then costs no allocation per
// character.
func (rs *refusal) with(r *reason.Reason, ps ...reason.Param) {
	if rs.list.Full(r.Code()) {
		rs.add(r)
		return
	}
	rs.add(r.With(ps...))
}

// at adds r with the 1-based position pos of the offending character, so
// that a form can highlight it.
func (rs *refusal) at(r *reason.Reason, pos int) { rs.with(r, reason.Position(pos)) }

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

// count adds r with the number of characters typed.
func (rs *refusal) count(r *reason.Reason, n int) { rs.with(r, reason.Count(n)) }

// refuse returns the refusal of what, or nil when no reason was added.
func (rs *refusal) refuse(what string) error { return rs.list.Refuse(pkg, what) }
