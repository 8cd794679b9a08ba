package reason

import (
	"encoding/json"
)

// Coded is implemented by every refusal reason in the module: a stable
// machine-readable code and a message fit to show a patron in either
// language. Codes are dotted lower-case words such as "extension.reserved";
// they never change once published. Error returns the short Go form,
// "circulation: extension.reserved"; Message the patron's sentence.
type Coded interface {
	error
	Code() string
	Message(l Lang) string
}

// Reason is a sentinel refusal reason. Packages declare their reasons as
// package-level *Reason values so that callers can branch on them with
// errors.Is. A *Reason is immutable and safe for concurrent use.
type Reason struct {
	pkg, code, en, ja string
	tmpl              [2]template // English, Japanese
	params            []string    // the names its messages use, in order
}

// New returns a new sentinel reason. pkg prefixes the Error string as the
// Go standard library does ("circulation: ..."); code is the stable code;
// en and ja are the patron-facing messages, templates that may name the
// reason's parameters: "You may borrow no more[ than {limit} items]."
// (see the package documentation for the syntax). The parameters the
// messages name are the reason's; both messages must name the same ones.
//
// New panics on a malformed message, as regexp.MustCompile does: messages
// are constants of the declaring package, and the module's catalogue test
// declares every reason.
func New(pkg, code, en, ja string) *Reason {
	r := &Reason{pkg: pkg, code: code, en: en, ja: ja}
	var uses [2][numKinds]bool
	for i, m := range [2]string{en, ja} {
		t, err := parseTemplate(m)
		if err != nil {
			panic("reason: New " + code + " (" + string(langs[i]) + "): " + err.Error())
		}
		r.tmpl[i], uses[i] = t, t.uses()
	}
	if uses[0] != uses[1] {
		panic("reason: New " + code + ": the English and Japanese messages name different parameters")
	}
	for k := kindPosition; k < numKinds; k++ {
		if uses[0][k] {
			r.params = append(r.params, kinds[k].name)
		}
	}
	return r
}

// Code returns the stable code of r.
func (r *Reason) Code() string { return r.code }

// Package returns the name of the package that declared r.
func (r *Reason) Package() string { return r.pkg }

// Message returns the patron-facing message of r in language l, without
// the optional parts that name parameters; any language other than
// Japanese gets English.
func (r *Reason) Message(l Lang) string { return r.render(l, nil) }

// render returns r's message in l with the parameters ps.
func (r *Reason) render(l Lang, ps Params) string { return r.tmpl[langIndex(l)].text(ps, l) }

// langIndex returns the index of l in langs, English for an unknown l.
func langIndex(l Lang) int {
	if l == Japanese {
		return 1
	}
	return 0
}

// Error returns the package name and the code, "patron: email.trailing_dot",
// short and lower-case as Go errors are. The patron's sentence is
// Message's.
func (r *Reason) Error() string { return r.pkg + ": " + r.code }

// MarshalJSON encodes r as an English Message. Use Localize to choose the
// language.
func (r *Reason) MarshalJSON() ([]byte, error) { return json.Marshal(Localize(r, English)[0]) }

// With returns a reason that carries r's code and the parameters ps,
// matches r with errors.Is, and whose messages show them:
//
//	circulation.ErrLoanLimit.With(reason.Limit(10))
//
// Of two parameters of one name the later counts; the zero Param is
// ignored. A parameter r's messages do not name is still carried (by
// Localize's Message.Params, the refusal's JSON and the result's
// Params() Params method) but not shown.
func (r *Reason) With(ps ...Param) Coded {
	return &instance{pkg: r.pkg, code: r.code, reason: r, params: normalize(ps)}
}

// instance is one occurrence of a reason: a sentinel with parameters
// (With), or a reason decoded from JSON, which knows its messages but not
// its sentinel.
type instance struct {
	pkg, code string
	reason    *Reason // nil when decoded
	params    Params
	messages  [2]string // when decoded, the messages as they were
}

func (c *instance) Code() string { return c.code }

// Params returns the parameters c carries.
func (c *instance) Params() Params { return append(Params(nil), c.params...) }

func (c *instance) Message(l Lang) string {
	if c.reason == nil {
		return c.messages[langIndex(l)]
	}
	return c.reason.render(l, c.params)
}

func (c *instance) Error() string {
	return c.pkg + ": " + c.code
}

// Unwrap returns the sentinel, so that errors.Is matches it.
func (c *instance) Unwrap() error {
	if c.reason == nil {
		return nil
	}
	return c.reason
}

// Is reports, for a reason decoded from JSON, whether target is a
// reason with its code: errors.Is(decoded, circulation.ErrReserved).
func (c *instance) Is(target error) bool {
	if c.reason != nil {
		return false // Unwrap leads to the sentinel
	}
	t, ok := target.(Coded)
	return ok && t.Code() == c.code
}

// MarshalJSON encodes c as an English Message.
func (c *instance) MarshalJSON() ([]byte, error) { return json.Marshal(Localize(c, English)[0]) }
