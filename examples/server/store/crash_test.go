package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/examples/server/internal/crashtest"
	"github.com/kashidashi/kashidashi/examples/server/internal/pgtest"
)

var (
	crashBin     string
	crashRemove  func()
	crashBinErr  error
	crashBinOnce sync.Once
)

// crashServer builds the crash test's server (internal/crashserver) once
// per test binary; TestMain removes it.
func crashServer(t *testing.T) string {
	t.Helper()
	crashBinOnce.Do(func() {
		crashBin, crashRemove, crashBinErr = crashtest.Build(".", "./internal/crashserver")
	})
	if crashBinErr != nil {
		t.Fatal(crashBinErr)
	}
	return crashBin
}

// crashService is the crash server as crashtest drives it.
func crashService(bin string, args ...string) crashtest.Service {
	return crashtest.Service{
		Bin:  bin,
		Args: args,
		Listening: func(line string) (string, bool) {
			return strings.CutPrefix(line, "listening on ")
		},
		Checkout: func(addr, patron, item, key string) (*http.Request, error) {
			b, err := json.Marshal(checkoutOf(patron, day(2), item))
			if err != nil {
				return nil, err
			}
			r, err := http.NewRequest(http.MethodPost, "http://"+addr+"/v1/changes", bytes.NewReader(b))
			if err == nil {
				r.Header.Set("Idempotency-Key", key)
			}
			return r, err
		},
		Placed: func(body []byte) (crashtest.Placed, error) {
			var a answer
			if err := json.Unmarshal(body, &a); err != nil {
				return crashtest.Placed{}, err
			}
			if len(a.Reservations) != 1 || len(a.Positions) != 1 {
				return crashtest.Placed{}, fmt.Errorf("not one reservation placed: %s", body)
			}
			r := a.Reservations[0]
			return crashtest.Placed{ID: r.ID, Patron: r.Patron, Position: a.Positions[0]}, nil
		},
		Queue: func(ctx context.Context, c *http.Client, addr, item string) ([]crashtest.Placed, error) {
			resp, err := c.Get("http://" + addr + "/v1/items/" + item + "/queue")
			if err != nil {
				return nil, err
			}
			defer resp.Body.Close()
			var q []Entry
			if err := json.NewDecoder(resp.Body).Decode(&q); err != nil {
				return nil, err
			}
			out := make([]crashtest.Placed, len(q))
			for i, e := range q {
				out[i] = crashtest.Placed{ID: e.Reservation.ID, Patron: e.Reservation.Patron, Position: e.Position}
			}
			return out, nil
		},
	}
}

// TestCrashInTheMiddleOfCheckouts kills a server over the store
// (internal/crashserver) with SIGKILL in the middle of 200 concurrent
// checkouts of one item by 200 patrons, starts it again on the same
// database, and retries every request with its Idempotency-Key: every
// retry is granted, an acknowledged checkout gets its first answer
// again, byte for byte, and the item's queue holds exactly one
// reservation per patron, positions 1..200 in ID order, each the one
// (and at the position) its answer named. On SQLite and PostgreSQL.
func TestCrashInTheMiddleOfCheckouts(t *testing.T) {
	for _, d := range []struct {
		name string
		args func(t *testing.T) []string
	}{
		{"sqlite", func(t *testing.T) []string { return []string{"-db", filepath.Join(t.TempDir(), "k.db")} }},
		{"postgres", func(t *testing.T) []string { return []string{"-postgres", pgtest.Database(t)} }},
	} {
		t.Run(d.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			rep, err := crashtest.Run(ctx, crashService(crashServer(t), d.args(t)...), 200)
			t.Logf("killed at %d acknowledged checkouts; %d acknowledged before the restart", rep.KilledAt, rep.Acked)
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}
