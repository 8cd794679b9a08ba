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

// hostTest is the host's property test: its renewal endpoint, once
// written wrong (the new due date counted from the old one, which L3
// rules out) and once right.
const hostTest = `package host

import (
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/ruletest"
)

var policy = circulation.DefaultPolicy()

// wrongRenewal counts the new due date from the old one.
func wrongRenewal(l circulation.Loan, others []circulation.Loan, today calendar.Date) (circulation.Loan, error) {
	got, err := policy.Extend(l, others, today, nil)
	if err != nil {
		return got, err
	}
	got.Due = l.Due.AddDays(policy.ExtensionDays)
	return got, nil
}

func rightRenewal(l circulation.Loan, others []circulation.Loan, today calendar.Date) (circulation.Loan, error) {
	return policy.Extend(l, others, today, nil)
}

func TestWrongRenewal(t *testing.T) { ruletest.CheckExtend(t, policy, nil, wrongRenewal) }

func TestRightRenewal(t *testing.T) { ruletest.CheckExtend(t, policy, nil, rightRenewal) }
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

	out, err := run("TestRightRenewal")
	if err != nil {
		t.Fatalf("the right renewal fails in the host module: %v\n%s", err, out)
	}

	out, err = run("TestWrongRenewal")
	if err == nil {
		t.Fatalf("the wrong renewal passes:\n%s", out)
	}
	t.Logf("host output:\n%s", out)
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
