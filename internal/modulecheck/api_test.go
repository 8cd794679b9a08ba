package modulecheck

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// apiFile is the checked-in listing of the v1 API, one line a name, in
// the style of Go's api/go1.txt.
const apiFile = "../../api/v1.txt"

// The exported API of the public packages is the listing in api/v1.txt:
// a change to v1 shows in review as a change to that file. Run
//
//	KASHIDASHI_API_UPDATE=1 go test ./internal/modulecheck -run TestAPIListing
//
// to rewrite the file after a deliberate change, and say why in the
// commit.
func TestAPIListing(t *testing.T) {
	var lines []string
	counts := map[string]int{}
	for _, p := range documented {
		ls, n := apiOf(t, p)
		lines = append(lines, ls...)
		counts[p] = n
	}
	slices.Sort(lines)
	got := strings.Join(lines, "\n") + "\n"
	total := 0
	for _, p := range documented {
		total += counts[p]
	}
	t.Logf("exported funcs, methods, types, consts and vars: %d %v", total, counts)
	if os.Getenv("KASHIDASHI_API_UPDATE") == "1" {
		if err := os.WriteFile(apiFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(apiFile)
	if err != nil {
		t.Fatal(err)
	}
	if got == string(want) {
		return
	}
	wantLines := strings.Split(strings.TrimSuffix(string(want), "\n"), "\n")
	for _, l := range lines {
		if _, found := slices.BinarySearch(wantLines, l); !found {
			t.Errorf("added to the API, not in api/v1.txt: %s", l)
		}
	}
	for _, l := range wantLines {
		if _, found := slices.BinarySearch(lines, l); !found {
			t.Errorf("gone from the API, still in api/v1.txt: %s", l)
		}
	}
	t.Log("a deliberate change: KASHIDASHI_API_UPDATE=1 go test ./internal/modulecheck -run TestAPIListing")
}

// apiOf returns the API lines of the package in directory p (relative to
// the module root) and how many funcs, methods, types, consts and vars
// it exports; struct fields and interface methods are listed but not
// counted.
func apiOf(t *testing.T, p string) ([]string, int) {
	t.Helper()
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, filepath.Join("..", "..", p), func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	l := apiLister{fset: fset, prefix: "pkg " + p + ", "}
	for _, pk := range pkgs {
		for _, f := range pk.Files {
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					l.fn(d)
				case *ast.GenDecl:
					for _, s := range d.Specs {
						l.spec(d.Tok, s)
					}
				}
			}
		}
	}
	return l.lines, l.n
}

// apiLister gathers the API lines of one package.
type apiLister struct {
	fset   *token.FileSet
	prefix string
	lines  []string
	n      int
}

// str prints n on one line.
func (l *apiLister) str(n ast.Node) string {
	var b bytes.Buffer
	printer.Fprint(&b, l.fset, n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// add lists s; counted says whether it counts as a name.
func (l *apiLister) add(s string, counted bool) {
	l.lines = append(l.lines, l.prefix+s)
	if counted {
		l.n++
	}
}

func (l *apiLister) fn(d *ast.FuncDecl) {
	if !d.Name.IsExported() {
		return
	}
	sig := strings.TrimPrefix(l.str(d.Type), "func")
	if d.Recv == nil {
		l.add("func "+d.Name.Name+sig, true)
		return
	}
	recv := l.str(d.Recv.List[0].Type)
	base, _, _ := strings.Cut(strings.TrimPrefix(recv, "*"), "[")
	if ast.IsExported(base) {
		l.add("method ("+recv+") "+d.Name.Name+sig, true)
	}
}

func (l *apiLister) spec(tok token.Token, s ast.Spec) {
	switch s := s.(type) {
	case *ast.TypeSpec:
		if s.Name.IsExported() {
			l.typ(s)
		}
	case *ast.ValueSpec:
		kw := "var "
		if tok == token.CONST {
			kw = "const "
		}
		for _, n := range s.Names {
			if n.IsExported() {
				l.add(kw+n.Name, true)
			}
		}
	}
}

func (l *apiLister) typ(s *ast.TypeSpec) {
	name := s.Name.Name
	switch tt := s.Type.(type) {
	case *ast.StructType:
		l.add("type "+name+" struct", true)
		for _, f := range tt.Fields.List {
			if len(f.Names) == 0 {
				l.add("type "+name+" struct, embedded "+l.str(f.Type), false)
			}
			for _, n := range f.Names {
				if n.IsExported() {
					l.add("type "+name+" struct, "+n.Name+" "+l.str(f.Type), false)
				}
			}
		}
	case *ast.InterfaceType:
		l.add("type "+name+" interface", true)
		for _, f := range tt.Methods.List {
			if len(f.Names) == 0 {
				l.add("type "+name+" interface, embedded "+l.str(f.Type), false)
			}
			for _, n := range f.Names {
				l.add("type "+name+" interface, "+n.Name+strings.TrimPrefix(l.str(f.Type), "func"), false)
			}
		}
	default:
		l.add("type "+name+" "+l.str(s.Type), true)
	}
}
