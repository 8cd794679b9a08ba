package circulation

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// zeroValues is the zero value of every exported type of the package;
// for a type used by pointer, the nil pointer.
var zeroValues = map[string]any{
	"BorrowRequest":   BorrowRequest{},
	"ClosureGrace":    ClosureGrace{},
	"Codes":           Codes{},
	"Collection":      Collection(0),
	"Decision":        Decision{},
	"DueDateRule":     DueDateRule(0),
	"ExtendRequest":   ExtendRequest{},
	"ExtensionBase":   ExtensionBase(0),
	"ExtensionWindow": ExtensionWindow{},
	"Item":            Item{},
	"Loan":            Loan{},
	"Method":          Method(0),
	"Override":        Override{},
	"Place":           Place{},
	"Policy":          Policy{},
	"ReserveRequest":  ReserveRequest{},
	"Return":          Return{},
	"ReturnChannel":   ReturnChannel(0),
	"ReturnDesk":      (*ReturnDesk)(nil),
	"ReturnReceipt":   ReturnReceipt{},
	"Status":          Status(0),
}

// TestZeroValuesDoNotPanic calls every method of every exported type on
// its zero value (and, for *ReturnDesk, on nil and on a zero struct) with
// zero arguments: each works or returns an error, and none panics.
func TestZeroValuesDoNotPanic(t *testing.T) {
	for _, name := range exportedTypes(t) {
		if _, ok := zeroValues[name]; !ok {
			t.Errorf("exported type %s is not in zeroValues", name)
		}
	}
	total := 0
	defer func() { t.Logf("%d methods called on zero values", total) }()
	for name, v := range zeroValues {
		rv := reflect.ValueOf(v)
		receivers := []reflect.Value{rv}
		if rv.Kind() == reflect.Pointer {
			receivers = append(receivers, reflect.New(rv.Type().Elem()))
		} else {
			receivers = append(receivers, reflect.New(rv.Type())) // the pointer methods too
		}
		calls := 0
		defer func() { total += calls }()
		for _, recv := range receivers {
			for i := range recv.NumMethod() {
				callZero(t, name+"."+recv.Type().Method(i).Name, recv.Method(i))
				calls++
			}
		}
		if calls == 0 && rv.Kind() == reflect.Pointer {
			t.Errorf("%s: no method called", name)
		}
	}
	_, err := (*ReturnDesk)(nil).Accept(Return{})
	if err == nil {
		t.Error("a nil *ReturnDesk accepts a return")
	}
	if _, err := (Policy{}).Extend(ExtendRequest{}); err == nil {
		t.Error("the zero Policy extends the zero request")
	}
	if _, err := (Policy{}).ExtensionWindow(ExtendRequest{}); err == nil {
		t.Error("the zero Policy gives the zero request an extension window")
	}
}

// callZero calls fn with the zero value of each argument and fails the
// test if it panics.
func callZero(t *testing.T, name string, fn reflect.Value) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s on the zero value panics: %v", name, r)
		}
	}()
	ft := fn.Type()
	args := make([]reflect.Value, ft.NumIn())
	for i := range args {
		args[i] = reflect.Zero(ft.In(i))
	}
	if ft.IsVariadic() {
		fn.CallSlice(args)
		return
	}
	fn.Call(args)
}

// exportedTypes returns the names of the exported types the package's
// non-test files declare.
func exportedTypes(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var names []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, e.Name(), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
				for _, s := range g.Specs {
					if ts := s.(*ast.TypeSpec); ts.Name.IsExported() {
						names = append(names, ts.Name.Name)
					}
				}
			}
		}
	}
	slices.Sort(names)
	if len(names) == 0 {
		t.Fatal("no exported type found")
	}
	return names
}
