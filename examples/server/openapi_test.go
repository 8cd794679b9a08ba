package main

import (
	"encoding/json"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestOpenAPICoversEveryRouteAndResponse walks the route table, which is
// what the mux serves, and the document: every route is a path and
// operation of the document with exactly the route's statuses, each with
// a schema that resolves, and the document has nothing the table lacks.
func TestOpenAPICoversEveryRouteAndResponse(t *testing.T) {
	doc := openAPIDoc(t)
	if v := doc["openapi"]; v != "3.1.0" {
		t.Errorf("openapi = %v, want 3.1.0", v)
	}
	served := map[string]bool{}
	for _, r := range newTestService(t).routes() {
		key := r.method + " " + r.path
		served[key] = true
		op, _ := dig(doc, "paths", r.path, strings.ToLower(r.method)).(map[string]any)
		if op == nil {
			t.Errorf("%s: not in openapi.json", key)
			continue
		}
		responses, _ := op["responses"].(map[string]any)
		var documented []string
		for code := range responses {
			documented = append(documented, code)
		}
		var want []string
		for _, s := range r.statuses {
			want = append(want, strconv.Itoa(s))
		}
		sort.Strings(documented)
		sort.Strings(want)
		if !slices.Equal(documented, want) {
			t.Errorf("%s: documented statuses %v, route answers %v", key, documented, want)
		}
		for _, s := range r.statuses {
			ct := "application/json"
			if s >= 400 {
				ct = problemContentType
			}
			schema, missing := responseSchema(doc, r.method, r.path, s, ct)
			if schema == nil {
				t.Errorf("%s %d: %s", key, s, missing)
				continue
			}
			if ref, _ := schema["$ref"].(string); dig(doc, strings.Split(strings.TrimPrefix(ref, "#/"), "/")...) == nil {
				t.Errorf("%s %d: schema %v does not resolve", key, s, schema)
			}
		}
		if r.method == "POST" {
			if dig(op, "requestBody", "content", "application/json", "schema") == nil {
				t.Errorf("%s: no request schema", key)
			}
		}
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
