package circulation

import (
	"errors"
	"fmt"
	"strings"
)

// pkg prefixes every error string and reason of this package.
const pkg = "circulation"

// ErrInconsistentInput is the error, matched with errors.Is, for input data
// that cannot be right: a loan record failing Loan.Validate, a return
// with an invalid place or channel or no instant, a negative count, an
// unknown code or catalogue label, a due date beyond 9999-12-31. It is a
// fault in the caller's data, not a refusal to show a patron; the message
// names what is wrong.
var ErrInconsistentInput = errors.New(pkg + ": inconsistent input")

// inconsistent returns the error for the problems of what ("loan
// \"B1\"", "return"), matching ErrInconsistentInput.
func inconsistent(what string, problems ...string) error {
	return fmt.Errorf("%w: %s: %s", ErrInconsistentInput, what, strings.Join(problems, "; "))
}
