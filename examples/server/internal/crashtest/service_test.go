package crashtest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/examples/server/internal/crashtest"
	"github.com/kashidashi/kashidashi/examples/server/internal/pgtest"
	"github.com/kashidashi/kashidashi/holds"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.StopShared()
	os.Exit(code)
}

// databases are the databases the crash tests run the service on: its
// flags for a fresh one of each kind, SQLite (-db) and PostgreSQL
// (-postgres, a throwaway cluster on loopback, or
// KASHIDASHI_POSTGRES_URL).
var databases = []struct {
	name string
	args func(t *testing.T) []string
}{
	{"sqlite", func(t *testing.T) []string { return []string{"-db", filepath.Join(t.TempDir(), "k.db")} }},
	{"postgres", func(t *testing.T) []string { return []string{"-postgres", pgtest.Database(t)} }},
}

// service is the reference service (examples/server) as crashtest
// drives it: its JSON access log says where it listens, a checkout is
// POST /v1/checkouts, the queue GET /v1/items/{item}/queue.
func service(bin string, args ...string) crashtest.Service {
	return crashtest.Service{
		Bin:  bin,
		Args: args,
		Listening: func(line string) (string, bool) {
			var rec struct {
				Msg  string `json:"msg"`
				Addr string `json:"addr"`
			}
			if json.Unmarshal([]byte(line), &rec) != nil || !strings.HasPrefix(rec.Msg, "listening on") {
				return "", false
			}
			return rec.Addr, rec.Addr != ""
		},
		Checkout: func(addr, patron, item, key string) (*http.Request, error) {
			body := fmt.Sprintf(`{"today":"2026-11-02","cart":{"patron":%q,"items":[{"item":%q,"status":"on_loan"}],`+
				`"place":{"method":"prefectural_library"},"ordering":"normal"}}`, patron, item)
			r, err := http.NewRequest(http.MethodPost, "http://"+addr+"/v1/checkouts", strings.NewReader(body))
			if err == nil {
				r.Header.Set("Content-Type", "application/json")
				r.Header.Set("Idempotency-Key", key)
			}
			return r, err
		},
		Placed: func(body []byte) (crashtest.Placed, error) {
			var a struct {
				Reservations []holds.Reservation `json:"reservations"`
			}
			if err := json.Unmarshal(body, &a); err != nil || len(a.Reservations) != 1 {
				return crashtest.Placed{}, fmt.Errorf("not one reservation placed: %s (%v)", body, err)
			}
			return crashtest.Placed{ID: a.Reservations[0].ID, Patron: a.Reservations[0].Patron}, nil
		},
		Queue: func(ctx context.Context, c *http.Client, addr, item string) ([]crashtest.Placed, error) {
			resp, err := c.Get("http://" + addr + "/v1/items/" + item + "/queue")
			if err != nil {
				return nil, err
			}
			defer resp.Body.Close()
			var buf bytes.Buffer
			if _, err := buf.ReadFrom(resp.Body); err != nil {
				return nil, err
			}
			var q struct {
				Queue []struct {
					Position    int               `json:"position"`
					Reservation holds.Reservation `json:"reservation"`
				} `json:"queue"`
			}
			if err := json.Unmarshal(buf.Bytes(), &q); err != nil {
				return nil, fmt.Errorf("the queue %s: %w", buf.Bytes(), err)
			}
			out := make([]crashtest.Placed, len(q.Queue))
			for i, e := range q.Queue {
				out[i] = crashtest.Placed{ID: e.Reservation.ID, Patron: e.Reservation.Patron, Position: e.Position}
			}
			return out, nil
		},
	}
}

// TestServiceCrashInTheMiddleOfCheckouts kills the reference service
// (examples/server, built from its main) with SIGKILL in the middle of
// 200 concurrent checkouts of one item by 200 patrons, starts it again on
// the same database and retries every request with its Idempotency-Key:
// every retry is granted, an acknowledged checkout gets its first answer
// again (Idempotent-Replayed, byte for byte), and the item's queue holds
// exactly one reservation per patron, positions 1..200 in ID order, each
// the one its answer named. On SQLite (-db) and PostgreSQL (-postgres, a
// throwaway cluster on loopback, or KASHIDASHI_POSTGRES_URL).
func TestServiceCrashInTheMiddleOfCheckouts(t *testing.T) {
	bin, remove, err := crashtest.Build("../..", ".")
	if err != nil {
		t.Fatal(err)
	}
	defer remove()
	for _, d := range databases {
		t.Run(d.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			rep, err := crashtest.Run(ctx, service(bin, d.args(t)...), 200)
			t.Logf("killed at %d acknowledged checkouts; %d acknowledged before the restart", rep.KilledAt, rep.Acked)
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}
