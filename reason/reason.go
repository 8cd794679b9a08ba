package reason

import (
	"encoding/json"
	"errors"
	"strings"
)

// Lang selects the language of a patron-facing message.
type Lang string

// The two languages every message is written in.
const (
	English  Lang = "en"
	Japanese Lang = "ja"
)

// ParseLang returns the Lang for "en" or "ja" (case-sensitive, as in
// BCP 47 primary tags). Anything else is an error, which quotes at most
// MaxQuoted characters of s.
func ParseLang(s string) (Lang, error) {
	switch Lang(s) {
	case English, Japanese:
		return Lang(s), nil
	}
	return "", errors.New("reason: unknown language " + quote(s) + " (want en or ja)")
}

// Coded is implemented by every refusal reason in the module: a stable
// machine-readable code and a message fit to show a patron in either
// language. Codes are dotted lower-case words such as "extension.reserved";
// they never change once published.
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
}

// New returns a new sentinel reason. pkg prefixes the Error string as the
// Go standard library does ("circulation: ..."); code is the stable code;
// en and ja are the patron-facing messages.
func New(pkg, code, en, ja string) *Reason {
	return &Reason{pkg: pkg, code: code, en: en, ja: ja}
}

// Code returns the stable code of r.
func (r *Reason) Code() string { return r.code }

// Package returns the name of the package that declared r.
func (r *Reason) Package() string { return r.pkg }

// Message returns the patron-facing message of r in language l; any
// language other than Japanese gets English.
func (r *Reason) Message(l Lang) string {
	if l == Japanese {
		return r.ja
	}
	return r.en
}

// Error returns the English message prefixed with the package name.
func (r *Reason) Error() string { return r.pkg + ": " + r.en }

// Localize returns r as a Message in language l.
func (r *Reason) Localize(l Lang) Message { return Message{Code: r.code, Message: r.Message(l)} }

// Detail returns an error that carries r's code, matches r with errors.Is,
// and whose messages are r's followed by the given details (for example
// the position of an offending character).
func (r *Reason) Detail(en, ja string) *Detailed {
	return &Detailed{Reason: r, en: en, ja: ja}
}

// Detailed is a Reason with a detail appended to its messages, such as
// "at position 3". It matches its Reason with errors.Is.
type Detailed struct {
	Reason *Reason
	en, ja string
}

// Code returns the code of the underlying Reason.
func (d *Detailed) Code() string { return d.Reason.code }

// Message returns the Reason's message followed by the detail.
func (d *Detailed) Message(l Lang) string {
	if l == Japanese {
		return d.Reason.ja + "（" + d.ja + "）"
	}
	return d.Reason.en + " (" + d.en + ")"
}

// Error returns the English message prefixed with the package name.
func (d *Detailed) Error() string { return d.Reason.pkg + ": " + d.Message(English) }

// Unwrap returns the underlying Reason.
func (d *Detailed) Unwrap() error { return d.Reason }

// Message is a reason rendered in one language, ready to cross an API
// boundary as JSON: {"code": "...", "message": "..."}.
type Message struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Refusal is an error that lists every reason a request was refused.
// errors.Is(err, r) reports whether r is among them. A Refusal is not
// modified after it is returned and is safe for concurrent reads.
type Refusal struct {
	// Package and What describe what was refused, for the Error string:
	// "circulation: extension refused: ...".
	Package, What string
	// Reasons holds every reason that applies, in a stable order.
	Reasons []Coded
}

// Error lists the English messages of all reasons.
func (r *Refusal) Error() string {
	var b strings.Builder
	b.WriteString(r.Package)
	b.WriteString(": ")
	b.WriteString(r.What)
	b.WriteString(" refused")
	for i, c := range r.Reasons {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(c.Message(English))
	}
	return b.String()
}

// Unwrap returns the reasons, so that errors.Is and errors.As see each.
func (r *Refusal) Unwrap() []error {
	errs := make([]error, len(r.Reasons))
	for i, c := range r.Reasons {
		errs[i] = c
	}
	return errs
}

// Localize returns every reason as a Message in language l.
func (r *Refusal) Localize(l Lang) []Message {
	ms := make([]Message, len(r.Reasons))
	for i, c := range r.Reasons {
		ms[i] = Message{Code: c.Code(), Message: c.Message(l)}
	}
	return ms
}

// Refuse returns nil when reasons is empty and a *Refusal otherwise. Of
// each code, the Refusal lists the first MaxPerCode reasons and merges
// the rest into one *Omitted in the place of the first left out (see
// MaxPerCode); errors.Is still finds every reason. Refuse takes time
// linear in len(reasons). When no code is over the cap the Refusal holds
// reasons itself, so the caller must not modify it afterwards.
func Refuse(pkg, what string, reasons []Coded) error {
	if len(reasons) == 0 {
		return nil
	}
	if len(reasons) > MaxPerCode {
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
// Message with code "error" and the error's text.
func Localize(err error, l Lang) []Message {
	if err == nil {
		return nil
	}
	var ref *Refusal
	if errors.As(err, &ref) {
		return ref.Localize(l)
	}
	var c Coded
	if errors.As(err, &c) {
		return []Message{{Code: c.Code(), Message: c.Message(l)}}
	}
	return []Message{{Code: "error", Message: err.Error()}}
}

// MarshalJSON encodes r as an English Message. Use Localize to choose the
// language.
func (r *Reason) MarshalJSON() ([]byte, error) { return json.Marshal(r.Localize(English)) }
