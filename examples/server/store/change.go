package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/kashidashi/kashidashi/holds"
)

// Result is what a change decided, handed to a Render inside the
// transaction that stores it.
type Result struct {
	// Request is the request decided.
	Request holds.Request
	// Change is what the desk changed: the reservations stored, with the
	// IDs the database gave them, and their transitions. Zero when Err
	// is set.
	Change holds.Change
	// Positions is the queue position (H3) of each of
	// Change.Reservations after the change, 0 for one that is no longer
	// active.
	Positions []int
	// Err is the desk's answer when it did not grant the request: a
	// *reason.Refusal (the service's 422) or bad input matching
	// reason.ErrBadInput (400). Nothing was changed.
	Err error
}

// Render turns a Result into the answer the client gets, an HTTP status
// and a body, which the Store records under the request's
// Idempotency-Key in the same transaction, so that a retry gets them
// byte for byte. It is called once per attempt (a transaction the
// database makes the Store retry renders again), must not keep the
// Result, and must not fail.
type Render func(Result) (status int, body []byte)

// Reply is the answer to a change: the first answer to its key when
// Replayed.
type Reply struct {
	Status int
	Body   []byte
	// Replayed reports that the key had been used for the same request:
	// Status and Body are the first answer and nothing changed.
	Replayed bool
	// Result is what was decided; zero when Replayed.
	Result Result
}

// maxAttempts bounds the attempts of one change when the database asks
// for a retry (a deadlock, a busy SQLite file, a concurrent use of the
// same key).
const maxAttempts = 8

// Change decides req in one transaction and stores what it changed: it
// locks and loads the reservations req reads (holds.Request.Reads),
// decides with a partial desk of exactly those (holds.NewPartialDesk),
// writes the reservations the desk returns, a checkout's numbered by
// the database, and one audit row (holds.Transition) each, and records
// render's answer under key, before committing.
//
// key is the request's Idempotency-Key, "" for none. Used before with
// the same request (the same holds.Request, compared by a hash of its
// JSON form), Change returns the first answer, Replayed, and changes
// nothing; used with another request, ErrKeyReused. Keys are one
// namespace: a service with several callers prefixes each key with its
// caller. A key that is not 1 to MaxKeyBytes printable ASCII characters
// is ErrKeyInvalid.
//
// A refusal or bad input the desk finds is an answer (Result.Err), not
// an error: it is rendered and recorded under the key like a grant.
// Change returns an error only when the database fails (after retrying
// up to 8 times what the database asks to retry) or the stored
// reservations are inconsistent; then nothing changed, and a retry with
// the same key is safe.
func (s *Store) Change(ctx context.Context, req holds.Request, key string, render Render) (Reply, error) {
	if key != "" && !validKey(key) {
		return Reply{}, ErrKeyInvalid
	}
	if render == nil {
		return Reply{}, errors.New("store: Change needs a Render")
	}
	hash := requestHash(req)
	return retrying(ctx, s.d, func() (Reply, error) { return s.changeOnce(ctx, req, key, hash, render) })
}

// writeRules takes the closures lock shared for the write transaction
// tx, and returns the rules it decides under: the Store's plus every
// closure committed before (rules.go).
func (s *Store) writeRules(ctx context.Context, tx *sql.Tx) (holds.Rules, error) {
	if err := s.d.closureLock(ctx, tx, false); err != nil {
		return nil, err
	}
	rs, err := s.rulesIn(ctx, tx)
	if err != nil {
		return nil, err
	}
	return rs.rules, nil
}

// pause waits before attempt+1: a few milliseconds, growing, jittered.
func pause(ctx context.Context, attempt int) error {
	d := time.Duration(1+rand.IntN(4*attempt)) * time.Millisecond
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// requestHash is the SHA-256 of req's JSON form, or, for a request
// with a value that has none (an invalid place: bad input the desk will
// answer), of its Go syntax.
func requestHash(req holds.Request) []byte {
	b, err := json.Marshal(req)
	if err != nil {
		b = fmt.Appendf(nil, "%#v", req)
	}
	h := sha256.Sum256(b)
	return h[:]
}

// changeOnce is one attempt of Change: one transaction, deciding under
// the rules with every closure committed before it (writeRules).
func (s *Store) changeOnce(ctx context.Context, req holds.Request, key string, hash []byte, render Render) (Reply, error) {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return Reply{}, err
	}
	defer tx.Rollback()
	rules, err := s.writeRules(ctx, tx)
	if err != nil {
		return Reply{}, err
	}
	set, rows, err := s.load(ctx, tx, req)
	if err != nil {
		return Reply{}, err
	}
	if key != "" {
		if reply, ok, err := replay(ctx, tx, key, hash); ok || err != nil {
			return reply, err
		}
	}
	res, err := s.decide(ctx, tx, rules, req, set, rows)
	if err != nil {
		return Reply{}, err
	}
	status, body := render(res)
	if err := commitAnswer(ctx, tx, key, hash, status, body); err != nil {
		return Reply{}, err
	}
	return Reply{Status: status, Body: body, Result: res}, nil
}

// commitAnswer records the answer status and body under key (none when
// key is ""), the request's hash beside it, and commits tx.
func commitAnswer(ctx context.Context, tx *sql.Tx, key string, hash []byte, status int, body []byte) error {
	if key != "" {
		if _, err := tx.ExecContext(ctx, "INSERT INTO idempotency_keys (key, request_hash, status, body) VALUES ($1, $2, $3, $4)",
			key, hash, status, body); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// replay returns the answer recorded under key, if any: ok when the key
// was used for the same request, ErrKeyReused for another.
func replay(ctx context.Context, tx *sql.Tx, key string, hash []byte) (Reply, bool, error) {
	var (
		first  []byte
		status int
		body   []byte
	)
	err := tx.QueryRowContext(ctx, "SELECT request_hash, status, body FROM idempotency_keys WHERE key = $1", key).
		Scan(&first, &status, &body)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return Reply{}, false, nil
	case err != nil:
		return Reply{}, false, err
	case !bytes.Equal(first, hash):
		return Reply{}, false, ErrKeyReused
	}
	return Reply{Status: status, Body: body, Replayed: true}, true, nil
}

// decide builds the partial desk of the read set set and its rows under
// rules, asks it, and writes what changed, the reservations a checkout
// places numbered from the database's sequence; a refusal writes
// nothing.
func (s *Store) decide(ctx context.Context, tx *sql.Tx, rules holds.Rules, req holds.Request, set holds.ReadSet, rows []holds.Reservation) (Result, error) {
	// The desk numbers a checkout's reservations from next, after every
	// row it holds; once granted, they take the IDs the database gives,
	// after every row stored (renumber). A refused checkout takes none.
	var next uint64
	if req.Action == holds.ActionReserve {
		next = 1
		if len(rows) > 0 {
			next = rows[len(rows)-1].ID + 1 // rows are in ID order
		}
	}
	desk, err := holds.NewPartialDesk(rules, set, rows, next)
	if err != nil {
		return Result{}, fmt.Errorf("store: the stored reservations are inconsistent: %w", err)
	}
	ch, err := desk.Do(req)
	if errors.Is(err, holds.ErrIncompleteReadSet) {
		return Result{}, fmt.Errorf("store: %w", err) // the store's fault, not the request's
	}
	if err != nil {
		return Result{Request: req, Err: err}, nil
	}
	if req.Action == holds.ActionReserve && len(ch.Reservations) > 0 {
		ids, err := s.d.nextIDs(ctx, tx, len(ch.Reservations))
		if err != nil {
			return Result{}, err
		}
		renumber(&ch, next, ids)
	}
	if err := write(ctx, tx, ch); err != nil {
		return Result{}, err
	}
	pos, err := positions(ctx, tx, ch.Reservations)
	if err != nil {
		return Result{}, err
	}
	return Result{Request: req, Change: ch, Positions: pos}, nil
}

// renumber gives the reservations a checkout placed, which the desk
// numbered from, from+1, …, the IDs the database allocated, ids, in
// order, and a reading order the new ID of its first.
func renumber(ch *holds.Change, from uint64, ids []uint64) {
	to := make(map[uint64]uint64, len(ids))
	for i, id := range ids {
		to[from+uint64(i)] = id
	}
	for i := range ch.Reservations {
		r := &ch.Reservations[i]
		r.ID = to[r.ID]
		if g, ok := to[r.Group]; ok {
			r.Group = g
		}
	}
	for i := range ch.Transitions {
		if id, ok := to[ch.Transitions[i].Reservation]; ok {
			ch.Transitions[i].Reservation = id
		}
	}
}

// write stores the reservations and the transitions of ch.
func write(ctx context.Context, tx *sql.Tx, ch holds.Change) error {
	for _, r := range ch.Reservations {
		if err := writeReservation(ctx, tx, r); err != nil {
			return err
		}
	}
	for _, t := range ch.Transitions {
		if err := writeTransition(ctx, tx, t); err != nil {
			return err
		}
	}
	return nil
}

// positions returns the queue position of each of rs, as stored.
func positions(ctx context.Context, q querier, rs []holds.Reservation) ([]int, error) {
	out := make([]int, len(rs))
	for i, r := range rs {
		if !r.State.Active() {
			continue
		}
		if err := q.QueryRowContext(ctx, "SELECT count(*) FROM reservations WHERE item = $1 AND active AND id <= $2",
			r.Item, int64(r.ID)).Scan(&out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}
