package main

import (
	"net/http"
	"sync"

	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/shipping"
)

// service holds what the handlers decide with: the library's
// configuration (places, calendars, courier, policies, each in the
// version in force on a day), the parcel classifier, all immutable, and
// the reservation desk, which is not safe for concurrent use and so is
// guarded by mu. A real host keeps its reservations in a database; this
// one keeps them in memory, for the example.
type service struct {
	lib        *library.Library
	classifier *shipping.Classifier
	// tariff prices parcels: the configuration's rate tables, or, when
	// it has none (the default: a host confirms Japan Post's tariff
	// first), shipping.SampleTariff, and then sample is set and every
	// price says so.
	tariff *shipping.Tariff
	sample bool

	mu sync.Mutex
	// desk holds every reservation. Built once, it serves every day:
	// each request is decided under the rules in force on its today
	// (V1), with no rebuild.
	desk *holds.Desk
}

// newService returns the service of the configuration lib, with an empty
// desk.
func newService(lib *library.Library) (*service, error) {
	classifier, err := shipping.NewClassifier(shipping.Limits{})
	if err != nil {
		return nil, err
	}
	desk, err := lib.NewDesk(nil) // a real host passes the reservations it stored
	if err != nil {
		return nil, err
	}
	s := &service{lib: lib, classifier: classifier, tariff: lib.Tariff(), desk: desk}
	if s.tariff == nil || len(s.tariff.Tables()) == 0 {
		s.tariff, s.sample = shipping.SampleTariff(), true
	}
	return s, nil
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
		{"POST", "/v1/due-dates", computeStatuses, handle(s.dueDate)},
		{"POST", "/v1/extensions", decideStatuses, handle(s.extend)},
		{"POST", "/v1/staff/extensions", decideStatuses, handle(s.staffExtend)},
		{"POST", "/v1/checkouts", checkoutStatuses, handle(s.checkout)},
		{"POST", "/v1/staff/checkouts", checkoutStatuses, handle(s.staffCheckout)},
		{"POST", "/v1/shelf-deadlines", computeStatuses, handle(s.shelfDeadline)},
		{"POST", "/v1/timelines", computeStatuses, handle(s.timeline)},
		{"POST", "/v1/notices", computeStatuses, handle(s.notice)},
		{"GET", "/v1/calendars/{place}/{month}", []int{http.StatusOK, http.StatusBadRequest}, s.month},
		{"POST", "/v1/checks/email", decideStatuses, handle(s.checkEmail)},
		{"POST", "/v1/checks/password", decideStatuses, handle(s.checkPassword)},
		{"POST", "/v1/checks/card-number", decideStatuses, handle(s.checkCardNumber)},
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
