// Command tour tells one patron's story through kashidashi, with real
// dates and the Prefectural Library's calendar: signing up, a cart of
// three volumes in reading order to a partner library and the timeline of
// each, collection, an extension refused and another granted, a return at
// the wrong place, a home-delivery parcel and its postage, and the month's
// calendar.
//
// It starts where a host starts, from library.Default(), the Prefectural
// Library's own rules, with a partner library added to its configuration:
// every calendar, policy, timeline and the one reservation desk of the
// story come from the *library.Library.
//
//	go run ./examples/tour                              # from today, in English
//	go run ./examples/tour -start 2026-11-26 -lang ja   # a fixed day, in Japanese
//
// The story can start from 2024-08-01, the sample tariff's first rates,
// to 60 days (its length) before 2100-12-31, the end of the calendars'
// span; another -start is refused before the story begins.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/examples/internal/cli"
	"github.com/kashidashi/kashidashi/reason"
)

func main() {
	os.Exit(exitCode(os.Stderr, run(os.Stdout, os.Args[1:], time.Now())))
}

// exitCode reports err on stderr and returns the exit code (cli.ExitCode).
func exitCode(stderr io.Writer, err error) int { return cli.ExitCode(stderr, "tour", err) }

// run is the whole tour. now is read only for -start today, the default:
// the rules themselves never read the clock. The story is told into a
// buffer and written to w only once it is whole, so that a failure prints
// nothing on stdout.
func run(w io.Writer, args []string, now time.Time) error {
	fs := flag.NewFlagSet("tour", flag.ContinueOnError)
	start := fs.String("start", "today", "the story's first day, YYYY-MM-DD, or today (in Japan)")
	lang := fs.String("lang", "en", "language: en or ja")
	month := fs.String("month", "", "month of the calendar to show, YYYY-MM (default: the start's)")
	if err := cli.Parse(fs, w, args); err != nil {
		return err
	}
	l, err := reason.ParseLang(*lang)
	if err != nil {
		return err
	}
	day := calendar.DateOf(now)
	if *start != "today" {
		if day, err = calendar.ParseDate(*start); err != nil {
			return fmt.Errorf("bad -start: %w", err)
		}
	}
	first := day
	if *month != "" {
		if first, err = calendar.ParseDate(*month + "-01"); err != nil {
			return fmt.Errorf("bad -month %q: %w", *month, err)
		}
	}
	var b bytes.Buffer
	s, err := newStory(&b, l, day)
	if err != nil {
		return err
	}
	if from, to := s.starts(); day.Before(from) || day.After(to) {
		return fmt.Errorf("-start %s: the story can start from %s (the sample tariff's first rates) to %s (%d days, the story's length, before the end of the calendars' span)",
			day, from, to, storyDays)
	}
	if err := s.tell(first); err != nil {
		return err
	}
	_, err = w.Write(b.Bytes())
	return err
}
