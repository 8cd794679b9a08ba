package shipping

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
)

// dec reads a decimal written in a test.
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// parcel builds a Parcel from decimals written in a test.
func parcel(l, w, t, kg string) Parcel {
	return Parcel{Length: dec(l), Width: dec(w), Thickness: dec(t), Weight: dec(kg)}
}

// date reads a date written in a test.
func date(t testing.TB, s string) calendar.Date {
	t.Helper()
	d, err := calendar.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// codes lists the codes of the reasons in err, in order; nil for nil.
func codes(err error) []string {
	return localized(err, reason.English, func(m reason.Message) string { return m.Code })
}

// localized lists one field of each reason of err in language l.
func localized(err error, l reason.Lang, field func(reason.Message) string) []string {
	var out []string
	for _, m := range reason.Localize(err, l) {
		out = append(out, field(m))
	}
	return out
}

func message(m reason.Message) string { return m.Message }

// isCoded reports whether err carries a reason code.
func isCoded(err error) bool {
	var c reason.Coded
	var r *reason.Refusal
	return errors.As(err, &c) || errors.As(err, &r)
}

// japanese lists the Japanese messages of err's reasons.
func japanese(err error) []string { return localized(err, reason.Japanese, message) }

// english joins the English messages of err's reasons with "; ": what a
// patron reads, where err.Error() gives only the codes.
func english(err error) string { return strings.Join(localized(err, reason.English, message), "; ") }

// classify classifies p under the default Limits.
func classify(p Parcel) (Class, error) { return defaultClassifier.Classify(p) }

var defaultClassifier = mustClassifier(Limits{})

func mustClassifier(l Limits) *Classifier {
	c, err := NewClassifier(l)
	if err != nil {
		panic(err)
	}
	return c
}

// publishedCourier is the courier as published, with no announcements.
func publishedCourier() *Courier {
	c, err := NewCourier(CourierRules())
	if err != nil {
		panic(err)
	}
	return c
}
