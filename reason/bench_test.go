package reason_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kashidashi/kashidashi/reason"
)

// BenchmarkRefuseIdentical is the worst case of the cap: 100,000 reasons
// of one code, refused and written out.
func BenchmarkRefuseIdentical(b *testing.B) {
	rs := make([]reason.Coded, 100000)
	for i := range rs {
		rs[i] = errA
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = reason.Refuse("demo", "thing", rs).Error()
	}
}

// BenchmarkNegotiateLongestHeader is the worst header Negotiate reads:
// 32 entries in about 4 KiB.
func BenchmarkNegotiateLongestHeader(b *testing.B) {
	h := strings.Repeat("zz-"+strings.Repeat("abcdefgh-", 13)+"a;q=0.001, ", 31) + "ja;q=0.5"
	if len(h) > 4096 {
		b.Fatal(len(h))
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := reason.Negotiate(h); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNegotiateMegabyteHeader is a megabyte header, refused.
func BenchmarkNegotiateMegabyteHeader(b *testing.B) {
	h := strings.Repeat("fr;q=0.1, ", 1<<17)
	b.ReportAllocs()
	for b.Loop() {
		_, _ = reason.Negotiate(h)
	}
}

// BenchmarkRefusalJSONRoundTripCapped encodes and decodes the largest
// refusal of two codes: 16 reasons with parameters of each and the
// entries counting the rest.
func BenchmarkRefusalJSONRoundTripCapped(b *testing.B) {
	rs := make([]reason.Coded, 0, 2000)
	for i := range 1000 {
		rs = append(rs, errLimit.With(reason.Limit(i)), errPlace.With(reason.LibraryName("小樽市立図書館"), reason.Date(civil{2026, 4, 1})))
	}
	err := reason.Refuse("demo", "thing", rs)
	b.ReportAllocs()
	for b.Loop() {
		j, _ := json.Marshal(err)
		var back reason.Refusal
		if e := json.Unmarshal(j, &back); e != nil {
			b.Fatal(e)
		}
	}
}

// BenchmarkWithLocalize is one reason with a parameter, rendered.
func BenchmarkWithLocalize(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = reason.Localize(errLimit.With(reason.Limit(10)), reason.Japanese)
	}
}
