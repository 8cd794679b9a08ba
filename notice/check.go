package notice

import (
	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

// securedProblems returns what keeps r, t and parcel from making a
// notice, in the order of Secured's arguments; empty when nothing does.
func securedProblems(r holds.Reservation, t holds.Timeline, parcel shipping.Class) reason.Problems {
	var ps reason.Problems
	if r.Item == "" {
		ps.Add("reservation.item", "missing")
	}
	placeOK := placeProblems(&ps, "reservation.place", r.Place)
	if r.SecuredOn.IsZero() {
		ps.Add("reservation.secured_on", "missing: the reservation has not been secured (H6)")
	}
	if placeOK {
		timelineProblems(&ps, r, t)
		parcelProblems(&ps, r.Place.Method, parcel)
	}
	return ps
}

// placeProblems adds what is wrong with p at path and reports whether p
// is a valid place.
func placeProblems(ps *reason.Problems, path string, p circulation.Place) bool {
	n := len(*ps)
	switch {
	case !p.Method.Valid():
		ps.Add(path+".method", "no valid method")
	case p.Method == circulation.PartnerLibrary && p.Library == "":
		ps.Add(path+".library", "a partner library place must name the library")
	case p.Method != circulation.PartnerLibrary && p.Library != "":
		ps.Add(path+".library", "only a partner library place names a library")
	}
	return len(*ps) == n
}

// timelineProblems adds what keeps t from being the timeline of r with
// every date the route of r gives.
func timelineProblems(ps *reason.Problems, r holds.Reservation, t holds.Timeline) {
	if t.Place != r.Place {
		ps.Add("timeline.place", "not the reservation's place")
	}
	if t.Notice != r.SecuredOn {
		ps.Add("timeline.notice", "not the reservation's secured_on (H6)")
	}
	switch {
	case r.Place.Method == circulation.PrefecturalLibrary && t.Counter != r.Collection.Counter():
		ps.Add("timeline.counter", "not the counter of the reservation's collection (R-PL1)")
	case r.Place.Method != circulation.PrefecturalLibrary && t.Counter != 0:
		ps.Add("timeline.counter", "only the Prefectural Library lends at a counter of its own (R-PL1)")
	}
	travels := r.Place.Method == circulation.PartnerLibrary || r.Place.Method == circulation.HomeDelivery
	switch {
	case !t.HeldBack:
		for _, d := range routeDates(r.Place.Method, t) {
			if d.date.IsZero() {
				ps.Add("timeline."+d.path, "missing (%s)", d.rules)
			}
		}
	case !travels:
		ps.Add("timeline.held_back", "only an item that travels is held back (R-HD4, R-PT5)")
	case t.LoanLimit < 1:
		ps.Add("timeline.loan_limit", "a held-back timeline gives the loan limit (R-HD4, R-PT5)")
	}
}

// datedField is one date a notice gives: its path in a timeline, the
// rules that set it, and its value.
type datedField struct {
	path, rules string
	date        calendar.Date
}

// routeDates returns the dates of t a notice for method gives, when
// the item is not held back.
func routeDates(method circulation.Method, t holds.Timeline) []datedField {
	pickup := datedField{"first_pickup", "R-PL1, R-AL2, R-PT3", t.FirstPickup}
	deadline := datedField{"deadline", "H4", t.Deadline}
	due := datedField{"due", "L2", t.Due}
	switch method {
	case circulation.PrefecturalLibrary, circulation.AssemblyLibrary:
		return []datedField{pickup, deadline}
	case circulation.PartnerLibrary:
		return []datedField{{"sent", "R-PT2", t.Sent}, pickup, deadline, due}
	case circulation.HomeDelivery:
		return []datedField{{"sent", "R-HD2", t.Sent}, due}
	}
	return nil
}

// parcelProblems adds what is wrong with the parcel class of an item
// received by method: home delivery needs a complete class (R-HD3), the
// other routes none.
func parcelProblems(ps *reason.Problems, method circulation.Method, parcel shipping.Class) {
	switch {
	case method != circulation.HomeDelivery:
		if parcel != (shipping.Class{}) {
			ps.Add("parcel", "only home delivery is posted in a parcel class (R-HD3)")
		}
	case !parcel.Service.Valid():
		ps.Add("parcel.service", "home delivery needs the service the item is posted by (R-HD3)")
	case parcel.Service == shipping.YuMail && parcel.Size != 0:
		ps.Add("parcel.size", "Yu-Mail has no size band (R-HD3)")
	case parcel.Service != shipping.YuMail && parcel.Size <= 0:
		ps.Add("parcel.size", "missing: a Yu-Pack parcel has a size band (R-HD3)")
	}
}
