package patron

import "unicode"

// halfWidthKana maps the half-width katakana block U+FF61..U+FF9F, in
// order, to its full-width forms. The last two are the voiced and
// semi-voiced sound marks, which foldName joins to the kana before them.
var halfWidthKana = []rune("。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜")

// foldName returns the form in which two spellings of a name are compared
// (P3): full-width ASCII folded to ASCII, ASCII letters to lower case,
// half-width katakana to full-width katakana with a following sound mark
// joined (ｶﾞ and ガ are the same), and every space removed (山田 太郎,
// 山田　太郎 and 山田太郎 are the same). Kanji, kana and romaji spellings
// of one name are not reconciled.
func foldName(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		r = lowerASCII(narrow(r))
		switch {
		case unicode.IsSpace(r):
			continue
		case r >= '｡' && r <= 'ﾟ':
			r = halfWidthKana[r-'｡']
		}
		if n := len(out); n > 0 {
			if j, ok := joinSoundMark(out[n-1], r); ok {
				out[n-1] = j
				continue
			}
		}
		out = append(out, r)
	}
	return string(out)
}

// joinSoundMark returns katakana k with the sound mark m (spacing or
// combining, voiced or semi-voiced) joined, if there is such a letter.
func joinSoundMark(k, m rune) (rune, bool) {
	switch m {
	case '゛', '\u3099':
		switch {
		case k >= 'カ' && k <= 'チ' && (k-'カ')%2 == 0, k == 'ツ', k == 'テ', k == 'ト':
			return k + 1, true
		case k >= 'ハ' && k <= 'ホ' && (k-'ハ')%3 == 0:
			return k + 1, true
		case k == 'ウ':
			return 'ヴ', true
		case k == 'ワ':
			return 'ヷ', true
		case k == 'ヲ':
			return 'ヺ', true
		}
	case '゜', '\u309A':
		if k >= 'ハ' && k <= 'ホ' && (k-'ハ')%3 == 0 {
			return k + 2, true
		}
	}
	return 0, false
}
