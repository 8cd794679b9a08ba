// Command jsonapi shows how a host service puts a kashidashi decision on
// the wire: it reads an extension request as JSON on standard input and
// writes the decision as JSON on standard output.
//
//	go run ./examples/jsonapi < examples/jsonapi/testdata/extended.json
//	go run ./examples/jsonapi < examples/jsonapi/testdata/refused.json
//
// A refusal lists every reason with its stable code and a message in the
// requested language; bad input is answered with code "request.invalid".
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

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
	if err := serve(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "jsonapi:", err)
		os.Exit(1)
	}
}

// serve answers one request; the policy is the published one, under
// which a due date on a closed day stands (L5), so no calendar is needed.
func serve(in io.Reader, out io.Writer) error {
	var req request
	dec := json.NewDecoder(in)
	dec.DisallowUnknownFields()
	var resp response
	if err := dec.Decode(&req); err != nil {
		resp.Reasons = []reason.Message{{Code: "request.invalid", Message: err.Error()}}
	} else {
		if req.Lang == "" {
			req.Lang = reason.English
		}
		extended, err := circulation.DefaultPolicy().Extend(req.Loan, req.Others, req.Today, nil)
		if err != nil {
			resp.Reasons = reason.Localize(err, req.Lang)
		} else {
			resp.Extended, resp.Loan = true, &extended
		}
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(resp)
}
