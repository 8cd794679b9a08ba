package shipping_test

import (
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/ruletest"
	"github.com/kashidashi/kashidashi/shipping"
)

// The property tests of the package, on the kit's generators.

// courierDay draws a day in the courier's compiled span, with margin.
var courierDay = ruletest.DateIn(calendar.NewDate(1956, 1, 1), calendar.NewDate(2098, 5, 15))

func publishedCourier() *shipping.Courier {
	c, err := shipping.NewCourier(shipping.CourierRules())
	if err != nil {
		panic(err)
	}
	return c
}

var defaultClassifier, _ = shipping.NewClassifier(shipping.Limits{}) // the defaults always compile

func classify(p shipping.Parcel) (shipping.Class, error) { return defaultClassifier.Classify(p) }

// valid reports whether c is a class Classify may return.
func valid(c shipping.Class) bool {
	if c.Service == shipping.YuMail {
		return c.Size == 0
	}
	return c.Service.Valid() && c.Size > 0
}

// isCoded reports whether err carries reason codes.
func isCoded(err error) bool {
	var c reason.Coded
	var r *reason.Refusal
	return errors.As(err, &c) || errors.As(err, &r)
}

// rank orders classes: Yu-Mail, then Yu-Pack by size, then heavy Yu-Pack
// by size, and any refusal last.
func rank(c shipping.Class, err error) int {
	switch {
	case err != nil:
		return 1 << 20
	case c.Service == shipping.YuMail:
		return 0
	case c.Service == shipping.YuPack:
		return c.Size
	default:
		return 1<<10 + c.Size
	}
}

func TestPropClassifyIgnoresOrientationRHD3(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := ruletest.Parcels().Draw(t, "p")
		want, wantErr := classify(p)
		s := [3]decimal.Decimal{p.Length, p.Width, p.Thickness}
		for _, perm := range [6][3]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}} {
			q := shipping.Parcel{Length: s[perm[0]], Width: s[perm[1]], Thickness: s[perm[2]], Weight: p.Weight}
			got, err := classify(q)
			if got != want || (err == nil) != (wantErr == nil) {
				t.Fatalf("%v: %v, %v; %v: %v, %v", p, want, wantErr, q, got, err)
			}
		}
	})
}

func TestPropShrinkingNeverGrowsRHD3(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := ruletest.Parcels().Draw(t, "p")
		i := rapid.IntRange(0, 3).Draw(t, "measure")
		keep := decimal.New(rapid.Int64Range(1, 1000).Draw(t, "per mille"), -3)
		m := [4]decimal.Decimal{p.Length, p.Width, p.Thickness, p.Weight}
		m[i] = m[i].Mul(keep)
		q := shipping.Parcel{Length: m[0], Width: m[1], Thickness: m[2], Weight: m[3]}
		pc, perr := classify(p)
		qc, qerr := classify(q)
		if rank(qc, qerr) > rank(pc, perr) {
			t.Fatalf("%v is %v (%v) but the smaller %v is %v (%v)", p, pc, perr, q, qc, qerr)
		}
	})
}

func TestPropClassifyValidOrRefusedRHD3(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := ruletest.Parcels().Draw(t, "p")
		c, err := classify(p)
		if (err == nil) != valid(c) || (err != nil && !isCoded(err)) {
			t.Fatalf("%v: %v, %v", p, c, err)
		}
	})
}

func TestPropBundleOfOneIsTheBookRHD3(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := ruletest.Parcels().Draw(t, "p")
		b, err := shipping.Packing{}.Bundle(p)
		if err != nil {
			t.Fatal(err)
		}
		want, wantErr := classify(p)
		got, gotErr := classify(b)
		if got != want || (wantErr == nil) != (gotErr == nil) {
			t.Fatalf("%v: %v, %v; bundled %v: %v, %v", p, want, wantErr, b, got, gotErr)
		}
	})
}

func TestPropBundleIgnoresOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		books := rapid.SliceOfN(ruletest.Parcels(), 1, 6).Draw(t, "books")
		a, err := shipping.Packing{}.Bundle(books...)
		if err != nil {
			t.Fatal(err)
		}
		perm := rapid.Permutation(books).Draw(t, "order")
		b, err := shipping.Packing{}.Bundle(perm...)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Length.Equal(b.Length) || !a.Width.Equal(b.Width) || !a.Thickness.Equal(b.Thickness) || !a.Weight.Equal(b.Weight) {
			t.Fatalf("%v then %v", a, b)
		}
	})
}

func TestPropNextDayRPT2(t *testing.T) {
	c := publishedCourier()
	rapid.Check(t, func(t *rapid.T) {
		d := courierDay.Draw(t, "d")
		next := c.NextDay(d)
		if wd := next.Weekday(); wd != time.Tuesday && wd != time.Friday {
			t.Fatalf("NextDay(%v) = %v, a %v", d, next, wd)
		}
		if !next.After(d) || !c.IsCourierDay(next) || calendar.IsHoliday(next) {
			t.Fatalf("NextDay(%v) = %v", d, next)
		}
		for x := d.AddDays(1); x.Before(next); x = x.AddDays(1) {
			if c.IsCourierDay(x) {
				t.Fatalf("NextDay(%v) = %v skips %v", d, next, x)
			}
		}
	})
}

func TestPropNextDayWithAnnouncementsRPT2(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := courierDay.Draw(t, "d")
		r := shipping.CourierRules()
		for i := range rapid.IntRange(0, 3).Draw(t, "suspensions") {
			r = r.SkipDay(d.AddDays(rapid.IntRange(0, 20).Draw(t, "suspend")), "s"+string(rune('0'+i)))
		}
		if rapid.Bool().Draw(t, "move") {
			r = r.MoveDay(d.AddDays(rapid.IntRange(0, 20).Draw(t, "from")), d.AddDays(rapid.IntRange(21, 30).Draw(t, "to")), "m")
		}
		c, err := shipping.NewCourier(r)
		if err != nil {
			t.Fatal(err)
		}
		assertFirstOpen(t, "NextDay", c.IsCourierDay, d.AddDays(1), c.NextDay(d))
	})
}

func TestPropCollectableRPT3(t *testing.T) {
	c := publishedCourier()
	rapid.Check(t, func(t *rapid.T) {
		closed := ruletest.WeekdaySet().Draw(t, "closed weekdays")
		partner, err := calendar.New(calendar.Rules{
			Name:             "partner",
			ClosedWeekdays:   closed,
			ClosedOnHolidays: rapid.Bool().Draw(t, "holidays"),
			YearEnd:          rapid.Bool().Draw(t, "year end"),
		})
		if err != nil {
			t.Fatal(err)
		}
		sent := c.NextDay(courierDay.Draw(t, "ready"))
		assertFirstOpen(t, "Collectable", partner.IsOpen, sent.AddDays(2), c.Collectable(sent, partner))
	})
}

// assertFirstOpen checks that got, the answer of what, is the first day
// on or after from on which open holds.
func assertFirstOpen(t *rapid.T, what string, open func(calendar.Date) bool, from, got calendar.Date) {
	if got.Before(from) || !open(got) {
		t.Fatalf("%s from %v = %v", what, from, got)
	}
	for x := from; x.Before(got); x = x.AddDays(1) {
		if open(x) {
			t.Fatalf("%s from %v = %v skips %v", what, from, got, x)
		}
	}
}
