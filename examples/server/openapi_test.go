package main

import (
	"encoding/json"
	"maps"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/examples/server/store"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/notice"
	"github.com/kashidashi/kashidashi/reason"
)

// operation returns the document's operation of route r.
func operation(doc map[string]any, r route) map[string]any {
	op, _ := dig(doc, "paths", r.path, strings.ToLower(r.method)).(map[string]any)
	return op
}

// resolve follows a $ref of the document, if v is one.
func resolve(doc map[string]any, v any) map[string]any {
	m, _ := v.(map[string]any)
	if ref, ok := m["$ref"].(string); ok {
		m, _ = dig(doc, strings.Split(strings.TrimPrefix(ref, "#/"), "/")...).(map[string]any)
	}
	return m
}

// pathParam matches a parameter of a path template.
var pathParam = regexp.MustCompile(`\{([a-z_]+)\}`)

// TestOpenAPIDocumentsEveryRoute walks the route table, which is what
// the mux serves, and the document: every route is an operation of the
// document with its operationId and role, public ones without security;
// every operation has a request example (a body example for a POST, an
// example of each path parameter); every response has a schema that
// resolves, JSON for a success, a problem for an error; and the document
// has no operation the table lacks. Which statuses each operation
// answers is TestContractEveryStatus's.
func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	doc := openAPIDoc(t)
	if v := doc["openapi"]; v != "3.1.0" {
		t.Errorf("openapi = %v, want 3.1.0", v)
	}
	served := map[string]bool{}
	ids := map[string]string{}
	for _, r := range newTestService(t).routes() {
		key := r.method + " " + r.path
		served[key] = true
		op := operation(doc, r)
		if op == nil {
			t.Errorf("%s: not in openapi.json", key)
			continue
		}
		if op["operationId"] != r.operation {
			t.Errorf("%s: operationId %v, want %s", key, op["operationId"], r.operation)
		}
		if other, dup := ids[r.operation]; dup {
			t.Errorf("%s: operationId %s of %s too", key, r.operation, other)
		}
		ids[r.operation] = key
		if op["x-kashidashi-role"] != r.role.String() {
			t.Errorf("%s: x-kashidashi-role %v, want %s", key, op["x-kashidashi-role"], r.role)
		}
		if sec, has := op["security"]; (r.role == rolePublic) != (has && len(sec.([]any)) == 0) {
			t.Errorf("%s: security %v for a %s route", key, sec, r.role)
		}
		checkRequestExample(t, doc, r, op)
		checkResponses(t, doc, key, op)
	}
	paths, _ := doc["paths"].(map[string]any)
	for path, item := range paths {
		for method := range item.(map[string]any) {
			if key := strings.ToUpper(method) + " " + path; !served[key] {
				t.Errorf("openapi.json documents %s, which the service does not serve", key)
			}
		}
	}
}

// checkRequestExample checks that the operation of r has a request
// example: a body that conforms to its schema for a POST, and an example
// of every path parameter.
func checkRequestExample(t *testing.T, doc map[string]any, r route, op map[string]any) {
	t.Helper()
	key := r.method + " " + r.path
	if r.method == "POST" {
		media, _ := dig(op, "requestBody", "content", "application/json").(map[string]any)
		schema, _ := media["schema"].(map[string]any)
		if schema == nil || media["example"] == nil {
			t.Errorf("%s: no request schema or example", key)
		} else {
			for _, p := range conform(doc, schema, media["example"], "$") {
				t.Errorf("%s: request example: %s", key, p)
			}
		}
	}
	params, _ := op["parameters"].([]any)
	examples := map[string]bool{}
	for _, p := range params {
		p := resolve(doc, p)
		if p == nil {
			t.Errorf("%s: a parameter does not resolve", key)
			continue
		}
		if p["in"] == "path" && p["example"] != nil {
			examples[p["name"].(string)] = true
		}
	}
	for _, m := range pathParam.FindAllStringSubmatch(r.path, -1) {
		if !examples[m[1]] {
			t.Errorf("%s: path parameter %s has no example", key, m[1])
		}
	}
}

// checkResponses checks that every response of op resolves to a schema
// of the right media type.
func checkResponses(t *testing.T, doc map[string]any, key string, op map[string]any) {
	t.Helper()
	responses, _ := op["responses"].(map[string]any)
	if len(responses) == 0 {
		t.Errorf("%s: no responses", key)
	}
	for code, resp := range responses {
		ct := "application/json"
		if code >= "4" {
			ct = problemContentType
		}
		schema, _ := dig(resolve(doc, resp), "content", ct, "schema").(map[string]any)
		if schema == nil {
			t.Errorf("%s %s: no %s schema", key, code, ct)
			continue
		}
		if resolve(doc, schema) == nil {
			t.Errorf("%s %s: schema %v does not resolve", key, code, schema)
		}
	}
}

// TestOpenAPIServed: /openapi.json is the embedded document, as JSON.
func TestOpenAPIServed(t *testing.T) {
	rec := record(newTestService(t).handler(), call{method: "GET", path: "/openapi.json"})
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/json" {
		t.Fatalf("%d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	var v map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil || v["openapi"] != "3.1.0" {
		t.Fatalf("not the document: %v", err)
	}
}

// TestOpenAPISchemasResolve: every $ref in the document names a schema.
func TestOpenAPISchemasResolve(t *testing.T) {
	doc := openAPIDoc(t)
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if ref, ok := x["$ref"].(string); ok && dig(doc, strings.Split(strings.TrimPrefix(ref, "#/"), "/")...) == nil {
				t.Errorf("unresolved %s", ref)
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(doc)
}

// TestOpenAPIProblemTypes: the document lists exactly the problem types
// the service answers, each an absolute https URI with a description.
func TestOpenAPIProblemTypes(t *testing.T) {
	doc := openAPIDoc(t)
	types, _ := dig(doc, "components", "schemas", "Problem", "properties", "type", "oneOf").([]any)
	var documented []string
	for _, ty := range types {
		ty := ty.(map[string]any)
		uri, _ := ty["const"].(string)
		documented = append(documented, uri)
		if u, err := url.Parse(uri); err != nil || !u.IsAbs() || u.Scheme != "https" || !strings.HasPrefix(uri, problemBase) {
			t.Errorf("type %q is not an absolute https URI under %s", uri, problemBase)
		}
		if d, _ := ty["description"].(string); d == "" {
			t.Errorf("type %q has no description", uri)
		}
	}
	var answered []string
	for uri := range titles {
		answered = append(answered, uri)
	}
	slices.Sort(documented)
	slices.Sort(answered)
	if !slices.Equal(documented, answered) {
		t.Errorf("documented problem types %v, the service's %v", documented, answered)
	}
}

// TestOpenAPIEnumsAreTheSDKs: the codes the document lists for a
// catalogue status, a state, an action and an actor are the SDK's.
func TestOpenAPIEnumsAreTheSDKs(t *testing.T) {
	doc := openAPIDoc(t)
	codes := func(n int, valid func(int) bool, code func(int) string) []string {
		var out []string
		for i := 1; i < n && valid(i); i++ {
			out = append(out, code(i))
		}
		return out
	}
	for name, want := range map[string][]string{
		"Status": codes(256, func(i int) bool { return circulation.Status(i).Valid() }, func(i int) string { return circulation.Status(i).String() }),
		"State":  codes(256, func(i int) bool { return holds.State(i).Valid() }, func(i int) string { return holds.State(i).String() }),
		"Action": codes(256, func(i int) bool { return holds.Action(i).Valid() }, func(i int) string { return holds.Action(i).String() }),
		"Actor":  codes(256, func(i int) bool { return holds.Actor(i).Valid() }, func(i int) string { return holds.Actor(i).String() }),
		"Contact": append([]string{holds.Contact(0).String()},
			codes(256, func(i int) bool { return holds.Contact(i).Valid() }, func(i int) string { return holds.Contact(i).String() })...),
	} {
		if got := asStrings(dig(doc, "components", "schemas", name, "enum")); !slices.Equal(got, want) {
			t.Errorf("%s: documented %v, the SDK's %v", name, got, want)
		}
	}
}

// TestOpenAPIIdempotencyKey: the document bounds the Idempotency-Key as
// the service does, and every operation that changes reservations takes
// it, no other.
func TestOpenAPIIdempotencyKey(t *testing.T) {
	doc := openAPIDoc(t)
	if got := dig(doc, "components", "parameters", "IdempotencyKey", "schema", "maxLength"); got != float64(maxKey) {
		t.Errorf("maxLength %v, want %d", got, maxKey)
	}
	changes := map[string]bool{"checkout": true, "staffCheckout": true, "cancelReservation": true, "changePlace": true, "secureNext": true,
		"staffCancelReservation": true, "staffChangePlace": true, "ship": true, "makeReady": true, "collect": true, "extendShelf": true,
		"applyClosure": true}
	for _, r := range newTestService(t).routes() {
		takes := false
		params, _ := operation(doc, r)["parameters"].([]any)
		for _, p := range params {
			takes = takes || resolve(doc, p)["name"] == "Idempotency-Key"
		}
		if takes != changes[r.operation] {
			t.Errorf("%s: takes Idempotency-Key %v", r.operation, takes)
		}
	}
}

// jsonKeys returns the keys of the JSON form of struct type t, through
// embedded structs, as encoding/json writes them.
func jsonKeys(t reflect.Type) []string {
	var keys []string
	for i := range t.NumField() {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case tag == "-" || !f.IsExported() && !f.Anonymous:
		case f.Anonymous && tag == "" && f.Type.Kind() == reflect.Struct:
			keys = append(keys, jsonKeys(f.Type)...)
		case tag != "":
			keys = append(keys, tag)
		default:
			keys = append(keys, f.Name)
		}
	}
	slices.Sort(keys)
	return keys
}

// TestOpenAPISchemasAreTheTypes: each object schema of the document has
// exactly the keys of the Go type the service decodes or encodes, so
// that a field the SDK adds (or drops) cannot go undocumented.
func TestOpenAPISchemasAreTheTypes(t *testing.T) {
	doc := openAPIDoc(t)
	for name, v := range map[string]any{
		"Reservation": holds.Reservation{}, "Transition": holds.Transition{}, "Change": holds.Change{},
		"Cart": cart{}, "CartItem": circulation.Item{}, "Loan": circulation.Loan{}, "Place": circulation.Place{},
		"Override": circulation.Override{}, "StaffOverride": staffOverride{},
		"Message": reason.Message{}, "InputProblem": reason.Problem{}, "Problem": problem{},
		"ExtensionNotice": notice.ExtensionNotice{}, "Notice": notice.Notice{},
		"Entry": entry{}, "ReservationDetail": reservationResponse{},
		"PatronReservations": patronReservationsResponse{}, "ItemQueue": itemQueueResponse{},
		"DueNotice": store.Notice{}, "DailyWorkRequest": dailyRequest{}, "DailyWorkResponse": dailyResponse{},
		"DayRequest": dayRequest{}, "ShipRequest": shipRequest{}, "PlaceRequest": placeRequest{},
		"StaffCancelRequest": staffDayRequest{}, "StaffPlaceRequest": staffPlaceRequest{},
		"CheckoutRequest": checkoutRequest{}, "StaffCheckoutRequest": staffCheckoutRequest{}, "CheckoutResponse": checkoutResponse{},
		"ExtendRequest": extendRequest{}, "StaffExtendRequest": staffExtendRequest{}, "ExtendResponse": extendResponse{},
		"DueDateRequest": dueDateRequest{}, "DueDateResponse": dueDateResponse{},
		"ShelfDeadlineRequest": shelfDeadlineRequest{}, "ShelfDeadlineResponse": shelfDeadlineResponse{},
		"TimelineRequest": timelineRequest{}, "TimelineResponse": timelineResponse{},
		"NoticeRequest": noticeRequest{}, "NoticeResponse": noticeResponse{},
		"ParcelRequest": parcelRequest{}, "ParcelResponse": parcelResponse{}, "Health": status{},
		"EmailCheck": emailRequest{}, "PasswordRequest": passwordRequest{}, "PasswordResponse": passwordResponse{},
		"CardNumberCheck": cardNumberRequest{},
		"ExtensionWindow": circulation.ExtensionWindow{}, "PatronStatusRequest": patronStatusRequest{},
		"Registration": registration{}, "LoanStatus": loanStatus{}, "Counts": counts{}, "PatronStatus": patronStatusResponse{},
		"ExplainRequest": explainRequest{}, "Criteria": library.Criteria{}, "PolicyExplanation": library.Explanation{},
		"WhatIfRequest": whatIfRequest{}, "ClosureRequest": closureRequest{}, "Closure": closure{},
		"LoanRecord": library.LoanRecord{}, "ReservationRecord": library.ReservationRecord{}, "Mark": library.Mark{},
		"ApplyOptions": library.ApplyOptions{}, "AppliedLoan": appliedLoan{}, "AppliedReservation": appliedReservation{},
		"ClosureLine": notice.ClosureLine{}, "ClosureNotice": closureNotice{}, "ClosureTexts": closureTexts{},
		"ClosureResponse": closureResponse{},
	} {
		props, _ := dig(doc, "components", "schemas", name, "properties").(map[string]any)
		documented := slices.Sorted(maps.Keys(props))
		if want := jsonKeys(reflect.TypeOf(v)); !slices.Equal(documented, want) {
			t.Errorf("%s: documented %v, the type's %v", name, documented, want)
		}
	}
}
