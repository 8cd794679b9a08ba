package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// BenchmarkExtensionDecisionsPerSecond measures extension decisions (L3,
// L4) per second through real HTTP on loopback, with concurrent clients
// on keep-alive connections (b.RunParallel, GOMAXPROCS goroutines times
// 4), half granted and half refused with every reason: decoding,
// deciding, encoding and the network stack all counted.
func BenchmarkExtensionDecisionsPerSecond(b *testing.B) {
	srv := httptest.NewServer(newTestService(b).handler())
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256, MaxConnsPerHost: 256}}
	bodies := []string{
		`{"today":"2026-04-01","loan":` + loanAtLibrary + `}`,
		`{"today":"2026-04-01","loan":` + reservedLoan + `}`,
	}
	url := srv.URL + "/v1/extensions"
	b.SetParallelism(4)
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			i++
			req, _ := http.NewRequest("POST", url, strings.NewReader(bodies[i%2]))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Accept-Language", "ja")
			resp, err := client.Do(req)
			if err != nil {
				b.Error(err)
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusUnprocessableEntity {
				b.Errorf("status %d", resp.StatusCode)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "decisions/s")
}

// BenchmarkExtensionHandler is the server's share of a decision: the
// handler alone, with no network, on concurrent goroutines.
func BenchmarkExtensionHandler(b *testing.B) {
	h := newTestService(b).handler()
	bodies := []string{
		`{"today":"2026-04-01","loan":` + loanAtLibrary + `}`,
		`{"today":"2026-04-01","loan":` + reservedLoan + `}`,
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			i++
			req := httptest.NewRequest("POST", "/v1/extensions", strings.NewReader(bodies[i%2]))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Accept-Language", "ja")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK && rec.Code != http.StatusUnprocessableEntity {
				b.Errorf("status %d", rec.Code)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "decisions/s")
}
