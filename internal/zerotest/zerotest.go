// Package zerotest checks, for the module's tests, that the zero value of
// an exported type never panics: CallEveryMethod calls each of its
// methods with zero arguments. Only tests import it.
package zerotest

import (
	"reflect"
	"testing"
)

// CallEveryMethod calls every method of v, a pointer to a zero value or a
// nil pointer, with zero arguments (a writer and a fmt.State that
// discard where an interface takes them), ranges over every iterator a
// method returns, and fails t on a panic: the zero value of every
// exported type works or returns an error, and never panics.
func CallEveryMethod(t testing.TB, name string, v any) {
	t.Helper()
	rv := reflect.ValueOf(v)
	for i := 0; i < rv.NumMethod(); i++ {
		m := rv.Type().Method(i)
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s.%s panics: %v", name, m.Name, r)
				}
			}()
			for _, o := range call(rv.Method(i)) {
				rangeOver(o)
			}
		}()
	}
}

// call calls fn with a zero value for each argument.
func call(fn reflect.Value) []reflect.Value {
	args := make([]reflect.Value, fn.Type().NumIn())
	for j := range args {
		args[j] = reflect.Zero(fn.Type().In(j))
		if in := fn.Type().In(j); in.Kind() == reflect.Interface && reflect.TypeFor[*state]().Implements(in) {
			args[j] = reflect.ValueOf(&state{}) // an io.Writer, a fmt.State
		}
	}
	if fn.Type().IsVariadic() {
		return fn.CallSlice(args)
	}
	return fn.Call(args)
}

// rangeOver ranges over o when it is an iterator (iter.Seq or
// iter.Seq2), yielding true to every value.
func rangeOver(o reflect.Value) {
	ft := o.Type()
	if ft.Kind() != reflect.Func || o.IsNil() || ft.NumIn() != 1 || ft.NumOut() != 0 {
		return
	}
	yt := ft.In(0)
	if yt.Kind() != reflect.Func || yt.NumOut() != 1 || yt.Out(0).Kind() != reflect.Bool {
		return
	}
	yield := reflect.MakeFunc(yt, func([]reflect.Value) []reflect.Value { return []reflect.Value{reflect.ValueOf(true)} })
	o.Call([]reflect.Value{yield})
}

// state is a fmt.State and an io.Writer that discards what is written.
type state struct{}

func (*state) Write(b []byte) (int, error) { return len(b), nil }
func (*state) Width() (int, bool)          { return 0, false }
func (*state) Precision() (int, bool)      { return 0, false }
func (*state) Flag(int) bool               { return false }
