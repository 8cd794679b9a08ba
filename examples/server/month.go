package main

import (
	"net/http"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
)

// month answers the month view of a place's calendar (C2, C4, C8,
// R-AL1), calendar.MonthView as it encodes: whole weeks, each day open or
// closed and why, in both languages, under the rules in force on each
// day. The place is a site's ID or name in the configuration:
// /v1/calendars/prefectural/2026-12.
func (s *service) month(w http.ResponseWriter, r *http.Request) {
	l := language(w, r)
	month := r.PathValue("month")
	first, err := calendar.ParseDate(month + "-01")
	if err != nil || len(month) != len("2006-01") {
		fail(w, l, reason.BadInput("month", "%q is not a month written YYYY-MM", month))
		return
	}
	view, err := s.library().Month(r.PathValue("place"), first.Year(), first.Month())
	decided(w, l, err, http.StatusOK, view)
}
