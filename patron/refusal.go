package patron

import (
	"errors"
	"strconv"

	"github.com/kashidashi/kashidashi/reason"
)

// refusal collects the reasons an input is refused in a reason.List, so
// that pasting a page of text into a field does not produce a page of
// errors: at most reason.MaxPerCode reasons of one code are listed and
// the rest are counted in a *reason.Omitted. The input is refused all
// the same. Its zero value is empty and allocates nothing until the
// first reason is added, so that parsing a good value does not allocate.
type refusal struct {
	list reason.List
	// tallies counts the detailed reasons by reason, so that a reason
	// past the cap costs one short scan and no detail (see detail).
	tallies []tally
}

// tally counts the reasons of r that detail was asked for; extra of them
// were past the cap and not yet handed to the list.
type tally struct {
	r        *reason.Reason
	n, extra int
}

// add appends r.
func (rs *refusal) add(r reason.Coded) { rs.list.Add(r) }

// detail adds r detailed by the details detail builds, unless more than
// reason.MaxPerCode+1 of r were detailed already: the list would not
// show such a detail (it shows the first MaxPerCode and the first left
// out), so r is only counted, and handed to the list by refuse.
func (rs *refusal) detail(r *reason.Reason, detail func() (en, ja string)) {
	i := 0
	for i < len(rs.tallies) && rs.tallies[i].r != r {
		i++
	}
	if i == len(rs.tallies) {
		rs.tallies = append(rs.tallies, tally{r: r})
	}
	t := &rs.tallies[i]
	if t.n++; t.n > reason.MaxPerCode+1 {
		t.extra++
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
func (rs *refusal) refuse(what string) error {
	for i, t := range rs.tallies {
		if t.extra > 0 {
			rs.add(&reason.Omitted{First: t.r, N: t.extra})
			rs.tallies[i].extra = 0
		}
	}
	return rs.list.Refuse(pkg, what)
}
