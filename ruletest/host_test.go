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
// out), an override lost on its way to Extend (L4), a due date counting
// the day of loan twice (L2), the holiday Monday forgotten (C2), the
// shelf counted from the day after the first collectable day (H4),
// reservations expired on their deadline day (H4), a nightly expiry
// that never runs (H4).
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
	policy      = circulation.DefaultPolicy()
	holdPolicy  = library.Default().HoldPolicy(calendar.NewDate(2026, 4, 1))
	prefectural = ruletest.PlaceCalendars().Library
)

func wrongRenewal(l circulation.Loan, others []circulation.Loan, today calendar.Date) (circulation.Loan, error) {
	got, _, err := policy.Extend(l, others, today, nil, circulation.Override{})
	if err != nil {
		return got, err
	}
	got.Due = l.Due.AddDays(policy.ExtensionDays)
	return got, nil
}

func rightRenewal(l circulation.Loan, others []circulation.Loan, today calendar.Date) (circulation.Loan, error) {
	got, _, err := policy.Extend(l, others, today, nil, circulation.Override{})
	return got, err
}

func TestWrongRenewal(t *testing.T) { ruletest.CheckExtend(t, policy, nil, wrongRenewal) }

func TestRightRenewal(t *testing.T) { ruletest.CheckExtend(t, policy, nil, rightRenewal) }

func TestWrongStaffRenewal(t *testing.T) {
	ruletest.CheckStaffExtend(t, policy, nil, func(l circulation.Loan, others []circulation.Loan, today calendar.Date, ov circulation.Override) (circulation.Loan, circulation.Override, error) {
		return policy.Extend(l, others, today, nil, circulation.Override{}) // the override is lost on the way
	})
}

func TestRightStaffRenewal(t *testing.T) {
	ruletest.CheckStaffExtend(t, policy, nil, func(l circulation.Loan, others []circulation.Loan, today calendar.Date, ov circulation.Override) (circulation.Loan, circulation.Override, error) {
		return policy.Extend(l, others, today, nil, ov)
	})
}

func TestWrongDueDate(t *testing.T) {
	ruletest.CheckDueDate(t, policy, nil, func(m circulation.Method, short bool, loaned calendar.Date) (calendar.Date, error) {
		return loaned.AddDays(policy.LoanPeriod(m, short)), nil
	})
}

func TestRightDueDate(t *testing.T) {
	ruletest.CheckDueDate(t, policy, nil, func(m circulation.Method, short bool, loaned calendar.Date) (calendar.Date, error) {
		return policy.DueDate(m, short, loaned, nil)
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
	run := func(test string) (string, error) {
		cmd := exec.Command("go", "test", "-count=1", "-run", "^"+test+"$", ".")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}

	out, err := run("TestRight.*")
	if err != nil {
		t.Fatalf("a right function fails in the host module: %v\n%s", err, out)
	}

	out, err = run("TestWrong.*")
	if err == nil {
		t.Fatalf("the wrong functions pass:\n%s", out)
	}
	for _, test := range []string{"Renewal", "StaffRenewal", "DueDate", "OpenDays", "ShelfDeadline", "Expiry", "Desk"} {
		if !strings.Contains(out, "--- FAIL: TestWrong"+test+" ") {
			t.Errorf("the wrong %s passes", test)
		}
	}
	t.Logf("host output:\n%s", out)
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
