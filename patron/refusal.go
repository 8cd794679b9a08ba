package patron

import (
	"errors"
	"strconv"

	"github.com/kashidashi/kashidashi/reason"
)

// refusal collects the reasons an input is refused in a reason.List, so
// that pasting a page of text into a field does not produce a page of
// errors: the list shows 16 reasons of one code and counts the rest. The
// input is refused all the same. Its zero value is empty and allocates
// nothing until the first reason is added, so that parsing a good value
// does not allocate.
type refusal struct {
	list reason.List
}

// add appends r.
func (rs *refusal) add(r reason.Coded) { rs.list.Add(r) }

// detail adds r detailed by the details detail builds, or r alone once
// the list would only count it: a megabyte of bad input then costs no
// detail per character.
func (rs *refusal) detail(r *reason.Reason, detail func() (en, ja string)) {
	if rs.list.Full(r.Code()) {
		rs.add(r)
		return
	}
	rs.add(r.Detail(detail()))
}

// charKind names what an offending character is, for a reason that
// covers several kinds (a space, a full-width character, ...); the zero
// charKind names nothing. advice, when set, follows the position.
type charKind struct {
	en, ja             string
	adviceEn, adviceJa string
}

// The kinds of offending characters.
var (
	symbolChar    = charKind{en: "a symbol", ja: "記号"}
	spaceChar     = charKind{en: "a space", ja: "空白"}
	lineBreakChar = charKind{en: "a line break", ja: "改行"}
	fullWidthChar = charKind{en: "a full-width character", ja: "全角文字",
		adviceEn: "; turn off Japanese input", adviceJa: "。日本語入力をオフにしてください"}
	otherChar    = charKind{en: "a character not allowed", ja: "使えない文字"}
	beforeAtChar = charKind{en: "a character not allowed before @", ja: "@ より前で使えない文字"}
	afterAtChar  = charKind{en: "a character not allowed after @", ja: "@ より後ろで使えない文字"}
)

// at appends r detailed with the kind of character and its 1-based
// position pos.
func (rs *refusal) at(r *reason.Reason, pos int, k charKind) {
	rs.detail(r, func() (string, string) {
		p := strconv.Itoa(pos)
		if k.en == "" {
			return "at position " + p, p + "文字目"
		}
		return k.en + " at position " + p + k.adviceEn, p + "文字目に" + k.ja + k.adviceJa
	})
}

// addAll appends every reason of err, a refusal from a parser of this
// package; nil adds nothing.
func (rs *refusal) addAll(err error) {
	var r *reason.Refusal
	if errors.As(err, &r) {
		for _, c := range r.Reasons {
			rs.add(c)
		}
	}
}

// count appends r detailed with a count of characters.
func (rs *refusal) count(r *reason.Reason, n int) {
	c := strconv.Itoa(n)
	rs.add(r.Detail(c+" characters typed", c+"文字入力されています"))
}

// refuse returns the refusal of what, or nil when no reason was added.
func (rs *refusal) refuse(what string) error { return rs.list.Refuse(pkg, what) }
