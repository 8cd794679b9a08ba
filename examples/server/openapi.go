package main

import (
	_ "embed"
	"net/http"
)

// openAPI is the OpenAPI 3.1 document of the service.
//
//go:embed openapi.json
var openAPI []byte

// serveOpenAPI serves the OpenAPI document.
func serveOpenAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(openAPI)
}
