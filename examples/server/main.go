// Command server is kashidashi's reference service, for a host team to
// copy: the library's rules on the wire, JSON in, JSON out, every decision
// made by the SDK, the handlers only decoding, calling and encoding; the
// reservations kept in a database, one transaction per change.
//
// It is a module of its own (it needs database drivers the SDK does not).
// From this directory, on a fresh machine, with Go and nothing else:
//
//	go run . -db kashidashi.db                       # SQLite, created on first start
//	go run . -postgres postgres://kashidashi@db/kashidashi -tokens tokens.txt -addr :8080
//	go run . -config ../../docs/config-example.json  # with partner libraries
//	curl -s -H 'Content-Type: application/json' -H 'Accept-Language: en' \
//	  -d '{"today":"2026-04-01","loan":{"item":"b1","place":{"method":"prefectural_library"},"loaned":"2026-03-25","due":"2026-04-08"}}' \
//	  http://127.0.0.1:8080/v1/extensions
//
// The places, their calendars, the courier and the policies come from a
// configuration document (package library, docs/config.md), loaded once
// at start, the Prefectural Library's own when -config is left out; each
// decision uses the rules in force on its day.
//
// Storage. The reservations live in SQLite (-db, a file created with its
// schema on first start; a pure-Go driver, so no C toolchain) or in
// PostgreSQL (-postgres, for several instances on one database). Each
// change is one transaction: the rows it reads are loaded and locked,
// the SDK decides, the reservations it returns and the audit transition
// of each step (with the override used) are written, and the transaction
// commits. No desk lives across requests. A POST that creates or changes
// reservations honours an Idempotency-Key header: a retry with the same
// key answers as the first call did and changes nothing. An unplanned
// closure staff apply (POST /v1/staff/closures, X5) is stored too, in
// the transaction that moves the reservations it moves; from then on
// every decision, on every instance, is made under the configuration
// plus every stored closure (package store, Store.Library).
//
// Who may call. With -tokens PATH, a file of lines "TOKEN ROLE NAME" (ROLE
// service or staff; blank lines and # comments allowed), every route but
// /healthz, /readyz and /openapi.json needs "Authorization: Bearer TOKEN",
// compared in constant time, else 401. A service token is a front end
// acting for its patrons (My Page); the staff routes (overrides, desk
// actions, queues, audit trails, the daily work) need a staff token, else
// 403, and an override's staff is the token's NAME, not a name the body
// claims. Without -tokens the service runs open, says so in its log and
// listens on loopback only.
//
// The routes, their requests and their responses are described by the
// OpenAPI 3.1 document served at /openapi.json (openapi.json here), which
// is the contract: every key it marks required the service requires, and
// it lists exactly the statuses each operation answers (TestContract*).
//
// Requests are JSON objects (Content-Type application/json, else 415) of
// at most 1 MiB (else 413), decoded strictly: an unknown key, a key given
// twice or in another case ("Loan" for "loan"), a value of the wrong
// type, an unknown code, a required key missing and anything after the
// object are 400, and so is input the SDK cannot decide on
// (reason.ErrBadInput). A refusal (*reason.Refusal) is 422. Every error,
// 404 and 405 included, is an RFC 9457 problem (application/problem+json:
// type, title, status, detail) whose type is an absolute URI under
// https://kashidashi.example/problems/ (problemBase), a refusal's with
// every reason, its code, message and parameters ("reasons"), bad input's
// with every problem found, the path of the field at fault and what is
// wrong ("problems"). Messages are in the language the Accept-Language
// header prefers among English and Japanese; with no header, or one naming
// neither, Japanese, the library's language (reason.NegotiateOr).
// Content-Language says which.
//
// A patron can never override a refusal: the patron routes take no
// override, and one in the body is an unknown key (400).
//
// Operations. Every request is logged as one JSON line (log/slog): method,
// route pattern, status, duration, bytes, request ID (X-Request-Id, the
// caller's when sane) and the caller's name; never a token, a password or
// a path with a patron's identifier. /healthz answers while the process
// serves, /readyz while the database answers. The server stops cleanly on
// SIGINT or SIGTERM: it stops accepting connections and lets the requests
// in flight finish, for up to 10 seconds (http.Server.Shutdown).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
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

// flags are the command line of the service.
type flags struct {
	addr, config, tokens string
	db, postgres         string
	logLevel             slog.Level
}

// parseFlags parses the command line.
func parseFlags(args []string, out io.Writer) (flags, error) {
	var f flags
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "address to listen on, host:port; loopback only without -tokens")
	fs.StringVar(&f.config, "config", "", "the library's configuration document (docs/config.md), loaded once at start; the Prefectural Library's own when left out")
	fs.StringVar(&f.tokens, "tokens", "", "file of lines \"TOKEN ROLE NAME\" (ROLE service or staff): every route but /healthz, /readyz and /openapi.json then needs \"Authorization: Bearer TOKEN\"; without it the service runs open, on loopback only")
	fs.StringVar(&f.db, "db", "kashidashi.db", "SQLite database file, created with its schema on first start")
	fs.StringVar(&f.postgres, "postgres", "", "PostgreSQL URL (postgres://user:password@host/db), instead of -db, for several instances on one database")
	fs.TextVar(&f.logLevel, "log-level", slog.LevelInfo, "least level logged: DEBUG (health probes too), INFO, WARN or ERROR")
	if err := fs.Parse(args); err != nil {
		return f, err
	}
	if fs.NArg() > 0 {
		return f, fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	explicit := map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { explicit[fl.Name] = true })
	if explicit["db"] && explicit["postgres"] {
		return f, errors.New("give -db or -postgres, not both")
	}
	return f, nil
}

// run parses the flags, loads the configuration and the tokens, opens
// the store, listens and serves until ctx is done.
func run(ctx context.Context, args []string, logOut io.Writer) error {
	f, err := parseFlags(args, logOut)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewJSONHandler(logOut, &slog.HandlerOptions{Level: f.logLevel}))
	lib, err := loadLibrary(f.config)
	if err != nil {
		return err
	}
	o := options{log: logger}
	if f.tokens != "" {
		if o.tokens, err = loadTokens(f.tokens); err != nil {
			return err
		}
	} else if err := loopbackOnly(ctx, f.addr); err != nil {
		return err
	}
	st, err := openStore(ctx, f, lib)
	if err != nil {
		return err
	}
	defer st.Close()
	o.store = st
	logger.Info("store open", slog.String("driver", st.Driver()), slog.String("database", database(f)))
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	if o.tokens == nil {
		if ip := ln.Addr().(*net.TCPAddr).IP; !ip.IsLoopback() {
			return fmt.Errorf("without -tokens the service listens on loopback only, not on %s", ip)
		}
		logger.Warn("running open: no -tokens, so every caller is trusted, as staff; listening on loopback only")
	}
	svc, err := newService(lib, o)
	if err != nil {
		return err
	}
	if svc.sample {
		logger.Warn("the configuration has no postage rate tables: parcels are priced from shipping.SampleTariff, sample figures")
	}
	logger.Info("listening on http://"+ln.Addr().String(), slog.String("addr", ln.Addr().String()))
	return serve(ctx, ln, svc.handler(), logger)
}

// database names the database of the flags for the log: the SQLite
// file, or the PostgreSQL URL without its password.
func database(f flags) string {
	if f.postgres == "" {
		return f.db
	}
	u, err := url.Parse(f.postgres)
	if err != nil {
		return "postgres"
	}
	return u.Redacted()
}

// loopbackOnly refuses an address to listen on that is not loopback
// only: no host (every interface), an address or a name that is not, or
// does not resolve only to, loopback addresses.
func loopbackOnly(ctx context.Context, addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	refuse := fmt.Errorf("without -tokens the service listens on loopback only (127.0.0.1, ::1, localhost), not on %q: give -tokens to listen there", addr)
	if host == "" {
		return refuse
	}
	if ip := net.ParseIP(host); ip != nil {
		if !ip.IsLoopback() {
			return refuse
		}
		return nil
	}
	ips, err := net.DefaultResolver.LookupIPAddr(ctx, host)
	if err != nil {
		return err
	}
	for _, ip := range ips {
		if !ip.IP.IsLoopback() {
			return refuse
		}
	}
	return nil
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
func serve(ctx context.Context, ln net.Listener, h http.Handler, logger *slog.Logger) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
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
