package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"

	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/shipping"
)

// service holds what the handlers decide with: the library's
// configuration (places, calendars, courier, policies, each in the
// version in force on a day), loaded once at start, and the parcel
// classifier; the store, where the reservations live and the closures
// applied since (library returns the configuration with them); the
// tokens of the callers; and the log.
type service struct {
	config     *library.Library
	classifier *shipping.Classifier
	// tariff prices parcels: the configuration's rate tables, or, when
	// it has none (the default: a host confirms Japan Post's tariff
	// first), shipping.SampleTariff, and then sample is set and every
	// price says so.
	tariff *shipping.Tariff
	sample bool

	// store keeps the reservations and the closures applied: every
	// change is one of its transactions, and no desk lives across
	// requests.
	store reservationStore
	// tokens are the callers' tokens; nil for an open service, which
	// lets every caller in as staff (on loopback only, see run).
	tokens *tokens
	log    *slog.Logger
}

// options are what a service is given besides its configuration.
type options struct {
	store  reservationStore
	tokens *tokens
	log    *slog.Logger // nil: no log
}

// newService returns the service of the configuration lib.
func newService(lib *library.Library, o options) (*service, error) {
	classifier, err := shipping.NewClassifier(shipping.Limits{})
	if err != nil {
		return nil, err
	}
	if o.log == nil {
		o.log = slog.New(slog.NewJSONHandler(io.Discard, nil))
	}
	s := &service{config: lib, classifier: classifier, tariff: lib.Tariff(), store: o.store, tokens: o.tokens, log: o.log}
	if s.tariff == nil || len(s.tariff.Tables()) == 0 {
		s.tariff, s.sample = shipping.SampleTariff(), true
	}
	return s, nil
}

// library returns the configuration decisions are made under: the one
// the service was started with plus every closure applied (X5), as the
// store last read them (reservationStore.Library); each handler asks
// once and decides under what it got.
func (s *service) library() *library.Library {
	if s.store != nil {
		if lib := s.store.Library(context.Background()); lib != nil {
			return lib
		}
	}
	return s.config
}

// route is one operation: its method and path as the OpenAPI document
// writes them, its operationId there, the role it needs, and its
// handler. The document lists exactly these (TestContract).
type route struct {
	method, path string
	operation    string
	role         role
	handle       http.HandlerFunc
}

// routes is the route table: the mux, the OpenAPI tests and the
// authorization tests all walk it, so that no route slips past any.
func (s *service) routes() []route {
	return []route{
		{"GET", "/healthz", "healthz", rolePublic, healthz},
		{"GET", "/readyz", "readyz", rolePublic, s.readyz},
		{"GET", "/openapi.json", "openapi", rolePublic, serveOpenAPI},
		{"POST", "/v1/due-dates", "dueDate", roleService, handle(s.dueDate)},
		{"POST", "/v1/extensions", "extend", roleService, handle(s.extend)},
		{"POST", "/v1/staff/extensions", "staffExtend", roleStaff, handleRequest(s.staffExtend)},
		{"POST", "/v1/checkouts", "checkout", roleService, handleRequest(s.checkout)},
		{"POST", "/v1/staff/checkouts", "staffCheckout", roleStaff, handleRequest(s.staffCheckout)},
		{"GET", "/v1/patrons/{patron}/reservations", "listPatronReservations", roleService, s.patronReservations},
		{"POST", "/v1/patrons/{patron}/reservations/{id}/cancel", "cancelReservation", roleService, handleRequest(s.patronCancel)},
		{"POST", "/v1/patrons/{patron}/reservations/{id}/place", "changePlace", roleService, handleRequest(s.patronChangePlace)},
		{"GET", "/v1/items/{item}/queue", "itemQueue", roleStaff, s.itemQueue},
		{"POST", "/v1/staff/items/{item}/secure", "secureNext", roleStaff, handleRequest(s.secureNext)},
		{"GET", "/v1/reservations/{id}", "getReservation", roleStaff, s.getReservation},
		{"POST", "/v1/staff/reservations/{id}/cancel", "staffCancelReservation", roleStaff, handleRequest(s.staffCancel)},
		{"POST", "/v1/staff/reservations/{id}/place", "staffChangePlace", roleStaff, handleRequest(s.staffChangePlace)},
		{"POST", "/v1/staff/reservations/{id}/ship", "ship", roleStaff, handleRequest(s.ship)},
		{"POST", "/v1/staff/reservations/{id}/ready", "makeReady", roleStaff, handleRequest(s.makeReady)},
		{"POST", "/v1/staff/reservations/{id}/collect", "collect", roleStaff, handleRequest(s.collect)},
		{"POST", "/v1/staff/daily-work", "dailyWork", roleStaff, handleRequest(s.dailyWork)},
		{"POST", "/v1/shelf-deadlines", "shelfDeadline", roleService, handle(s.shelfDeadline)},
		{"POST", "/v1/timelines", "timeline", roleService, handle(s.timeline)},
		{"POST", "/v1/notices", "notice", roleService, handle(s.notice)},
		{"GET", "/v1/calendars/{place}/{month}", "month", roleService, s.month},
		{"POST", "/v1/checks/email", "checkEmail", roleService, handle(s.checkEmail)},
		{"POST", "/v1/checks/password", "checkPassword", roleService, handle(s.checkPassword)},
		{"POST", "/v1/checks/card-number", "checkCardNumber", roleService, handle(s.checkCardNumber)},
		{"POST", "/v1/parcels", "parcel", roleService, s.parcel},
		{"POST", "/v1/extension-windows", "extensionWindow", roleService, handle(s.extensionWindow)},
		{"POST", "/v1/patron-status", "patronStatus", roleService, handle(s.patronStatus)},
		{"POST", "/v1/staff/policy-explanations", "explainPolicy", roleStaff, handle(s.explainPolicy)},
		{"POST", "/v1/staff/reservations/{id}/extend-shelf", "extendShelf", roleStaff, handleRequest(s.extendShelf)},
		{"POST", "/v1/staff/policy-what-if", "policyWhatIf", roleStaff, handle(s.policyWhatIf)},
		{"POST", "/v1/staff/closures", "applyClosure", roleStaff, handleRequest(s.applyClosure)},
		{"GET", "/v1/staff/closures", "listClosures", roleStaff, s.listClosures},
	}
}

// handler returns the service's handler: each route behind the check of
// its role, on a ServeMux; 405 for another method on a route's path,
// with Allow, and 404 for any other path, both problems; the whole behind
// the access log.
func (s *service) handler() http.Handler {
	mux := http.NewServeMux()
	allow := map[string][]string{}
	var paths []string
	for _, r := range s.routes() {
		mux.HandleFunc(r.method+" "+r.path, s.authorize(r.role, r.handle))
		if allow[r.path] == nil {
			paths = append(paths, r.path)
		}
		allow[r.path] = append(allow[r.path], r.method)
		if r.method == "GET" {
			allow[r.path] = append(allow[r.path], "HEAD")
		}
	}
	for _, p := range paths {
		methods := strings.Join(slices.Sorted(slices.Values(allow[p])), ", ")
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", methods)
			writeProblem(w, language(w, r), http.StatusMethodNotAllowed, problemMethod, r.Method+" is not allowed; allowed: "+methods, nil)
		})
	}
	mux.HandleFunc("/", notFound)
	return accessLog(s.log, mux)
}
