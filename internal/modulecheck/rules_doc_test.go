package modulecheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The packages whose API docs/rules.md may name.
var documented = []string{"reason", "calendar", "patron", "shipping", "circulation", "holds", "notice", "selfcheck", "library", "ruletest"}

// exported returns the exported top-level names and the exported
// methods (as Type.Method) of the package in dir; nil when there is no
// such package.
func exported(t *testing.T, dir string) map[string]bool {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		return nil
	}
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, p := range pkgs {
		for _, f := range p.Files {
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if !d.Name.IsExported() {
						continue
					}
					if d.Recv == nil {
						names[d.Name.Name] = true
						continue
					}
					typ := d.Recv.List[0].Type
					if s, ok := typ.(*ast.StarExpr); ok {
						typ = s.X
					}
					if id, ok := typ.(*ast.Ident); ok {
						names[id.Name+"."+d.Name.Name] = true
						names[d.Name.Name] = true // "(*Calendar).IsOpen, WhyClosed": a bare method name after its type
					}
				case *ast.GenDecl:
					for _, s := range d.Specs {
						switch s := s.(type) {
						case *ast.TypeSpec:
							names[s.Name.Name] = true
							if st, ok := s.Type.(*ast.StructType); ok {
								for _, fl := range st.Fields.List {
									for _, n := range fl.Names {
										names[s.Name.Name+"."+n.Name] = true
									}
								}
							}
						case *ast.ValueSpec:
							for _, n := range s.Names {
								names[n.Name] = true
							}
						}
					}
				}
			}
		}
	}
	return names
}

var codeSpan = regexp.MustCompile("`([^`]+)`")

// Every API name docs/rules.md gives as the code that encodes a rule or a
// setting exists, so that the catalogue cannot silently drift from the
// code it points to.
func TestRulesCatalogueNamesExist(t *testing.T) {
	doc, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	apis := map[string]map[string]bool{}
	for _, p := range documented {
		apis[p] = exported(t, filepath.Join("..", "..", p))
	}
	var missing []string
	for _, m := range codeSpan.FindAllStringSubmatch(string(doc), -1) {
		span := m[1]
		if i := strings.Index(span, "("); i > 0 {
			span = span[:i] // a call with its arguments: NegotiateOr(header, fallback)
		}
		span = strings.TrimPrefix(strings.TrimPrefix(span, "(*"), "(")
		span = strings.NewReplacer(")", "", "*", "").Replace(span)
		parts := strings.Split(span, ".")
		if len(parts) < 2 {
			continue
		}
		api, ok := apis[parts[0]]
		if !ok || api == nil {
			continue
		}
		// pkg.Name must be exported; pkg.Type.Member must be a field or
		// method of that very type, not merely any exported Type.
		name := strings.Join(parts[1:], ".")
		if !api[name] {
			missing = append(missing, m[1])
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("docs/rules.md names %s, which the package does not export", m)
	}
}

var ruleRow = regexp.MustCompile(`(?m)^\| ((?:C|M|P|I|H|L|V|X|S|R-[A-Z]+)[0-9]+) \|`)

// Every rule of the catalogue is named in the doc comment of some code
// and in some test.
func TestRulesCatalogueIDsTraceToCodeAndTests(t *testing.T) {
	doc, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	var code, tests strings.Builder
	err = filepath.WalkDir("../..", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.HasSuffix(path, "_test.go") {
			tests.Write(b)
		} else {
			code.Write(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ids := ruleRow.FindAllStringSubmatch(string(doc), -1)
	if len(ids) < 40 {
		t.Fatalf("only %d rules found in docs/rules.md", len(ids))
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id[1]] {
			continue
		}
		seen[id[1]] = true
		// In a test name the ID stands in CamelCase without its hyphen:
		// TestShelfDeadlineH4..., TestTimelineRPT3...
		word := regexp.MustCompile(`(^|[^0-9-])(` + regexp.QuoteMeta(id[1]) + `|` + strings.ReplaceAll(id[1], "-", "") + `)($|[^0-9])`)
		if !word.MatchString(code.String()) {
			t.Errorf("rule %s is named in no doc comment of the code", id[1])
		}
		if !word.MatchString(tests.String()) {
			t.Errorf("rule %s is named in no test", id[1])
		}
	}
}
