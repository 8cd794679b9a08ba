package patron

import (
	"errors"
	"slices"
	"testing"

	"github.com/kashidashi/kashidashi/reason"
	"pgregory.net/rapid"
)

func testRecord(t testing.TB) Record {
	c, err := ParseCardNumber("0123456789")
	if err != nil {
		t.Fatal(err)
	}
	return Record{Card: c, Name: "山田 太郎", BirthYear: 2001}
}

func TestVerify(t *testing.T) {
	rec := testRecord(t)
	tests := []struct {
		name             string
		card, who, key   string
		concealed, shown []string // codes with the default policy and with RevealMismatch
	}{
		{name: "P3 all match", card: "0123456789", who: "山田 太郎", key: "20010101"},
		{name: "P3 typed with the input method", card: "０１２３４５６７８９\u3000", who: "山田　太郎", key: "２００１０１０１"},
		{name: "P3 spaces removed", card: "0123456789", who: " 山田太郎 ", key: "20010101"},
		{name: "P3 wrong key", card: "0123456789", who: "山田太郎", key: "20000101",
			concealed: []string{"identity.mismatch"}, shown: []string{"identity.birth_key_mismatch"}},
		{name: "P3 every field wrong", card: "0123456780", who: "山田花子", key: "20000101",
			concealed: []string{"identity.mismatch"},
			shown:     []string{"identity.card_mismatch", "identity.name_mismatch", "identity.birth_key_mismatch"}},
		{name: "P3 full date typed", card: "0123456789", who: "山田太郎", key: "20010315",
			concealed: []string{"birth_key.not_0101"}, shown: []string{"birth_key.not_0101"}},
		{name: "P3 malformed card hides the mismatch unless revealed", card: "012345678", who: "山田花子", key: "20010101",
			concealed: []string{"card_number.length"}, shown: []string{"card_number.length", "identity.name_mismatch"}},
		{name: "P3 everything malformed", card: "", who: "\u3000", key: "",
			concealed: []string{"card_number.empty", "identity.name_empty", "birth_key.empty"},
			shown:     []string{"card_number.empty", "identity.name_empty", "birth_key.empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, p := range []struct {
				policy VerifyPolicy
				want   []string
			}{{VerifyPolicy{}, tt.concealed}, {VerifyPolicy{RevealMismatch: true}, tt.shown}} {
				err := p.policy.Verify(rec, Credentials{Card: tt.card, Name: tt.who, BirthKey: tt.key})
				if p.want == nil {
					if err != nil {
						t.Fatalf("%+v: %v", p.policy, err)
					}
					continue
				}
				checkRefusal(t, err)
				if got := codes(err); !slices.Equal(got, p.want) {
					t.Errorf("%+v: codes %v, want %v", p.policy, got, p.want)
				}
			}
		})
	}
}

func TestVerifyBadRecord(t *testing.T) {
	good := testRecord(t)
	for _, tt := range []struct {
		rec   Record
		paths []string
	}{
		{Record{}, []string{"record.card", "record.name", "record.birth_year"}},
		{Record{Card: good.Card, BirthYear: 2001}, []string{"record.name"}},
		{Record{Card: good.Card, Name: "x"}, []string{"record.birth_year"}},
		{Record{Card: good.Card, Name: "x", BirthYear: 1899}, []string{"record.birth_year"}},
		{Record{Name: "x", BirthYear: 2001}, []string{"record.card"}},
		{Record{Card: good.Card, Name: "　 ", BirthYear: 2001}, []string{"record.name"}},
	} {
		err := VerifyPolicy{}.Verify(tt.rec, Credentials{Card: "0123456789", Name: "x", BirthKey: "20010101"})
		var coded reason.Coded
		var ps reason.Problems
		if !errors.Is(err, reason.ErrBadInput) || errors.As(err, &coded) || !errors.As(err, &ps) {
			t.Errorf("Verify with record %+v: %v, want bad input", tt.rec, err)
			continue
		}
		var paths []string
		for _, p := range ps {
			paths = append(paths, p.Path)
		}
		if !slices.Equal(paths, tt.paths) {
			t.Errorf("Verify with record %+v: paths %v, want %v", tt.rec, paths, tt.paths)
		}
	}
}

func TestFoldName(t *testing.T) {
	tests := []struct{ name, a, b string }{
		{"P3 half-width katakana", "ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ　タロウ"},
		{"P3 semi-voiced mark", "ﾎﾟﾝﾃﾞﾝ", "ポンデン"},
		{"P3 vu", "ｳﾞｧｲｵﾘﾝ", "ヴァイオリン"},
		{"P3 prolonged sound", "ﾀﾛｰ", "タロー"},
		{"P3 full-width romaji and case", "ＹＡＭＡＤＡ　Ｔａｒｏ", "yamada taro"},
		{"P3 every space removed", "山田\t太郎 \u3000", "山田太郎"},
		{"P3 combining mark", "カ\u3099", "ガ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if fa, fb := foldName(tt.a), foldName(tt.b); fa != fb {
				t.Errorf("foldName(%q) = %q, foldName(%q) = %q", tt.a, fa, tt.b, fb)
			}
		})
	}
	// A sound mark that joins nothing stays.
	if foldName("ｱﾞ") != "ア゛" || foldName("ﾞ") != "゛" {
		t.Errorf("lone marks: %q %q", foldName("ｱﾞ"), foldName("ﾞ"))
	}
	if foldName("山田太郎") == foldName("山田花子") {
		t.Error("different names fold alike")
	}
}

// P3: each half-width katakana name folds as its full-width spelling.
func TestFoldNameHalfWidthProperty(t *testing.T) {
	half := []string{"ｱ", "ｶ", "ｶﾞ", "ｼﾞ", "ﾂﾞ", "ﾊﾟ", "ﾎﾞ", "ﾝ", "ｯ", "ｰ", "ｳﾞ", " "}
	full := []string{"ア", "カ", "ガ", "ジ", "ヅ", "パ", "ボ", "ン", "ッ", "ー", "ヴ", "\u3000"}
	rapid.Check(t, func(t *rapid.T) {
		idx := rapid.SliceOfN(rapid.IntRange(0, len(half)-1), 1, 12).Draw(t, "letters")
		var h, f string
		for _, i := range idx {
			h += half[i]
			f += full[i]
		}
		if foldName(h) != foldName(f) {
			t.Fatalf("foldName(%q) = %q, foldName(%q) = %q", h, foldName(h), f, foldName(f))
		}
	})
}

func FuzzVerify(f *testing.F) {
	f.Add("0123456789", "山田 太郎", "20010101")
	f.Add("０１２３４５６７８９", "ﾔﾏﾀﾞ", "２００１０１０１")
	f.Add("", "", "")
	f.Add("\xff", "ﾞﾟ\u3099", "20010315")
	rec := testRecord(f)
	f.Fuzz(func(t *testing.T, card, name, key string) {
		for _, p := range []VerifyPolicy{{}, {RevealMismatch: true}} {
			if err := p.Verify(rec, Credentials{Card: card, Name: name, BirthKey: key}); err != nil {
				checkRefusal(t, err)
			}
		}
	})
}
