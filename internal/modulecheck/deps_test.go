package modulecheck

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The only modules kashidashi may require, and which of them only its
// tests may use.
var allowed = map[string]bool{
	"github.com/rickar/cal/v2":      false,
	"github.com/shopspring/decimal": false,
	"github.com/stretchr/testify":   true, // tests only
	"pgregory.net/rapid":            true, // tests only
}

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

func TestTestOnlyModulesStayInTests(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not available")
	}
	out, err := exec.Command("go", "list", "-deps", "-f", "{{with .Module}}{{.Path}}{{end}}", "github.com/kashidashi/kashidashi/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, m := range strings.Fields(string(out)) {
		if m == "github.com/kashidashi/kashidashi" {
			continue
		}
		testOnly, ok := allowed[m]
		if !ok {
			t.Errorf("non-test code depends on module %s", m)
		} else if testOnly {
			t.Errorf("non-test code depends on %s, which is for tests only", m)
		}
	}
}
