package main

import (
	"errors"
	"net/http"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
)

// errNoDeadline reports a first pickup day with no deadline in the
// calendar's span (or no day at all).
var errNoDeadline = errors.New("server: no hold-shelf deadline: first_pickup is missing or beyond the calendar")

// errMonth reports a month that is not YYYY-MM.
var errMonth = errors.New("server: month must be written YYYY-MM")

type monthDay struct {
	Date   calendar.Date `json:"date"`
	Open   bool          `json:"open"`
	Closed string        `json:"closed,omitempty"`
	Label  string        `json:"label,omitempty"`
}

type monthResponse struct {
	Place circulation.Place `json:"place"`
	Month string            `json:"month"`
	Days  []monthDay        `json:"days"`
}

// month answers a month of a place's calendar (C2, C4, R-AL1): every day,
// open or closed and why. The place is the query's method (and library,
// for a partner library): /v1/calendars/2026-12?method=prefectural_library.
func (s *service) month(w http.ResponseWriter, r *http.Request) {
	l := language(w, r)
	q := r.URL.Query()
	var place circulation.Place
	if err := place.Method.UnmarshalText([]byte(q.Get("method"))); err != nil {
		decided(w, l, err, 0, nil)
		return
	}
	place.Library = q.Get("library")
	at, err := s.cals.At(place)
	if err != nil {
		decided(w, l, err, 0, nil)
		return
	}
	month := r.PathValue("month")
	first, err := calendar.ParseDate(month + "-01")
	if err != nil || len(month) != len("2006-01") {
		decided(w, l, errors.Join(errMonth, err), 0, nil)
		return
	}
	resp := monthResponse{Place: place, Month: month, Days: make([]monthDay, 0, first.DaysInMonth())}
	for d := first; d.Month() == first.Month() && !d.IsZero(); d = d.AddDays(1) {
		day := monthDay{Date: d, Open: at.IsOpen(d)}
		if why, closed := at.WhyClosed(d); closed {
			day.Closed, day.Label = why.String(), why.Label(l)
		}
		resp.Days = append(resp.Days, day)
	}
	writeJSON(w, http.StatusOK, resp)
}
