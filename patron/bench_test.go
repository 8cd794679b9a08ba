package patron

import (
	"net/mail"
	"testing"
)

// sink keeps results alive so that the compiler does not drop the work.
var sink any

// benchParse benchmarks parse on each input, named by its key prefixed
// with prefix; every input must be accepted.
func benchParse[T any](b *testing.B, prefix string, parse func(string) (T, error), inputs [][2]string) {
	for _, in := range inputs {
		s := in[1]
		b.Run(prefix+in[0], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parse(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkParseEmail(b *testing.B) {
	addrs := [][2]string{{"lower", "taro.yamada+lib@example.ne.jp"}, {"mixed", "Taro.Yamada+Lib@Example.NE.JP"}}
	benchParse(b, "patron/", ParseEmail, addrs)
	benchParse(b, "net_mail/", mail.ParseAddress, addrs)
}

func BenchmarkParsePassword(b *testing.B) {
	benchParse(b, "", ParsePassword, [][2]string{{"lower", "abc123xyz"}, {"mixed", "AbC123XyZ"}})
}

func BenchmarkPasswordEqual(b *testing.B) {
	p, _ := ParsePassword("abc123xyz")
	q, _ := ParsePassword("ABC123XYZ")
	b.ReportAllocs()
	for b.Loop() {
		if !p.Equal(q) {
			b.Fatal("not equal")
		}
	}
}

func BenchmarkParseCardNumber(b *testing.B) {
	benchParse(b, "", ParseCardNumber, [][2]string{{"half-width", "0123456789"}, {"full-width", "０１２３４５６７８９"}})
}

func BenchmarkParseEmailRefused(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, err := ParseEmail(".ta..ro.@docomo..ne.jp.")
		if err == nil {
			b.Fatal("accepted")
		}
	}
}

// The documented promise that parsing a good value does not allocate
// (P6, P2) or allocates once, for the closure that hides it (P4),
// checked in every test run, not only in benchmarks.
func TestParseDoesNotAllocate(t *testing.T) {
	for name, c := range map[string]struct {
		f    func()
		want float64
	}{
		"email":       {func() { e, _ := ParseEmail("taro.yamada+lib@example.ne.jp"); sink = e.at }, 0},
		"password":    {func() { p, _ := ParsePassword("AbC123XyZ"); sink = p.secret }, 1},
		"card number": {func() { c, _ := ParseCardNumber("０１２３４５６７８９"); sink = c.digits[0] }, 0},
	} {
		if n := testing.AllocsPerRun(100, c.f); n != c.want {
			t.Errorf("%s: %v allocations, want %v", name, n, c.want)
		}
	}
}
