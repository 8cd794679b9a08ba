package modulecheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every exported name of the public packages has a doc comment that
// starts with its name, as go doc expects ("Extend extends ...").
// Names declared in a group may share the group's comment.
func TestExportedNamesHaveDocComments(t *testing.T) {
	for _, p := range documented {
		dir := filepath.Join("..", "..", p)
		if _, err := os.Stat(dir); err != nil {
			continue
		}
		fset := token.NewFileSet()
		pkgs, err := parser.ParseDir(fset, dir, func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, pk := range pkgs {
			if pk.Name != filepath.Base(p) {
				continue
			}
			for _, f := range pk.Files {
				check := func(name string, doc *ast.CommentGroup, pos token.Pos) {
					if !ast.IsExported(name) {
						return
					}
					text := ""
					if doc != nil {
						text = doc.Text()
					}
					first := strings.Fields(text)
					if len(first) == 0 || (strings.Trim(first[0], ".,:") != name && !(len(first) > 1 && first[0] == "A" || first[0] == "An" || first[0] == "The")) {
						t.Errorf("%s: %s: doc comment should start with %s", fset.Position(pos), name, name)
					}
				}
				for _, d := range f.Decls {
					switch d := d.(type) {
					case *ast.FuncDecl:
						if d.Recv != nil {
							typ := d.Recv.List[0].Type
							if s, ok := typ.(*ast.StarExpr); ok {
								typ = s.X
							}
							if id, ok := typ.(*ast.Ident); !ok || !id.IsExported() {
								continue
							}
						}
						check(d.Name.Name, d.Doc, d.Pos())
					case *ast.GenDecl:
						for _, s := range d.Specs {
							switch s := s.(type) {
							case *ast.TypeSpec:
								doc := s.Doc
								if doc == nil {
									doc = d.Doc
								}
								check(s.Name.Name, doc, s.Pos())
							case *ast.ValueSpec:
								for _, n := range s.Names {
									if !n.IsExported() {
										continue
									}
									// Constants and variables in a group may
									// share the group's comment or have their
									// own, line comments included.
									if s.Doc == nil && s.Comment == nil && d.Doc == nil {
										t.Errorf("%s: %s has no doc comment", fset.Position(n.Pos()), n.Name)
									}
								}
							}
						}
					}
				}
			}
		}
	}
}
