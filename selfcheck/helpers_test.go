package selfcheck_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/selfcheck"
)

// date parses a day of a test.
func date(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// today is the day of most tests: Friday 2026-04-10, the Prefectural
// Library open.
var today = date("2026-04-10")

// registered is a patron who has taken every step of P1.
var registered = patron.Registration{Status: patron.Registered, PasswordSet: true, EmailRegistered: true}

// atLibrary is the Prefectural Library as a place.
var atLibrary = circulation.Place{Method: circulation.PrefecturalLibrary}

// loan returns a loan of item at the Prefectural Library made on loaned
// and due on due.
func loan(item, loaned, due string) circulation.Loan {
	return circulation.Loan{Item: item, Place: atLibrary, Loaned: date(loaned), Due: date(due)}
}

// freshLoans returns n loans made on 2026-04-01, due 2026-04-15: not
// overdue on today.
func freshLoans(n int) []circulation.Loan {
	ls := make([]circulation.Loan, n)
	for i := range ls {
		ls[i] = loan(fmt.Sprintf("b%d", i), "2026-04-01", "2026-04-15")
	}
	return ls
}

// rules is a host's own holds.Rules: a fixed hold policy and calendars.
type rules struct {
	p holds.Policy
	c holds.Calendars
}

func (r rules) HoldPolicy(calendar.Date) holds.Policy   { return r.p }
func (r rules) Calendars(calendar.Date) holds.Calendars { return r.c }

// published returns the published rules with the circulation policy
// changed by change.
func published(change func(*circulation.Policy)) rules {
	lib := library.Default()
	p := lib.HoldPolicy(today)
	change(&p.Circulation)
	return rules{p: p, c: lib.Calendars(today)}
}

// reservations returns the reservations of patron "p1" of n items
// placed on 2026-04-01 through a desk of the published rules, so that
// each passes Validate: the first cancelled of them cancelled by the
// patron as soon as placed, the next ready of them on the hold shelf
// (secured and made ready on 2026-04-02), the rest waiting.
func reservations(t testing.TB, n, ready, cancelled int) []holds.Reservation {
	t.Helper()
	desk, err := library.Default().NewDesk(nil)
	if err != nil {
		t.Fatal(err)
	}
	placed, secured := date("2026-04-01"), date("2026-04-02")
	for i := range n {
		ch := do(t, desk, holds.Request{Action: holds.ActionReserve, Today: placed, Cart: holds.Cart{
			Patron: "p1", Items: []circulation.Item{{ID: fmt.Sprintf("r%d", i), Status: circulation.OnLoan}},
			Place: atLibrary, Ordering: holds.Normal}})
		if i < cancelled {
			do(t, desk, holds.Request{Action: holds.ActionCancel, ID: ch.Reservations[0].ID, By: holds.ByPatron, Today: placed})
		}
	}
	for i := cancelled; i < cancelled+ready; i++ {
		ch := do(t, desk, holds.Request{Action: holds.ActionSecure, Item: fmt.Sprintf("r%d", i), Today: secured})
		do(t, desk, holds.Request{Action: holds.ActionMakeReady, ID: ch.Reservations[0].ID, Today: secured})
	}
	return desk.All()
}

// do asks desk for r and fails t on an error.
func do(t testing.TB, desk *holds.Desk, r holds.Request) holds.Change {
	t.Helper()
	ch, err := desk.Do(r)
	if err != nil {
		t.Fatalf("%v: %v", r.Action, err)
	}
	return ch
}

// evaluate evaluates r under the published rules and fails t on an
// error.
func evaluate(t testing.TB, r selfcheck.Request) selfcheck.Status {
	t.Helper()
	if r.Today.IsZero() {
		r.Today = today
	}
	st, err := selfcheck.Evaluate(library.Default(), r)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// codesOf returns the codes of ref's reasons; nil for a nil ref.
func codesOf(ref *reason.Refusal) []string {
	if ref == nil {
		return nil
	}
	cs := make([]string, len(ref.Reasons))
	for i, r := range ref.Reasons {
		cs[i] = r.Code()
	}
	return cs
}

// refusalOf returns the refusal of err; nil for nil. Any other error
// fails t.
func refusalOf(t testing.TB, err error) *reason.Refusal {
	t.Helper()
	if err == nil {
		return nil
	}
	var ref *reason.Refusal
	if !errors.As(err, &ref) {
		t.Fatalf("want a refusal, got %v", err)
	}
	return ref
}
