package main

import (
	"net/http"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/examples/server/store"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/notice"
	"github.com/kashidashi/kashidashi/reason"
)

// closureRequest is an unplanned closure to apply (X5): the place closed
// (a place's id or name, or "courier" for the courier), the closure as
// staff announce it (C4), the host's loans it may move (the service
// keeps none), and the options of the spreading of returns (X7).
type closureRequest struct {
	Place   string               `json:"place"`
	Closure closure              `json:"closure"`
	Loans   []library.LoanRecord `json:"loans,omitempty"`
	Options library.ApplyOptions `json:"options,omitzero"`
}

// closure is calendar.Closure on the wire: its days, inclusive, and its
// reason in Japanese and in English.
type closure struct {
	Name   string        `json:"name"`
	NameEn string        `json:"name_en,omitempty"`
	From   calendar.Date `json:"from"`
	To     calendar.Date `json:"to"`
}

// closureResponse is what applying a closure changed: the loans given,
// each with the record the host stores; the stored reservations, as
// now stored; and the notice to each patron concerned (X6).
type closureResponse struct {
	// Added reports that the closure was stored by this request; false
	// when it was stored before (then no reservation changes again).
	Added        bool                 `json:"added"`
	Loans        []appliedLoan        `json:"loans"`
	Reservations []appliedReservation `json:"reservations"`
	Notices      []closureNotice      `json:"notices"`
}

// appliedLoan is library.AppliedLoan with its reason in the negotiated
// language.
type appliedLoan struct {
	Index    int                `json:"index"`
	Record   library.LoanRecord `json:"record"`
	Original calendar.Date      `json:"original"`
	New      calendar.Date      `json:"new"`
	Reason   reason.Message     `json:"reason"`
}

// appliedReservation is library.AppliedReservation with its reason in
// the negotiated language: a date of a stored reservation that moved.
type appliedReservation struct {
	Record   library.ReservationRecord `json:"record"`
	Original calendar.Date             `json:"original"`
	New      calendar.Date             `json:"new"`
	Reason   reason.Message            `json:"reason"`
}

// closureNotice is notice.ClosureNotice with its text in both languages,
// for the patron's own.
type closureNotice struct {
	Patron string               `json:"patron"`
	Lines  []notice.ClosureLine `json:"lines"`
	Text   closureTexts         `json:"text"`
}

// closureTexts is a notice's text in Japanese and in English.
type closureTexts struct {
	Ja string `json:"ja"`
	En string `json:"en"`
}

// applyClosure applies an unplanned closure (X5) in one transaction of
// the store, under the request's Idempotency-Key: the closure is stored
// (once for a place and its days), every stored reservation whose dates
// it moves is changed and marked, and the loans given come back with
// the records to store; from then on every decision counts the closure.
// The member of staff is the token's. An unknown place, bad days or bad
// options are 400, each at its path.
func (s *service) applyClosure(w http.ResponseWriter, r *http.Request, l reason.Lang, req closureRequest) {
	key, ok := idempotencyKey(w, r, l)
	if !ok {
		return
	}
	reply, err := s.store.ApplyClosure(r.Context(), store.ClosureRequest{
		Place: req.Place, Closure: calendar.Closure(req.Closure), Loans: req.Loans, Options: req.Options,
		Staff: callerOf(r.Context()).name,
	}, scopedKey(r, key), renderClosure(l))
	if err != nil {
		s.answer(w, r, l, err, 0, nil)
		return
	}
	writeReply(w, reply)
}

// renderClosure renders what applying a closure changed, in language l.
func renderClosure(l reason.Lang) store.ClosureRender {
	return func(res store.ClosureResult) (int, []byte) {
		return recorded(l, http.StatusOK, closureAnswer(l, res))
	}
}

// closureAnswer is the answer of res in language l.
func closureAnswer(l reason.Lang, res store.ClosureResult) closureResponse {
	a := res.Applied
	out := closureResponse{Added: res.Added, Loans: make([]appliedLoan, len(a.Loans)),
		Reservations: make([]appliedReservation, len(a.Reservations)), Notices: []closureNotice{}}
	for i, x := range a.Loans {
		out.Loans[i] = appliedLoan{Index: x.Index, Record: x.Record, Original: x.Original, New: x.New, Reason: localized1(x.Reason, l)}
	}
	for i, x := range a.Reservations {
		out.Reservations[i] = appliedReservation{Record: x.Record, Original: x.Original, New: x.New, Reason: localized1(x.Reason, l)}
	}
	for _, n := range res.Library.ClosureNotices(a) {
		out.Notices = append(out.Notices, closureNotice{Patron: n.Patron, Lines: n.Lines,
			Text: closureTexts{Ja: n.Text(nil, reason.Japanese), En: n.Text(nil, reason.English)}})
	}
	return out
}

// storedClosure is a closure applied, as listClosures gives it: its ID,
// the place closed (a place's id, or "courier"), the closure, the
// member of staff who applied it and how many stored reservations it
// changed.
type storedClosure struct {
	ID           int64   `json:"id"`
	Place        string  `json:"place"`
	Closure      closure `json:"closure"`
	Staff        string  `json:"staff"`
	Reservations int     `json:"reservations"`
}

type closuresResponse struct {
	Closures []storedClosure `json:"closures"`
}

// listClosures lists every closure applied (X5), in the order applied:
// what every decision of the service now counts besides the
// configuration.
func (s *service) listClosures(w http.ResponseWriter, r *http.Request) {
	l := language(w, r)
	cs, err := s.store.Closures(r.Context())
	out := closuresResponse{Closures: make([]storedClosure, len(cs))}
	for i, c := range cs {
		out.Closures[i] = storedClosure{ID: c.ID, Place: c.Place, Closure: closure(c.Closure), Staff: c.Staff, Reservations: c.Reservations}
	}
	s.answer(w, r, l, err, http.StatusOK, out)
}

// localized1 is the one reason c in language l.
func localized1(c reason.Coded, l reason.Lang) reason.Message {
	if c == nil {
		return reason.Message{}
	}
	return reason.Localize(c, l)[0]
}
