package main

import (
	"errors"
	"net/http"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
)

// errMonth reports a month that is not YYYY-MM.
var errMonth = errors.New("server: month must be written YYYY-MM")

// month answers the month view of a place's calendar (C2, C4, R-AL1),
// calendar.MonthView as it encodes: whole weeks, each day open or closed
// and why, in both languages. The place is the query's method (and
// library, for a partner library):
// /v1/calendars/2026-12?method=prefectural_library.
func (s *service) month(w http.ResponseWriter, r *http.Request) {
	l := language(w, r)
	q := r.URL.Query()
	var place circulation.Place
	if err := place.Method.UnmarshalText([]byte(q.Get("method"))); err != nil {
		fail(w, l, err)
		return
	}
	place.Library = q.Get("library")
	at, err := s.cals.At(place)
	if err != nil {
		fail(w, l, err)
		return
	}
	month := r.PathValue("month")
	first, err := calendar.ParseDate(month + "-01")
	if err != nil || len(month) != len("2006-01") {
		fail(w, l, errors.Join(errMonth, err))
		return
	}
	writeJSON(w, http.StatusOK, at.Month(first.Year(), first.Month()))
}
