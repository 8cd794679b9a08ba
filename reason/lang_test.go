package reason_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// "ja-JP" fell back to English; BCP 47 tags are now read in
// any case, by their primary subtag.
func TestParseLangBCP47CaseInsensitive(t *testing.T) {
	tests := []struct {
		tag  string
		want reason.Lang
	}{
		{"ja", reason.Japanese}, {"ja-JP", reason.Japanese}, {"JA-jp", reason.Japanese}, {"JA", reason.Japanese},
		{"ja-Jpan-JP-x-private1", reason.Japanese},
		{"en", reason.English}, {"en-US", reason.English}, {"EN-gb", reason.English}, {"en-Latn-GB", reason.English},
		{"fr", ""}, {"", ""}, {"ja_JP", ""}, {"ja-", ""}, {"-ja", ""}, {"ja--JP", ""}, {"jap", ""},
		{"j", ""}, {"en-toolongsubtag", ""}, {"*", ""}, {" ja", ""}, {"ja-JP ", ""}, {"1a", ""},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			l, err := reason.ParseLang(tt.tag)
			assert.Equal(t, tt.want, l)
			if tt.want == "" {
				assert.ErrorIs(t, err, reason.ErrUnknownLang)
			} else {
				assert.NoError(t, err)
			}
		})
	}
}

// a request's "lang" is decoded as a tag, and an unknown one
// is refused rather than shown in English.
func TestLangUnmarshalText(t *testing.T) {
	var req struct {
		Lang reason.Lang `json:"lang"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"lang":"ja-JP"}`), &req))
	assert.Equal(t, reason.Japanese, req.Lang)
	err := json.Unmarshal([]byte(`{"lang":"fr"}`), &req)
	assert.ErrorIs(t, err, reason.ErrUnknownLang)
	b, err := json.Marshal(req)
	require.NoError(t, err)
	assert.JSONEq(t, `{"lang":"ja"}`, string(b))
	_, err = json.Marshal(struct{ L reason.Lang }{"fr"})
	assert.Error(t, err)
	b, err = json.Marshal(struct{ L reason.Lang }{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"L":""}`, string(b), "the zero Lang is no language chosen")
	require.NoError(t, json.Unmarshal([]byte(`{"lang":""}`), &req))
	assert.Equal(t, reason.Lang(""), req.Lang)
}

// Accept-Language with weights.
func TestNegotiateAcceptLanguage(t *testing.T) {
	tests := []struct {
		header string
		want   reason.Lang // "" for an error
	}{
		{"fr;q=1, ja-JP;q=0.8, en;q=0.5", reason.Japanese},
		{"ja", reason.Japanese},
		{"en-US,en;q=0.9,ja;q=0.8", reason.English},
		{"ja;q=0.5, en;q=0.5", reason.Japanese}, // a tie goes to the first
		{"en;q=0.5, ja;q=0.5", reason.English},
		{"*", reason.English},
		{"en;q=0, *", reason.Japanese},
		{"fr, *;q=0.1", reason.English},
		{"ja;q=0, *;q=0.5", reason.English},
		{"ja-JP;q=0.2, ja;q=0.9, en;q=0.5", reason.Japanese},
		{"JA-jp;Q=1.000", reason.Japanese},
		{" , ja ,", reason.Japanese},
		{"ja ; q=0.7", reason.Japanese},
		{"fr", ""},
		{"", ""},
		{"en;q=0, ja;q=0", ""},
		{"*;q=0", ""},
		{"ja;q=1.5", ""},
		{"ja;q=0.1234", ""},
		{"ja;q=", ""},
		{"ja;level=1", ""},
		{"ja_JP", ""},
		{"ja;q=0.5;q=0.6", ""},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			l, err := reason.Negotiate(tt.header)
			assert.Equal(t, tt.want, l)
			if tt.want == "" {
				assert.Error(t, err)
			} else {
				assert.NoError(t, err)
			}
		})
	}
}

// no silent fallback: a header that names no language we have
// is ErrUnknownLang, and the host asks for its fallback.
func TestNegotiateNoSilentFallback(t *testing.T) {
	_, err := reason.Negotiate("fr, de;q=0.5")
	assert.ErrorIs(t, err, reason.ErrUnknownLang)
	assert.Equal(t, reason.Japanese, reason.NegotiateOr("fr", reason.Japanese))
	assert.Equal(t, reason.English, reason.NegotiateOr("ja;q=bad", reason.English))
	assert.Equal(t, reason.Japanese, reason.NegotiateOr("ja-JP", reason.English))
}

// Defect guard: a megabyte header, or one with thousands of
// entries, is refused at once with a short error.
func TestNegotiateHugeHeaderRefusedFast(t *testing.T) {
	for _, h := range []string{
		strings.Repeat("fr;q=0.1, ", 1<<17) + "ja",
		strings.Repeat("a,", 40) + "ja",
		strings.Repeat("x", 1<<20),
	} {
		start := time.Now()
		_, err := reason.Negotiate(h)
		assert.Error(t, err)
		assert.False(t, errors.Is(err, reason.ErrUnknownLang) && len(h) > 4096)
		assert.Less(t, len(err.Error()), 150)
		assert.Less(t, time.Since(start), 50*time.Millisecond)
	}
}

func FuzzNegotiate(f *testing.F) {
	f.Add("fr;q=1, ja-JP;q=0.8, en;q=0.5")
	f.Add("*;q=0.1, en;q=0")
	f.Fuzz(func(t *testing.T, h string) {
		l, err := reason.Negotiate(h)
		if err != nil {
			if l != "" || len(err.Error()) > 250 {
				t.Fatalf("%q: %q, %v", h, l, err)
			}
			return
		}
		if l != reason.English && l != reason.Japanese {
			t.Fatalf("%q negotiated %q", h, l)
		}
		if !strings.Contains(strings.ToLower(h), string(l)) && !strings.Contains(h, "*") {
			t.Fatalf("%q negotiated %q, which it does not name", h, l)
		}
	})
}
