package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/kashidashi/kashidashi/reason"
)

// maxBody bounds a request body: 1 MiB.
const maxBody = 1 << 20

// fallback is the language of a patron whose Accept-Language names
// neither English nor Japanese, or who sends none: Japanese, the
// library's own language. The SDK never picks it on its own; this is the
// host's explicit choice (reason.NegotiateOr).
const fallback = reason.Japanese

// language returns the language to answer r in, and says so in the
// response headers.
func language(w http.ResponseWriter, r *http.Request) reason.Lang {
	l := reason.NegotiateOr(r.Header.Get("Accept-Language"), fallback)
	h := w.Header()
	h.Set("Content-Language", string(l))
	h.Add("Vary", "Accept-Language")
	return l
}

// problem is an RFC 9457 problem detail; a refusal adds every reason,
// bad input every problem the SDK found, each naming its field.
type problem struct {
	Type     string           `json:"type"`
	Title    string           `json:"title"`
	Status   int              `json:"status"`
	Detail   string           `json:"detail,omitempty"`
	Reasons  []reason.Message `json:"reasons,omitempty"`
	Problems reason.Problems  `json:"problems,omitempty"`
}

// The problem types, relative URIs resolved against the service's own.
const (
	problemMalformed   = "/problems/malformed-request"
	problemTooLarge    = "/problems/request-too-large"
	problemMediaType   = "/problems/unsupported-media-type"
	problemRefused     = "/problems/refused"
	problemContentType = "application/problem+json"
)

// titles gives each problem type's title in English and Japanese.
var titles = map[string][2]string{
	problemMalformed: {"The request is malformed.", "リクエストの形式が正しくありません。"},
	problemTooLarge:  {"The request is too large.", "リクエストが大きすぎます。"},
	problemMediaType: {"The request must be JSON (Content-Type: application/json).", "リクエストは JSON（Content-Type: application/json）で送ってください。"},
	problemRefused:   {"The request was refused.", "お受けできませんでした。"},
}

// writeProblem writes a problem of type typ with status and detail.
func writeProblem(w http.ResponseWriter, l reason.Lang, status int, typ, detail string, reasons []reason.Message) {
	writeBody(w, status, problemContentType, newProblem(l, status, typ, detail, reasons))
}

// newProblem returns a problem of type typ, titled in language l.
func newProblem(l reason.Lang, status int, typ, detail string, reasons []reason.Message) problem {
	t := titles[typ][0]
	if l == reason.Japanese {
		t = titles[typ][1]
	}
	return problem{Type: typ, Title: t, Status: status, Detail: detail, Reasons: reasons}
}

// writeJSON writes v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	writeBody(w, status, "application/json", v)
}

// writeBody encodes v, without escaping <, > and & (the messages are
// Japanese text, not HTML), and writes it with status.
func writeBody(w http.ResponseWriter, status int, contentType string, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// errTrailing reports data after the request's JSON value.
var errTrailing = errors.New("data after the JSON object")

// handle returns the handler of a route whose body is a request of type
// T: it negotiates the language, decodes the body strictly (answering 400,
// 413 or 415 itself) and hands the request to decide. Every body route
// starts the same way, so it is written once.
func handle[T any](decide func(w http.ResponseWriter, l reason.Lang, req T)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		l := language(w, r)
		var req T
		if decode(w, r, l, &req) {
			decide(w, l, req)
		}
	}
}

// decode reads r's body into v strictly: Content-Type application/json,
// at most maxBody bytes, one JSON value with no unknown key and nothing
// after it. On failure it writes the problem and returns false.
func decode(w http.ResponseWriter, r *http.Request, l reason.Lang, v any) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		writeProblem(w, l, http.StatusUnsupportedMediaType, problemMediaType, "Content-Type is "+strconv.Quote(r.Header.Get("Content-Type")), nil)
		return false
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	err = dec.Decode(v)
	if err == nil {
		if _, terr := dec.Token(); terr != io.EOF {
			err = errTrailing
			if terr != nil {
				err = terr
			}
		}
	}
	var tooLarge *http.MaxBytesError
	switch {
	case err == nil:
		return true
	case errors.As(err, &tooLarge):
		writeProblem(w, l, http.StatusRequestEntityTooLarge, problemTooLarge, "the body is over "+strconv.Itoa(maxBody)+" bytes", nil)
	default:
		writeProblem(w, l, http.StatusBadRequest, problemMalformed, err.Error(), nil)
	}
	return false
}

// decided writes the outcome of a decision: body with status when err
// is nil, else the problem fail writes.
func decided(w http.ResponseWriter, l reason.Lang, err error, status int, body any) {
	if err != nil {
		fail(w, l, err)
		return
	}
	writeJSON(w, status, body)
}

// fail writes the problem of err: 422 with every reason for a refusal (a
// *reason.Refusal, or an error that unwraps to one), 400 for any other
// error: input the SDK found it cannot decide on (reason.ErrBadInput),
// with every problem it found (reason.Problems), each naming its field.
func fail(w http.ResponseWriter, l reason.Lang, err error) {
	var refusal *reason.Refusal
	if errors.As(err, &refusal) {
		writeProblem(w, l, http.StatusUnprocessableEntity, problemRefused, refusal.Error(), reason.Localize(refusal, l))
		return
	}
	p := newProblem(l, http.StatusBadRequest, problemMalformed, err.Error(), nil)
	errors.As(err, &p.Problems) // none when err is no reason.Problems
	writeBody(w, http.StatusBadRequest, problemContentType, p)
}
