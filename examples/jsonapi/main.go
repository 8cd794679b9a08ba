// Command jsonapi shows how a host service puts a kashidashi decision on
// the wire: it reads one extension request as JSON on standard input and
// writes the decision as JSON on standard output.
//
//	go run ./examples/jsonapi < examples/jsonapi/testdata/extended.json
//	go run ./examples/jsonapi < examples/jsonapi/testdata/refused.json
//
// A refusal lists every reason with its stable code and a message in the
// requested language ("en" or "ja", English by default). A malformed
// request — not one JSON object of the request's keys, anything after
// it, a value of the wrong type, an unknown code or language, a loan
// record that cannot be right — is not answered: the command writes why
// on standard error and exits with status 1.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/internal/strictjson"
	"github.com/kashidashi/kashidashi/reason"
)

// maxRequest bounds the request read from standard input.
const maxRequest = 1 << 20

// errTooLarge is the error for a request of more than maxRequest bytes.
var errTooLarge = fmt.Errorf("jsonapi: request larger than %d bytes", maxRequest)

// request is what a patron-facing backend receives from its front end.
type request struct {
	Lang   reason.Lang        `json:"lang"`
	Today  calendar.Date      `json:"today"`
	Loan   circulation.Loan   `json:"loan"`
	Others []circulation.Loan `json:"others"`
}

// response is what it sends back.
type response struct {
	Extended bool              `json:"extended"`
	Loan     *circulation.Loan `json:"loan,omitempty"`
	Reasons  []reason.Message  `json:"reasons,omitempty"`
}

func main() {
	os.Exit(run(os.Stdin, os.Stdout, os.Stderr))
}

// run answers the request on in and returns the exit status: 0 when out
// has the answer, 1 when the request is malformed or the answer could not
// be written, with the reason on errOut.
func run(in io.Reader, out, errOut io.Writer) int {
	if err := serve(in, out); err != nil {
		fmt.Fprintln(errOut, err)
		return 1
	}
	return 0
}

// serve answers one request; the policy is the published one, under
// which a due date on a closed day stands (L5), so no calendar is needed.
// A malformed request is an error and nothing is written.
func serve(in io.Reader, out io.Writer) error {
	req, err := readRequest(in)
	if err != nil {
		return err
	}
	var resp response
	extended, _, err := circulation.DefaultPolicy().Extend(req.Loan, req.Others, req.Today, nil, circulation.Override{})
	var refusal *reason.Refusal
	switch {
	case err == nil:
		resp.Extended, resp.Loan = true, &extended
	case errors.As(err, &refusal):
		resp.Reasons = reason.Localize(err, req.Lang)
	default: // inconsistent data: the request is malformed
		return fmt.Errorf("jsonapi: request: %w", err)
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(resp)
}

// readRequest reads and strictly decodes the one request on in: unknown
// keys, trailing data and an unknown language are errors.
func readRequest(in io.Reader) (request, error) {
	b, err := io.ReadAll(io.LimitReader(in, maxRequest+1))
	switch {
	case err != nil:
		return request{}, fmt.Errorf("jsonapi: reading the request: %w", err)
	case len(b) > maxRequest:
		return request{}, errTooLarge
	}
	var req request
	if err := strictjson.Decode("jsonapi", "request", b, &req); err != nil {
		return request{}, err
	}
	if req.Lang == "" {
		req.Lang = reason.English
	}
	if _, err := reason.ParseLang(string(req.Lang)); err != nil {
		return request{}, fmt.Errorf("jsonapi: request: lang: %w", err)
	}
	return req, nil
}
