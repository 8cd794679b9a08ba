package circulation

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

	"github.com/kashidashi/kashidashi/reason"
)

// TestReasonsCatalogue: Reasons lists every reason declared in the
// package, each with a stable dotted code and distinct English and
// Japanese messages.
func TestReasonsCatalogue(t *testing.T) {
	code := regexp.MustCompile(`^[a-z0-9_]+(\.[a-z0-9_]+)+$`)
	var listed []string
	for _, r := range Reasons() {
		if r.Package() != pkg {
			t.Errorf("%s: package %q", r.Code(), r.Package())
		}
		if !code.MatchString(r.Code()) {
			t.Errorf("code %q is not dotted lower-case", r.Code())
		}
		if slices.Contains(listed, r.Code()) {
			t.Errorf("code %q listed twice", r.Code())
		}
		listed = append(listed, r.Code())
		en, ja := r.Message(reason.English), r.Message(reason.Japanese)
		if en == "" || ja == "" || en == ja {
			t.Errorf("%s: want distinct English and Japanese messages", r.Code())
		}
		if !strings.HasSuffix(en, ".") || !strings.HasSuffix(ja, "。") {
			t.Errorf("%s: messages should be sentences", r.Code())
		}
	}
	declared := declaredCodes(t)
	slices.Sort(listed)
	slices.Sort(declared)
	if !slices.Equal(listed, declared) {
		t.Errorf("Reasons() lists %v\nbut the source declares %v", listed, declared)
	}
}

// declaredCodes returns the code of every reason.New call in the
// package's non-test files.
func declaredCodes(t *testing.T) []string {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	fset := token.NewFileSet()
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
				t.Errorf("%s: reason code is not a literal", fset.Position(call.Pos()))
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			found = append(found, s)
			return true
		})
	}
	return found
}
