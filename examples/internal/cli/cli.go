// Package cli is the command-line handling the example commands share:
// parsing flags with a stray argument refused, the usage on stdout for
// -h and on stderr after a mistake, and the exit code.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// Parse parses args into fs. The usage goes to w for -h, which asked for
// it, and into the error of any mistake, a stray argument included, for
// ExitCode to print on stderr.
func Parse(fs *flag.FlagSet, w io.Writer, args []string) error {
	fs.SetOutput(io.Discard) // reported here instead, where it belongs
	err := fs.Parse(args)
	if err == nil && fs.NArg() > 0 {
		err = fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		printUsage(fs, w)
		return err
	}
	var usage strings.Builder
	printUsage(fs, &usage)
	return usageError{err, usage.String()}
}

// ExitCode reports err on stderr after the command's name, followed by
// the usage when err is a mistake in the command line, and returns the
// exit code: 0 for success and for -h, 2 for anything else.
func ExitCode(stderr io.Writer, name string, err error) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintln(stderr, name+":", err)
	var u usageError
	if errors.As(err, &u) {
		fmt.Fprint(stderr, u.usage)
	}
	return 2
}

// usageError is a mistake in the command line, with the usage to print
// after it.
type usageError struct {
	err   error
	usage string
}

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// printUsage prints the usage of fs to w, as the flag package does.
func printUsage(fs *flag.FlagSet, w io.Writer) {
	fs.SetOutput(w)
	fmt.Fprintf(w, "Usage of %s:\n", fs.Name())
	fs.PrintDefaults()
}
