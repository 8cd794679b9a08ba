package reason

import (
	"errors"
	"strconv"
)

// MaxPerCode is how many reasons of one code a Refusal made by Refuse or
// a List lists one by one. The reasons of that code beyond MaxPerCode
// are merged into one *Omitted that counts them, so that a refusal of
// an input with a hundred thousand bad characters lists at most
// MaxPerCode+1 reasons of each code and its Error string stays short.
const MaxPerCode = 16

// Omitted stands, in a Refusal, for the reasons of one code beyond
// MaxPerCode. It has their code, and errors.Is and errors.As see
// through it to the first of them, so a caller branching on a reason
// finds it whether it was listed or merged.
type Omitted struct {
	// First is the first reason left out.
	First Coded
	// N is how many reasons of First's code were left out, First
	// included: at least 1.
	N int
}

// Code returns the code of the reasons o stands for.
func (o *Omitted) Code() string { return o.First.Code() }

// Message returns how many reasons were left out and the message of the
// first: "3 more not listed, the first: ...".
func (o *Omitted) Message(l Lang) string {
	n := strconv.Itoa(o.N)
	if l == Japanese {
		return "ほか" + n + "件（最初：" + o.First.Message(l) + "）"
	}
	return n + " more not listed, the first: " + o.First.Message(l)
}

// Error returns the English message, prefixed with the name of the
// package that declared the reason when First is or wraps a *Reason.
func (o *Omitted) Error() string {
	var r *Reason
	if errors.As(o.First, &r) {
		return r.pkg + ": " + o.Message(English)
	}
	return o.Message(English)
}

// Unwrap returns the first reason left out.
func (o *Omitted) Unwrap() error { return o.First }

// List collects the reasons of a refusal in the order they are added,
// keeping at most MaxPerCode of each code and counting the rest in an
// *Omitted (see MaxPerCode). Adding a reason takes constant time on
// average and the List's memory is bounded by the number of distinct
// codes, whatever the number of reasons added. The zero List is empty
// and allocates nothing until a reason is added. A List is not safe for
// concurrent use; do not Add to it after Refuse.
type List struct {
	list []Coded
	// counts and omitted are made once the list is long enough that a
	// code could reach MaxPerCode; before that, Count scans list.
	counts  map[string]int
	omitted map[string]*Omitted
}

// Add adds c, or counts it in the *Omitted of its code when MaxPerCode
// reasons of that code are listed already. A nil c is ignored. An
// *Omitted (from another refusal) counts as the N reasons it stands for
// and is merged with the list's own *Omitted of its code; the List
// copies it and never modifies what it is given.
func (l *List) Add(c Coded) {
	if c == nil {
		return
	}
	code, n := c.Code(), 1
	given, isOmitted := c.(*Omitted)
	if isOmitted {
		n = max(given.N, 1)
	}
	if l.counts == nil && len(l.list) >= MaxPerCode-1 {
		l.index()
	}
	if o := l.findOmitted(code); o != nil {
		o.N += n
		if l.counts != nil {
			l.counts[code] += n
		}
		return
	}
	var o *Omitted
	switch k := l.Count(code); {
	case isOmitted:
		o = &Omitted{First: given.First, N: n}
	case k < MaxPerCode:
		l.list = append(l.list, c)
	default: // k == MaxPerCode: beyond, findOmitted finds one
		o = &Omitted{First: c, N: 1}
	}
	if o != nil {
		l.list = append(l.list, o)
		if l.omitted != nil {
			l.omitted[code] = o
		}
	}
	if l.counts != nil {
		l.counts[code] += n
	}
}

// findOmitted returns the *Omitted of code in the list, or nil.
func (l *List) findOmitted(code string) *Omitted {
	if l.omitted != nil {
		return l.omitted[code]
	}
	for _, c := range l.list {
		if o, ok := c.(*Omitted); ok && o.Code() == code {
			return o
		}
	}
	return nil
}

// index makes the maps that keep Count constant-time.
func (l *List) index() {
	l.counts = make(map[string]int)
	l.omitted = make(map[string]*Omitted)
	for _, c := range l.list {
		if o, ok := c.(*Omitted); ok {
			l.counts[c.Code()] += o.N
			l.omitted[c.Code()] = o
		} else {
			l.counts[c.Code()]++
		}
	}
}

// Count returns how many reasons of code were added, listed or omitted.
func (l *List) Count(code string) int {
	if l.counts != nil {
		return l.counts[code]
	}
	n := 0
	for _, c := range l.list {
		if o, ok := c.(*Omitted); ok && o.Code() == code {
			n += o.N
		} else if c.Code() == code {
			n++
		}
	}
	return n
}

// Len returns how many entries the list holds (each *Omitted counting
// as one).
func (l *List) Len() int { return len(l.list) }

// Reasons returns the listed reasons. The slice is the List's own.
func (l *List) Reasons() []Coded { return l.list }

// Refuse returns nil when l is empty and otherwise a *Refusal of what,
// by package pkg, listing l's reasons.
func (l *List) Refuse(pkg, what string) error {
	if len(l.list) == 0 {
		return nil
	}
	return &Refusal{Package: pkg, What: what, Reasons: l.list}
}
