package modulecheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/notice"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

// catalogue is every package that declares refusal reasons, with the
// list it publishes.
var catalogue = map[string][]*reason.Reason{
	"patron":      patron.Reasons(),
	"shipping":    shipping.Reasons(),
	"circulation": circulation.Reasons(),
	"holds":       holds.Reasons(),
	"notice":      notice.Reasons(),
	"library":     library.Reasons(),
}

var codeSyntax = regexp.MustCompile(`^[a-z0-9_]+(\.[a-z0-9_]+)+$`)

// Every refusal reason in the module has a stable, unique, well-formed
// code and an English and a Japanese message, and is published by its
// package's Reasons.
func TestReasonCatalogue(t *testing.T) {
	seen := map[string]string{}
	for pkg, reasons := range catalogue {
		if len(reasons) == 0 {
			t.Errorf("%s publishes no reasons", pkg)
		}
		for _, r := range reasons {
			switch {
			case r == nil:
				t.Errorf("%s: nil reason", pkg)
				continue
			case !codeSyntax.MatchString(r.Code()):
				t.Errorf("%s: code %q is not dotted lower-case words", pkg, r.Code())
			case r.Message(reason.English) == "" || r.Message(reason.Japanese) == "":
				t.Errorf("%s: %s lacks a message", pkg, r.Code())
			case r.Message(reason.English) == r.Message(reason.Japanese):
				t.Errorf("%s: %s has the same message in both languages", pkg, r.Code())
			case r.Package() != pkg:
				t.Errorf("%s: %s says it belongs to %q", pkg, r.Code(), r.Package())
			case !strings.HasPrefix(r.Error(), pkg+": "):
				t.Errorf("%s: %s error text is not prefixed with the package", pkg, r.Code())
			}
			if other, dup := seen[r.Code()]; dup {
				t.Errorf("code %q declared by both %s and %s", r.Code(), other, pkg)
			}
			seen[r.Code()] = pkg
		}
	}
	// Every reason.New call in the module's source is published.
	for _, dir := range []string{"reason", "calendar", "patron", "shipping", "circulation", "holds", "notice", "library"} {
		declared := declaredCodes(t, filepath.Join("..", "..", dir))
		for _, c := range declared {
			if seen[c] != dir {
				t.Errorf("%s declares reason %q but its Reasons() does not list it", dir, c)
			}
		}
	}
	t.Logf("%d reasons in the catalogue", len(seen))
}

// declaredCodes returns the code of every reason.New call in the non-test
// Go files of dir.
func declaredCodes(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var out []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "New" || len(call.Args) != 4 {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "reason" {
				return true
			}
			lit, ok := call.Args[1].(*ast.BasicLit)
			if !ok {
				t.Errorf("%v: reason code is not a literal", fset.Position(call.Pos()))
				return true
			}
			c, _ := strconv.Unquote(lit.Value)
			out = append(out, c)
			return true
		})
	}
	slices.Sort(out)
	return out
}
