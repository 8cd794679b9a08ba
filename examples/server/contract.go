package main

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/kashidashi/kashidashi/reason"
)

// The OpenAPI document is the contract: the service reads the required
// keys of each request body from it, so that what the document requires
// is exactly what the service enforces, and the two cannot drift.

// contract is the OpenAPI document, decoded, with the request schema of
// each operation by its route pattern ("POST /v1/checkouts").
type contract struct {
	doc      map[string]any
	requests map[string]map[string]any
}

// spec returns the contract of the embedded document, decoded once. The
// tests check that the document decodes and that every body route has a
// request schema.
var spec = sync.OnceValue(func() *contract {
	c := &contract{requests: map[string]map[string]any{}}
	if err := json.Unmarshal(openAPI, &c.doc); err != nil {
		panic("openapi.json: " + err.Error())
	}
	paths, _ := c.doc["paths"].(map[string]any)
	for path, item := range paths {
		ops, _ := item.(map[string]any)
		for method, op := range ops {
			if schema, ok := dig(op, "requestBody", "content", "application/json", "schema").(map[string]any); ok {
				c.requests[strings.ToUpper(method)+" "+path] = schema
			}
		}
	}
	return c
})

// missing returns a problem for each key the request schema of the route
// with pattern requires and body lacks, or gives as null, at every depth
// ("loan.item", "cart.items[1].item"): an object's own keys in the
// document's order, then those within its keys, by key; none
// when body is no JSON (the strict decoder has said so) or the route has
// no request schema.
func (c *contract) missing(pattern string, body []byte) reason.Problems {
	schema := c.requests[pattern]
	if schema == nil {
		return nil
	}
	var v any
	if json.Unmarshal(body, &v) != nil {
		return nil
	}
	var ps reason.Problems
	c.walk(schema, v, "", &ps, 0)
	return ps
}

// maxDepth bounds the walk through schemas, against a $ref cycle.
const maxDepth = 32

// walk adds to ps the required keys v lacks under schema, at path.
func (c *contract) walk(schema map[string]any, v any, path string, ps *reason.Problems, depth int) {
	if depth > maxDepth {
		return
	}
	if ref, ok := schema["$ref"].(string); ok {
		target, _ := dig(c.doc, strings.Split(strings.TrimPrefix(ref, "#/"), "/")...).(map[string]any)
		if target != nil {
			c.walk(target, v, path, ps, depth+1)
		}
		return
	}
	switch v := v.(type) {
	case map[string]any:
		required, _ := schema["required"].([]any)
		for _, k := range required {
			k, _ := k.(string)
			if v[k] == nil {
				ps.Add(join(path, k), "is missing")
			}
		}
		props, _ := schema["properties"].(map[string]any)
		for _, k := range slices.Sorted(maps.Keys(v)) {
			if sub, ok := props[k].(map[string]any); ok && v[k] != nil {
				c.walk(sub, v[k], join(path, k), ps, depth+1)
			}
		}
	case []any:
		if items, ok := schema["items"].(map[string]any); ok {
			for i, e := range v {
				c.walk(items, e, path+"["+strconv.Itoa(i)+"]", ps, depth+1)
			}
		}
	}
}

// join joins a key to a path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// dig follows keys through nested objects.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}
