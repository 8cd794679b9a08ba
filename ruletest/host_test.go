package ruletest_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// hostGoMod is the go.mod of a host module outside this repository; %s is
// this repository's directory.
const hostGoMod = `module example.com/host

go 1.24

require github.com/kashidashi/kashidashi v0.0.0-00010101000000-000000000000

replace github.com/kashidashi/kashidashi => %s
`

// hostTest is the host's property tests: each of its functions once
// written wrong and once right. The wrong ones make mistakes a host
// could make: the new due date counted from the old one (L3 rules it
// out), an override lost on its way to Extend (L4), the request's
// override recorded as used rather than the reasons it let go (L4), a
// due date counting the day of loan twice (L2), the holiday Monday
// forgotten (C2), the shelf counted from the day after the first
// collectable day (H4), reservations expired on their deadline day
// (H4), a nightly expiry that never runs (H4).
const hostTest = `package host

import (
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/ruletest"
)

var (
	policy      = library.Default().CirculationPolicy(calendar.NewDate(2026, 4, 1))
	holdPolicy  = library.Default().HoldPolicy(calendar.NewDate(2026, 4, 1))
	prefectural = ruletest.PlaceCalendars().Library
)

func wrongRenewal(r circulation.ExtendRequest) (circulation.Decision, error) {
	d, err := policy.Extend(r)
	if err != nil {
		return d, err
	}
	d.Loan.Due = r.Loan.Due.AddDays(policy.ExtensionDays)
	return d, nil
}

func rightRenewal(r circulation.ExtendRequest) (circulation.Decision, error) {
	return policy.Extend(r)
}

func TestWrongRenewal(t *testing.T) { ruletest.CheckExtend(t, policy, nil, wrongRenewal) }

func TestRightRenewal(t *testing.T) { ruletest.CheckExtend(t, policy, nil, rightRenewal) }

func TestWrongStaffRenewal(t *testing.T) {
	ruletest.CheckStaffExtend(t, policy, nil, func(r circulation.ExtendRequest) (circulation.Decision, error) {
		r.Override = circulation.Override{} // the override is lost on the way
		return policy.Extend(r)
	})
}

func TestWrongStaffOverrideUsed(t *testing.T) {
	ruletest.CheckStaffExtend(t, policy, nil, func(r circulation.ExtendRequest) (circulation.Decision, error) {
		d, err := policy.Extend(r)
		if err == nil {
			d.Override = r.Override // the audit log records the whole request, not what was let go
		}
		return d, err
	})
}

func TestRightStaffRenewal(t *testing.T) { ruletest.CheckStaffExtend(t, policy, nil, policy.Extend) }

func TestWrongDueDate(t *testing.T) {
	ruletest.CheckDueDate(t, policy, nil, func(l circulation.Loan) (calendar.Date, error) {
		return l.Loaned.AddDays(policy.LoanPeriod(l)), nil
	})
}

func TestRightDueDate(t *testing.T) {
	ruletest.CheckDueDate(t, policy, nil, func(l circulation.Loan) (calendar.Date, error) {
		return policy.DueDate(l, nil)
	})
}

func openDays(r calendar.Rules, from, to calendar.Date) ([]calendar.Date, error) {
	c, err := calendar.New(r)
	if err != nil {
		return nil, err
	}
	var open []calendar.Date
	for d := from; !d.After(to); d = d.AddDays(1) {
		if c.IsOpen(d) {
			open = append(open, d)
		}
	}
	return open, nil
}

func TestWrongOpenDays(t *testing.T) {
	ruletest.CheckOpenDays(t, func(r calendar.Rules, from, to calendar.Date) ([]calendar.Date, error) {
		r.HolidayOpensWeeklyClosure = false
		return openDays(r, from, to)
	})
}

func TestRightOpenDays(t *testing.T) { ruletest.CheckOpenDays(t, openDays) }

func TestWrongShelfDeadline(t *testing.T) {
	ruletest.CheckShelfDeadline(t, holdPolicy, prefectural, func(first calendar.Date) calendar.Date {
		return prefectural.AddOpenDays(first, holdPolicy.ShelfDays)
	})
}

func TestRightShelfDeadline(t *testing.T) {
	ruletest.CheckShelfDeadline(t, holdPolicy, prefectural, func(first calendar.Date) calendar.Date {
		return holdPolicy.ShelfDeadline(first, prefectural)
	})
}

func expire(stored []holds.Reservation, today calendar.Date) ([]holds.Reservation, error) {
	d, err := holds.NewDesk(library.Default(), stored)
	if err != nil {
		return nil, err
	}
	ch, err := d.ExpireDue(today)
	return ch.Reservations, err
}

func TestWrongExpiry(t *testing.T) {
	ruletest.CheckExpiry(t, holdPolicy, func(stored []holds.Reservation, today calendar.Date) ([]holds.Reservation, error) {
		return expire(stored, today.AddDays(1))
	})
}

func TestRightExpiry(t *testing.T) { ruletest.CheckExpiry(t, holdPolicy, expire) }

// lazyDesk never runs the nightly expiry.
type lazyDesk struct{ *holds.Desk }

func (lazyDesk) ExpireDue(calendar.Date) (holds.Change, error) { return holds.Change{}, nil }

func TestWrongDesk(t *testing.T) {
	ruletest.CheckDesk(t, func(r holds.Rules, stored []holds.Reservation) (ruletest.ReservationDesk, error) {
		d, err := holds.NewDesk(r, stored)
		return lazyDesk{d}, err
	})
}

func TestRightDesk(t *testing.T) {
	ruletest.CheckDesk(t, func(r holds.Rules, stored []holds.Reservation) (ruletest.ReservationDesk, error) {
		return holds.NewDesk(r, stored)
	})
}

`

// TestHostModuleImportsKit: a module outside this repository imports the
// kit and runs a ready property; against a wrong renewal it fails with a
// small, readable shrunk case and the flags that replay it, against the
// right one it passes. It runs go test offline, from the module cache.
func TestHostModuleImportsKit(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not available")
	}
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, text := range map[string]string{
		"go.mod":          strings.Replace(hostGoMod, "%s", repo, 1),
		"go.sum":          string(sum),
		"renewal_test.go": hostTest,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(test string, flags ...string) (string, error) {
		cmd := exec.Command("go", append([]string{"test", "-count=1", "-run", "^" + test + "$", "."}, flags...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}

	out, err := run("TestRight.*")
	if err != nil {
		t.Fatalf("a right function fails in the host module: %v\n%s", err, out)
	}

	// A wrong function fails on the first case that shows it; more
	// checks make finding it near certain whatever the seed, so that a
	// rare draw never lets a wrong function pass (the kit's desk model
	// now draws more kinds of step, each bug's share of them smaller).
	out, err = run("TestWrong.*", "-rapid.checks=1000")
	if err == nil {
		t.Fatalf("the wrong functions pass:\n%s", out)
	}
	t.Logf("host output:\n%s", out)
	for _, test := range []string{"Renewal", "StaffRenewal", "StaffOverrideUsed", "DueDate", "OpenDays", "ShelfDeadline", "Expiry", "Desk"} {
		if !strings.Contains(out, "--- FAIL: TestWrong"+test+" ") {
			t.Errorf("the wrong %s passes", test)
		}
	}
	if !strings.Contains(out, "L4 extension: host's override used") {
		t.Errorf("the wrong override used is not reported as such")
	}
	if t.Failed() {
		t.FailNow()
	}
	// The renewal's block of the output, up to the next failing test.
	out = out[strings.Index(out, "--- FAIL: TestWrongRenewal"):]
	out = out[:strings.Index(out, "--- FAIL: TestWrongStaffRenewal")]
	// The shrunk case is the last one logged: one loan, no others, as
	// JSON a host can read.
	cases := regexp.MustCompile(`case: (\{.*\})`).FindAllStringSubmatch(out, -1)
	if len(cases) == 0 {
		t.Fatalf("no case logged:\n%s", out)
	}
	last := cases[len(cases)-1][1]
	for _, want := range []string{`"others":null`, `"today":"20`, `"due":"20`, `"place":{"method":"prefectural_library"}`} {
		if !strings.Contains(last, want) {
			t.Errorf("shrunk case %s lacks %s", last, want)
		}
	}
	if len(last) > 300 {
		t.Errorf("shrunk case of %d bytes: %s", len(last), last)
	}
	for _, want := range []string{"L3 extension: host's loan differs from Extend's", "-rapid.seed=", "-rapid.failfile="} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}
