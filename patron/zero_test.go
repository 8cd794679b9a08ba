package patron

import (
	"reflect"
	"testing"
)

// The zero value of every type of the package works or returns an error;
// no method panics on it.
func TestZeroValuesNeverPanic(t *testing.T) {
	for name, v := range map[string]any{
		"CardNumber": &CardNumber{}, "EligibilityPolicy": &EligibilityPolicy{}, "Email": &Email{},
		"Password": &Password{}, "Record": &Record{}, "Registration": &Registration{},
		"RegistrationPlace": &RegistrationPlace{}, "RegistrationPlaceKind": new(RegistrationPlaceKind),
		"RegistrationStatus": new(RegistrationStatus), "VerifyPolicy": &VerifyPolicy{},
	} {
		callEveryMethod(t, name, v)
	}
	if err := CanRegisterAt(RegistrationPlace{}, tuesday); err == nil {
		t.Error("the zero place registered a patron")
	}
	if err := (VerifyPolicy{}).Verify(Record{}, Credentials{Card: "", Name: "", BirthKey: ""}); err == nil {
		t.Error("the zero record verified")
	}
	if err := (EligibilityPolicy{}).Eligible(Registration{}, ""); err == nil {
		t.Error("the zero registration is eligible")
	}
}

// callEveryMethod calls every method of v, a pointer to a zero value or a
// nil pointer, with zero arguments, ranges over every iterator a method
// returns, and fails t on a panic: the zero value of every exported type
// works or returns an error, and never panics.
func callEveryMethod(t *testing.T, name string, v any) {
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
			fn := rv.Method(i)
			args := make([]reflect.Value, fn.Type().NumIn())
			for j := range args {
				args[j] = reflect.Zero(fn.Type().In(j))
				if in := fn.Type().In(j); in.Kind() == reflect.Interface && reflect.TypeFor[*state]().Implements(in) {
					args[j] = reflect.ValueOf(&state{}) // an io.Writer, a fmt.State
				}
			}
			var out []reflect.Value
			if fn.Type().IsVariadic() {
				out = fn.CallSlice(args)
			} else {
				out = fn.Call(args)
			}
			for _, o := range out {
				rangeOver(o)
			}
		}()
	}
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
