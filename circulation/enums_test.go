package circulation

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// enumValue is what every enum of the package has.
type enumValue interface {
	Valid() bool
	String() string
	Label(reason.Lang) string
	MarshalText() ([]byte, error)
}

// enumCase is one enum: its valid values, some invalid ones, and a new
// zero value to decode into.
type enumCase struct {
	name           string
	valid, invalid []enumValue
	decode         func(b []byte) (enumValue, error)
}

func decoder[T any, P interface {
	*T
	UnmarshalText([]byte) error
}](v func(T) enumValue) func([]byte) (enumValue, error) {
	return func(b []byte) (enumValue, error) {
		var x T
		err := P(&x).UnmarshalText(b)
		return v(x), err
	}
}

func values[T enumValue](vs ...T) []enumValue {
	out := make([]enumValue, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

var enumCases = []enumCase{
	{"M1 method", values(allMethods...), values[Method](0, 5, 255),
		decoder[Method](func(v Method) enumValue { return v })},
	{"R-PL1 collection", values(General, Hokkaido), values[Collection](2, 255),
		decoder[Collection](func(v Collection) enumValue { return v })},
	{"R-PL2 return channel", values(Counter, BookDrop, Post, GeneralCounter, HokkaidoCounter), values[ReturnChannel](0, 6),
		decoder[ReturnChannel](func(v ReturnChannel) enumValue { return v })},
	{"L5 L6 L7 due-date rule", values(DueDateStands, DueDateNextOpenDay, DueDatePreviousOpenDay, DueDateEndOfClosure), values[DueDateRule](4, 9),
		decoder[DueDateRule](func(v DueDateRule) enumValue { return v })},
	{"I1 status", values(allStatuses...), values[Status](0, 10, 255),
		decoder[Status](func(v Status) enumValue { return v })},
}

// TestEnumStringIsStableASCIICode: every enum's String is a stable ASCII code that decodes
// back, as do its labels; labels differ by language; an invalid value
// has no code and does not encode; an unknown code does not decode and
// matches the package's sentinel.
func TestEnumStringIsStableASCIICode(t *testing.T) {
	for _, c := range enumCases {
		t.Run(c.name, func(t *testing.T) {
			for _, v := range c.valid {
				require.True(t, v.Valid(), "%v", v)
				code := v.String()
				for _, r := range code {
					require.True(t, r == '_' || r >= 'a' && r <= 'z', "code %q is not lower-case ASCII", code)
				}
				b, err := v.MarshalText()
				require.NoError(t, err)
				assert.Equal(t, code, string(b))
				for _, name := range []string{code, v.Label(reason.English), v.Label(reason.Japanese)} {
					back, err := c.decode([]byte(name))
					require.NoError(t, err, name)
					assert.Equal(t, v, back, name)
				}
				assert.NotEqual(t, v.Label(reason.English), v.Label(reason.Japanese))
			}
			for _, v := range c.invalid {
				assert.False(t, v.Valid())
				assert.Contains(t, v.String(), "(")
				assert.Equal(t, v.String(), v.Label(reason.Japanese))
				_, err := json.Marshal(v)
				assert.Error(t, err, "%v", v)
			}
			_, err := c.decode([]byte("no_such_code"))
			assert.Error(t, err)
			assert.True(t, errors.Is(err, reason.ErrBadInput), "%v", err)
			assert.Contains(t, err.Error(), `"no_such_code"`)
		})
	}
}

// FuzzEnumText: decoding any text as any enum (ParseStatus for Status)
// never panics; what decodes is valid and re-encodes to a code that
// decodes to it; an error matches the package's sentinel.
func FuzzEnumText(f *testing.F) {
	for _, c := range enumCases {
		for _, v := range c.valid {
			f.Add(v.String())
			f.Add(" " + v.Label(reason.Japanese) + "\u3000")
		}
	}
	f.Add("")
	f.Add("Status(0)")
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range enumCases {
			v, err := c.decode([]byte(s))
			if err != nil {
				if !errors.Is(err, reason.ErrBadInput) {
					t.Fatalf("%s: error %v matches no sentinel", c.name, err)
				}
				continue
			}
			if !v.Valid() {
				t.Fatalf("%s: %q decodes to invalid %v", c.name, s, v)
			}
			if back, err := c.decode([]byte(v.String())); err != nil || back != v {
				t.Fatalf("%s: %v re-decodes to %v, %v", c.name, v, back, err)
			}
		}
	})
}
