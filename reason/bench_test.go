package reason_test

import (
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
