// Command crashserver is the smallest HTTP service over package store,
// for the crash tests: it is started, killed with SIGKILL in the middle
// of concurrent checkouts, and started again on the same database.
//
//	crashserver -db PATH | -postgres URL [-addr 127.0.0.1:0]
//
// It prints "listening on ADDR" once it accepts connections, and
// serves:
//
//	POST /v1/changes   a holds.Request as JSON, with an optional
//	                   Idempotency-Key header: the store's answer
//	                   (201 for a granted checkout, 200 for another
//	                   change, 422 refused, 400 bad input)
//	GET  /v1/items/{item}/queue   the item's queue as JSON
//
// It listens on loopback only.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/kashidashi/kashidashi/examples/server/store"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/reason"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "crashserver:", err)
		os.Exit(1)
	}
}

// run opens the store, listens and serves until ctx is done.
func run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("crashserver", flag.ContinueOnError)
	db := fs.String("db", "", "SQLite file")
	pg := fs.String("postgres", "", "PostgreSQL URL")
	addr := fs.String("addr", "127.0.0.1:0", "loopback address to listen on")
	if err := fs.Parse(args); err != nil {
		return err
	}
	dsn := *db
	if *pg != "" {
		dsn = *pg
	}
	s, err := store.Open(ctx, dsn, library.Default())
	if err != nil {
		return err
	}
	defer s.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	if ip := ln.Addr().(*net.TCPAddr).IP; !ip.IsLoopback() {
		ln.Close()
		return errors.New("listens on loopback only")
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/changes", func(w http.ResponseWriter, r *http.Request) { change(w, r, s) })
	mux.HandleFunc("GET /v1/items/{item}/queue", func(w http.ResponseWriter, r *http.Request) { queue(w, r, s) })
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	fmt.Printf("listening on %s\n", ln.Addr())
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// change decides the request of the body.
func change(w http.ResponseWriter, r *http.Request, s *store.Store) {
	var req holds.Request
	b, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err == nil {
		err = json.Unmarshal(b, &req)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	reply, err := s.Change(r.Context(), req, r.Header.Get("Idempotency-Key"), render)
	switch {
	case errors.Is(err, store.ErrKeyReused):
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	case errors.Is(err, store.ErrKeyInvalid):
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	case err != nil:
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	if reply.Replayed {
		w.Header().Set("Idempotent-Replayed", "true")
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(reply.Status)
	_, _ = w.Write(reply.Body)
}

// answer is the body of a change's answer.
type answer struct {
	Reservations []holds.Reservation `json:"reservations,omitempty"`
	Positions    []int               `json:"positions,omitempty"`
	Error        string              `json:"error,omitempty"`
}

// render renders a change's result.
func render(res store.Result) (int, []byte) {
	status := http.StatusOK
	a := answer{Reservations: res.Change.Reservations, Positions: res.Positions}
	var refusal *reason.Refusal
	switch {
	case errors.As(res.Err, &refusal):
		status, a.Error = http.StatusUnprocessableEntity, res.Err.Error()
	case res.Err != nil:
		status, a.Error = http.StatusBadRequest, res.Err.Error()
	case res.Request.Action == holds.ActionReserve:
		status = http.StatusCreated
	}
	b, _ := json.Marshal(a)
	return status, b
}

// queue answers an item's queue.
func queue(w http.ResponseWriter, r *http.Request, s *store.Store) {
	q, err := s.Queue(r.Context(), r.PathValue("item"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(q)
}
