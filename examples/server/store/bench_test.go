package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// EnvBenchSmall leaves out the benchmarks' case of 1,000,000 stored
// reservations, whose seeding takes some 10 s per database on a small
// machine.
const EnvBenchSmall = "KASHIDASHI_BENCH_SMALL"

// seedSQL inserts the reservations 1..$1 in one statement: a patron of
// every 4 and an item of every 3 reservations, all waiting at the
// Prefectural Library, as holds.Reservation's JSON form has them.
var seedSQL = map[string]string{
	"sqlite": `WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < $1)
		INSERT INTO reservations (id, patron, item, state, active, data)
		SELECT n, 'sp' || (n / 4), 'si' || (n / 3), 'waiting', 1,
		'{"id":' || n || ',"patron":"sp' || (n / 4) || '","item":"si' || (n / 3) ||
		'","place":{"method":"prefectural_library"},"state":"waiting","placed_on":"2026-11-01"}' FROM g`,
	"postgres": `INSERT INTO reservations (id, patron, item, state, active, data)
		SELECT n, 'sp' || (n / 4), 'si' || (n / 3), 'waiting', true,
		('{"id":' || n || ',"patron":"sp' || (n / 4) || '","item":"si' || (n / 3) ||
		'","place":{"method":"prefectural_library"},"state":"waiting","placed_on":"2026-11-01"}')::jsonb
		FROM generate_series(1, $1::bigint) AS n`,
}

// seedBulk stores n waiting reservations in one statement and moves the
// ID sequence past them.
func seedBulk(ctx context.Context, s *Store, n int) error {
	if _, err := s.w.ExecContext(ctx, seedSQL[s.Driver()], n); err != nil {
		return err
	}
	if err := s.d.moveIDs(ctx, s.w, uint64(n)); err != nil {
		return err
	}
	_, err := s.w.ExecContext(ctx, "ANALYZE")
	return err
}

// BenchmarkDurableCheckout reports durable checkouts per second (each
// committed to disk: SQLite's synchronous=FULL, PostgreSQL's default
// synchronous_commit) and the store's p99 latency per checkout (the
// server-side time of a change, HTTP excluded), with 8 concurrent
// clients, over 1,000 and over 1,000,000 stored reservations (seeded
// once per database, in some 10 s; KASHIDASHI_BENCH_SMALL=1 leaves that
// case out). Each checkout is a new patron's, of one of 1,000 items,
// under an Idempotency-Key.
func BenchmarkDurableCheckout(b *testing.B) {
	sizes := []int{1_000, 1_000_000}
	if os.Getenv(EnvBenchSmall) != "" {
		sizes = sizes[:1]
	}
	outer := b
	for _, d := range drivers {
		for _, n := range sizes {
			// One store per case, seeded once and closed at the end of
			// the benchmark: its rounds add their checkouts, a few
			// thousand, to the n stored.
			var s *Store
			b.Run(fmt.Sprintf("%s/stored=%d", d.name, n), func(b *testing.B) {
				if s == nil {
					s = d.open(outer, lib)
					start := time.Now()
					if err := seedBulk(context.Background(), s, n); err != nil {
						b.Fatal(err)
					}
					b.Logf("seeded %d reservations in %v", n, time.Since(start).Round(time.Millisecond))
				}
				benchCheckouts(b, s)
			})
		}
	}
}

// benchCheckouts runs b.N checkouts from 8 goroutines and reports their
// rate and p99 latency.
func benchCheckouts(b *testing.B, s *Store) {
	var (
		mu    sync.Mutex
		lat   []time.Duration
		seq   atomic.Int64
		fails atomic.Int64
	)
	run := fmt.Sprintf("%x", rand.Uint32())
	b.SetParallelism(4) // 4 × GOMAXPROCS goroutines
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			i := seq.Add(1)
			req := checkoutOf(fmt.Sprintf("bp%s-%d", run, i), day(2), fmt.Sprintf("bi%d", rand.IntN(1000)))
			t0 := time.Now()
			r, err := s.Change(context.Background(), req, fmt.Sprintf("bench-%s-%d", run, i), renderJSON)
			mine = append(mine, time.Since(t0))
			if err != nil || r.Status != 201 {
				fails.Add(1)
			}
		}
		mu.Lock()
		lat = append(lat, mine...)
		mu.Unlock()
	})
	elapsed := b.Elapsed()
	b.StopTimer()
	if fails.Load() > 0 {
		b.Fatalf("%d checkouts failed", fails.Load())
	}
	slices.Sort(lat)
	b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "checkouts/s")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}
