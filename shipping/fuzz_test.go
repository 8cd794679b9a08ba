package shipping

import (
	"testing"

	"github.com/shopspring/decimal"
)

func FuzzClassify(f *testing.F) {
	for _, s := range [][4]string{
		{"34", "25", "3", "1"}, {"34.01", "25", "3", "1"}, {"3", "34", "25", "1.001"},
		{"100", "50", "20", "30"}, {"100.01", "50", "20", "30.01"}, {"0", "-1", "3", "0"},
		{"1e-40", "1e40", "3", "1"}, {"1e999999999", "1", "1", "1"}, {"-1e-999999999", "2", "2", "2"},
		{"999999999999.999999", "0.000001", "1", "25.000001"}, {"33.99999999999999999999999999999", "25", "3", "1"},
	} {
		f.Add(s[0], s[1], s[2], s[3])
	}
	c := defaultClassifier
	f.Fuzz(func(t *testing.T, l, w, th, kg string) {
		var m [4]decimal.Decimal
		for i, s := range []string{l, w, th, kg} {
			d, err := decimal.NewFromString(s)
			if err != nil {
				return
			}
			m[i] = d
		}
		p := Parcel{Length: m[0], Width: m[1], Thickness: m[2], Weight: m[3]}
		got, err := classify(p)
		if (err == nil) != got.valid() || (err != nil && !isCoded(err)) {
			t.Fatalf("%v: %v, %v", p, got, err)
		}
		q := Parcel{Length: p.Thickness, Width: p.Length, Thickness: p.Width, Weight: p.Weight}
		if again, err2 := classify(q); again != got || (err == nil) != (err2 == nil) {
			t.Fatalf("%v: %v but %v: %v", p, got, q, again)
		}
		if fast, exact := c.judge(p), judgeExact(c.exact, p); fast != exact {
			t.Fatalf("%v: fast %+v, exact %+v", p, fast, exact)
		}
		if b, err := (Packing{}).Bundle(p); err == nil {
			if again, _ := classify(b); again != got {
				t.Fatalf("%v: %v but bundled %v", p, got, again)
			}
		}
		_ = p.String()
	})
}

func FuzzParseParcel(f *testing.F) {
	for _, s := range []string{
		"34x25x3cm 1kg", " 34X25×3 400g ", "34.00x25x3.0cm\t1.000kg", "0x0x0 0g", "34x25x3cm 1",
		"1e2x1x1cm 1kg", "-1x1x1 1kg", "1x1x1cm 0.000000000000000000000000001g", "34x25x3cm 1 kg",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseParcel(s)
		if err != nil {
			if !isCoded(err) {
				t.Fatalf("%q: uncoded error %v", s, err)
			}
			return
		}
		text := p.String()
		q, err := ParseParcel(text)
		if err != nil {
			t.Fatalf("%q reads as %q, which does not: %v", s, text, err)
		}
		if !q.Length.Equal(p.Length) || !q.Width.Equal(p.Width) || !q.Thickness.Equal(p.Thickness) || !q.Weight.Equal(p.Weight) || q.String() != text {
			t.Fatalf("%q reads as %q, which reads as %q", s, text, q.String())
		}
		_, _ = classify(p)
	})
}
