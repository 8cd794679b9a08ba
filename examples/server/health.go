package main

import (
	"context"
	"log/slog"
	"net/http"
	"time"
)

// readyTimeout bounds how long /readyz waits for the database.
const readyTimeout = 2 * time.Second

// status is the body of /healthz and /readyz.
type status struct {
	Status string `json:"status"`
}

// healthz answers that the process is alive and serving: 200, always. An
// orchestrator restarts the process when it stops answering.
func healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, status{Status: "alive"})
}

// readyz answers whether the service can serve: 200 when the database
// answers a ping within readyTimeout (or when there is no database), else
// 503, a problem; the database's error goes to the log, not to the caller.
// An orchestrator sends no traffic to an instance that is not ready.
func (s *service) readyz(w http.ResponseWriter, r *http.Request) {
	if s.store != nil {
		ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
		defer cancel()
		if err := s.store.Ping(ctx); err != nil {
			s.log.LogAttrs(r.Context(), slog.LevelWarn, "not ready", slog.String("request_id", requestIDOf(r.Context())), slog.String("error", err.Error()))
			w.Header().Set("Retry-After", "5")
			writeProblem(w, language(w, r), http.StatusServiceUnavailable, problemNotReady, "the database does not answer", nil)
			return
		}
	}
	writeJSON(w, http.StatusOK, status{Status: "ready"})
}
