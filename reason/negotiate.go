package reason

import (
	"strings"

	"github.com/kashidashi/kashidashi/internal/text"
)

// Bounds on an Accept-Language header: browsers send a few dozen bytes,
// and a header past these is refused before it is read, so that its cost
// is small whatever a client sends.
const (
	maxAcceptLanguage = 4096 // bytes
	maxLangRanges     = 32   // comma-separated entries
)

// Negotiate returns the language to answer in for an HTTP Accept-Language
// header (RFC 9110 §12.5.4): the language with the highest weight (q),
// ties going to the one listed first. A range names a language by its
// primary subtag in any case ("ja-JP", "JA"); "*" gives its weight to each
// language the header does not name; q=0 excludes. "fr;q=1, ja-JP;q=0.8,
// en;q=0.5" is Japanese.
//
// An empty header, one naming neither English nor Japanese, or one that
// excludes both is an error wrapping ErrUnknownLang; a malformed header,
// one over 4096 bytes or with more than 32 entries is an error too. The
// SDK never falls back on its own: NegotiateOr is how a host asks for a
// fallback. Negotiate takes time linear in the length of the header.
func Negotiate(header string) (Lang, error) {
	if len(header) > maxAcceptLanguage {
		return "", BadInput("Accept-Language", "%s", "longer than 4096 bytes")
	}
	var (
		weight [len(langs)]int // best q of each language, in thousandths; -1 unnamed
		at     [len(langs)]int // the entry that gave it
		star   = -1            // q of "*"; -1 when absent
		starAt int
	)
	for i := range weight {
		weight[i] = -1
	}
	entries := 0
	for entry := range strings.SplitSeq(header, ",") {
		entry = strings.Trim(entry, " \t")
		if entry == "" {
			continue // RFC 9110 §5.6.1: empty list elements are ignored
		}
		if entries++; entries > maxLangRanges {
			return "", BadInput("Accept-Language", "%s", "with more than 32 entries")
		}
		i, q, err := langRange(entry)
		switch {
		case err != nil:
			return "", err
		case i == wildcard:
			if star < 0 {
				star, starAt = q, entries
			}
		case i >= 0 && q > weight[i]:
			weight[i], at[i] = q, entries
		}
	}
	best, bestQ, bestAt := Lang(""), 0, 0
	for i, l := range langs {
		q, pos := weight[i], at[i]
		if q < 0 {
			q, pos = star, starAt
		}
		if q > bestQ || (q == bestQ && q > 0 && pos < bestAt) {
			best, bestQ, bestAt = l, q, pos
		}
	}
	if best == "" {
		return "", &negotiateError{header}
	}
	return best, nil
}

// NegotiateOr returns the language Negotiate finds for header, or
// fallback when it finds none or the header is malformed: the host's
// explicit choice of what a patron who asked for no language we have
// reads.
func NegotiateOr(header string, fallback Lang) Lang {
	if l, err := Negotiate(header); err == nil {
		return l
	}
	return fallback
}

// negotiateError is a header that accepts no language kashidashi has.
type negotiateError struct{ header string }

func (e *negotiateError) Error() string {
	return "reason: Accept-Language " + text.Quote(e.header) + " accepts neither en nor ja"
}

func (e *negotiateError) Unwrap() error { return ErrUnknownLang }

// wildcard is langRange's index for "*".
const wildcard = -2

// langRange parses one entry of Accept-Language: a language range and an
// optional weight, "ja-JP;q=0.8". It returns the index in langs of the
// language it names (-1 for another, wildcard for "*") and the weight in
// thousandths.
func langRange(entry string) (i, q int, err error) {
	tag, params, hasParams := strings.Cut(entry, ";")
	tag = strings.TrimRight(tag, " \t")
	i = wildcard
	if tag != "*" {
		var ok bool
		if i, ok = tagLang(tag); !ok {
			return 0, 0, BadInput("Accept-Language", "malformed language range %s", text.Quote(tag))
		}
	}
	if !hasParams {
		return i, 1000, nil
	}
	params = strings.Trim(params, " \t")
	name, value, ok := strings.Cut(params, "=")
	if !ok || (name != "q" && name != "Q") {
		return 0, 0, BadInput("Accept-Language", "want q=weight, not %s", text.Quote(params))
	}
	q, ok = qvalue(value)
	if !ok {
		return 0, 0, BadInput("Accept-Language", "malformed weight %s", text.Quote(value))
	}
	return i, q, nil
}

// qvalue parses a weight (RFC 9110 §12.4.2): 0 to 1 with at most three
// decimals, in thousandths.
func qvalue(s string) (int, bool) {
	if s == "" || len(s) > 5 || (s[0] != '0' && s[0] != '1') {
		return 0, false
	}
	q := int(s[0]-'0') * 1000
	if len(s) == 1 {
		return q, true
	}
	if s[1] != '.' {
		return 0, false
	}
	scale := 100
	for i := 2; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		q += int(c-'0') * scale
		scale /= 10
	}
	return q, q <= 1000
}
