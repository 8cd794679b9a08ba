package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/examples/server/store"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/reason"
)

// reservationStore is what the service asks of its storage, as
// *store.Store provides it (the tests use one in memory): the
// reservations and the closures applied, kept durably and changed one
// transaction at a time, and the configuration with those closures. No
// desk lives across requests: each change loads what it reads inside its
// transaction, decides with the SDK, writes what the SDK returned and
// the audit of each step, records the answer under the request's
// Idempotency-Key, and commits.
type reservationStore interface {
	// Change decides req and stores what changed, with render's answer
	// under key; a retry with key gets that answer, Replayed.
	Change(ctx context.Context, req holds.Request, key string, render store.Render) (store.Reply, error)
	// Daily expires what passed its hold-shelf deadline before day
	// and lists the notices due on day, the same on every call.
	Daily(ctx context.Context, day calendar.Date) (store.Daily, error)
	// PatronReservations returns a patron's active reservations, each
	// with its queue position.
	PatronReservations(ctx context.Context, patron string) ([]store.Entry, error)
	// Queue returns an item's active reservations, position 1 first.
	Queue(ctx context.Context, item string) ([]store.Entry, error)
	// Reservation returns a reservation with its position and audit
	// trail; store.ErrNotFound when there is none.
	Reservation(ctx context.Context, id uint64) (store.Entry, []holds.Transition, error)
	// Ping reports whether the database answers.
	Ping(ctx context.Context) error
	// ApplyClosure applies a closure in one transaction (X5): stores
	// it, moves the stored reservations it moves, marked, applies it to
	// the loans given, and records render's answer under key; later
	// decisions count it (Library, Change).
	ApplyClosure(ctx context.Context, req store.ClosureRequest, key string, render store.ClosureRender) (store.Reply, error)
	// Closures returns every closure applied, in the order applied.
	Closures(ctx context.Context) ([]store.StoredClosure, error)
	// Library returns the configuration plus every closure applied,
	// for decisions that store nothing: as last read, at most seconds
	// old (another instance may have applied one).
	Library(ctx context.Context) *library.Library
}

var _ reservationStore = (*store.Store)(nil)

// maxKey bounds the Idempotency-Key a client sends: the store's bound
// less the caller's scope (scopedKey).
const maxKey = store.MaxKeyBytes - scopeLen - 1

// scopeLen is the length of a key's scope: 16 hexadecimal digits.
const scopeLen = 16

// idempotencyKey returns the request's Idempotency-Key, "" when it has
// none: one value of 1 to maxKey visible ASCII characters (a UUID, say),
// else it answers 400 and returns false.
func idempotencyKey(w http.ResponseWriter, r *http.Request, l reason.Lang) (string, bool) {
	vs := r.Header.Values("Idempotency-Key")
	if len(vs) == 0 {
		return "", true
	}
	key := vs[0]
	ok := len(vs) == 1 && key != "" && len(key) <= maxKey
	for i := 0; ok && i < len(key); i++ {
		ok = key[i] > ' ' && key[i] < 0x7f
	}
	if !ok {
		fail(w, l, reason.BadInput("Idempotency-Key", "is not one value of 1 to %d visible ASCII characters", maxKey))
	}
	return key, ok
}

// scopedKey returns the key the store records for the key a caller
// sent: prefixed with a digest of the caller's name, so that two
// callers' keys never meet (the store's keys are one namespace); "" for
// none.
func scopedKey(r *http.Request, key string) string {
	if key == "" {
		return ""
	}
	d := sha256.Sum256([]byte(callerOf(r.Context()).name))
	return hex.EncodeToString(d[:scopeLen/2]) + ":" + key
}

// A recorded answer is the language it was written in, a line feed,
// and the body: a replay then says the language of its body
// (Content-Language), whatever the retry asks for.

// render returns the store.Render of a change answered in language l:
// status and the body ok makes of the result when the desk granted it,
// else the problem of its refusal or bad input, as fail writes them.
func render(l reason.Lang, status int, ok func(store.Result) any) store.Render {
	return func(res store.Result) (int, []byte) {
		if res.Err != nil {
			status, p := problemOf(l, res.Err)
			return recorded(l, status, p)
		}
		return recorded(l, status, ok(res))
	}
}

// recorded returns the answer to record of status and body, written in
// language l.
func recorded(l reason.Lang, status int, body any) (int, []byte) {
	b, err := encode(body)
	if err != nil {
		status, b = http.StatusInternalServerError, internalProblem
	}
	return status, append([]byte(string(l)+"\n"), b...)
}

// writeReply writes the answer a change recorded: its language, status
// and body; Idempotent-Replayed says when it is the first answer to the
// key, given again.
func writeReply(w http.ResponseWriter, reply store.Reply) {
	lang, body, ok := bytes.Cut(reply.Body, []byte("\n"))
	if !ok {
		lang, body = nil, reply.Body
	}
	if len(lang) > 0 {
		w.Header().Set("Content-Language", string(lang))
	}
	if reply.Replayed {
		w.Header().Set("Idempotent-Replayed", "true")
	}
	contentType := "application/json"
	if reply.Status >= 400 {
		contentType = problemContentType
	}
	writeBytes(w, reply.Status, contentType, body)
}
