package calendar

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// BenchmarkRulesDecodeEmptyClosures decodes rules of 4,000 and 16,000
// empty closures (12 KB and 48 KB), two problems each: the time grows
// with the size, not with its square.
func BenchmarkRulesDecodeEmptyClosures(b *testing.B) {
	for _, n := range []int{4000, 16000} {
		doc := []byte(`{"closures":[` + strings.Repeat(`{},`, n-1) + `{}]}`)
		b.Run(fmt.Sprintf("closures=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			b.ReportAllocs()
			for b.Loop() {
				var r Rules
				if err := json.Unmarshal(doc, &r); err == nil {
					b.Fatal("empty closures decoded")
				}
			}
		})
	}
}

// BenchmarkRulesProblemsClosures checks rules of 4,000 and 40,000 good
// closures.
func BenchmarkRulesProblemsClosures(b *testing.B) {
	for _, n := range closureCounts {
		r := manyClosures(n)
		b.Run(fmt.Sprintf("closures=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkInt = len(r.Problems())
			}
		})
	}
}
