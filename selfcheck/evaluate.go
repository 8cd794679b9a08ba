package selfcheck

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
)

// pkg names the package in the refusals it builds.
const pkg = "selfcheck"

// What each refusal of a Status refuses, as its Refusal.What.
const (
	whatLoan        = "loan"
	whatExtension   = "extension"
	whatReservation = "reservation"
)

// Request is what Evaluate reads of one patron at a self-check machine
// (S1): what the host knows of the patron's registration, the patron's
// current loans and reservations, the day, and the library's choice
// about provisional registrations.
type Request struct {
	// Registration is the patron's steps towards the service (P1).
	Registration patron.Registration
	// Loans are the patron's current loans, each passing
	// circulation.Loan.Validate and made on or before Today.
	Loans []circulation.Loan
	// Reservations are the patron's reservations, each passing
	// holds.Reservation.Validate, all of the same patron; the active
	// ones count (H1), the final ones are ignored.
	Reservations []holds.Reservation
	// Today is the day of the question: the policy in force on it
	// decides (V1).
	Today calendar.Date
	// Eligibility is the library's choice about provisional
	// registrations (P1); the zero value is the default.
	Eligibility patron.EligibilityPolicy
	// PersonalLimit is a lower loan limit the patron asked for (L14);
	// zero for none.
	PersonalLimit int
	// PatronCategory is the host's category of the patron (V3), empty
	// for none: with rules that are a holds.PolicyTable (as
	// *library.Library is), the table's rows naming it give the limits
	// counted against, and each loan that names no category of its own
	// is decided as the patron's (V7). At most 64 characters, without
	// surrounding space.
	PatronCategory string
}

// Status is a patron's standing at a self-check machine on one day (S1):
// whether the patron may borrow one more item, extend each loan, and
// reserve one more item, with every reason each is refused, and the
// counts against the limits. Evaluate makes it; SIP2 and BlocksOrTraps
// render it for the machine's protocol.
//
// Each refusal is nil when the capability is granted, or a
// *reason.Refusal of package "selfcheck" listing, in order, the reasons
// of P1 that apply to it and then those of the rule's decision, each the
// very reason the deciding package gives (errors.Is matches
// circulation.ErrLoanLimit, patron.ErrNoEmail, ...).
type Status struct {
	// Today is the day of the evaluation.
	Today calendar.Date
	// Valid reports whether the library knows the patron as registered
	// with the Prefectural Library, fully or provisionally: P1's
	// eligibility gives no patron.ErrNotRegistered.
	Valid bool
	// Borrow is why the patron may not borrow one more item: P1 step 1
	// (patron.ErrNotRegistered, patron.ErrProvisionalRegistration) and
	// circulation.Policy.MayBorrow's refusal (L1).
	Borrow *reason.Refusal
	// Extend is why the patron may extend no loan at all, whatever the
	// loan: P1 step 1, and circulation.ErrOverdue when Policy.Extend
	// gives it for the patron's loans (L4 e). A loan may still be
	// refused for reasons of its own: see Loans.
	Extend *reason.Refusal
	// Reserve is why the patron may not reserve one more item: every
	// missing step of P1 (patron.EligibilityPolicy.Eligible) and
	// circulation.Policy.MayReserve's refusal (H1, and I2 when the
	// policy hides the Reserve button at the loan limit).
	Reserve *reason.Refusal
	// Loans are the patron's loans, in the order of the request, each
	// with what an extension today would give or why it is refused.
	Loans []LoanStatus
	// Counts are the counts against the limits.
	Counts Counts
}

// LoanStatus is one loan of a Status: what circulation.Policy.Extend
// gives it today, on the day of the evaluation.
type LoanStatus struct {
	// Loan is the loan as the request gave it.
	Loan circulation.Loan
	// Extended is the loan an extension today would give (L3): the new
	// due date and one more extension; the zero Loan when refused.
	Extended circulation.Loan
	// Refusal is why the loan may not be extended today: P1 step 1 and
	// every reason of Policy.Extend (L4, L2), in that order; nil when it
	// may.
	Refusal *reason.Refusal
}

// Counts are a patron's counts against the limits of the policy in force
// on the day (S1).
type Counts struct {
	// Loans is the number of items on loan (L1), and MaxLoans the limit.
	Loans    int
	MaxLoans int
	// Overdue is the number of loans past their due date
	// (circulation.Loan.Overdue), any one of which stops every extension
	// (L4 e).
	Overdue int
	// Reservations is the number of active reservations (H1), and
	// MaxReservations the limit.
	Reservations    int
	MaxReservations int
	// Ready is the number of active reservations on the hold shelf
	// (holds.Ready, 貸出可能): the items waiting for the patron to collect.
	Ready int
}

// MayBorrow reports whether the patron may borrow one more item.
func (s Status) MayBorrow() bool { return s.Borrow == nil }

// MayReserve reports whether the patron may reserve one more item.
func (s Status) MayReserve() bool { return s.Reserve == nil }

// MayExtend reports whether loan i of s may be extended today; false for
// an i out of range.
func (s Status) MayExtend(i int) bool {
	return i >= 0 && i < len(s.Loans) && s.Loans[i].Refusal == nil
}

// MayExtendAny reports whether some loan of s may be extended today.
func (s Status) MayExtendAny() bool {
	for i := range s.Loans {
		if s.Loans[i].Refusal == nil {
			return true
		}
	}
	return false
}

// Evaluate gives the standing of the patron of r on r.Today under the
// rules in force that day (S1): *library.Library is a holds.Rules, and so
// is any host's own rules. It decides nothing itself: each capability is
// the decision of the package that owns its rule, asked as the patron
// would ask it at the machine, with no override.
//
//   - P1: patron.EligibilityPolicy.Eligible with no partner library. Its
//     reasons of step 1 (patron.ErrNotRegistered,
//     patron.ErrProvisionalRegistration) refuse every capability; the
//     password and email address (steps 2 and 3) only the reservation,
//     which the internet service takes (S1 reading).
//   - L1: borrowing one more item is circulation.Policy.MayBorrow with the
//     number of loans, under the policy of the patron's category when
//     rules are a holds.PolicyTable (V7), else the day's; so are the
//     limits of Counts and H1, I2 below.
//   - L3, L4, L2: each loan is circulation.Policy.Extend with the
//     patron's other loans and the calendar of the place it goes back
//     to (holds.Calendars.At, for L5), under the loan's own policy when
//     rules are a holds.PolicyTable (LoanPolicy; *library.Library's
//     table decides by the loan's category, place and collection, V7),
//     else the day's. ErrOverdue, which concerns the patron rather
//     than the loan (L4 e), also refuses Status.Extend.
//   - H1, I2: reserving one more item is circulation.Policy.MayReserve
//     with the loans and the active reservations counting one more, as
//     the Reserve button asks for one item; no item is named, so I1
//     (ErrNotLoanable) never applies.
//
// Errors, with no Status, match reason.ErrBadInput: reason.Problems
// naming the field at fault — "rules" (nil), "today" (zero),
// "policy.max_loans" (the circulation policy of the day fails Validate),
// "loans[2].due" (a loan failing Validate or made after today, whatever
// its place among the loans), "loans[1].place" (no calendar for a place
// the due-date rule needs, L5), "reservations[0].state",
// "reservations[3].patron" (not the patron of the first). A refusal is
// never an error. Evaluate calls Extend once for each loan, with all the
// others: O(n²) for n loans, which the loan limit keeps small.
func Evaluate(rules holds.Rules, r Request) (Status, error) {
	switch {
	case rules == nil:
		return Status{}, reason.BadInput("rules", "is missing")
	case r.Today.IsZero():
		return Status{}, reason.BadInput("today", "is missing")
	}
	if msg := text.CategoryProblem(r.PatronCategory); msg != "" {
		return Status{}, reason.BadInput("patron_category", "%s", msg)
	}
	if err := checkReservations(r.Reservations); err != nil {
		return Status{}, err
	}
	p := patronPolicy(rules, r)
	if err := p.Validate(); err != nil {
		var ps reason.Problems
		if errors.As(err, &ps) {
			return Status{}, ps.Prefix("policy")
		}
		return Status{}, err
	}
	st := Status{Today: r.Today, Counts: count(p, r)}
	all, step1 := eligibility(r)
	st.Valid = !hasReason(all, patron.ErrNotRegistered)
	loans, overdue, err := extensions(loanPolicy(rules, p, r), rules.Calendars(r.Today), r, step1)
	if err != nil {
		return Status{}, err
	}
	st.Loans = loans
	st.Extend = refuse(whatExtension, step1, overdue)
	borrow, err := refusalOf(p.MayBorrow(circulation.BorrowRequest{Loans: len(r.Loans), PersonalLimit: r.PersonalLimit}))
	if err != nil {
		return Status{}, err
	}
	st.Borrow = refuse(whatLoan, step1, borrow)
	reserve, err := refusalOf(p.MayReserve(circulation.ReserveRequest{
		Loans: len(r.Loans), Reservations: st.Counts.Reservations + 1,
	}))
	if err != nil {
		return Status{}, err
	}
	st.Reserve = refuse(whatReservation, all, reserve)
	return st, nil
}

// checkReservations reports whether every reservation of rs passes
// Validate and has the patron of the first, as reason.Problems whose
// paths name them by index ("reservations[1].patron").
func checkReservations(rs []holds.Reservation) error {
	var ps reason.Problems
	for i := range rs {
		at := "reservations[" + strconv.Itoa(i) + "]"
		if err := rs[i].Validate(); err != nil {
			var vp reason.Problems
			if !errors.As(err, &vp) {
				return fmt.Errorf("%s: %w", at, err)
			}
			ps = append(ps, vp.Prefix(at)...)
			continue
		}
		if rs[i].Patron != rs[0].Patron {
			ps.Add(at+".patron", "is not the patron of reservations[0]")
		}
	}
	return ps.Err()
}

// count returns the counts of r against the limits of p.
func count(p circulation.Policy, r Request) Counts {
	c := Counts{Loans: len(r.Loans), MaxLoans: p.MaxLoans, MaxReservations: p.MaxReservations}
	for i := range r.Loans {
		if r.Loans[i].Overdue(r.Today) {
			c.Overdue++
		}
	}
	for i := range r.Reservations {
		if s := r.Reservations[i].State; s.Active() {
			c.Reservations++
			if s == holds.Ready {
				c.Ready++
			}
		}
	}
	return c
}

// eligibility returns the reasons of P1 for the patron of r (every
// missing step, in the guide's order) and, among them, those of step 1,
// the registration with the Prefectural Library, which every capability
// needs (S1 reading).
func eligibility(r Request) (all, step1 []reason.Coded) {
	var ref *reason.Refusal
	if !errors.As(r.Eligibility.Eligible(r.Registration, ""), &ref) {
		return nil, nil
	}
	for _, c := range ref.Reasons {
		if errors.Is(c, patron.ErrNotRegistered) || errors.Is(c, patron.ErrProvisionalRegistration) {
			step1 = append(step1, c)
		}
	}
	return ref.Reasons, step1
}

// extensions asks circulation.Policy.Extend about each loan of r and
// returns the status of each, with the reasons step1 first, and
// circulation.ErrOverdue, once, when Extend gives it (L4 e).
func extensions(policyOf func(circulation.Loan) circulation.Policy, cals holds.Calendars, r Request, step1 []reason.Coded) ([]LoanStatus, []reason.Coded, error) {
	if len(r.Loans) == 0 {
		return nil, nil, nil
	}
	out := make([]LoanStatus, len(r.Loans))
	others := make([]circulation.Loan, 0, len(r.Loans)-1)
	var overdue []reason.Coded
	for i, l := range r.Loans {
		others = append(append(others[:0], r.Loans[:i]...), r.Loans[i+1:]...)
		returnTo, calErr := cals.At(l.Place)
		dec, err := policyOf(l).Extend(circulation.ExtendRequest{Loan: l, Others: others, Today: r.Today, ReturnTo: returnTo})
		rs, err := refusalOf(dec, err)
		switch {
		case errors.Is(err, circulation.ErrNoCalendar) && calErr != nil:
			return nil, nil, loanProblems(calErr, i)
		case err != nil:
			return nil, nil, loanProblems(err, i)
		}
		out[i] = LoanStatus{Loan: l, Extended: dec.Loan, Refusal: refuse(whatExtension, step1, rs)}
		if len(overdue) == 0 {
			overdue = pick(rs, circulation.ErrOverdue)
		}
		if out[i].Refusal != nil {
			out[i].Extended = circulation.Loan{}
		}
	}
	return out, overdue, nil
}

// patronPolicy returns the circulation policy of the patron of r on
// r.Today, whose limits Status counts against: the table's for the
// patron's category when rules are a holds.PolicyTable (V7), else the
// day's.
func patronPolicy(rules holds.Rules, r Request) circulation.Policy {
	if t, ok := rules.(holds.PolicyTable); ok {
		return t.CartPolicy(holds.Cart{PatronCategory: r.PatronCategory}, r.Today).Circulation
	}
	return rules.HoldPolicy(r.Today).Circulation
}

// loanPolicy returns the policy of each loan's extension on r.Today: the
// rules' LoanPolicy when they are a holds.PolicyTable, a loan naming no
// category taken as the patron's, else p, the patron's.
func loanPolicy(rules holds.Rules, p circulation.Policy, r Request) func(circulation.Loan) circulation.Policy {
	if lp, ok := rules.(holds.PolicyTable); ok {
		return func(l circulation.Loan) circulation.Policy {
			if l.PatronCategory == "" {
				l.PatronCategory = r.PatronCategory
			}
			return lp.LoanPolicy(l, r.Today)
		}
	}
	return func(circulation.Loan) circulation.Policy { return p }
}

// refusalOf returns the reasons of a decision's refusal, or its other
// error.
func refusalOf(_ circulation.Decision, err error) ([]reason.Coded, error) {
	if err == nil {
		return nil, nil
	}
	var ref *reason.Refusal
	if errors.As(err, &ref) {
		return ref.Reasons, nil
	}
	return nil, err
}

// loanProblems returns err, an error of Extend asked about loan i with
// the others in order, or of the calendar of loan i's place, with the
// paths of its problems naming the loans of the request: "loan.due"
// becomes "loans[i].due", "others[j]" "loans[j]" or "loans[j+1]",
// "place" "loans[i].place". Any other error is returned as it is.
func loanProblems(err error, i int) error {
	var ps reason.Problems
	if !errors.As(err, &ps) {
		return err
	}
	out := make(reason.Problems, len(ps))
	for k, p := range ps {
		p.Path = loanPath(p.Path, i)
		out[k] = p
	}
	return out
}

// loanPath returns path, of a request to extend loan i, as a path of the
// request of Evaluate.
func loanPath(path string, i int) string {
	at := "loans[" + strconv.Itoa(i) + "]"
	switch {
	case path == "loan" || strings.HasPrefix(path, "loan."):
		return at + strings.TrimPrefix(path, "loan")
	case path == "place" || strings.HasPrefix(path, "place."):
		return at + "." + path
	case strings.HasPrefix(path, "others["):
		rest := strings.TrimPrefix(path, "others[")
		end := strings.IndexByte(rest, ']')
		j, err := strconv.Atoi(rest[:max(end, 0)])
		if end < 0 || err != nil {
			return path
		}
		if j >= i {
			j++
		}
		return "loans[" + strconv.Itoa(j) + rest[end:]
	}
	return path
}

// refuse returns the refusal of what listing the reasons of each list in
// order; nil when there is none.
func refuse(what string, lists ...[]reason.Coded) *reason.Refusal {
	var rs []reason.Coded
	for _, l := range lists {
		rs = append(rs, l...)
	}
	var ref *reason.Refusal
	if errors.As(reason.Refuse(pkg, what, rs), &ref) {
		return ref
	}
	return nil
}

// pick returns the reasons of rs that are target, with their parameters.
func pick(rs []reason.Coded, target error) []reason.Coded {
	var out []reason.Coded
	for _, c := range rs {
		if errors.Is(c, target) {
			out = append(out, c)
		}
	}
	return out
}

// hasReason reports whether one of rs is target.
func hasReason(rs []reason.Coded, target error) bool { return len(pick(rs, target)) > 0 }

// has reports whether ref lists target; false for a nil ref.
func has(ref *reason.Refusal, target error) bool {
	return ref != nil && errors.Is(ref, target)
}
