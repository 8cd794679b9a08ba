package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

// story holds what the scenes share: the output, the language, the day
// the story starts, the library (calendars, policies and everything else
// come from it) and its one reservation desk, which serves every day of
// the story.
type story struct {
	w       io.Writer
	lang    reason.Lang
	start   calendar.Date
	lib     *library.Library
	partner circulation.Place
	desk    *holds.Desk
	// collected is the loan made from the first volume of the cart, and
	// collectedOn the day the patron picked it up.
	collected   circulation.Loan
	collectedOn calendar.Date
}

// partnerName is the partner library of the story: a municipal library
// near the Prefectural Library, with its own calendar.
const partnerName = "江別市情報図書館"

func newStory(w io.Writer, l reason.Lang, start calendar.Date) (*story, error) {
	lib, err := withPartner(library.Default())
	if err != nil {
		return nil, err
	}
	desk, err := lib.NewDesk(nil) // nothing stored yet
	if err != nil {
		return nil, err
	}
	return &story{
		w: w, lang: l, start: start, lib: lib,
		partner: circulation.Place{Method: circulation.PartnerLibrary, Library: partnerName},
		desk:    desk,
	}, nil
}

// withPartner returns the Prefectural Library's own configuration with
// the story's partner library added, as a host adds the partner
// libraries it serves: its own calendar (C4) is closed on Mondays, public
// holidays and over the year end.
func withPartner(lib *library.Library) (*library.Library, error) {
	c := lib.Config()
	c.Sites = append(slices.Clone(c.Sites), library.Site{
		ID: "ebetsu", Name: partnerName, NameEn: "Ebetsu City Library",
		Kind: library.Partner, Region: "石狩",
		Rules: calendar.Rules{
			ClosedWeekdays:   calendar.WeekdaysOf(time.Monday),
			ClosedOnHolidays: true,
			YearEnd:          true,
		},
	})
	return library.New(c)
}

// storyDays is the story's length: its dates run to 41 days after its
// start (the third volume's due date, from 2026-11-26), a few more when
// the year-end closures fall in the way; 60 leaves room for them.
const storyDays = 60

// starts returns the first and the last day the story can start on: from
// the sample tariff's first rates, which the home-delivery scene quotes
// on the start day (the calendars' span starts earlier, in 1955), to
// storyDays before the end of the span the calendars answer for
// (calendar.Calendar.Span).
func (s *story) starts() (first, last calendar.Date) {
	first, last = s.lib.Calendars(s.start).Library.Span()
	if t := shipping.SampleTariff().Tables(); len(t) > 0 && t[0].Effective.After(first) {
		first = t[0].Effective
	}
	return first, last.AddDays(-storyDays)
}

func (s *story) tell(month calendar.Date) error {
	for _, scene := range []func() error{
		s.signUp,
		s.reserveCart,
		s.extend,
		s.returnItem,
		s.homeDelivery,
		func() error { return s.printMonth(month) },
	} {
		if err := scene(); err != nil {
			return err
		}
	}
	return nil
}

// tr picks the English or the Japanese text.
func (s *story) tr(en, ja string) string {
	if s.lang == reason.Japanese {
		return ja
	}
	return en
}

func (s *story) heading(n int, en, ja string) {
	title := fmt.Sprintf("%d. %s", n, s.tr(en, ja))
	fmt.Fprintf(s.w, "\n%s\n%s\n", title, strings.Repeat("-", 40))
}

// say prints a line of the story, wrapped to fit 80 columns.
func (s *story) say(en, ja string, args ...any) {
	for _, line := range strings.Split(fmt.Sprintf(s.tr(en, ja), args...), "\n") {
		fmt.Fprintln(s.w, wrap(line, "   "))
	}
}

// refused returns nil when err is a refusal, whose reasons the story
// tells, and err otherwise: no error where the story expects a refusal,
// or input the story got wrong (reason.ErrBadInput), which is no reason
// to tell a patron.
func refused(err error) error {
	var r *reason.Refusal
	if errors.As(err, &r) {
		return nil
	}
	if err == nil {
		return errors.New("want a refusal, got none")
	}
	return err
}

// reasons prints every reason of err in the story's language.
func (s *story) reasons(err error) {
	for _, m := range reason.Localize(err, s.lang) {
		fmt.Fprintf(s.w, "   × %s\n     [%s]\n", wrap(m.Message, "     "), m.Code)
	}
}

// bothLanguages prints every reason of err in Japanese and English, as a
// host would show it to a patron who reads either.
func (s *story) bothLanguages(err error) {
	en := reason.Localize(err, reason.English)
	ja := reason.Localize(err, reason.Japanese)
	for i := range en {
		fmt.Fprintf(s.w, "   × %s\n     %s\n     [%s]\n", wrap(ja[i].Message, "     "), wrap(en[i].Message, "     "), en[i].Code)
	}
}

// date formats a date for a table cell, "—" for none.
func date(d calendar.Date) string {
	if d.IsZero() {
		return "—"
	}
	return d.String()
}

// width is the number of terminal columns of r: two for East Asian wide
// characters, one otherwise (close enough for the tour's text).
func width(r rune) int {
	if r >= 0x1100 {
		return 2
	}
	return 1
}

// closing reports whether r is punctuation that must not start a line
// (禁則).
func closing(r rune) bool { return strings.ContainsRune("、。）」』,.)", r) }

// columns is the width of s on a terminal.
func columns(s string) int {
	n := 0
	for _, r := range s {
		n += width(r)
	}
	return n
}

// wrap breaks text so that no line, after the indent that continues it,
// runs past 76 columns (80 with closing punctuation): at spaces, or before
// a Japanese character. A word longer than a line is left whole.
func wrap(text, indent string) string {
	const limit = 76
	var b strings.Builder
	col := len(indent)
	brk, brkSpace := -1, false // where the current line may break
	for _, r := range text {
		if col+width(r) > limit && !closing(r) && brk >= 0 {
			s := b.String()
			head, tail := s[:brk], s[brk:]
			if brkSpace {
				tail = tail[1:]
			}
			b.Reset()
			b.WriteString(head + "\n" + indent + tail)
			col, brk = len(indent)+columns(tail), -1
		}
		switch {
		case r == ' ':
			brk, brkSpace = b.Len(), true
		case width(r) == 2 && !closing(r):
			brk, brkSpace = b.Len(), false
		}
		b.WriteRune(r)
		col += width(r)
	}
	return b.String()
}
