// Command calendar prints a place's month as a calendar grid, its
// closures as iCalendar (RFC 5545) for patrons to subscribe to, or what
// closing it for some days would change, from a configuration document
// (docs/config.md): the embedded default when -config is left out.
//
//	go run ./examples/calendar -month 2027-02                        # the Prefectural Library
//	go run ./examples/calendar -config docs/config-example.json -place otaru -month 2027-03
//	go run ./examples/calendar -month 2027-02 -ics                   # iCalendar, twelve months
//	go run ./examples/calendar -close 2027-02-17..2027-02-18         # a snowstorm
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/examples/internal/cli"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/reason"
)

func main() {
	os.Exit(exitCode(os.Stderr, run(os.Stdout, os.Args[1:], time.Now())))
}

// exitCode reports err on stderr and returns the exit code (cli.ExitCode).
func exitCode(stderr io.Writer, err error) int { return cli.ExitCode(stderr, "calendar", err) }

// options are the parsed flags.
type options struct {
	lib      *library.Library
	place    string
	first    calendar.Date // first day of the month shown
	ics      bool
	from, to calendar.Date // the closure, when -close is given
	lang     reason.Lang
	now      time.Time
}

// run is the whole command. now is read only to default the month and to
// stamp the iCalendar export: the rules never read the clock.
func run(w io.Writer, args []string, now time.Time) error {
	fs := flag.NewFlagSet("calendar", flag.ContinueOnError)
	config := fs.String("config", "", "configuration `file` (docs/config.md); the embedded default when left out")
	place := fs.String("place", "prefectural", "the place, by id or name")
	month := fs.String("month", "", "the month to show, YYYY-MM (default: this month)")
	ics := fs.Bool("ics", false, "print iCalendar for twelve months from -month instead of the month view")
	closing := fs.String("close", "", "print what closing the place from YYYY-MM-DD[..YYYY-MM-DD] would change for a sample of loans and reservations")
	lang := fs.String("lang", "en", "language: en or ja")
	stamp := fs.String("stamp", "", "the iCalendar DTSTAMP, RFC 3339 (default: now)")
	if err := cli.Parse(fs, w, args); err != nil {
		return err
	}
	o := options{place: *place, ics: *ics, now: now}
	var err error
	if *stamp != "" {
		if o.now, err = time.Parse(time.RFC3339, *stamp); err != nil {
			return fmt.Errorf("bad -stamp %q: want RFC 3339, such as 2026-11-27T09:00:00+09:00", *stamp)
		}
	}
	if o.lang, err = reason.ParseLang(*lang); err != nil {
		return err
	}
	if o.lib, err = load(*config); err != nil {
		return err
	}
	if _, err := o.lib.Site(o.place); err != nil && !(*closing != "" && o.place == "courier") {
		return fmt.Errorf("-place: %w", err)
	}
	o.first = calendar.DateOf(now)
	o.first = o.first.AddDays(1 - o.first.Day())
	if *month != "" {
		if o.first, err = calendar.ParseDate(*month + "-01"); err != nil {
			return fmt.Errorf("bad -month %q: want YYYY-MM", *month)
		}
	}
	switch {
	case *closing != "" && *ics:
		return errors.New("-close and -ics do not go together")
	case *closing != "":
		if o.from, o.to, err = parseSpan(*closing); err != nil {
			return err
		}
		return printClosure(w, o)
	case *ics:
		opt := calendar.ICSOptions{Stamp: o.now, Lang: o.lang, UIDDomain: "kashidashi.example"}
		if site, err := o.lib.Site(o.place); err == nil && o.lang == reason.English {
			opt.Name = siteName(site, o.lang)
		}
		return o.lib.WriteICS(w, o.place, o.first, o.first.AddDays(365).AddDays(-1), opt)
	}
	return printMonth(w, o)
}

// load reads the configuration file, or the embedded default.
func load(path string) (*library.Library, error) {
	if path == "" {
		return library.Default(), nil
	}
	b, err := readFile(path)
	if err != nil {
		return nil, err
	}
	l, err := library.Load(b)
	if err != nil {
		var ps reason.Problems
		if errors.As(err, &ps) {
			lines := make([]string, len(ps))
			for i, p := range ps {
				lines[i] = "  " + p.String()
			}
			return nil, fmt.Errorf("%s: %s:\n%s", path, problems(len(ps)), strings.Join(lines, "\n"))
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return l, nil
}

// problems counts problems: "1 problem", "2 problems".
func problems(n int) string {
	if n == 1 {
		return "1 problem"
	}
	return fmt.Sprintf("%d problems", n)
}

// readFile reads at most library.MaxDocumentBytes and one byte more, so
// that a huge file is refused without being read whole.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, library.MaxDocumentBytes+1))
}

// parseSpan reads YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD.
func parseSpan(s string) (from, to calendar.Date, err error) {
	a, b, isSpan := strings.Cut(s, "..")
	if from, err = calendar.ParseDate(a); err != nil {
		return from, to, fmt.Errorf("bad -close %q: want YYYY-MM-DD[..YYYY-MM-DD]", s)
	}
	to = from
	if isSpan {
		if to, err = calendar.ParseDate(b); err != nil || to.Before(from) {
			return from, to, fmt.Errorf("bad -close %q: want YYYY-MM-DD..YYYY-MM-DD, the second day not before the first", s)
		}
	}
	return from, to, nil
}
