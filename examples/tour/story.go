package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/reason"
)

// story holds what the scenes share: the output, the language, the day
// the story starts, and the library's calendars and policies.
type story struct {
	w       io.Writer
	lang    reason.Lang
	start   calendar.Date
	cals    holds.Calendars
	holds   holds.Policy
	loans   circulation.Policy
	partner circulation.Place
	desk    *holds.Desk
	// collected is the loan made from the first volume of the cart.
	collected circulation.Loan
}

// partnerName is the partner library of the story: a municipal library
// near the Prefectural Library, with its own calendar.
const partnerName = "江別市情報図書館"

func newStory(w io.Writer, l reason.Lang, start calendar.Date) (*story, error) {
	cals, err := holds.DefaultCalendars()
	if err != nil {
		return nil, err
	}
	// The partner library's own calendar (C4): closed Mondays, public
	// holidays and the year end.
	partnerCal, err := calendar.New(calendar.Rules{
		Name:             partnerName,
		ClosedWeekdays:   calendar.WeekdaysOf(time.Monday),
		ClosedOnHolidays: true,
		YearEnd:          true,
	})
	if err != nil {
		return nil, err
	}
	cals.Partners = map[string]*calendar.Calendar{partnerName: partnerCal}
	p := holds.DefaultPolicy()
	desk, err := holds.NewDesk(p, nil)
	if err != nil {
		return nil, err
	}
	return &story{
		w: w, lang: l, start: start, cals: cals, holds: p, loans: p.Circulation,
		partner: circulation.Place{Method: circulation.PartnerLibrary, Library: partnerName},
		desk:    desk,
	}, nil
}

func (s *story) tell(month calendar.Date) error {
	for _, scene := range []func() error{
		s.signUp,
		s.reserveCart,
		s.extend,
		s.returnItem,
		s.homeDelivery,
		func() error { s.printMonth(month); return nil },
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

// wrap breaks text so that no line, after the indent that continues it,
// runs past 76 columns (80 with closing punctuation): at spaces in English, anywhere in Japanese.
func wrap(text, indent string) string {
	const limit = 76
	var b strings.Builder
	col := len(indent)
	lastSpace := -1 // byte offset in b of the last space on this line
	for _, r := range text {
		// Closing punctuation never starts a line (禁則); it may run into
		// the two spare columns.
		if col+width(r) > limit && !strings.ContainsRune("、。）」』,.)", r) {
			if lastSpace >= 0 && r != ' ' && width(r) == 1 {
				rest := b.String()[lastSpace+1:]
				cut := b.String()[:lastSpace]
				b.Reset()
				b.WriteString(cut + "\n" + indent + rest)
				col = len(indent)
				for _, rr := range rest {
					col += width(rr)
				}
			} else {
				b.WriteString("\n" + indent)
				col = len(indent)
			}
			lastSpace = -1
			if r == ' ' {
				continue
			}
		}
		if r == ' ' {
			lastSpace = b.Len()
		}
		b.WriteRune(r)
		col += width(r)
	}
	return b.String()
}
