package ruletest_test

import (
	"errors"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/ruletest"
	"github.com/kashidashi/kashidashi/shipping"
)

var (
	from = calendar.NewDate(2020, 1, 1)
	to   = calendar.NewDate(2035, 12, 31)
)

// Every generator draws only values the engine accepts.
func TestGeneratorsDrawValidValues(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		if d := ruletest.DateIn(from, to).Draw(t, "date"); d.Before(from) || d.After(to) {
			t.Fatalf("DateIn drew %v outside %v..%v", d, from, to)
		}
		if w := ruletest.WeekdaySet().Draw(t, "weekdays"); w.Complement() == 0 {
			t.Fatalf("WeekdaySet drew every day")
		}
		if _, err := calendar.New(ruletest.LibraryRules().Draw(t, "rules")); err != nil {
			t.Fatalf("LibraryRules: %v", err)
		}
		p := ruletest.LoanPolicy().Draw(t, "loan_policy")
		if err := p.Validate(); err != nil {
			t.Fatalf("LoanPolicy: %v", err)
		}
		hp := ruletest.HoldPolicy().Draw(t, "hold_policy")
		if err := hp.Validate(); err != nil {
			t.Fatalf("HoldPolicy: %v", err)
		}
		if err := ruletest.PickupPlace().Draw(t, "place").Validate(); err != nil {
			t.Fatalf("PickupPlace: %v", err)
		}
		c := ruletest.LoanCases(p).Draw(t, "loans")
		if 1+len(c.Others) > p.MaxLoans {
			t.Fatalf("L1 %d loans, limit %d", 1+len(c.Others), p.MaxLoans)
		}
		for _, l := range append([]circulation.Loan{c.Loan}, c.Others...) {
			if err := l.Validate(); err != nil || l.Loaned.After(c.Today) {
				t.Fatalf("LoanCases drew %+v on %v: %v", l, c.Today, err)
			}
		}
		h := ruletest.ReservationHistory(hp, 7).Draw(t, "history")
		for i, r := range h {
			if err := r.Validate(); err != nil {
				t.Fatalf("ReservationHistory step %d: %v", i, err)
			}
			if i > 0 {
				ov := circulation.Override{}
				if b := h[i-1]; b.State != holds.Waiting && (r.State == holds.Cancelled || r.Place != b.Place) {
					ov = circulation.Override{Staff: "s", Codes: circulation.CodesOf(holds.ErrNeedsStaff)} // H5
				}
				if _, err := h[i-1].Step(r, holds.ByStaff, r.PlacedOn, ov); err != nil {
					t.Fatalf("ReservationHistory step %d is not a step: %v", i, err)
				}
			}
		}
		if err := ruletest.Overrides(circulation.Reasons()...).Draw(t, "override").Validate(); err != nil {
			t.Fatalf("Overrides: %v", err)
		}
		cart := ruletest.Carts().Draw(t, "cart")
		if len(cart.Items) == 0 || !cart.Ordering.Valid() || cart.Place.Validate() != nil {
			t.Fatalf("Carts drew %+v", cart)
		}
		if _, err := shipping.NewClassifier(ruletest.ParcelLimits().Draw(t, "limits")); err != nil {
			t.Fatalf("ParcelLimits: %v", err)
		}
		if _, err := ruletest.Packings().Draw(t, "packing").Bundle(ruletest.Parcels().Draw(t, "parcel")); err != nil {
			t.Fatalf("Packings, Parcels: %v", err)
		}
	})
}

// Over many draws, every edge shape the rules treat specially comes up:
// the year-end closure, a holiday Monday that opens and moves its closure
// to Tuesday, a month-end closure moved off the month's last day, n-th
// weekday closures (C5), the day after a holiday (C6), a year-end span of
// its own (C7), the default policy, a patron at the loan limit, an extendable loan and each refusal of L4.
func TestGeneratorsCoverEdgeShapes(t *testing.T) {
	seen := map[string]int{}
	rapid.Check(t, func(t *rapid.T) {
		r := ruletest.LibraryRules().Draw(t, "rules")
		d := ruletest.DateIn(from, to).Draw(t, "date")
		m, day := d.Month(), d.Day()
		if r.YearEnd && (m == time.December && day >= 29 || m == time.January && day <= 3) {
			seen["year end"]++
		}
		for x := d; x.Before(d.AddDays(31)); x = x.AddDays(1) {
			if r.ClosedWeekdays.Has(time.Monday) && r.HolidayOpensWeeklyClosure && x.Weekday() == time.Monday && calendar.IsHoliday(x) {
				seen["holiday Monday"]++
				break
			}
		}
		if r.MonthEnd && m != time.December {
			last := calendar.NewDate(d.Year(), m+1, 0)
			if ruletest.OpenByRules(calendar.Rules{MonthEnd: true, MonthEndAvoids: r.MonthEndAvoids}, last) {
				seen["month end moved"]++
			}
		}
		if len(r.Closures) > 0 {
			seen["closure"]++
		}
		if len(r.ClosedNthWeekdays) > 0 {
			seen["n-th weekday"]++
		}
		if r.DayAfterHoliday {
			seen["day after holiday"]++
		}
		if !r.YearEndFrom.IsZero() {
			seen["year-end span"]++
		}
		if len(r.Openings) > 0 {
			seen["opening"]++
		}
		p := ruletest.LoanPolicy().Draw(t, "policy")
		if p == library.Default().CirculationPolicy(from) {
			seen["default policy"]++
		}
		c := ruletest.LoanCases(p).Draw(t, "loans")
		if 1+len(c.Others) == p.MaxLoans {
			seen["at loan limit"]++
		}
		returnTo, err := library.Default().Calendar("prefectural", c.Today)
		if err != nil {
			t.Fatal(err)
		}
		_, err = p.Extend(circulation.ExtendRequest{Loan: c.Loan, Others: c.Others, Today: c.Today, ReturnTo: returnTo})
		if err == nil {
			seen["extended"]++
		}
		var ref *reason.Refusal
		if errors.As(err, &ref) {
			for _, why := range ref.Reasons {
				seen[why.Code()]++
			}
		}
	})
	for _, shape := range []string{
		"year end", "holiday Monday", "month end moved", "closure", "opening", "n-th weekday", "day after holiday", "year-end span", "default policy", "at loan limit", "extended",
		circulation.ErrPartnerPickup.Code(), circulation.ErrHomeDelivery.Code(), circulation.ErrReserved.Code(),
		circulation.ErrAlreadyExtended.Code(), circulation.ErrInterlibraryLoan.Code(), circulation.ErrOverdue.Code(),
	} {
		if seen[shape] == 0 {
			t.Errorf("no draw of %s in %v", shape, seen)
		}
	}
}

// Reservation histories reach every state of the lifecycle.
func TestReservationHistoryCoversStates(t *testing.T) {
	seen := map[holds.State]int{}
	rapid.Check(t, func(t *rapid.T) {
		h := ruletest.ReservationHistory(library.Default().HoldPolicy(from), 1).Draw(t, "history")
		for _, r := range h {
			seen[r.State]++
		}
	})
	for _, s := range []holds.State{holds.Waiting, holds.Secured, holds.InTransit, holds.Ready, holds.Collected, holds.Expired, holds.Cancelled} {
		if seen[s] == 0 {
			t.Errorf("no history reaches %v: %v", s, seen)
		}
	}
}

// C1, C2, C4: the day-by-day model agrees with the published calendars
// on the days the guide names.
func TestOpenByRulesPublishedDaysC2(t *testing.T) {
	for _, c := range []struct {
		day  string
		open bool
	}{
		{"2026-11-23", true},  // 勤労感謝の日, a holiday Monday: open
		{"2026-11-24", false}, // and the Tuesday after closes instead
		{"2026-11-30", false}, // a Monday anyway
		{"2026-11-27", false}, // month end moved from Monday 30th past the weekend to Friday
		{"2026-12-29", false}, // year end
		{"2027-01-04", false}, // a Monday
		{"2027-01-05", true},
		{"2026-12-31", false},
		{"2026-11-26", true},
	} {
		d, err := calendar.ParseDate(c.day)
		if err != nil {
			t.Fatal(err)
		}
		pref, err := library.Default().Calendar("prefectural", d)
		if err != nil {
			t.Fatal(err)
		}
		if got := ruletest.OpenByRules(pref.Rules(), d); got != c.open {
			t.Errorf("C2 %s: open %v, want %v", c.day, got, c.open)
		}
	}
	pref, err := library.Default().Site("prefectural")
	if err != nil {
		t.Fatal(err)
	}
	if ruletest.OpenByRules(pref.Rules, calendar.Date{}) {
		t.Error("the zero Date is open")
	}
}

// V1, V2: every drawn configuration loads, and some draws have partner
// libraries, rules changes and policy changes.
func TestConfigsLoadV1(t *testing.T) {
	seen := map[string]int{}
	rapid.Check(t, func(t *rapid.T) {
		c := ruletest.Configs().Draw(t, "config")
		if _, err := library.New(c); err != nil {
			t.Fatalf("library.New: %v", err)
		}
		if len(c.Sites) > 2 {
			seen["partners"]++
		}
		if len(c.Policies.Changes) > 0 {
			seen["policy changes"]++
		}
		for _, s := range c.Sites {
			if len(s.Changes) > 0 {
				seen["rules changes"]++
				break
			}
		}
	})
	for _, shape := range []string{"partners", "policy changes", "rules changes"} {
		if seen[shape] == 0 {
			t.Errorf("no draw with %s: %v", shape, seen)
		}
	}
}
