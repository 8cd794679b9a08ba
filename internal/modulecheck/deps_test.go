package modulecheck

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Where each module kashidashi may require may be used.
type use int

const (
	anywhere  use = iota // any package
	kitOnly              // the test kit (package ruletest) and tests
	testsOnly            // _test.go files only
)

// The only modules kashidashi may require, and where they may be used.
var allowed = map[string]use{
	"github.com/rickar/cal/v2":      anywhere,
	"github.com/shopspring/decimal": anywhere,
	"github.com/stretchr/testify":   testsOnly,
	"pgregory.net/rapid":            kitOnly, // the kit is imported from tests only
}

// kit is the test kit: the one package outside tests that may import
// rapid, and one that no other package outside tests may import.
const kit = "github.com/kashidashi/kashidashi/ruletest"

// directRequires returns the modules go.mod requires directly.
func directRequires(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var mods []string
	inBlock := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "require (":
			inBlock = true
			continue
		case inBlock && line == ")":
			inBlock = false
			continue
		case strings.HasPrefix(line, "require "):
			line = strings.TrimPrefix(line, "require ")
		case !inBlock:
			continue
		}
		if line == "" || strings.HasSuffix(line, "// indirect") {
			continue
		}
		mods = append(mods, strings.Fields(line)[0])
	}
	return mods
}

func TestGoModRequiresOnlyNamedModules(t *testing.T) {
	mods := directRequires(t)
	if len(mods) == 0 {
		t.Fatal("go.mod requires nothing directly: run go mod tidy")
	}
	for _, m := range mods {
		if _, ok := allowed[m]; !ok {
			t.Errorf("go.mod requires %s, which is not one of the four named dependencies", m)
		}
	}
}

// moduleOf returns the allowed module that holds package path, or "" for
// the standard library and this module.
func moduleOf(t *testing.T, path string) string {
	first, _, _ := strings.Cut(path, "/")
	if !strings.Contains(first, ".") || path == module || strings.HasPrefix(path, module+"/") {
		return ""
	}
	for m := range allowed {
		if path == m || strings.HasPrefix(path, m+"/") {
			return m
		}
	}
	t.Errorf("package %s is from no allowed module", path)
	return ""
}

const module = "github.com/kashidashi/kashidashi"

// TestTestOnlyModulesStayInTests: what a host's production binary links
// (every package of the module but the kit, with its dependencies) reaches
// neither rapid nor testify nor the kit; the kit reaches rapid but not
// testify.
func TestTestOnlyModulesStayInTests(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not available")
	}
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}{{range .Deps}} {{.}}{{end}}", module+"/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	kitReachesRapid := false
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		deps := strings.Fields(line)
		pkg, deps := deps[0], deps[1:]
		for _, dep := range deps {
			if dep == kit && pkg != kit {
				t.Errorf("%s imports the test kit %s, which is for tests only", pkg, kit)
			}
			m := moduleOf(t, dep)
			switch {
			case m == "":
			case allowed[m] == testsOnly:
				t.Errorf("%s depends on %s, which is for tests only", pkg, m)
			case allowed[m] == kitOnly && pkg != kit:
				t.Errorf("%s depends on %s, which only the test kit and tests may use", pkg, m)
			case allowed[m] == kitOnly:
				kitReachesRapid = true
			}
		}
	}
	if !kitReachesRapid {
		t.Errorf("the test kit %s was not listed, or no longer imports rapid: update this test", kit)
	}
}
