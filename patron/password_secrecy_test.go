package patron

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/davecgh/go-spew/spew"
	"github.com/stretchr/testify/assert"
)

// account is a host's struct that keeps a Password in an unexported
// field, which fmt and dumpers print by reflection, without calling any
// method of Password.
type account struct {
	name string
	pw   Password
	ptr  *Password
	list []Password
	m    map[string]Password
}

// revealing lists what would give away the password "Qz7Wk9" (held as
// "qz7wk9"): its letters, their bytes in decimal (fmt's %v of a byte
// array), in hex with and without spaces (%x, spew's hex dump), in octal.
var revealing = []string{"qz7wk9", "113 122 55", "717a37", "71 7a 37", "0x71, 0x7a", "161 172 67"}

// Defect (P4 secrecy): a Password in an unexported field was printed by
// fmt's reflection as its array of character codes, and go-spew and
// testify's diffs dumped it, since neither calls String or Format there.
func TestPasswordP4NotRevealedByReflection(t *testing.T) {
	p, err := ParsePassword("Qz7Wk9")
	if err != nil {
		t.Fatal(err)
	}
	a := account{name: "hana", pw: p, ptr: &p, list: []Password{p}, m: map[string]Password{"k": p}}
	var out []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%p", "%o", "%b", "%c", "%U", "%e", "%t", "%T", "%10.3s", "%[1]v"} {
		out = append(out, fmt.Sprintf(verb, p), fmt.Sprintf(verb, &p), fmt.Sprintf(verb, a), fmt.Sprintf(verb, &a))
	}
	out = append(out, spew.Sdump(a), spew.Sdump(&a), spew.Sdump(p), spew.Sprintf("%+v %#v", a, a))
	cfg := spew.ConfigState{Indent: " ", DisableMethods: true, DisablePointerMethods: true}
	out = append(out, cfg.Sdump(a), cfg.Sdump(p))
	// testify's failure message dumps both sides with spew.
	var rec recorder
	q, _ := ParsePassword("Other42x")
	assert.Equal(&rec, a, account{pw: q})
	out = append(out, rec.String())
	//lint:ignore SA9005 an account without exported fields is the point: nothing of it may leak
	b, _ := json.Marshal(a)
	out = append(out, string(b))
	var logged bytes.Buffer
	slog.New(slog.NewTextHandler(&logged, nil)).Info("set", "account", a, "pw", p)
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("set", "account", a, "pw", p)
	out = append(out, logged.String())
	var g bytes.Buffer
	err = gob.NewEncoder(&g).Encode(struct{ P Password }{p})
	out = append(out, g.String(), fmt.Sprint(err))
	for _, s := range out {
		low := strings.ToLower(s)
		for _, r := range revealing {
			if strings.Contains(low, r) {
				t.Errorf("password revealed (%q) in %q", r, s)
			}
		}
	}
}

// recorder is a testing.T stand-in that keeps testify's failure message.
type recorder struct{ bytes.Buffer }

func (r *recorder) Errorf(format string, args ...any) { fmt.Fprintf(&r.Buffer, format, args...) }

// P4: AppendSecret is the one way out, in the canonical case, for the
// host's hasher; the zero Password appends nothing.
func TestPasswordP4AppendSecretForHasher(t *testing.T) {
	p, err := ParsePassword("Secret42")
	if err != nil {
		t.Fatal(err)
	}
	if got := string(p.AppendSecret([]byte("x:"))); got != "x:secret42" {
		t.Fatalf("AppendSecret %q", got)
	}
	if got := (Password{}).AppendSecret(nil); len(got) != 0 {
		t.Fatalf("zero Password appends %q", got)
	}
}
