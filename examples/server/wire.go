package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/kashidashi/kashidashi/internal/strictjson"
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

// writeJSON writes v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	writeBody(w, status, "application/json", v)
}

// writeBody encodes v, without escaping <, > and & (the messages are
// Japanese text, not HTML), and writes it with status.
func writeBody(w http.ResponseWriter, status int, contentType string, v any) {
	b, err := encode(v)
	if err != nil {
		status, contentType, b = http.StatusInternalServerError, problemContentType, internalProblem
	}
	writeBytes(w, status, contentType, b)
}

// writeBytes writes the encoded body b with status.
func writeBytes(w http.ResponseWriter, status int, contentType string, b []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// encode returns v as JSON, a line, without escaping <, > and & (the
// messages are Japanese text, not HTML).
func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return buf.Bytes(), err
}

// internalProblem is the answer when a body cannot be encoded, which the
// service's own types never cause.
var internalProblem = []byte(`{"type":"` + problemInternal + `","title":"The service failed; try again later.","status":500}` + "\n")

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

// handleRequest is handle for a route whose decision needs the request
// too: its path, its caller, its context, its idempotency key.
func handleRequest[T any](decide func(w http.ResponseWriter, r *http.Request, l reason.Lang, req T)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		l := language(w, r)
		var req T
		if decode(w, r, l, &req) {
			decide(w, r, l, req)
		}
	}
}

// decode reads r's body into v with the module's strict decoder
// (internal/strictjson, as every decoder of the SDK): Content-Type
// application/json, at most maxBody bytes, one JSON value with no
// unknown key, no key given twice or in another case, and nothing after
// it; then every key the route's request schema in the OpenAPI document
// requires (contract.missing). On failure it writes the problem, with
// the problems found, and returns false.
func decode(w http.ResponseWriter, r *http.Request, l reason.Lang, v any) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		writeProblem(w, l, http.StatusUnsupportedMediaType, problemMediaType, "Content-Type is "+strconv.Quote(r.Header.Get("Content-Type")), nil)
		return false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err == nil {
		err = strictjson.Decode("server", "request", body, v)
	}
	if err == nil { // what the OpenAPI document requires, the service requires
		err = spec().missing(r.Pattern, body).Err()
	}
	var tooLarge *http.MaxBytesError
	switch {
	case err == nil:
		return true
	case errors.As(err, &tooLarge):
		writeProblem(w, l, http.StatusRequestEntityTooLarge, problemTooLarge, "the body is over "+strconv.Itoa(maxBody)+" bytes", nil)
	case errors.Is(err, strictjson.ErrTrailingData):
		writeProblem(w, l, http.StatusBadRequest, problemMalformed, errTrailing.Error(), nil)
	default:
		p := newProblem(l, http.StatusBadRequest, problemMalformed, err.Error(), nil)
		p.Problems = decodeProblems(err)
		writeBody(w, http.StatusBadRequest, problemContentType, p)
	}
	return false
}

// decodeProblems returns the problems of a body that did not decode: those
// the SDK's decoders listed (reason.Problems), or else the one the strict
// decoder describes: the field at fault, when it says, and what is wrong.
func decodeProblems(err error) reason.Problems {
	var ps reason.Problems
	if errors.As(err, &ps) {
		return ps
	}
	field, msg := strictjson.Describe(err)
	return reason.Problems{{Path: field, Message: msg}}
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
	status, p := problemOf(l, err)
	writeBody(w, status, problemContentType, p)
}

// problemOf returns the status and the problem of err, as fail writes
// them.
func problemOf(l reason.Lang, err error) (int, problem) {
	var refusal *reason.Refusal
	if errors.As(err, &refusal) {
		return http.StatusUnprocessableEntity, newProblem(l, http.StatusUnprocessableEntity, problemRefused, refusal.Error(), reason.Localize(refusal, l))
	}
	p := newProblem(l, http.StatusBadRequest, problemMalformed, err.Error(), nil)
	errors.As(err, &p.Problems) // none when err is no reason.Problems
	return http.StatusBadRequest, p
}
