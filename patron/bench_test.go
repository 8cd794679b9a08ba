package patron

import (
	"net/mail"
	"testing"
)

// sink keeps results alive so that the compiler does not drop the work.
var sink any

func BenchmarkParseEmail(b *testing.B) {
	for _, c := range []struct{ name, addr string }{
		{"lower", "taro.yamada+lib@example.ne.jp"},
		{"mixed", "Taro.Yamada+Lib@Example.NE.JP"},
	} {
		addr := c.addr
		b.Run("patron/"+c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				e, err := ParseEmail(addr)
				if err != nil {
					b.Fatal(err)
				}
				sink = e.at
			}
		})
		b.Run("net_mail/"+c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				a, err := mail.ParseAddress(addr)
				if err != nil {
					b.Fatal(err)
				}
				sink = a
			}
		})
	}
}

func BenchmarkParsePassword(b *testing.B) {
	for _, c := range []struct{ name, pw string }{{"lower", "abc123xyz"}, {"mixed", "AbC123XyZ"}} {
		pw := c.pw
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p, err := ParsePassword(pw)
				if err != nil {
					b.Fatal(err)
				}
				sink = p.secret
			}
		})
	}
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
	for _, c := range []struct{ name, s string }{{"half-width", "0123456789"}, {"full-width", "０１２３４５６７８９"}} {
		s := c.s
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c, err := ParseCardNumber(s)
				if err != nil {
					b.Fatal(err)
				}
				sink = c.digits[0]
			}
		})
	}
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
