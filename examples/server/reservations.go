package main

import (
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/examples/server/store"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/reason"
)

// The reservation routes: My Page's reads, the desk's actions and the
// daily work, each change one transaction of the store
// (reservationStore.Change), each decision the SDK's.

// entry is a reservation as the reads answer it: the reservation, its
// queue position (H3) while active, and the name of its state in the
// negotiated language, as My Page shows it (貸出可能 for ready).
type entry struct {
	Position    int               `json:"position,omitzero"`
	Label       string            `json:"label"`
	Reservation holds.Reservation `json:"reservation"`
}

// entries returns es as entries in language l.
func entries(es []store.Entry, l reason.Lang) []entry {
	out := make([]entry, len(es))
	for i, e := range es {
		out[i] = entry{Position: e.Position, Label: e.Reservation.State.Label(l), Reservation: e.Reservation}
	}
	return out
}

type patronReservationsResponse struct {
	Patron       string  `json:"patron"`
	Reservations []entry `json:"reservations"`
}

// patronReservations answers My Page: a patron's active reservations,
// each with its position, state and dates (H3).
func (s *service) patronReservations(w http.ResponseWriter, r *http.Request) {
	l := language(w, r)
	patron := r.PathValue("patron")
	es, err := s.store.PatronReservations(r.Context(), patron)
	s.answer(w, r, l, err, http.StatusOK, patronReservationsResponse{Patron: patron, Reservations: entries(es, l)})
}

type itemQueueResponse struct {
	Item  string  `json:"item"`
	Queue []entry `json:"queue"`
}

// itemQueue answers the queue of an item, position 1 first (H3).
func (s *service) itemQueue(w http.ResponseWriter, r *http.Request) {
	l := language(w, r)
	item := r.PathValue("item")
	es, err := s.store.Queue(r.Context(), item)
	s.answer(w, r, l, err, http.StatusOK, itemQueueResponse{Item: item, Queue: entries(es, l)})
}

type reservationResponse struct {
	entry
	// Transitions are the audit trail, oldest first: every step, who
	// took it and the override it used.
	Transitions []holds.Transition `json:"transitions"`
}

// getReservation answers a reservation with its audit trail; 404 when
// there is none.
func (s *service) getReservation(w http.ResponseWriter, r *http.Request) {
	l := language(w, r)
	id, ok := pathID(r)
	if !ok {
		notFound(w, r)
		return
	}
	e, trail, err := s.store.Reservation(r.Context(), id)
	if trail == nil {
		trail = []holds.Transition{}
	}
	s.answer(w, r, l, err, http.StatusOK, reservationResponse{entries([]store.Entry{e}, l)[0], trail})
}

// pathID returns the {id} of r's path, a reservation ID.
func pathID(r *http.Request) (uint64, bool) {
	id, err := strconv.ParseUint(r.PathValue("id"), 10, 64)
	return id, err == nil && id > 0
}

// dayRequest is the body of a desk action that needs only its day.
type dayRequest struct {
	Today calendar.Date `json:"today"`
}

// shipRequest is the body of ActionShip: the day, and the items the
// patron has on loan (R-HD4, R-PT5).
type shipRequest struct {
	Today calendar.Date `json:"today"`
	Loans int           `json:"loans"`
}

// placeRequest is the body of a change of pickup place (H5, M1): the
// day, the new place and the partner libraries where the patron is
// registered (P1, R-PT1).
type placeRequest struct {
	Today            calendar.Date     `json:"today"`
	Place            circulation.Place `json:"place"`
	PartnerLibraries []string          `json:"partner_libraries,omitempty"`
}

// staffDayRequest is a staff cancellation: the day and the override.
type staffDayRequest struct {
	Today    calendar.Date `json:"today"`
	Override staffOverride `json:"override"`
}

// staffPlaceRequest is a staff change of place, with the override.
type staffPlaceRequest struct {
	placeRequest
	Override staffOverride `json:"override"`
}

// patronCancel cancels a patron's reservation from My Page (H5): only
// while it waits; from the notice on, ErrNeedsStaff says to telephone.
func (s *service) patronCancel(w http.ResponseWriter, r *http.Request, l reason.Lang, req dayRequest) {
	s.step(w, r, l, holds.Request{Action: holds.ActionCancel, By: holds.ByPatron, Today: req.Today})
}

// patronChangePlace changes the pickup place from My Page (H5).
func (s *service) patronChangePlace(w http.ResponseWriter, r *http.Request, l reason.Lang, req placeRequest) {
	s.step(w, r, l, holds.Request{
		Action: holds.ActionChangePlace, By: holds.ByPatron, Today: req.Today,
		Place: req.Place, PartnerLibraries: req.PartnerLibraries,
	})
}

// staffCancel cancels a reservation as staff (H5), after the notice
// with an override of ErrNeedsStaff.
func (s *service) staffCancel(w http.ResponseWriter, r *http.Request, l reason.Lang, req staffDayRequest) {
	ov, err := s.override(r, req.Override)
	if err != nil {
		fail(w, l, err)
		return
	}
	s.step(w, r, l, holds.Request{Action: holds.ActionCancel, By: holds.ByStaff, Today: req.Today, Override: ov})
}

// staffChangePlace changes the pickup place as staff (H5).
func (s *service) staffChangePlace(w http.ResponseWriter, r *http.Request, l reason.Lang, req staffPlaceRequest) {
	ov, err := s.override(r, req.Override)
	if err != nil {
		fail(w, l, err)
		return
	}
	s.step(w, r, l, holds.Request{
		Action: holds.ActionChangePlace, By: holds.ByStaff, Today: req.Today,
		Place: req.Place, PartnerLibraries: req.PartnerLibraries, Override: ov,
	})
}

// ship sends a secured item on its way (R-PT2, R-HD2), held back at the
// loan limit (R-HD4, R-PT5).
func (s *service) ship(w http.ResponseWriter, r *http.Request, l reason.Lang, req shipRequest) {
	s.step(w, r, l, holds.Request{Action: holds.ActionShip, Today: req.Today, Loans: req.Loans})
}

// makeReady puts an item on the hold shelf until its deadline (H3, H4).
func (s *service) makeReady(w http.ResponseWriter, r *http.Request, l reason.Lang, req dayRequest) {
	s.step(w, r, l, holds.Request{Action: holds.ActionMakeReady, Today: req.Today})
}

// collect makes a ready item a loan (L2, L5): the answer's loan.
func (s *service) collect(w http.ResponseWriter, r *http.Request, l reason.Lang, req dayRequest) {
	s.step(w, r, l, holds.Request{Action: holds.ActionCollect, Today: req.Today})
}

// secureNext secures a copy of an item that has become free for the
// first reservation in its queue that may go ahead (H3, H6).
func (s *service) secureNext(w http.ResponseWriter, r *http.Request, l reason.Lang, req dayRequest) {
	s.change(w, r, l, holds.Request{Action: holds.ActionSecure, Item: r.PathValue("item"), Today: req.Today}, renderChange(l))
}

// step takes a step of the reservation {id} of r's path: 404 when the
// store has none, or, on a patron's route, when it is another patron's,
// so that a front end cannot act on a reservation of someone else (the
// patron of a reservation never changes, so the check holds through the
// change's transaction).
func (s *service) step(w http.ResponseWriter, r *http.Request, l reason.Lang, req holds.Request) {
	id, ok := pathID(r)
	if !ok {
		notFound(w, r)
		return
	}
	e, _, err := s.store.Reservation(r.Context(), id)
	if err == nil && r.PathValue("patron") != "" && e.Reservation.Patron != r.PathValue("patron") {
		err = store.ErrNotFound
	}
	if err != nil {
		s.answer(w, r, l, err, 0, nil)
		return
	}
	req.ID = id
	s.change(w, r, l, req, renderChange(l))
}

// renderChange renders a granted desk action as the Change it made,
// with empty lists rather than null.
func renderChange(l reason.Lang) store.Render {
	return render(l, http.StatusOK, func(res store.Result) any {
		ch := res.Change
		if ch.Reservations == nil {
			ch.Reservations = []holds.Reservation{}
		}
		if ch.Transitions == nil {
			ch.Transitions = []holds.Transition{}
		}
		return ch
	})
}

// change asks the store to take req, in one transaction, under the
// request's idempotency key, and answers what rendered recorded
// (writeReply), or the problem of the store's error.
func (s *service) change(w http.ResponseWriter, r *http.Request, l reason.Lang, req holds.Request, rendered store.Render) {
	key, ok := idempotencyKey(w, r, l)
	if !ok {
		return
	}
	reply, err := s.store.Change(r.Context(), req, scopedKey(r, key), rendered)
	if err != nil {
		s.answer(w, r, l, err, 0, nil)
		return
	}
	writeReply(w, reply)
}

// answer writes the outcome of a call to the store: body with status
// when err is nil; 404 for store.ErrNotFound; 422 for a reused
// idempotency key; a refusal or bad input as fail writes them; and
// anything else, the storage failing, 500, the error going to the log
// only.
func (s *service) answer(w http.ResponseWriter, r *http.Request, l reason.Lang, err error, status int, body any) {
	var refusal *reason.Refusal
	switch {
	case err == nil:
		writeJSON(w, status, body)
	case errors.Is(err, store.ErrNotFound):
		notFound(w, r)
	case errors.Is(err, store.ErrKeyReused):
		writeProblem(w, l, http.StatusUnprocessableEntity, problemKeyReused, "send a new Idempotency-Key with a new request", nil)
	case errors.Is(err, store.ErrKeyInvalid):
		fail(w, l, reason.BadInput("Idempotency-Key", "is not 1 to %d visible ASCII characters", maxKey))
	case errors.As(err, &refusal), errors.Is(err, reason.ErrBadInput):
		fail(w, l, err)
	default:
		s.log.LogAttrs(r.Context(), slog.LevelError, "storage failed", slog.String("route", r.Pattern), slog.String("request_id", requestIDOf(r.Context())), slog.String("error", err.Error()))
		writeProblem(w, l, http.StatusInternalServerError, problemInternal, "request "+requestIDOf(r.Context()), nil)
	}
}

// dailyRequest asks for the work of a day.
type dailyRequest struct {
	Day calendar.Date `json:"day"`
}

type dailyResponse struct {
	Day calendar.Date `json:"day"`
	// Expired counts the reservations that expired on the day, by this
	// call or an earlier one: the notices of kind expired.
	Expired int            `json:"expired"`
	Notices []store.Notice `json:"notices"`
}

// dailyWork does the work of a day, once however often it is called:
// expires what passed its hold-shelf deadline (H4) and lists the notices
// due that day: each item secured (H6), each item held back at the loan
// limit (R-HD4, R-PT5), each reservation expired. Every call for the day
// answers the same. When the store could not expire some reservation it
// says so (500, logged), having expired the others: the job retries.
func (s *service) dailyWork(w http.ResponseWriter, r *http.Request, l reason.Lang, req dailyRequest) {
	if req.Day.IsZero() {
		fail(w, l, reason.BadInput("day", "is missing"))
		return
	}
	d, err := s.store.Daily(r.Context(), req.Day)
	if err != nil {
		s.answer(w, r, l, err, 0, nil)
		return
	}
	resp := dailyResponse{Day: req.Day, Notices: d.Notices}
	if resp.Notices == nil {
		resp.Notices = []store.Notice{}
	}
	for _, n := range d.Notices {
		if n.Kind == store.NoticeExpired {
			resp.Expired++
		}
	}
	writeJSON(w, http.StatusOK, resp)
}

// notFound answers 404, a problem.
func notFound(w http.ResponseWriter, r *http.Request) {
	writeProblem(w, language(w, r), http.StatusNotFound, problemNotFound, "", nil)
}
