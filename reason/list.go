package reason

import (
	"math"
	"strconv"
)

// maxPerCode is how many reasons of one code a Refusal made by Refuse or
// a List lists one by one. The reasons of that code beyond it are merged
// into one *omitted that counts them, so that a refusal of an input with
// a hundred thousand bad characters lists at most maxPerCode+1 reasons of
// each code and stays small.
const maxPerCode = 16

// omitted stands, in a Refusal, for the reasons of one code beyond
// maxPerCode. It has their code, and errors.Is and errors.As see through
// it to the first of them, so a caller branching on a reason finds it
// whether it was listed or merged.
type omitted struct {
	first Coded // the first reason left out
	n     int   // how many were left out, first included
}

func (o *omitted) Code() string { return o.first.Code() }

func (o *omitted) Message(l Lang) string { return o.message(l, Coded.Message) }

// message renders o in l with the first reason's message from message.
func (o *omitted) message(l Lang, message func(Coded, Lang) string) string {
	n := strconv.Itoa(o.n)
	if l == Japanese {
		return "ほか" + n + "件（最初：" + message(o.first, l) + "）"
	}
	return n + " more not listed, the first: " + message(o.first, l)
}

func (o *omitted) Error() string {
	return packageOf(o.first, "") + ": " + o.first.Code() + " (" + strconv.Itoa(o.n) + " more)"
}

func (o *omitted) Unwrap() error { return o.first }

// List collects the reasons of a refusal in the order they are added,
// keeping the first 16 of each code and counting the rest in one entry
// (see Refuse). Adding a reason takes time proportional to the number of
// distinct codes added so far, up to a few dozen, and constant time on
// average beyond; the List's memory is bounded by the number of distinct
// codes, whatever the number of reasons added. The zero List is empty
// and allocates nothing until a reason is added. A List is not safe for
// concurrent use; do not Add to it after Refuse.
type List struct {
	list  []Coded
	codes []codeCount    // one per distinct code, in order of first use
	index map[string]int // code → position in codes, once codes is long
}

// codeCount is how many reasons of one code were added, and the entry
// counting those beyond maxPerCode.
type codeCount struct {
	code    string
	n       int
	omitted *omitted
}

// linearCodes is how many distinct codes a List searches one by one
// before it keeps an index: a refusal rarely has more, and comparing a
// few short strings beats hashing them.
const linearCodes = 32

// Add adds c, or counts it in the entry that stands for the reasons of
// its code beyond the first 16. A nil c is ignored; such an entry taken
// from another refusal counts as the reasons it stands for. Counts stop
// at the largest int rather than wrap.
func (l *List) Add(c Coded) {
	if c == nil {
		return
	}
	n := 1
	if o, ok := c.(*omitted); ok {
		c, n = o.first, max(o.n, 1)
	}
	e := l.entry(c.Code())
	k := e.n
	e.n = addCount(e.n, n)
	if k < maxPerCode {
		l.list = append(l.list, c)
		if n--; n == 0 {
			return
		}
	}
	if e.omitted != nil {
		e.omitted.n = addCount(e.omitted.n, n)
		return
	}
	e.omitted = &omitted{first: c, n: n}
	l.list = append(l.list, e.omitted)
}

// addCount returns a+b for counts a and b, or the largest int when the
// sum would overflow: counts taken from decoded refusals can be as large
// as an int, and a count must never wrap to a negative one.
func addCount(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}

// Full reports whether a further reason of code would only be counted,
// not listed: a caller that builds costly details can then add the plain
// reason instead.
func (l *List) Full(code string) bool {
	if i, ok := l.find(code); ok {
		return l.codes[i].n > maxPerCode
	}
	return false
}

// find returns the position of code in l.codes.
func (l *List) find(code string) (int, bool) {
	if l.index != nil {
		i, ok := l.index[code]
		return i, ok
	}
	for i := range l.codes {
		if l.codes[i].code == code {
			return i, true
		}
	}
	return 0, false
}

// entry returns the count of code, adding it when new.
func (l *List) entry(code string) *codeCount {
	i, ok := l.find(code)
	if !ok {
		i = len(l.codes)
		l.codes = append(l.codes, codeCount{code: code})
		if l.index != nil {
			l.index[code] = i
		} else if len(l.codes) > linearCodes {
			l.index = make(map[string]int, 2*linearCodes)
			for j, e := range l.codes {
				l.index[e.code] = j
			}
		}
	}
	return &l.codes[i]
}

// Len returns how many entries the list holds, the entry counting the
// reasons beyond the first 16 of a code counting as one.
func (l *List) Len() int { return len(l.list) }

// Refuse returns nil when l is empty and otherwise a *Refusal of what,
// by package pkg, listing l's reasons.
func (l *List) Refuse(pkg, what string) error {
	if len(l.list) == 0 {
		return nil
	}
	return &Refusal{Package: pkg, What: what, Reasons: l.list}
}
