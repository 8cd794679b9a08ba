package patron

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
)

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
		if r.Message("en") == "" || r.Message("ja") == "" || r.Message("en") == r.Message("ja") {
			t.Errorf("%s: want distinct English and Japanese messages", r.Code())
		}
	}
	declared := declaredCodes(t)
	slices.Sort(listed)
	slices.Sort(declared)
	if !slices.Equal(listed, declared) {
		t.Errorf("Reasons() lists %v\nbut the source declares %v", listed, declared)
	}
}

// declaredCodes returns the code of every reason.New call in the package's
// source, so that a sentinel missing from Reasons is caught.
func declaredCodes(t *testing.T) []string {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
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
				t.Fatalf("%v: reason code is not a literal", fset.Position(call.Pos()))
			}
			c, _ := strconv.Unquote(lit.Value)
			out = append(out, c)
			return true
		})
	}
	return out
}
