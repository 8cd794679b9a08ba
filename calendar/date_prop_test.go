package calendar_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/ruletest"
)

// anyDate draws a date between 1900 and 2200.
var anyDate = ruletest.DateIn(calendar.NewDate(1900, 1, 1), calendar.NewDate(2200, 12, 31))

func TestPropDateTextRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := anyDate.Draw(t, "d")
		b, err := d.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back calendar.Date
		if err := back.UnmarshalText(b); err != nil || back != d {
			t.Fatalf("%v round-tripped to %v (%v)", d, back, err)
		}
		p, err := calendar.ParseDate(d.String())
		if err != nil || p != d {
			t.Fatalf("calendar.ParseDate(%q) = %v, %v", d.String(), p, err)
		}
	})
}

func TestPropAddDaysInverse(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := anyDate.Draw(t, "d")
		n := rapid.IntRange(-5000, 5000).Draw(t, "n")
		e := d.AddDays(n)
		if e.DaysSince(d) != n || e.AddDays(-n) != d {
			t.Fatalf("%v + %d = %v", d, n, e)
		}
	})
}
