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
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
)

func main() {
	os.Exit(exitCode(os.Stderr, run(os.Stdout, os.Args[1:], time.Now())))
}

// exitCode reports err on stderr and returns the process's exit code: 0
// for success and for -h, which asked for the usage run has printed; 2
// for anything else.
func exitCode(stderr io.Writer, err error) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintln(stderr, "tour:", err)
	return 2
}

// run is the whole tour. now is read only to default the start day: the
// rules themselves never read the clock.
func run(w io.Writer, args []string, now time.Time) error {
	fs := flag.NewFlagSet("tour", flag.ContinueOnError)
	fs.SetOutput(w)
	start := fs.String("start", calendar.DateOf(now).String(), "the story's first day, YYYY-MM-DD")
	lang := fs.String("lang", "en", "language: en or ja")
	month := fs.String("month", "", "month of the calendar to show, YYYY-MM (default: the start's)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	l, err := reason.ParseLang(*lang)
	if err != nil {
		return err
	}
	day, err := calendar.ParseDate(*start)
	if err != nil {
		return fmt.Errorf("bad -start: %w", err)
	}
	first := day
	if *month != "" {
		if first, err = calendar.ParseDate(*month + "-01"); err != nil {
			return fmt.Errorf("bad -month %q: %w", *month, err)
		}
	}
	s, err := newStory(w, l, day)
	if err != nil {
		return err
	}
	return s.tell(first)
}
