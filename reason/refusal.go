package reason

import (
	"errors"
	"strings"
)

// Message is a reason rendered in one language, ready to cross an API
// boundary as JSON: {"code": "...", "message": "...", "params": {...}},
// params left out when the reason carries none.
type Message struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Params  Params `json:"params,omitempty"`
}

// Refusal is an error that lists every reason a request was refused.
// errors.Is(err, r) reports whether r is among them. A Refusal is not
// modified after it is returned and is safe for concurrent reads. It
// encodes to JSON and decodes back with nothing lost (MarshalJSON).
type Refusal struct {
	// Package and What describe what was refused, for the Error string:
	// "circulation: extension refused: ...".
	Package, What string
	// Reasons holds every reason that applies, in a stable order.
	Reasons []Coded
}

// Error returns the short Go form of the refusal: the package, what was
// refused and the codes of its reasons, each once, in order:
// "circulation: extension refused: extension.reserved, extension.overdue".
// It takes time linear in the number of reasons. The patron's sentences
// are Localize's.
func (r *Refusal) Error() string {
	var b strings.Builder
	b.WriteString(r.Package + ": " + r.What + " refused")
	sep := ": "
	var seen map[string]bool // past a few reasons, the codes written
	for i, c := range r.Reasons {
		code := c.Code()
		switch {
		case i < 8:
			if repeats(r.Reasons[:i], code) {
				continue
			}
		case seen == nil:
			seen = make(map[string]bool, len(r.Reasons))
			for _, e := range r.Reasons[:i] {
				seen[e.Code()] = true
			}
			fallthrough
		default:
			if seen[code] {
				continue
			}
			seen[code] = true
		}
		b.WriteString(sep)
		b.WriteString(code)
		sep = ", "
	}
	return b.String()
}

// repeats reports whether code is among the codes of rs.
func repeats(rs []Coded, code string) bool {
	for _, c := range rs {
		if c.Code() == code {
			return true
		}
	}
	return false
}

// Unwrap returns the reasons, so that errors.Is and errors.As see each.
func (r *Refusal) Unwrap() []error {
	errs := make([]error, len(r.Reasons))
	for i, c := range r.Reasons {
		errs[i] = c
	}
	return errs
}

// Refuse returns nil when reasons is empty and a *Refusal otherwise. Of
// each code, the Refusal lists the first 16 reasons one by one and the
// rest as one entry that counts them ("99984 more not listed, the first:
// …"), in the place of the first left out; errors.Is still finds every
// reason. Refuse takes time linear in len(reasons). When no code is over
// the cap the Refusal holds reasons itself, so the caller must not modify
// it afterwards.
func Refuse(pkg, what string, reasons []Coded) error {
	if len(reasons) == 0 {
		return nil
	}
	if len(reasons) > maxPerCode {
		var l List
		for _, c := range reasons {
			l.Add(c)
		}
		if l.Len() < len(reasons) {
			return l.Refuse(pkg, what)
		}
	}
	return &Refusal{Package: pkg, What: what, Reasons: reasons}
}

// Localize renders any error as Messages in language l: every reason of a
// Refusal, a single Coded error, or, for an error that carries no code, one
// Message with code "error" and the error's text. Each Message has the
// reason's parameters. It is the one way to turn a decision into what a
// patron reads; (*Wording).Localize is the same with a host's wording.
func Localize(err error, l Lang) []Message {
	return localize(err, l, Coded.Message)
}

// localize is Localize with the messages of message.
func localize(err error, l Lang, message func(Coded, Lang) string) []Message {
	if err == nil {
		return nil
	}
	var ref *Refusal
	if errors.As(err, &ref) {
		ms := make([]Message, len(ref.Reasons))
		for i, c := range ref.Reasons {
			ms[i] = Message{Code: c.Code(), Message: message(c, l), Params: paramsOf(c)}
		}
		return ms
	}
	var c Coded
	if errors.As(err, &c) {
		return []Message{{Code: c.Code(), Message: message(c, l), Params: paramsOf(c)}}
	}
	return []Message{{Code: "error", Message: err.Error()}}
}

// paramsOf returns the parameters c carries: those of a reason made by
// With or decoded from JSON, and for the entry counting the reasons of a
// code beyond the cap, those of the first of them.
func paramsOf(c Coded) Params {
	switch c := c.(type) {
	case *instance:
		if len(c.params) == 0 {
			return nil
		}
		return append(Params(nil), c.params...)
	case *omitted:
		return paramsOf(c.first)
	}
	return nil
}

// packageOf returns the package that declared c, or pkg for a Coded
// made outside this package, which does not say (its Error text is never
// read for it).
func packageOf(c Coded, pkg string) string {
	switch c := c.(type) {
	case *Reason:
		return c.pkg
	case *instance:
		return c.pkg
	case *omitted:
		return packageOf(c.first, pkg)
	}
	return pkg
}
