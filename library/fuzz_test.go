package library

import (
	"os"
	"testing"
)

// FuzzLoad feeds arbitrary JSON to the loader's reading and checking
// (Config.UnmarshalJSON, which Load runs before compiling): it never
// panics nor hangs, and what it accepts marshals and decodes again.
// Compiling the calendars is left out: calendar.New walks its whole span,
// which under the fuzzer's instrumentation takes most of a second, and
// calendar's own fuzz targets cover it.
func FuzzLoad(f *testing.F) {
	f.Add(DefaultJSON())
	if b, err := os.ReadFile("../docs/config-example.json"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"version": 1, "places": [{"id": "x", "kind": "partner_library", "name": "X", "rules": {"closed_nth_weekdays": [{"nth": 6, "weekday": "mon"}]}}]}`))
	f.Add([]byte(`{"version":1,"places":[],"courier":{"rules":{}},"policies":{"circulation":{},"holds":{},"changes":[{"from":"2027-01-01","holds":{"shelf_days":3}}]}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var c Config
		if err := c.UnmarshalJSON(b); err != nil {
			return
		}
		again, err := c.MarshalJSON()
		if err != nil {
			t.Fatalf("accepted but does not marshal: %v", err)
		}
		var back Config
		if err := back.UnmarshalJSON(again); err != nil {
			t.Fatalf("does not decode again: %v\n%s", err, again)
		}
	})
}
