// Command server is a net/http service that puts kashidashi's decisions
// on the wire, for a host team to copy: JSON in, JSON out, every decision
// made by the SDK, the handlers only decoding, calling and encoding.
//
//	go run ./examples/server -addr 127.0.0.1:8080
//	go run ./examples/server -config docs/config-example.json   # with partner libraries
//	curl -s -H 'Content-Type: application/json' -H 'Accept-Language: en' \
//	  -d '{"today":"2026-04-01","loan":{"item":"b1","place":{"method":"prefectural_library"},"loaned":"2026-03-25","due":"2026-04-08"}}' \
//	  http://127.0.0.1:8080/v1/extensions
//
// The places, their calendars, the courier and the policies come from a
// configuration document (package library, docs/config.md), the
// Prefectural Library's own when -config is left out; each decision uses
// the rules in force on its day. The one reservation desk is built once
// (library.Library.NewDesk) and serves every day, each request under the
// rules of its today.
//
// The routes, their requests and their responses are described by the
// OpenAPI 3.1 document served at /openapi.json (openapi.json here).
//
// Requests are JSON objects (Content-Type application/json, else 415) of
// at most 1 MiB (else 413), decoded strictly: an unknown key, a value of
// the wrong type, an unknown code and anything after the object are 400,
// and so is input the SDK cannot decide on (reason.ErrBadInput). A
// refusal (*reason.Refusal) is 422. Both are RFC 9457 problems
// (application/problem+json: type, title, status, detail), a refusal's
// with every reason, its code, message and parameters ("reasons"), bad
// input's with every problem the SDK found, the path of the field at
// fault and what is wrong ("problems"). Messages are in the language the
// Accept-Language header prefers among English and Japanese; with no
// header, or one naming neither, Japanese, the library's language
// (reason.NegotiateOr). Content-Language says which.
//
// A patron can never override a refusal: the patron routes take no
// override, and one in the body is an unknown key (400). The staff
// routes, /v1/staff/extensions and /v1/staff/checkouts, take an override
// (circulation.Override: the staff member, the codes let go, a note) and
// answer the override used, for the audit log. This example has no
// authentication; a host puts the staff routes behind its own and takes
// the staff member from it.
//
// The server stops cleanly on SIGINT or SIGTERM: it stops accepting
// connections and lets the requests in flight finish, for up to 10
// seconds (http.Server.Shutdown).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/kashidashi/kashidashi/library"
)

// shutdownGrace bounds how long a shutdown waits for requests in flight.
const shutdownGrace = 10 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

// run parses the flags, listens and serves until ctx is done.
func run(ctx context.Context, args []string, logOut io.Writer) error {
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(logOut)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on, host:port")
	config := fs.String("config", "", "the library's configuration document (docs/config.md); the Prefectural Library's own when left out")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	lib, err := loadLibrary(*config)
	if err != nil {
		return err
	}
	svc, err := newService(lib)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	logger := log.New(logOut, "", log.LstdFlags)
	if svc.sample {
		logger.Print("the configuration has no postage rate tables: parcels are priced from shipping.SampleTariff, sample figures")
	}
	logger.Printf("listening on http://%s", ln.Addr())
	return serve(ctx, ln, svc.handler(), logger)
}

// loadLibrary loads the configuration document at path, or returns the
// Prefectural Library's own (library.Default) when path is empty.
func loadLibrary(path string) (*library.Library, error) {
	if path == "" {
		return library.Default(), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, library.MaxDocumentBytes+1))
	if err != nil {
		return nil, err
	}
	lib, err := library.Load(b) // refuses a document over MaxDocumentBytes
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return lib, nil
}

// serve serves h on ln until ctx is done, then shuts down gracefully.
// It returns nil after a clean shutdown.
func serve(ctx context.Context, ln net.Listener, h http.Handler, logger *log.Logger) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          logger,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Print("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
