package ruletest

import (
	"fmt"
	"slices"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/holds"
	"pgregory.net/rapid"
)

// CheckShelfDeadline checks that host, a host's own hold-shelf deadline,
// agrees with holds.Policy.ShelfDeadline under policy p at a place with
// calendar at (H4), on every first collectable day DateIn draws in 2020
// to 2035; and that the deadline is a day the place's rules (OpenByRules)
// open, with exactly p.ShelfDays such days from the first collectable
// day on.
func CheckShelfDeadline(t *testing.T, p holds.Policy, at *calendar.Calendar, host func(firstCollectable calendar.Date) calendar.Date) {
	t.Helper()
	if err := p.Validate(); err != nil || at == nil {
		t.Fatalf("ruletest: CheckShelfDeadline: policy %v, calendar %v", err, at)
	}
	rules := at.Rules()
	rapid.Check(t, func(t *rapid.T) {
		first := DateIn(spanFirst, spanLast).Draw(t, "first_collectable")
		logCase(t, "first collectable", first)
		want := p.ShelfDeadline(first, at)
		if got := host(first); got != want {
			t.Fatalf("H4 host's deadline %v, ShelfDeadline %v", got, want)
		}
		n := 0
		for d := first; !d.After(want); d = d.AddDays(1) {
			if OpenByRules(rules, d) {
				n++
			}
		}
		if !OpenByRules(rules, want) || n != p.ShelfDays {
			t.Fatalf("H4 deadline %v: open %v, %d open days from %v", want, OpenByRules(rules, want), n, first)
		}
	})
}

// CheckExpiry checks host, a host's nightly job that expires the
// reservations left on the hold shelf past their deadline (H4): given
// the stored reservations (the last states of up to 8
// ReservationHistory draws under policy p, each of its own patron and
// item) and today, it returns the
// reservations it expired. They must be exactly the ready ones whose
// deadline is before today, in ID order, each expired today (H4): state
// expired and ended today, nothing else changed.
func CheckExpiry(t *testing.T, p holds.Policy, host func(stored []holds.Reservation, today calendar.Date) ([]holds.Reservation, error)) {
	t.Helper()
	if err := p.Validate(); err != nil {
		t.Fatalf("ruletest: CheckExpiry: %v", err)
	}
	type expiryCase struct {
		Stored []holds.Reservation `json:"stored"`
		Today  calendar.Date       `json:"today"`
	}
	rapid.Check(t, func(t *rapid.T) {
		var c expiryCase
		for i := rapid.IntRange(0, 8).Draw(t, "reservations"); i > 0; i-- {
			h := ReservationHistory(p, uint64(len(c.Stored)+1)).Draw(t, "history")
			r := h[len(h)-1]
			// One reservation per patron and item, as a desk may hold
			// them whatever its limits.
			r.Patron, r.Item = fmt.Sprintf("p%d", r.ID), fmt.Sprintf("i%d", r.ID)
			c.Stored = append(c.Stored, r)
			if latest := latestDay(c.Today, r); latest.After(c.Today) {
				c.Today = latest
			}
		}
		c.Today = c.Today.AddDays(rapid.IntRange(0, 20).Draw(t, "days_later"))
		if c.Today.IsZero() {
			c.Today = DateIn(spanFirst, spanLast).Draw(t, "today")
		}
		logCase(t, "case", c)
		var want []holds.Reservation
		for _, r := range c.Stored {
			if r.State == holds.Ready && c.Today.After(r.Deadline) {
				r.State, r.EndedOn = holds.Expired, c.Today
				want = append(want, r)
			}
		}
		got, err := host(slices.Clone(c.Stored), c.Today)
		if err != nil {
			t.Fatalf("H4 host's expiry failed: %v", err)
		}
		if !slices.Equal(got, want) {
			logCase(t, "host expired", got)
			logCase(t, "H4 expires", want)
			t.Fatalf("H4 host expired %d reservations, the rules %d: they differ (see the logs above)", len(got), len(want))
		}
	})
}
