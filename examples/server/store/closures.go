package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/reason"
)

// ClosureRequest is an unplanned closure to apply (X5): the place closed
// (a place's ID or name, or "courier"), the closure, the host's loans it
// may move, the options of library.Library.Apply, and the member of
// staff who applies it, for the record.
type ClosureRequest struct {
	Place   string               `json:"place"`
	Closure calendar.Closure     `json:"closure"`
	Loans   []library.LoanRecord `json:"loans"`
	Options library.ApplyOptions `json:"options"`
	Staff   string               `json:"staff"`
}

// ClosureResult is what applying a closure did, handed to a
// ClosureRender inside the transaction that stores it.
type ClosureResult struct {
	Request ClosureRequest
	// Added reports that the closure was stored by this call; false when
	// a closure of the same place and days was stored before, which is
	// kept, and then only the loans given are applied.
	Added bool
	// Applied are the loans and the stored reservations the closure
	// changed, each with its record as stored, its dates and its reason
	// (library.Library.Apply).
	Applied library.Applied
	// Library is the configuration with the closure: its ClosureNotices
	// tell the patrons.
	Library *library.Library
}

// ClosureRender turns a ClosureResult into the answer the client gets,
// as a Render does for a change.
type ClosureRender func(ClosureResult) (status int, body []byte)

// ApplyClosure applies closure req in one transaction (X5): it stores the
// closure, unless one of the same place and days is stored already;
// loads the active reservations whose dates it may move (ready ones with
// a deadline from its first day, and those secured or on their way by
// its last day) with the mark of the last closure that moved them;
// applies it to them and to the loans given (library.Library.Closing and
// Apply, under the configuration and every closure stored before it);
// writes each reservation it changed with its mark (mark_from, mark_to,
// mark_original); records render's answer under key; and commits. From
// then on every decision counts the closure (Library, Change).
//
// Applying a closure again changes no reservation: they all were changed
// when it was stored, in the same transaction, and those decided since
// counted it. The loans given are applied again, under their marks
// (library.Mark): a loan the host stored with the first answer's record
// is left as it is.
//
// Bad input, checked first, is an error matching reason.ErrBadInput,
// each problem at its path in the JSON form of the request: an empty or
// unknown place at "place", days at "closure.to", options at
// "options.spread_days" or "options.spread_per_day". Nothing is stored
// then. key is an Idempotency-Key, as Change takes it.
func (s *Store) ApplyClosure(ctx context.Context, req ClosureRequest, key string, render ClosureRender) (Reply, error) {
	if key != "" && !validKey(key) {
		return Reply{}, ErrKeyInvalid
	}
	if render == nil {
		return Reply{}, errors.New("store: ApplyClosure needs a ClosureRender")
	}
	lib, _ := s.rules.(*library.Library)
	place, err := CheckClosure(lib, req)
	if err != nil {
		return Reply{}, err
	}
	b, err := json.Marshal(req)
	if err != nil {
		return Reply{}, err
	}
	hash := sha256.Sum256(append([]byte("closure\n"), b...))
	return retrying(ctx, s.d, func() (Reply, error) {
		return s.applyOnce(ctx, req, place, key, hash[:], render)
	})
}

// MaxClosureName bounds a closure's names, which every notice of it
// quotes and every later rebuild of the rules compiles.
const MaxClosureName = 200

// CheckClosure checks req under lib as ApplyClosure does, and returns
// the place closed: its ID, or "courier".
func CheckClosure(lib *library.Library, req ClosureRequest) (string, error) {
	if lib == nil {
		return "", errNotALibrary
	}
	var names reason.Problems
	for path, name := range map[string]string{"closure.name": req.Closure.Name, "closure.name_en": req.Closure.NameEn} {
		if n := utf8.RuneCountInString(name); n > MaxClosureName {
			names.Add(path, "is %d characters; at most %d", n, MaxClosureName)
		}
	}
	if err := names.Err(); err != nil {
		return "", err
	}
	ch, err := lib.Closing(req.Place, req.Closure)
	var ps reason.Problems
	switch {
	case errors.Is(err, library.ErrUnknownSite):
		return "", reason.BadInput("place", "%q is no place's id or name, nor \"courier\"", req.Place)
	case errors.As(err, &ps):
		out := make(reason.Problems, len(ps))
		for i, p := range ps {
			out[i] = p
			if p.Path != "place" {
				out[i].Path = "closure." + p.Path
			}
		}
		return "", out
	case err != nil:
		return "", err
	}
	if _, err := lib.Apply(ch, nil, nil, req.Options); err != nil {
		return "", err // the options' problems, at "options.…"
	}
	if req.Place == courier {
		return req.Place, nil
	}
	site, err := lib.Site(req.Place)
	return site.ID, err
}

// retrying runs f, one transaction, again while the database asks for
// a retry, up to maxAttempts times.
func retrying[T any](ctx context.Context, d dialect, f func() (T, error)) (T, error) {
	for attempt := 1; ; attempt++ {
		v, err := f()
		if err == nil || attempt == maxAttempts || !d.retryable(err) {
			return v, err
		}
		if err := pause(ctx, attempt); err != nil {
			var zero T
			return zero, err
		}
	}
}

// applyOnce is one attempt of ApplyClosure: one transaction, under the
// closures lock held exclusively.
func (s *Store) applyOnce(ctx context.Context, req ClosureRequest, place, key string, hash []byte, render ClosureRender) (Reply, error) {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return Reply{}, err
	}
	defer tx.Rollback()
	if err := s.d.closureLock(ctx, tx, true); err != nil {
		return Reply{}, err
	}
	if key != "" {
		if reply, ok, err := replay(ctx, tx, key, hash); ok || err != nil {
			return reply, err
		}
	}
	a, err := s.applied(ctx, tx, req, place)
	if err != nil {
		return Reply{}, err
	}
	status, body := render(a.result)
	if err := commitAnswer(ctx, tx, key, hash, status, body); err != nil {
		return Reply{}, err
	}
	if a.result.Added {
		s.publish(&ruleSet{rules: a.next, lib: a.next, v: a.v, read: time.Now()})
	}
	return Reply{Status: status, Body: body}, nil
}

// application is what applying a closure did in its transaction: the
// result, and the rules with the closure and their version.
type application struct {
	result ClosureResult
	next   *library.Library
	v      closuresVersion
}

// applied applies req to place in tx and writes what it changed: the
// closure, when it is new, and the reservations.
func (s *Store) applied(ctx context.Context, tx *sql.Tx, req ClosureRequest, place string) (application, error) {
	cur, err := s.rulesIn(ctx, tx)
	if err != nil {
		return application{}, err
	}
	if cur.lib == nil {
		return application{}, errNotALibrary
	}
	c := req.Closure
	var id int64
	err = tx.QueryRowContext(ctx, "SELECT id FROM closures WHERE place = $1 AND from_day = $2 AND to_day = $3",
		place, c.From.String(), c.To.String()).Scan(&id)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return application{}, err
	}
	a := application{result: ClosureResult{Request: req, Added: id == 0}, next: cur.lib, v: cur.v}
	prev := cur.lib // the rules before the closure
	var rs []library.ReservationRecord
	if a.result.Added {
		if a.next, err = cur.lib.WithClosure(place, c); err != nil {
			return application{}, err
		}
		if rs, err = s.movable(ctx, tx, c); err != nil {
			return application{}, err
		}
	} else if prev, err = s.build(ctx, tx, id); err != nil {
		return application{}, err
	}
	ch, err := prev.Closing(place, c)
	if err == nil {
		a.result.Applied, err = prev.Apply(ch, req.Loans, rs, req.Options)
	}
	if err != nil {
		return application{}, fmt.Errorf("store: applying the closure: %w", err)
	}
	a.result.Library = a.next
	n, err := writeMarked(ctx, tx, a.result.Applied.Reservations)
	if err == nil && a.result.Added {
		err = tx.QueryRowContext(ctx, `INSERT INTO closures (place, from_day, to_day, name, name_en, staff, reservations)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			place, c.From.String(), c.To.String(), c.Name, c.NameEn, req.Staff, n).Scan(&id)
		a.v = closuresVersion{rows: cur.v.rows + 1, last: id}
	}
	return a, err
}

// movable returns the active reservations whose dates closure c may
// move (library.Library.Apply), with their marks, in ID order: those
// ready with a deadline on or after its first day, and those secured or
// on their way by its last day, whose notices gave dates after that.
func (s *Store) movable(ctx context.Context, tx *sql.Tx, c calendar.Closure) ([]library.ReservationRecord, error) {
	rows, err := tx.QueryContext(ctx, "SELECT data, "+s.d.dateText("mark_from")+", "+s.d.dateText("mark_to")+", "+
		s.d.dateText("mark_original")+` FROM reservations
		WHERE (state = 'ready' AND deadline >= $1) OR (state IN ('secured', 'in_transit') AND secured_on <= $2)
		ORDER BY id`+s.d.forUpdate(), c.From.String(), c.To.String())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []library.ReservationRecord
	for rows.Next() {
		var (
			data             []byte
			from, to, before sql.NullString
			rec              library.ReservationRecord
		)
		if err := rows.Scan(&data, &from, &to, &before); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(data, &rec.Reservation); err != nil {
			return nil, fmt.Errorf("store: a stored reservation does not decode: %w", err)
		}
		if rec.Mark, err = markOf(from, to, before); err != nil {
			return nil, fmt.Errorf("store: the mark of reservation %d: %w", rec.Reservation.ID, err)
		}
		out = append(out, rec)
	}
	return out, rows.Err()
}

// markOf is the mark of the three mark columns; the zero Mark when
// none is set.
func markOf(from, to, original sql.NullString) (library.Mark, error) {
	var (
		m    library.Mark
		errs []error
	)
	for _, f := range []struct {
		col sql.NullString
		d   *calendar.Date
	}{{from, &m.From}, {to, &m.To}, {original, &m.Original}} {
		if f.col.Valid {
			var err error
			*f.d, err = calendar.ParseDate(f.col.String)
			errs = append(errs, err)
		}
	}
	return m, errors.Join(errs...)
}

// writeMarked stores each reservation record of applied once, with its
// mark, and returns how many it stored.
func writeMarked(ctx context.Context, tx *sql.Tx, applied []library.AppliedReservation) (int, error) {
	written := map[uint64]bool{}
	for _, a := range applied {
		r, m := a.Record.Reservation, a.Record.Mark
		if written[r.ID] {
			continue
		}
		written[r.ID] = true
		if err := writeReservation(ctx, tx, r); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE reservations SET mark_from = $2, mark_to = $3, mark_original = $4 WHERE id = $1",
			int64(r.ID), dateArg(m.From), dateArg(m.To), dateArg(m.Original)); err != nil {
			return 0, err
		}
	}
	return len(written), nil
}

// Mark returns the mark the last closure applied to reservation id left
// (X5): the zero Mark when none did; ErrNotFound when there is no such
// reservation.
func (s *Store) Mark(ctx context.Context, id uint64) (library.Mark, error) {
	if id == 0 || id > maxID {
		return library.Mark{}, ErrNotFound
	}
	var from, to, original sql.NullString
	err := s.r.QueryRowContext(ctx, "SELECT "+s.d.dateText("mark_from")+", "+s.d.dateText("mark_to")+", "+
		s.d.dateText("mark_original")+" FROM reservations WHERE id = $1", int64(id)).Scan(&from, &to, &original)
	if errors.Is(err, sql.ErrNoRows) {
		return library.Mark{}, ErrNotFound
	}
	if err != nil {
		return library.Mark{}, err
	}
	return markOf(from, to, original)
}
