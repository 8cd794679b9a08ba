package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"time"
)

// requestIDHeader carries the request's ID: the caller's, when it sends
// a sane one (so that one ID follows a request through a host's
// services), else one the service makes; the response always has it.
const requestIDHeader = "X-Request-Id"

// requestInfo is what the access log learns while a request is served:
// its ID, and the caller's name once a token was checked.
type requestInfo struct {
	id     string
	caller string
}

// infoKey is the context key of the request's *requestInfo.
type infoKey struct{}

// noteCaller records the caller's name for the access log of the request
// with context ctx.
func noteCaller(ctx context.Context, name string) {
	if info, ok := ctx.Value(infoKey{}).(*requestInfo); ok {
		info.caller = name
	}
}

// requestIDOf returns the ID of the request with context ctx.
func requestIDOf(ctx context.Context) string {
	if info, ok := ctx.Value(infoKey{}).(*requestInfo); ok {
		return info.id
	}
	return ""
}

// requestID returns the caller's request ID when it is 1 to 64
// characters of letters, digits and -._: (nothing a log could misread),
// else a new random one.
func requestID(given string) string {
	ok := given != "" && len(given) <= 64
	for i := 0; ok && i < len(given); i++ {
		c := given[i]
		ok = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == ':'
	}
	if ok {
		return given
	}
	var b [16]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand)
	return hex.EncodeToString(b[:])
}

// statusRecorder remembers the status and the size of a response.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

// WriteHeader records the status.
func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

// Write counts the bytes written.
func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += int64(n)
	return n, err
}

// Unwrap gives http.ResponseController the writer underneath.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// accessLog returns h logging one structured line per request to
// logger: method, route pattern, status, duration, bytes, request ID and
// the caller's name. It logs the route pattern ("GET
// /v1/patrons/{patron}/reservations"), not the path, so that no patron
// or item identifier, token or password reaches the log; health probes
// log at Debug, server errors at Error. A handler that panics is answered
// 500 (a problem) and logged at Error, without its value, which may
// hold request data.
func accessLog(logger *slog.Logger, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &requestInfo{id: requestID(r.Header.Get(requestIDHeader))}
		w.Header().Set(requestIDHeader, info.id)
		r = r.WithContext(context.WithValue(r.Context(), infoKey{}, info))
		rec := &statusRecorder{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				if rec.status == 0 {
					writeProblem(rec, language(rec, r), http.StatusInternalServerError, problemInternal, "request "+info.id, nil)
				}
				rec.status = http.StatusInternalServerError
				logger.LogAttrs(r.Context(), slog.LevelError, "handler panicked", slog.String("route", r.Pattern), slog.String("request_id", info.id))
			}
			level := slog.LevelInfo
			switch {
			case rec.status >= 500:
				level = slog.LevelError
			case r.Pattern == "GET /healthz" || r.Pattern == "GET /readyz":
				level = slog.LevelDebug
			}
			logger.LogAttrs(r.Context(), level, "request",
				slog.String("method", r.Method),
				slog.String("route", r.Pattern),
				slog.Int("status", rec.status),
				slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
				slog.Int64("bytes", rec.bytes),
				slog.String("request_id", info.id),
				slog.String("caller", info.caller),
			)
		}()
		h.ServeHTTP(rec, r)
	})
}
