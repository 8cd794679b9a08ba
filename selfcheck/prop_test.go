package selfcheck_test

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/internal/reasontest"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/ruletest"
	"github.com/kashidashi/kashidashi/selfcheck"
)

// patronCase is a drawn patron at the machine, under drawn rules.
type patronCase struct {
	rules rules
	r     selfcheck.Request
}

// drawCase draws rules (any valid hold and circulation policy, the kit's
// calendars), a registration, the patron's loans on a day (none, or a
// loan with the others, every reason of L4 coming up) and reservations
// in every state of their lifecycle.
func drawCase(t *rapid.T) patronCase {
	hp := ruletest.HoldPolicy().Draw(t, "policy")
	c := patronCase{rules: rules{p: hp, c: ruletest.PlaceCalendars()}}
	c.r.Registration = patron.Registration{
		Status:          rapid.SampledFrom([]patron.RegistrationStatus{patron.Unregistered, patron.Provisional, patron.Registered}).Draw(t, "status"),
		PasswordSet:     rapid.Bool().Draw(t, "password"),
		EmailRegistered: rapid.Bool().Draw(t, "email"),
	}
	c.r.Eligibility.ProvisionalCounts = rapid.Bool().Draw(t, "provisional counts")
	lc := ruletest.LoanCases(hp.Circulation).Draw(t, "loans")
	c.r.Today = lc.Today
	if rapid.Bool().Draw(t, "has loans") {
		c.r.Loans = append([]circulation.Loan{lc.Loan}, lc.Others...)
	}
	n := rapid.IntRange(0, hp.Circulation.MaxReservations+1).Draw(t, "reservations")
	for i := range n {
		h := ruletest.ReservationHistory(hp, uint64(i+1)).Draw(t, "history")
		r := rapid.SampledFrom(h).Draw(t, "state")
		r.Patron = "p"
		c.r.Reservations = append(c.r.Reservations, r)
	}
	return c
}

// decisions are the answers of the deciding packages, asked directly as
// a host would without this package.
type decisions struct {
	eligible   []string // P1, every step
	step1      []string // P1 step 1
	borrow     []string // L1: MayBorrow
	reserve    []string // H1, I2: the Reserve button for one item
	extend     [][]string
	extended   []circulation.Loan
	overdue    int
	active     int
	ready      int
	notRegistd bool
}

// decide asks patron, circulation and holds about c.
func decide(t *rapid.T, c patronCase) decisions {
	var d decisions
	d.eligible = reasontest.Codes(t, c.r.Eligibility.Eligible(c.r.Registration, ""))
	for _, code := range d.eligible {
		if code == patron.ErrNotRegistered.Code() || code == patron.ErrProvisionalRegistration.Code() {
			d.step1 = append(d.step1, code)
		}
	}
	d.notRegistd = slices.Contains(d.eligible, patron.ErrNotRegistered.Code())
	p := c.rules.p.Circulation
	d.borrow = reasontest.Codes(t, errOnly(p.MayBorrow(circulation.BorrowRequest{Loans: len(c.r.Loans)})))
	for _, r := range c.r.Reservations {
		if r.State.Active() {
			d.active++
		}
		if r.State == holds.Ready {
			d.ready++
		}
	}
	d.reserve = reasontest.Codes(t, errOnly(p.MayReserve(circulation.ReserveRequest{
		Items: []circulation.Item{{ID: "any", Status: circulation.OnShelf}}, Loans: len(c.r.Loans), Reservations: d.active,
	})))
	for i, l := range c.r.Loans {
		if l.Overdue(c.r.Today) {
			d.overdue++
		}
		others := slices.Delete(slices.Clone(c.r.Loans), i, i+1)
		at, _ := c.rules.c.At(l.Place)
		dec, err := p.Extend(circulation.ExtendRequest{Loan: l, Others: others, Today: c.r.Today, ReturnTo: at})
		d.extend = append(d.extend, reasontest.Codes(t, err))
		d.extended = append(d.extended, dec.Loan)
	}
	return d
}

// errOnly drops a decision.
func errOnly(_ circulation.Decision, err error) error { return err }

// S1: the evaluation is the deciding packages' decisions, put together:
// each capability lists the reasons of P1 that apply to it and then the
// decision's, and each loan's extension is Extend's.
func TestEvaluateAgreesWithDecisionsS1(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := drawCase(t)
		st, err := selfcheck.Evaluate(c.rules, c.r)
		if err != nil {
			t.Fatal(err)
		}
		d := decide(t, c)
		overdue := []string(nil)
		if d.overdue > 0 {
			overdue = []string{circulation.ErrOverdue.Code()}
		}
		for _, x := range []struct {
			what      string
			got, want []string
		}{
			{"borrow", codesOf(st.Borrow), slices.Concat(d.step1, d.borrow)},
			{"reserve", codesOf(st.Reserve), slices.Concat(d.eligible, d.reserve)},
			{"extend", codesOf(st.Extend), slices.Concat(d.step1, overdue)},
		} {
			if !slices.Equal(x.got, x.want) {
				t.Fatalf("%s: %v, want %v", x.what, x.got, x.want)
			}
		}
		for i, ls := range st.Loans {
			want := slices.Concat(d.step1, d.extend[i])
			if got := codesOf(ls.Refusal); !slices.Equal(got, want) {
				t.Fatalf("loan %d: %v, want %v", i, got, want)
			}
			if len(want) == 0 && ls.Extended != d.extended[i] || len(want) > 0 && ls.Extended != (circulation.Loan{}) {
				t.Fatalf("loan %d extended to %+v, want %+v", i, ls.Extended, d.extended[i])
			}
		}
		want := selfcheck.Counts{Loans: len(c.r.Loans), MaxLoans: c.rules.p.Circulation.MaxLoans, Overdue: d.overdue,
			Reservations: d.active, MaxReservations: c.rules.p.Circulation.MaxReservations, Ready: d.ready}
		if st.Counts != want || st.Valid == d.notRegistd || len(st.Loans) != len(c.r.Loans) {
			t.Fatalf("counts %+v, valid %v; want %+v, %v", st.Counts, st.Valid, want, !d.notRegistd)
		}
		for _, code := range allCodes(st) {
			if _, ok := producible[code]; !ok {
				t.Fatalf("%s is not in producible, whose every code TestEveryReasonTranslatedS4 checks", code)
			}
		}
	})
}

// allCodes returns the codes of every refusal of st.
func allCodes(st selfcheck.Status) []string {
	cs := slices.Concat(codesOf(st.Borrow), codesOf(st.Extend), codesOf(st.Reserve))
	for _, ls := range st.Loans {
		cs = append(cs, codesOf(ls.Refusal)...)
	}
	return cs
}

// S2, S3: the patron status flags and the NCIP blocks agree with the
// decisions: charge privileges denied (and Block Check Out) iff P1 step
// 1 or MayBorrow refuses; renewal privileges denied (Block Renewal) iff
// step 1 or an overdue item stops every extension; hold privileges
// denied (Block Hold, Block Request Item) iff P1 or MayReserve refuses;
// too many items charged iff MayBorrow gives the loan limit; too many
// items overdue iff the overdue count is over CA; too many renewals iff
// Extend refuses a loan as already extended; the others never. The
// counts are the evaluation's; every message arrives whole and SIP2-safe
// (S4).
func TestFlagsAgreeWithDecisionsS2S3(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := drawCase(t)
		st, err := selfcheck.Evaluate(c.rules, c.r)
		if err != nil {
			t.Fatal(err)
		}
		d := decide(t, c)
		lang := rapid.SampledFrom([]reason.Lang{reason.English, reason.Japanese}).Draw(t, "lang")
		m := st.SIP2(nil, lang)
		alreadyExtended := false
		for _, cs := range d.extend {
			alreadyExtended = alreadyExtended || slices.Contains(cs, circulation.ErrAlreadyExtended.Code())
		}
		want := map[selfcheck.Flag]bool{
			selfcheck.ChargeDenied:    len(d.step1)+len(d.borrow) > 0,
			selfcheck.RenewalDenied:   len(d.step1) > 0 || d.overdue > 0,
			selfcheck.HoldDenied:      len(d.eligible)+len(d.reserve) > 0,
			selfcheck.TooManyCharged:  slices.Contains(d.borrow, circulation.ErrLoanLimit.Code()),
			selfcheck.TooManyOverdue:  d.overdue > m.OverdueItemsLimit,
			selfcheck.TooManyRenewals: alreadyExtended,
		}
		for f := range selfcheck.Flag(14) {
			if m.Flags.Has(f) != want[f] {
				t.Fatalf("position %d is %v, want %v (flags %q)", f, m.Flags.Has(f), want[f], m.Flags)
			}
		}
		if m.ValidPatron == d.notRegistd || m.ChargedItems != len(c.r.Loans) || m.OverdueItems != d.overdue ||
			m.HoldItems != d.ready || m.HoldItems+m.UnavailableHolds != d.active || m.FineItems+m.RecallItems != 0 ||
			m.HoldItemsLimit != c.rules.p.Circulation.MaxReservations || m.ChargedItemsLimit != c.rules.p.Circulation.MaxLoans {
			t.Fatalf("fields %+v", m)
		}
		blocks := map[selfcheck.BlockOrTrapType]bool{}
		for _, b := range st.BlocksOrTraps(selfcheck.AgencyID{Value: "HPL"}) {
			blocks[b.Type] = true
		}
		wantBlocks := map[selfcheck.BlockOrTrapType]bool{
			selfcheck.BlockCheckOut: want[selfcheck.ChargeDenied], selfcheck.BlockRenewal: want[selfcheck.RenewalDenied],
			selfcheck.BlockHold: want[selfcheck.HoldDenied], selfcheck.BlockRequestItem: want[selfcheck.HoldDenied],
			selfcheck.TrapForPickup: d.ready > 0,
		}
		for _, v := range profileBlockOrTrapTypes {
			if blocks[v.typ] != wantBlocks[v.typ] {
				t.Fatalf("%s is %v, want %v", v.typ, blocks[v.typ], wantBlocks[v.typ])
			}
		}
		checkScreen(t, st, m, lang)
	})
}

// checkScreen checks the Patron Status Response of m: every message of
// the status's refusals, in lang, is in its screen message whole and no
// code is; the message has no control character and no '|' but the
// delimiters.
func checkScreen(t *rapid.T, st selfcheck.Status, m selfcheck.SIP2, lang reason.Lang) {
	m.TransactionDate, m.Patron = now, "0123456789"
	b, err := m.AppendPatronStatus(nil)
	if err != nil {
		t.Fatal(err)
	}
	msg := string(b)
	var af []string
	for f := range strings.SplitSeq(msg, "|") {
		if text, ok := strings.CutPrefix(f, "AF"); ok {
			af = append(af, text)
		}
	}
	sep := " "
	if lang == reason.Japanese {
		sep = ""
	}
	screen := strings.Join(af, sep)
	for _, ref := range []*reason.Refusal{st.Borrow, st.Extend, st.Reserve} {
		if ref == nil {
			continue
		}
		for _, msg := range reason.Localize(ref, lang) {
			if !strings.Contains(screen, msg.Message) || strings.Contains(screen, msg.Code) {
				t.Fatalf("AF %q: %s is not its message %q", screen, msg.Code, msg.Message)
			}
		}
	}
	for _, r := range msg {
		if unicode.IsControl(r) {
			t.Fatalf("%q: control character %U", msg, r)
		}
	}
	if got := strings.Count(msg, "|"); got != 4+len(af) { // AO, AA, AE, BL
		t.Fatalf("%q: %d delimiters for %d fields", msg, got, 4+len(af))
	}
}

// S1: a loan that cannot be right, wherever it stands among the
// patron's loans, is bad input naming it by its index in the request,
// with no status.
func TestEvaluateNamesTheLoanS1(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := drawCase(t)
		if len(c.r.Loans) == 0 {
			c.r.Loans = []circulation.Loan{{Item: "b", Place: atLibrary, Loaned: c.r.Today, Due: c.r.Today}}
		}
		i := rapid.IntRange(0, len(c.r.Loans)-1).Draw(t, "loan")
		c.r.Loans[i].Due = c.r.Loans[i].Loaned.AddDays(-1)
		st, err := selfcheck.Evaluate(c.rules, c.r)
		var ps reason.Problems
		if !errors.As(err, &ps) || st.Borrow != nil || st.Loans != nil {
			t.Fatalf("%v with %+v", err, st)
		}
		want := "loans[" + strconv.Itoa(i) + "].due"
		if !slices.ContainsFunc(ps, func(p reason.Problem) bool { return p.Path == want }) {
			t.Fatalf("%v does not name %s", ps, want)
		}
	})
}
