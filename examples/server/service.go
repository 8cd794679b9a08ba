package main

import (
	"net/http"
	"sync"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/shipping"
)

// service holds what the handlers decide with: the policies, the
// calendars, the parcel classifier and tariff, all immutable, and the
// reservation desk, which is not safe for concurrent use and so is
// guarded by mu. A real host keeps its reservations in a database and
// rebuilds or locks the desk around each change; this one keeps them in
// memory, for the example.
type service struct {
	circ       circulation.Policy
	holds      holds.Policy
	cals       holds.Calendars
	classifier *shipping.Classifier
	tariff     *shipping.Tariff

	mu   sync.Mutex
	desk *holds.Desk
}

// partnerLibraries are the example's partner libraries (M1), each with
// its own calendar (C4): a host loads its own.
func partnerLibraries() map[string]*calendar.Calendar {
	return map[string]*calendar.Calendar{
		"江別市情報図書館": calendar.MustNew(calendar.Rules{
			Name:             "江別市情報図書館",
			ClosedWeekdays:   calendar.WeekdaysOf(time.Monday),
			ClosedOnHolidays: true,
			YearEnd:          true,
		}),
		"小樽市立図書館": calendar.MustNew(calendar.Rules{
			Name:             "小樽市立図書館",
			ClosedWeekdays:   calendar.WeekdaysOf(time.Monday, time.Thursday),
			ClosedOnHolidays: true,
			YearEnd:          true,
		}),
	}
}

// newService returns the service with the published policies and
// calendars and an empty desk.
func newService() (*service, error) {
	cals, err := holds.DefaultCalendars()
	if err != nil {
		return nil, err
	}
	cals.Partners = partnerLibraries()
	classifier, err := shipping.NewClassifier(shipping.Limits{})
	if err != nil {
		return nil, err
	}
	hp := holds.DefaultPolicy()
	desk, err := holds.NewDesk(hp, nil)
	if err != nil {
		return nil, err
	}
	return &service{
		circ: hp.Circulation, holds: hp, cals: cals,
		classifier: classifier, tariff: shipping.SampleTariff(), desk: desk,
	}, nil
}

// route is one endpoint: its method and path as the OpenAPI document
// writes them, the statuses it answers with, and its handler.
type route struct {
	method, path string
	statuses     []int
	handle       http.HandlerFunc
}

// Statuses every endpoint that reads a JSON body may answer with.
var (
	bodyStatuses     = []int{http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType}
	decideStatuses   = append([]int{http.StatusOK, http.StatusUnprocessableEntity}, bodyStatuses...)
	computeStatuses  = append([]int{http.StatusOK}, bodyStatuses...)
	checkoutStatuses = append([]int{http.StatusCreated, http.StatusUnprocessableEntity}, bodyStatuses...)
)

// routes is the route table: the mux and the OpenAPI test both walk it.
func (s *service) routes() []route {
	return []route{
		{"GET", "/openapi.json", []int{http.StatusOK}, serveOpenAPI},
		{"POST", "/v1/due-dates", computeStatuses, s.dueDate},
		{"POST", "/v1/extensions", decideStatuses, s.extend},
		{"POST", "/v1/staff/extensions", decideStatuses, s.staffExtend},
		{"POST", "/v1/checkouts", checkoutStatuses, s.checkout},
		{"POST", "/v1/staff/checkouts", checkoutStatuses, s.staffCheckout},
		{"POST", "/v1/shelf-deadlines", computeStatuses, s.shelfDeadline},
		{"POST", "/v1/timelines", computeStatuses, s.timeline},
		{"POST", "/v1/notices", computeStatuses, s.notice},
		{"GET", "/v1/calendars/{month}", []int{http.StatusOK, http.StatusBadRequest}, s.month},
		{"POST", "/v1/checks/email", decideStatuses, s.checkEmail},
		{"POST", "/v1/checks/password", decideStatuses, s.checkPassword},
		{"POST", "/v1/checks/card-number", decideStatuses, s.checkCardNumber},
		{"POST", "/v1/parcels", decideStatuses, s.parcel},
	}
}

// handler returns the service's handler: the routes on a ServeMux, which
// answers 404 and 405 for the rest.
func (s *service) handler() http.Handler {
	mux := http.NewServeMux()
	for _, r := range s.routes() {
		mux.HandleFunc(r.method+" "+r.path, r.handle)
	}
	return mux
}
