package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/kashidashi/kashidashi/examples/server/internal/pgtest"
	"github.com/kashidashi/kashidashi/library"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.StopShared()
	os.Exit(code)
}

// call is one request to the service: the route's path template as the
// OpenAPI document writes it, the path, and the request's parts.
type call struct {
	method, route, path string
	contentType, lang   string
	body                string
	// header holds more request headers: Authorization,
	// Idempotency-Key.
	header http.Header
}

// post is a POST of body as JSON to route, with Accept-Language lang.
func post(route, lang, body string) call {
	return call{method: "POST", route: route, path: route, contentType: "application/json", lang: lang, body: body}
}

// exampleLibrary is the example configuration, loaded once: a Library
// is immutable.
var exampleLibrary = sync.OnceValues(func() (*library.Library, error) {
	return loadLibrary("../../docs/config-example.json")
})

// testLibrary returns the example configuration,
// docs/config-example.json: the Prefectural and Assembly Libraries and
// three partner libraries.
func testLibrary(t testing.TB) *library.Library {
	t.Helper()
	lib, err := exampleLibrary()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// newTestService returns a fresh open service (no tokens) of the example
// configuration over an empty in-memory store (memStore).
func newTestService(t testing.TB) *service {
	t.Helper()
	return newTestServiceWith(t, options{})
}

// newTestServiceWith returns a fresh service of the example
// configuration with o, over an empty in-memory store when o has none.
func newTestServiceWith(t testing.TB, o options) *service {
	t.Helper()
	return newServiceOf(t, testLibrary(t), o)
}

// newServiceOf returns a fresh service of the configuration lib with o,
// over an empty in-memory store when o has none.
func newServiceOf(t testing.TB, lib *library.Library, o options) *service {
	t.Helper()
	if o.store == nil {
		o.store = newMemStore(lib)
	}
	s, err := newService(lib, o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// mem returns the in-memory store of a test service.
func mem(s *service) *memStore {
	return s.store.(*memStore)
}

// do sends c to h and returns the status and the decoded JSON body, after
// checking that the response has the shape the OpenAPI document gives
// for its route and status.
func do(t *testing.T, h http.Handler, c call) (int, map[string]any) {
	t.Helper()
	rec := record(h, c)
	var body map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatalf("%s %s: body is not a JSON object: %v\n%s", c.method, c.path, err, rec.Body.Bytes())
	}
	checkShape(t, c.method, c.route, rec.Code, rec.Header().Get("Content-Type"), body)
	return rec.Code, body
}

// openAPIDoc is the served document, decoded.
func openAPIDoc(t testing.TB) map[string]any {
	t.Helper()
	b, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// responseSchema returns the schema the document gives for a response, or
// a reason it has none.
func responseSchema(doc map[string]any, method, route string, status int, contentType string) (map[string]any, string) {
	op, _ := dig(doc, "paths", route, strings.ToLower(method)).(map[string]any)
	if op == nil {
		return nil, "no operation " + method + " " + route
	}
	resp, _ := dig(op, "responses", strconv.Itoa(status)).(map[string]any)
	if ref, ok := resp["$ref"].(string); ok {
		resp, _ = dig(doc, strings.Split(strings.TrimPrefix(ref, "#/"), "/")...).(map[string]any)
	}
	if resp == nil {
		return nil, "no response " + strconv.Itoa(status)
	}
	schema, _ := dig(resp, "content", contentType, "schema").(map[string]any)
	if schema == nil {
		return nil, "no schema for " + contentType
	}
	return schema, ""
}

// checkShape checks body against the document's schema for the response.
func checkShape(t *testing.T, method, route string, status int, contentType string, body any) {
	t.Helper()
	doc := openAPIDoc(t)
	schema, missing := responseSchema(doc, method, route, status, contentType)
	if schema == nil {
		t.Errorf("%s %s %d %s: not in openapi.json: %s", method, route, status, contentType, missing)
		return
	}
	for _, problem := range conform(doc, schema, body, "$") {
		t.Errorf("%s %s %d: %s", method, route, status, problem)
	}
}

// conform lists how v departs from schema: types, values an enum or a
// oneOf of consts does not list, required keys, keys the schema does not
// list, recursively through $ref, properties and items.
func conform(doc, schema map[string]any, v any, at string) []string {
	if r, ok := schema["$ref"].(string); ok {
		target, _ := dig(doc, strings.Split(strings.TrimPrefix(r, "#/"), "/")...).(map[string]any)
		if target == nil {
			return []string{at + ": unresolved " + r}
		}
		return conform(doc, target, v, at)
	}
	var problems []string
	switch want := schema["type"].(type) {
	case string:
		if !typeIs(want, v) {
			return []string{at + ": not " + want}
		}
	case []any:
		ok := false
		for _, w := range want {
			ok = ok || typeIs(w.(string), v)
		}
		if !ok {
			return []string{at + ": none of the types"}
		}
	}
	if values := allowed(schema); values != nil && !slices.Contains(values, v) {
		return []string{fmt.Sprintf("%s: %v is none of %v", at, v, values)}
	}
	if obj, ok := v.(map[string]any); ok {
		props, _ := schema["properties"].(map[string]any)
		for _, k := range asStrings(schema["required"]) {
			if _, ok := obj[k]; !ok {
				problems = append(problems, at+": missing required "+k)
			}
		}
		for k, sub := range obj {
			ps, ok := props[k].(map[string]any)
			if !ok {
				if schema["additionalProperties"] == false {
					problems = append(problems, at+": key "+k+" not in the schema")
				}
				continue
			}
			problems = append(problems, conform(doc, ps, sub, at+"."+k)...)
		}
	}
	if arr, ok := v.([]any); ok {
		if items, ok := schema["items"].(map[string]any); ok {
			for i, e := range arr {
				problems = append(problems, conform(doc, items, e, at+"["+strconv.Itoa(i)+"]")...)
			}
		}
	}
	return problems
}

// allowed returns the values schema allows, from its enum or from a
// oneOf of consts; nil when it does not list them.
func allowed(schema map[string]any) []any {
	if enum, ok := schema["enum"].([]any); ok {
		return enum
	}
	oneOf, _ := schema["oneOf"].([]any)
	var values []any
	for _, o := range oneOf {
		c, ok := o.(map[string]any)["const"]
		if !ok {
			return nil
		}
		values = append(values, c)
	}
	return values
}

// typeIs reports whether v, as encoding/json decodes it, is of JSON
// Schema type want.
func typeIs(want string, v any) bool {
	switch v := v.(type) {
	case string:
		return want == "string"
	case bool:
		return want == "boolean"
	case float64:
		return want == "number" || want == "integer" && v == float64(int64(v))
	case []any:
		return want == "array"
	case map[string]any:
		return want == "object"
	}
	return want == "null"
}

// asStrings returns a JSON array of strings as a slice.
func asStrings(v any) []string {
	arr, _ := v.([]any)
	out := make([]string, 0, len(arr))
	for _, e := range arr {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// record sends c to h and returns the recorded response, unchecked.
func record(h http.Handler, c call) *httptest.ResponseRecorder {
	req := httptest.NewRequest(c.method, c.path, strings.NewReader(c.body))
	if c.contentType != "" {
		req.Header.Set("Content-Type", c.contentType)
	}
	if c.lang != "" {
		req.Header.Set("Accept-Language", c.lang)
	}
	for k, vs := range c.header {
		req.Header[k] = vs
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}
