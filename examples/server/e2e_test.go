package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/examples/server/internal/pgtest"
)

// TestEndToEndRealPort starts the server on a real loopback port, asks it
// for an extension with a real client, and shuts it down as SIGINT does:
// serve returns nil after a clean shutdown.
func TestEndToEndRealPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var logs bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, newTestService(t).handler(), slog.New(slog.NewTextHandler(&logs, nil))) }()

	client := &http.Client{Timeout: 5 * time.Second}
	req, err := http.NewRequest("POST", "http://"+ln.Addr().String()+"/v1/extensions",
		strings.NewReader(`{"today":"2026-04-01","loan":`+loanAtLibrary+`}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept-Language", "en-US,en;q=0.9")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	var got extendResponse
	if err := json.Unmarshal(b, &got); err != nil || resp.StatusCode != http.StatusOK || got.Loan.Due.String() != "2026-04-15" {
		t.Fatalf("%d %s (%v)", resp.StatusCode, b, err)
	}
	if !strings.HasPrefix(got.Text, "Extension of your loan") {
		t.Errorf("text not in English: %q", got.Text)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve after shutdown: %v", err)
		}
	case <-time.After(shutdownGrace + time.Second):
		t.Fatal("no shutdown")
	}
	if !strings.Contains(logs.String(), "shutting down") {
		t.Errorf("logs: %q", logs.String())
	}
	if _, err := client.Get("http://" + ln.Addr().String() + "/openapi.json"); err == nil {
		t.Error("still serving after shutdown")
	}
}

// TestRunFlags: a bad flag or argument is an error, -h is flag.ErrHelp
// (exit 0), and an address that cannot be listened on is an error.
func TestRunFlags(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"-h"}, &out); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: %v", err)
	}
	if err := run(context.Background(), []string{"-port", "1"}, &out); err == nil {
		t.Error("unknown flag accepted")
	}
	if err := run(context.Background(), []string{"extra"}, &out); err == nil {
		t.Error("argument accepted")
	}
	if err := run(context.Background(), []string{"-addr", "256.0.0.1:80"}, &out); err == nil {
		t.Error("bad address accepted")
	}
	if err := run(context.Background(), []string{"-config", "testdata/no-such-file.json"}, &out); err == nil {
		t.Error("missing configuration accepted")
	}
	if err := run(context.Background(), []string{"-config", "openapi.json"}, &out); err == nil || !strings.Contains(err.Error(), "openapi.json") {
		t.Errorf("a document that is no configuration: %v", err)
	}
}

// TestRunStopsWhenContextDone: run listens, serves and returns nil when
// its context ends, as main's does on SIGINT or SIGTERM.
func TestRunStopsWhenContextDone(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	var out bytes.Buffer
	if err := run(ctx, []string{"-addr", "127.0.0.1:0", "-db", filepath.Join(t.TempDir(), "k.db")}, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "listening on http://127.0.0.1:") {
		t.Errorf("log: %q", out.String())
	}
}

// syncBuffer is a bytes.Buffer safe for the log of a running service.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// start runs the service with args until the test ends, and returns its
// address once it listens, and a function that stops it and waits.
func start(t *testing.T, args ...string) (string, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logs := &syncBuffer{}
	done := make(chan error, 1)
	go func() { done <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), logs) }()
	stop := func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v\n%s", err, logs)
		}
	}
	for range 500 {
		if _, rest, ok := strings.Cut(logs.String(), `"addr":"`); ok {
			addr, _, _ := strings.Cut(rest, `"`)
			return addr, stop
		}
		select {
		case err := <-done:
			t.Fatalf("run: %v\n%s", err, logs)
		case <-time.After(10 * time.Millisecond):
		}
	}
	stop()
	t.Fatalf("not listening:\n%s", logs)
	return "", nil
}

// send makes a request to a running service and returns the status and
// the body.
func send(t *testing.T, method, url, body string, header http.Header) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header = header.Clone()
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := (&http.Client{Timeout: 5 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// TestDurableAcrossRestart: the service as main runs it, on a SQLite
// file (-db) and on PostgreSQL (-postgres), with tokens: a reservation
// placed before a restart is there after it, and the retry of its
// checkout with its key is the first answer, nothing placed twice.
func TestDurableAcrossRestart(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { durable(t, "-db", filepath.Join(t.TempDir(), "kashidashi.db")) })
	t.Run("postgres", func(t *testing.T) { durable(t, "-postgres", pgtest.Database(t)) })
}

// durable is TestDurableAcrossRestart on the database of args.
func durable(t *testing.T, database ...string) {
	tokensFile := filepath.Join(t.TempDir(), "tokens")
	if err := os.WriteFile(tokensFile, []byte(staffToken+" staff "+staffName+"\n"+serviceToken+" service opac\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	checkout := `{"today":"2026-11-16","cart":{"patron":"P0001","items":[{"item":"0012345678","status":"on_loan"}],"place":{"method":"prefectural_library"},"ordering":"normal"}}`
	header := as(serviceToken)
	header.Set("Idempotency-Key", "c-1")

	addr, stop := start(t, append(database, "-tokens", tokensFile)...)
	status, first := send(t, "POST", "http://"+addr+"/v1/checkouts", checkout, header)
	if status != http.StatusCreated {
		t.Fatalf("checkout: %d %s", status, first)
	}
	if status, _ := send(t, "GET", "http://"+addr+"/readyz", "", nil); status != http.StatusOK {
		t.Errorf("readyz: %d", status)
	}
	stop()

	addr, stop = start(t, append(database, "-tokens", tokensFile)...)
	defer stop()
	if status, again := send(t, "POST", "http://"+addr+"/v1/checkouts", checkout, header); status != http.StatusCreated || again != first {
		t.Errorf("retry after the restart: %d %s, first %s", status, again, first)
	}
	status, page := send(t, "GET", "http://"+addr+"/v1/patrons/P0001/reservations", "", as(serviceToken))
	if status != http.StatusOK || strings.Count(page, `"id":`) != 1 || !strings.Contains(page, `"position":1`) {
		t.Errorf("My Page after the restart: %d %s", status, page)
	}
}
