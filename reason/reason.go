package reason

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/kashidashi/kashidashi/internal/text"
)

// Lang selects the language of a patron-facing message.
type Lang string

// The two languages every message is written in.
const (
	English  Lang = "en"
	Japanese Lang = "ja"
)

// ParseLang returns the Lang for "en" or "ja" (case-sensitive, as in
// BCP 47 primary tags). Anything else is an error.
func ParseLang(s string) (Lang, error) {
	switch Lang(s) {
	case English, Japanese:
		return Lang(s), nil
	}
	return "", errors.New("reason: unknown language " + text.Quote(s) + " (want en or ja)")
}

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

// Error returns the package name and the code, "patron: email.trailing_dot",
// short and lower-case as Go errors are. The patron's sentence is
// Message's.
func (r *Reason) Error() string { return r.pkg + ": " + r.code }

// MarshalJSON encodes r as an English Message. Use Localize to choose the
// language.
func (r *Reason) MarshalJSON() ([]byte, error) { return json.Marshal(Localize(r, English)) }

// Detail returns a reason that carries r's code, matches r with errors.Is,
// and whose messages are r's followed by the given details (for example
// the position of an offending character): "… (at position 3)",
// "…（3文字目）".
func (r *Reason) Detail(en, ja string) Coded {
	return &detailed{reason: r, en: en, ja: ja}
}

// detailed is a Reason with a detail appended to its messages.
type detailed struct {
	reason *Reason
	en, ja string
}

func (d *detailed) Code() string { return d.reason.code }

func (d *detailed) Message(l Lang) string {
	if l == Japanese {
		return d.reason.ja + "（" + d.ja + "）"
	}
	return d.reason.en + " (" + d.en + ")"
}

func (d *detailed) Error() string { return d.reason.Error() + " (" + d.en + ")" }

func (d *detailed) Unwrap() error { return d.reason }

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
// Message with code "error" and the error's text. It is the one way to
// turn a decision into what a patron reads.
func Localize(err error, l Lang) []Message {
	if err == nil {
		return nil
	}
	var ref *Refusal
	if errors.As(err, &ref) {
		ms := make([]Message, len(ref.Reasons))
		for i, c := range ref.Reasons {
			ms[i] = Message{Code: c.Code(), Message: c.Message(l)}
		}
		return ms
	}
	var c Coded
	if errors.As(err, &c) {
		return []Message{{Code: c.Code(), Message: c.Message(l)}}
	}
	return []Message{{Code: "error", Message: err.Error()}}
}
