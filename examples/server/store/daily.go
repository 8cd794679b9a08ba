package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
)

// NoticeKind is why a patron is sent a notice on a day.
type NoticeKind string

// The notices of a day (Daily).
const (
	// NoticeSecured: the item was secured that day and the notice email
	// (予約資料確保メール) goes out (H6). A host renders it with
	// library.Library.Notice, for the patron's loans that day: at the
	// loan limit the notice says the item is held back (R-HD4, R-PT5).
	NoticeSecured NoticeKind = "secured"
	// NoticeHeldBack: an item secured for a partner library or for home
	// delivery whose sending day (holds.Timeline.Sent, at no loan) has
	// passed without it being sent: it waits for a return (R-HD4,
	// R-PT5). Listed every day until it is sent or cancelled, a work
	// list for staff and a reminder for the patron.
	NoticeHeldBack NoticeKind = "held_back"
	// NoticeExpired: the reservation expired that day, its hold-shelf
	// deadline having passed (H4).
	NoticeExpired NoticeKind = "expired"
)

// Notice is one notice due on a day.
type Notice struct {
	Kind        NoticeKind        `json:"kind"`
	Reservation holds.Reservation `json:"reservation"`
}

// Daily is the daily work of a day: what it expired and the notices
// due.
type Daily struct {
	Day calendar.Date `json:"day"`
	// Expired are the reservations this call expired, in ID order, and
	// Transitions their audit rows; empty when another call expired them
	// first.
	Expired     []holds.Reservation `json:"expired"`
	Transitions []holds.Transition  `json:"transitions"`
	// Notices are the notices due on the day, by kind (secured, held
	// back, expired) and then by reservation ID. They are read from the
	// stored reservations, so every call for the day lists the same.
	Notices []Notice `json:"notices"`
}

// expireBatch bounds the reservations expired in one transaction.
const expireBatch = 200

// Daily does the work of day, idempotently: it expires every ready
// reservation whose hold-shelf deadline is before day (H4), in
// transactions of at most 200, each under the locks of the items and
// patrons concerned, and lists the notices due on day. A second call
// for the same day expires nothing more and lists the same notices.
// When some reservation cannot be expired (holds.Desk.ExpireDue's
// error), the others are expired all the same, and the error is
// returned with the Daily.
func (s *Store) Daily(ctx context.Context, day calendar.Date) (Daily, error) {
	if day.IsZero() {
		return Daily{}, errors.New("store: Daily needs a day")
	}
	out := Daily{Day: day}
	var errs []error
	for after := int64(0); ; {
		ids, last, err := s.dueIDs(ctx, day, after)
		if err != nil || len(ids) == 0 {
			if err != nil {
				errs = append(errs, err)
			}
			break
		}
		after = last
		ch, err := s.expire(ctx, day, ids)
		out.Expired = append(out.Expired, ch.Reservations...)
		out.Transitions = append(out.Transitions, ch.Transitions...)
		if err != nil {
			errs = append(errs, err)
		}
	}
	notices, err := s.notices(ctx, s.current(ctx).rules, day)
	out.Notices = notices
	return out, errors.Join(append(errs, err)...)
}

// dueIDs returns up to expireBatch IDs after after of reservations
// ready past their deadline, and the last.
func (s *Store) dueIDs(ctx context.Context, day calendar.Date, after int64) ([]int64, int64, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT id FROM reservations WHERE state = 'ready' AND deadline < $1 AND id > $2 ORDER BY id LIMIT $3",
		day.String(), after, expireBatch)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, 0, err
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return nil, 0, rows.Err()
	}
	return ids, ids[len(ids)-1], rows.Err()
}

// expire expires, in one transaction, those of ids still due on day.
func (s *Store) expire(ctx context.Context, day calendar.Date, ids []int64) (holds.Change, error) {
	return retrying(ctx, s.d, func() (holds.Change, error) { return s.expireOnce(ctx, day, ids) })
}

// expireOnce is one attempt of expire.
func (s *Store) expireOnce(ctx context.Context, day calendar.Date, ids []int64) (holds.Change, error) {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return holds.Change{}, err
	}
	defer tx.Rollback()
	rules, err := s.writeRules(ctx, tx)
	if err != nil {
		return holds.Change{}, err
	}
	byID := "SELECT data FROM reservations WHERE id IN (" + placeholders(1, len(ids)) + ") AND state = 'ready' ORDER BY id"
	due, err := selectReservations(ctx, tx, byID, args(ids)...)
	if err != nil {
		return holds.Change{}, err
	}
	var items, patrons []string
	for _, r := range due {
		items, patrons = append(items, r.Item), append(patrons, r.Patron)
	}
	if err := s.lockItems(ctx, tx, items...); err != nil {
		return holds.Change{}, err
	}
	if err := s.lockPatrons(ctx, tx, patrons...); err != nil {
		return holds.Change{}, err
	}
	if due, err = selectReservations(ctx, tx, byID+s.d.forUpdate(), args(ids)...); err != nil { // again, under the locks
		return holds.Change{}, err
	}
	// A batch of the rows ReadSet{Due: day} names: ExpireDue expires
	// those it holds.
	desk, err := holds.NewPartialDesk(rules, holds.ReadSet{Due: day}, due, 0)
	if err != nil {
		return holds.Change{}, fmt.Errorf("store: the stored reservations are inconsistent: %w", err)
	}
	ch, expErr := desk.ExpireDue(day)
	if err := write(ctx, tx, ch); err != nil {
		return holds.Change{}, err
	}
	if err := tx.Commit(); err != nil {
		return holds.Change{}, err
	}
	return ch, expErr
}

// notices lists the notices due on day, under rules.
func (s *Store) notices(ctx context.Context, rules holds.Rules, day calendar.Date) ([]Notice, error) {
	var out []Notice
	secured, err := selectReservations(ctx, s.r, "SELECT data FROM reservations WHERE secured_on = $1 AND active ORDER BY id", day.String())
	if err != nil {
		return nil, err
	}
	for _, r := range secured {
		out = append(out, Notice{Kind: NoticeSecured, Reservation: r})
	}
	waiting, err := selectReservations(ctx, s.r, "SELECT data FROM reservations WHERE state = 'secured' AND secured_on < $1 AND active ORDER BY id", day.String())
	if err != nil {
		return nil, err
	}
	for _, r := range waiting {
		if heldBack(rules, r, day) {
			out = append(out, Notice{Kind: NoticeHeldBack, Reservation: r})
		}
	}
	expired, err := selectReservations(ctx, s.r, "SELECT data FROM reservations WHERE state = 'expired' AND ended_on = $1 ORDER BY id", day.String())
	if err != nil {
		return nil, err
	}
	for _, r := range expired {
		out = append(out, Notice{Kind: NoticeExpired, Reservation: r})
	}
	return out, nil
}

// heldBack reports whether secured reservation r, for a partner library
// or home delivery, should have been sent before day, under rules.
func heldBack(rules holds.Rules, r holds.Reservation, day calendar.Date) bool {
	if r.Place.Method != circulation.PartnerLibrary && r.Place.Method != circulation.HomeDelivery {
		return false
	}
	t, err := rules.HoldPolicy(r.SecuredOn).Timeline(r, rules.Calendars(r.SecuredOn), 0)
	return err == nil && !t.Sent.IsZero() && t.Sent.Before(day)
}
