package selfcheck_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/internal/reasontest"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/selfcheck"
)

// S1: a registered patron with a few fresh loans and reservations may do
// everything, and the counts are those of the policy of the day.
func TestEvaluateS1Granted(t *testing.T) {
	rs := reservations(t, 4, 1, 1)
	st := evaluate(t, selfcheck.Request{Registration: registered, Loans: freshLoans(3), Reservations: rs})
	if !st.Valid || !st.MayBorrow() || !st.MayReserve() || st.Extend != nil || !st.MayExtendAny() {
		t.Fatalf("refused: valid %v, borrow %v, extend %v, reserve %v", st.Valid, st.Borrow, st.Extend, st.Reserve)
	}
	want := selfcheck.Counts{Loans: 3, MaxLoans: 10, Reservations: 3, MaxReservations: 10, Ready: 1}
	if st.Counts != want {
		t.Errorf("counts %+v, want %+v", st.Counts, want)
	}
	for i, ls := range st.Loans {
		if !st.MayExtend(i) || ls.Extended.Due != date("2026-04-24") || ls.Extended.Extensions != 1 {
			t.Errorf("loan %d: %+v", i, ls)
		}
	}
	if st.MayExtend(-1) || st.MayExtend(3) {
		t.Error("MayExtend out of range is true")
	}
}

// S1, L1, I2: at the loan limit the patron may not borrow but, by
// default (I2 [reading]), may still reserve; with the Reserve button
// hidden at the loan limit, not.
func TestEvaluateS1LoanLimit(t *testing.T) {
	r := selfcheck.Request{Registration: registered, Loans: freshLoans(10), Today: today}
	st := evaluate(t, r)
	if got := codesOf(st.Borrow); !slices.Equal(got, []string{"loan.limit"}) {
		t.Errorf("borrow %v", got)
	}
	if !errors.Is(st.Borrow, circulation.ErrLoanLimit) || st.Borrow.Package != "selfcheck" || st.Borrow.What != "loan" {
		t.Errorf("borrow refusal %#v", st.Borrow)
	}
	reasontest.CheckParams(t, st.Borrow, reason.Params{reason.Limit(10)})
	if st.Reserve != nil || st.Extend != nil {
		t.Errorf("reserve %v, extend %v", st.Reserve, st.Extend)
	}
	hidden := published(func(p *circulation.Policy) { p.HideReserveAtLoanLimit = true })
	st, err := selfcheck.Evaluate(hidden, r)
	if err != nil {
		t.Fatal(err)
	}
	if got := codesOf(st.Reserve); !slices.Equal(got, []string{"loan.limit"}) {
		t.Errorf("reserve at the loan limit, hidden: %v", got)
	}
	st, err = selfcheck.Evaluate(hidden, selfcheck.Request{Registration: registered, Loans: freshLoans(9), Today: today})
	if err != nil || st.Reserve != nil || st.Borrow != nil {
		t.Errorf("one under the limit: %v %v %v", st.Reserve, st.Borrow, err)
	}
}

// S1, H1: with as many active reservations as the limit the patron may
// not reserve one more, and the refusal counts the one more; final
// reservations do not count.
func TestEvaluateS1ReservationLimit(t *testing.T) {
	st := evaluate(t, selfcheck.Request{Registration: registered, Reservations: reservations(t, 12, 2, 2)})
	if st.Counts.Reservations != 10 || st.Counts.Ready != 2 {
		t.Fatalf("counts %+v", st.Counts)
	}
	if got := codesOf(st.Reserve); !slices.Equal(got, []string{"reservation.limit"}) {
		t.Fatalf("reserve %v", got)
	}
	params := reason.Localize(st.Reserve, reason.English)[0].Params
	if l, _ := params.Get("limit"); l.Value() != 10 {
		t.Errorf("limit %v", params)
	}
	if c, _ := params.Get("count"); c.Value() != 11 {
		t.Errorf("count %v", params)
	}
	st = evaluate(t, selfcheck.Request{Registration: registered, Reservations: reservations(t, 10, 0, 1)})
	if st.Reserve != nil {
		t.Errorf("nine active: %v", st.Reserve)
	}
}

// S1, L4 e: one overdue loan stops every extension; it is the patron's
// reason (Status.Extend) and every loan's.
func TestEvaluateS1Overdue(t *testing.T) {
	loans := append(freshLoans(2), loan("late", "2026-03-20", "2026-04-03"))
	st := evaluate(t, selfcheck.Request{Registration: registered, Loans: loans})
	if got := codesOf(st.Extend); !slices.Equal(got, []string{"extension.overdue"}) {
		t.Errorf("extend %v", got)
	}
	if st.Counts.Overdue != 1 || st.MayExtendAny() || st.Borrow != nil {
		t.Errorf("overdue %d, any %v, borrow %v", st.Counts.Overdue, st.MayExtendAny(), st.Borrow)
	}
	for i, ls := range st.Loans {
		if !errors.Is(ls.Refusal, circulation.ErrOverdue) || ls.Extended != (circulation.Loan{}) {
			t.Errorf("loan %d: %+v", i, ls)
		}
	}
}

// S1, L4, L2: the reasons of one loan are the loan's; the patron may
// still extend the others, and Status.Extend stays nil.
func TestEvaluateS1LoanReasons(t *testing.T) {
	partner := loan("p", "2026-04-01", "2026-04-30")
	partner.Place = circulation.Place{Method: circulation.PartnerLibrary, Library: "江別市情報図書館"}
	home := loan("h", "2026-04-01", "2026-04-30")
	home.Place = circulation.Place{Method: circulation.HomeDelivery}
	reserved, extended, ill := loan("r", "2026-04-01", "2026-04-15"), loan("e", "2026-04-01", "2026-04-15"), loan("i", "2026-04-01", "2026-04-15")
	reserved.Reserved, extended.Extensions, ill.Interlibrary = true, 1, true
	loans := []circulation.Loan{partner, home, reserved, extended, ill, loan("ok", "2026-04-01", "2026-04-15")}
	st := evaluate(t, selfcheck.Request{Registration: registered, Loans: loans})
	want := [][]string{
		{"extension.partner_library"}, {"extension.home_delivery"}, {"extension.reserved"},
		{"extension.already_extended"}, {"extension.interlibrary_loan"}, nil,
	}
	for i, w := range want {
		if got := codesOf(st.Loans[i].Refusal); !slices.Equal(got, w) {
			t.Errorf("loan %d: %v, want %v", i, got, w)
		}
	}
	if st.Extend != nil || !st.MayExtendAny() || !st.MayExtend(5) || st.MayExtend(0) {
		t.Errorf("extend %v", st.Extend)
	}
}

// S1, P1: step 1 refuses everything; the password and email address only
// the reservation. A provisional registration is a valid patron who may
// not borrow, unless the library lets it count.
func TestEvaluateS1Eligibility(t *testing.T) {
	for _, c := range []struct {
		name                   string
		reg                    patron.Registration
		policy                 patron.EligibilityPolicy
		valid                  bool
		borrow, extend, reserv []string
	}{
		{"unregistered", patron.Registration{}, patron.EligibilityPolicy{}, false,
			[]string{"eligibility.not_registered"}, []string{"eligibility.not_registered"},
			[]string{"eligibility.not_registered", "eligibility.no_password", "eligibility.no_email"}},
		{"provisional", patron.Registration{Status: patron.Provisional, PasswordSet: true, EmailRegistered: true}, patron.EligibilityPolicy{}, true,
			[]string{"eligibility.provisional"}, []string{"eligibility.provisional"}, []string{"eligibility.provisional"}},
		{"provisional counts", patron.Registration{Status: patron.Provisional, PasswordSet: true, EmailRegistered: true},
			patron.EligibilityPolicy{ProvisionalCounts: true}, true, nil, nil, nil},
		{"no password, no email", patron.Registration{Status: patron.Registered}, patron.EligibilityPolicy{}, true,
			nil, nil, []string{"eligibility.no_password", "eligibility.no_email"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			st := evaluate(t, selfcheck.Request{Registration: c.reg, Eligibility: c.policy, Loans: freshLoans(1)})
			if st.Valid != c.valid {
				t.Errorf("valid %v", st.Valid)
			}
			for _, x := range []struct {
				what      string
				got, want []string
			}{
				{"borrow", codesOf(st.Borrow), c.borrow},
				{"extend", codesOf(st.Extend), c.extend},
				{"loan", codesOf(st.Loans[0].Refusal), c.extend},
				{"reserve", codesOf(st.Reserve), c.reserv},
			} {
				if !slices.Equal(x.got, x.want) {
					t.Errorf("%s: %v, want %v", x.what, x.got, x.want)
				}
			}
		})
	}
}

// S1, V1: the decision is under the policy in force on the day asked.
func TestEvaluateS1PolicyOfTheDay(t *testing.T) {
	r := published(func(p *circulation.Policy) { p.MaxLoans = 3 })
	st, err := selfcheck.Evaluate(r, selfcheck.Request{Registration: registered, Loans: freshLoans(3), Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if st.Counts.MaxLoans != 3 || !errors.Is(st.Borrow, circulation.ErrLoanLimit) {
		t.Errorf("%+v %v", st.Counts, st.Borrow)
	}
}

// S1, L5: under DueDateNextOpenDay the extension moves off a closed
// day, with the calendar of the place the loan goes back to; a place the
// rules have no calendar for is bad input naming the loan.
func TestEvaluateS1ReturnCalendar(t *testing.T) {
	r := published(func(p *circulation.Policy) { p.DueOnClosedDay = circulation.DueDateNextOpenDay })
	day := date("2026-04-13") // Monday: 14 days later, Monday 2026-04-27, is closed
	l := loan("b", "2026-04-10", "2026-04-24")
	st, err := selfcheck.Evaluate(r, selfcheck.Request{Registration: registered, Loans: []circulation.Loan{l}, Today: day})
	if err != nil {
		t.Fatal(err)
	}
	want, err := r.p.Circulation.Extend(circulation.ExtendRequest{Loan: l, Today: day, ReturnTo: r.c.Library})
	if err != nil {
		t.Fatal(err)
	}
	if st.Loans[0].Extended != want.Loan || want.Loan.Due == day.AddDays(14) {
		t.Errorf("extended %v, want %v", st.Loans[0].Extended.Due, want.Loan.Due)
	}
	away := l
	away.Place = circulation.Place{Method: circulation.PartnerLibrary, Library: "どこにもない図書館"}
	_, err = selfcheck.Evaluate(r, selfcheck.Request{Registration: registered, Loans: []circulation.Loan{l, away}, Today: day})
	checkPaths(t, err, "loans[1].place")
}

// S1: bad input is reason.Problems naming the field of the request.
func TestEvaluateS1BadInput(t *testing.T) {
	bad := loan("x", "2026-04-05", "2026-04-01")   // due before it was made
	later := loan("y", "2026-04-20", "2026-05-04") // made after today
	rs := reservations(t, 2, 0, 0)
	other := rs[1]
	other.Patron = "p2"
	broken := rs[0]
	broken.State = 0
	for _, c := range []struct {
		name  string
		rules holds.Rules
		r     selfcheck.Request
		paths []string
	}{
		{"nil rules", nil, selfcheck.Request{Today: today}, []string{"rules"}},
		{"no day", library.Default(), selfcheck.Request{}, []string{"today"}},
		{"zero library", &library.Library{}, selfcheck.Request{Today: today}, nil},
		{"first loan", library.Default(), selfcheck.Request{Today: today, Loans: []circulation.Loan{bad, loan("b", "2026-04-01", "2026-04-15")}}, []string{"loans[0].due"}},
		{"later loans", library.Default(), selfcheck.Request{Today: today, Loans: append(freshLoans(2), bad, later)}, []string{"loans[2].due", "loans[3].loaned"}},
		{"reservation", library.Default(), selfcheck.Request{Today: today, Reservations: []holds.Reservation{rs[0], broken}}, []string{"reservations[1].state"}},
		{"another patron", library.Default(), selfcheck.Request{Today: today, Reservations: []holds.Reservation{rs[0], other}}, []string{"reservations[1].patron"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := selfcheck.Evaluate(c.rules, c.r)
			if !errors.Is(err, reason.ErrBadInput) {
				t.Fatalf("%v does not match ErrBadInput", err)
			}
			if c.paths != nil {
				checkPaths(t, err, c.paths...)
			}
		})
	}
}

// checkPaths checks that err is reason.Problems at exactly the paths,
// or, when it holds more, at them first.
func checkPaths(t *testing.T, err error, paths ...string) {
	t.Helper()
	var ps reason.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("%v is not reason.Problems", err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.Path)
	}
	for _, p := range paths {
		if !slices.Contains(got, p) {
			t.Errorf("paths %v lack %s", got, p)
		}
	}
}

// S1: Evaluate does not read a refusal into an error, nor an error into
// a refusal: a zero Library's policy is bad input at "policy".
func TestEvaluateS1ZeroLibrary(t *testing.T) {
	_, err := selfcheck.Evaluate(&library.Library{}, selfcheck.Request{Today: today})
	checkPaths(t, err, "policy.max_loans")
	var ref *reason.Refusal
	if errors.As(err, &ref) {
		t.Errorf("a refusal: %v", err)
	}
}

// S1: the days of a loan are checked against the day asked, in years
// near the end of the calendar as well.
func TestEvaluateS1FarDay(t *testing.T) {
	day := calendar.NewDate(9999, 12, 20)
	l := circulation.Loan{Item: "b", Place: atLibrary, Loaned: day, Due: day.AddDays(5)}
	_, err := selfcheck.Evaluate(library.Default(), selfcheck.Request{Registration: registered, Loans: []circulation.Loan{l}, Today: day})
	if !errors.Is(err, reason.ErrBadInput) {
		t.Fatalf("an extension past 9999-12-31: %v", err)
	}
	checkPaths(t, err, "today")
}
