package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"log"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
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
	go func() { done <- serve(ctx, ln, newTestService(t).handler(), log.New(&logs, "", 0)) }()

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
	if err := run(ctx, []string{"-addr", "127.0.0.1:0"}, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "listening on http://127.0.0.1:") {
		t.Errorf("log: %q", out.String())
	}
}
