// Command tour walks through kashidashi: a month of the Prefectural
// Library's calendar with its closed days and why.
//
//	go run ./examples/tour                  # this month, in English
//	go run ./examples/tour -month 2026-11 -lang ja
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
)

func main() {
	if err := run(os.Stdout, os.Args[1:], time.Now()); err != nil {
		fmt.Fprintln(os.Stderr, "tour:", err)
		os.Exit(2)
	}
}

// run is the whole tour; now is read only to default the month.
func run(w io.Writer, args []string, now time.Time) error {
	fs := flag.NewFlagSet("tour", flag.ContinueOnError)
	month := fs.String("month", calendar.DateOf(now).String()[:7], "month to show, YYYY-MM")
	lang := fs.String("lang", "en", "language: en or ja")
	if err := fs.Parse(args); err != nil {
		return err
	}
	t, ok := texts[*lang]
	if !ok {
		return fmt.Errorf("unknown language %q (want en or ja)", *lang)
	}
	first, err := calendar.ParseDate(*month + "-01")
	if err != nil {
		return fmt.Errorf("bad -month %q: %w", *month, err)
	}
	lib, err := calendar.New(calendar.PrefecturalLibrary())
	if err != nil {
		return err
	}
	printMonth(w, lib, first, t)
	return nil
}
