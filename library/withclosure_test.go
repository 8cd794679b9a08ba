package library

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/reason"
)

// storm is the snowstorm of the examples: two days, 2027-02-17 and 18.
var storm = calendar.Closure{From: day("2027-02-17"), To: day("2027-02-18"), Name: "臨時休館（大雪）", NameEn: "closed (snowstorm)"}

// X5: the library with the snowstorm closes the Prefectural Library on
// its two days, by ID or by name, and a hold-shelf deadline counted
// under it skips them; the library it came from is unchanged.
func TestWithClosureX5ClosesThePlace(t *testing.T) {
	l := mustNew(t, withPartners())
	before := l.Config()
	w, err := l.WithClosure("prefectural", storm)
	require.NoError(t, err)
	byName, err := l.WithClosure("北海道立図書館", storm)
	require.NoError(t, err)
	for _, d := range []calendar.Date{storm.From, storm.To} {
		assert.True(t, l.Calendars(d).Library.IsOpen(d), "the original library is unchanged")
		assert.False(t, w.Calendars(d).Library.IsOpen(d))
		assert.False(t, byName.Calendars(d).Library.IsOpen(d))
	}
	assert.True(t, reflect.DeepEqual(before, l.Config()), "the original configuration is unchanged")
	assert.Equal(t, storm, last(w.Config().Sites[0].Rules.Closures))
	assert.Equal(t, before.Sites[1:], w.Config().Sites[1:], "the other places are unchanged")

	// Made ready on Tuesday 02-16: ten open days from Wednesday 17 end on
	// Sunday 28 (Monday 22 closed, Tuesday 23 a holiday); with the
	// snowstorm, from Friday 19, on Wednesday 03-03 (Monday 03-01 closed).
	first := func(lib *Library) calendar.Date {
		return lib.Calendars(storm.From).Library.AddOpenDays(day("2027-02-16"), 1)
	}
	deadline := func(lib *Library) calendar.Date {
		return lib.HoldPolicy(storm.From).ShelfDeadline(first(lib), lib.Calendars(storm.From).Library)
	}
	assert.Equal(t, day("2027-02-28"), deadline(l))
	assert.Equal(t, day("2027-03-03"), deadline(w))
}

// fataler is what agreesWithClosing needs of a test: *testing.T and
// *rapid.T.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

// last returns the last element of s.
func last[T any](s []T) T { return s[len(s)-1] }

// X5, V1: the closure goes to the rules and to every dated change of
// them in force on one of its days, and only those; an opening inside it
// is cut back to the days outside.
func TestWithClosureX5VersionsAndOpeningsV1(t *testing.T) {
	cfg := withPartners()
	p := &cfg.Sites[0]
	p.Rules.Openings = []calendar.Opening{{Name: "特別開館", NameEn: "open", From: day("2027-02-15"), To: day("2027-02-20")}}
	tuesdays := cloneRules(p.Rules)
	tuesdays.Openings = nil
	tuesdays.ClosedWeekdays |= calendar.WeekdaysOf(time.Tuesday)
	p.Changes = []RulesChange{
		{From: day("2027-01-01"), Rules: cloneRules(tuesdays)}, // ends before the closure, as the rules do
		{From: day("2027-02-01"), Rules: cloneRules(p.Rules)},  // in force on 02-17, with the opening
		{From: day("2027-02-18"), Rules: cloneRules(tuesdays)}, // in force on 02-18 and 19
		{From: day("2027-02-20"), Rules: cloneRules(tuesdays)}, // after it
	}
	l := mustNew(t, cfg)
	c := calendar.Closure{From: day("2027-02-17"), To: day("2027-02-19"), Name: "臨時休館", NameEn: "closed"}
	w, err := l.WithClosure("prefectural", c)
	require.NoError(t, err)
	got := w.Config().Sites[0]
	assert.Empty(t, got.Rules.Closures, "the rules end before the closure")
	assert.Equal(t, cfg.Sites[0].Rules.Openings, got.Rules.Openings)
	assert.Empty(t, got.Changes[0].Rules.Closures)
	assert.Equal(t, []calendar.Closure{c}, got.Changes[1].Rules.Closures)
	assert.Equal(t, []calendar.Opening{
		{Name: "特別開館", NameEn: "open", From: day("2027-02-15"), To: day("2027-02-16")},
		{Name: "特別開館", NameEn: "open", From: day("2027-02-20"), To: day("2027-02-20")},
	}, got.Changes[1].Rules.Openings)
	assert.Equal(t, []calendar.Closure{c}, got.Changes[2].Rules.Closures)
	assert.Empty(t, got.Changes[3].Rules.Closures)
	ch, err := l.Closing("prefectural", c)
	require.NoError(t, err)
	agreesWithClosing(t, w, ch, c, "prefectural")
}

// X5, R-PT2: closing the courier on the day a move lands on turns the
// move into a suspension of the day it left, as Closing cuts the
// move's opening; the courier runs on neither day.
func TestWithClosureX5CourierRPT2(t *testing.T) {
	cfg := withPartners()
	cfg.Courier.Moves = []CourierMove{
		{From: day("2027-02-19"), To: day("2027-02-20"), Name: "振替", NameEn: "moved"},
		{From: day("2027-03-05"), To: day("2027-03-06"), Name: "振替", NameEn: "moved"},
	}
	l := mustNew(t, cfg)
	require.True(t, l.Courier().IsCourierDay(day("2027-02-20")))
	c := calendar.Closure{From: day("2027-02-20"), To: day("2027-02-20"), Name: "運休", NameEn: "suspended"}
	w, err := l.WithClosure("courier", c)
	require.NoError(t, err)
	got := w.Config().Courier
	assert.Equal(t, []calendar.Closure{c}, got.Rules.Closures)
	assert.Equal(t, cfg.Courier.Moves[1:], got.Moves)
	assert.Equal(t, []CourierSuspension{{Day: day("2027-02-19"), Name: "振替", NameEn: "moved"}}, got.Suspensions)
	for _, d := range []string{"2027-02-19", "2027-02-20"} {
		assert.False(t, w.Courier().IsCourierDay(day(d)), d)
	}
	assert.True(t, w.Courier().IsCourierDay(day("2027-03-06")))
	ch, err := l.Closing("courier", c)
	require.NoError(t, err)
	agreesWithClosing(t, w, ch, c, "courier")
}

// X5: WithClosure checks its input as Closing does.
func TestWithClosureX5BadInput(t *testing.T) {
	l := mustNew(t, withPartners())
	_, err := l.WithClosure("", storm)
	assert.ErrorIs(t, err, reason.ErrBadInput)
	var ps reason.Problems
	require.True(t, errors.As(err, &ps))
	assert.Equal(t, "place", ps[0].Path)
	_, err = l.WithClosure("nowhere", storm)
	assert.ErrorIs(t, err, ErrUnknownSite)
	_, err = l.WithClosure("prefectural", calendar.Closure{From: storm.To, To: storm.From})
	assert.ErrorIs(t, err, reason.ErrBadInput)
	_, err = l.WithClosure("prefectural", calendar.Closure{})
	assert.ErrorIs(t, err, reason.ErrBadInput)
	var zero *Library
	_, err = zero.WithClosure("prefectural", storm)
	assert.ErrorIs(t, err, reason.ErrBadInput)
	_, err = (&Library{}).WithClosure("prefectural", storm)
	assert.ErrorIs(t, err, reason.ErrBadInput)
}

// agreesWithClosing checks that the calendars of w open and close as ch.After on
// every day from 40 before closure c to 40 after, for the same reason at
// every place (the courier's reason may name another of two closures of
// one day: WithClosure puts c before the announcements), and that l is
// unchanged (ch.Before).
func agreesWithClosing(t fataler, w *Library, ch Change, c calendar.Closure, key string) {
	t.Helper()
	got := w.Calendars(c.From)
	want := ch.After
	for d := c.From.AddDays(-40); !d.After(c.To.AddDays(40)); d = d.AddDays(1) {
		if g, w := got.Courier.IsCourierDay(d), want.Courier.IsCourierDay(d); g != w {
			t.Fatalf("closing %s: courier on %v: %v, Closing's %v", key, d, g, w)
		}
		pairs := map[string][2]*calendar.Calendar{"library": {got.Library, want.Library}, "assembly": {got.Assembly, want.Assembly}}
		for name, cal := range want.Partners {
			pairs[name] = [2]*calendar.Calendar{got.Partners[name], cal}
		}
		for name, p := range pairs {
			gw, gok := p[0].WhyClosed(d)
			ww, wok := p[1].WhyClosed(d)
			if gok != wok || gw != ww {
				t.Fatalf("closing %s: %s on %v: closed %v (%v), Closing's %v (%v)", key, name, d, gok, gw, wok, ww)
			}
		}
	}
}

// X5: on random configurations (openings, dated rules, courier moves)
// and closures of random places, by ID or name, or of the courier, the
// library WithClosure returns has Closing's calendars after, and the
// consequences of going from the library's calendars to its calendars
// are those of Closing's change, for random loans and reservations.
func TestWithClosureAgreesWithClosingX5(t *testing.T) {
	keys := []string{"prefectural", "北海道立図書館", "assembly", "ebetsu", "江別市情報図書館", "courier"}
	base := day("2027-01-04")
	rapid.Check(t, func(t *rapid.T) {
		l, err := New(randomConfig(t, base))
		if err != nil {
			t.Fatal(err)
		}
		from := base.AddDays(rapid.IntRange(0, 70).Draw(t, "from"))
		c := calendar.Closure{From: from, To: from.AddDays(rapid.IntRange(0, 6).Draw(t, "days")), Name: "臨時休館", NameEn: "closed"}
		key := rapid.SampledFrom(keys).Draw(t, "key")
		ch, err := l.Closing(key, c)
		if err != nil {
			t.Fatal(err)
		}
		w, err := l.WithClosure(key, c)
		if err != nil {
			t.Fatal(err)
		}
		agreesWithClosing(t, w, ch, c, key)
		agreesWithClosing(t, l, Change{After: ch.Before}, c, "nothing") // l is unchanged

		loans, rs := randomRecords(t, l, from)
		mine := Change{Before: l.Calendars(from), After: w.Calendars(from), From: c.From, To: c.To}
		got, err := l.Consequences(mine, loans, rs)
		if err != nil {
			t.Fatal(err)
		}
		want, err := l.Consequences(ch, loans, rs)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%d consequences, Closing's %d:\n%v\n%v", len(got), len(want), got, want)
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.Loan != w.Loan || g.Reservation != w.Reservation || g.Old != w.Old || g.New != w.New || g.Reason.Code() != w.Reason.Code() {
				t.Fatalf("consequence %d: %+v, Closing's %+v", i, g, w)
			}
		}
	})
}

// randomConfig is the configuration with partner libraries and, at
// random, an opening of the Prefectural Library, new rules of it from a
// day (closed on Tuesdays too) with an opening of their own, and a move
// of a courier day onto the Saturday after.
func randomConfig(t *rapid.T, base calendar.Date) Config {
	cfg := withPartners()
	p := &cfg.Sites[0]
	opening := func(label string) calendar.Opening {
		from := base.AddDays(rapid.IntRange(0, 75).Draw(t, label))
		return calendar.Opening{Name: "特別開館", NameEn: "open", From: from, To: from.AddDays(rapid.IntRange(0, 4).Draw(t, label+" days"))}
	}
	if rapid.Bool().Draw(t, "opening") {
		p.Rules.Openings = append(p.Rules.Openings, opening("opening"))
	}
	if rapid.Bool().Draw(t, "change") {
		r := cloneRules(p.Rules)
		r.ClosedWeekdays |= calendar.WeekdaysOf(time.Tuesday)
		r.Openings = []calendar.Opening{opening("change opening")}
		p.Changes = []RulesChange{{From: base.AddDays(rapid.IntRange(0, 75).Draw(t, "change from")), Rules: r}}
	}
	if rapid.Bool().Draw(t, "move") {
		friday := base.AddDays(4 + 7*rapid.IntRange(0, 10).Draw(t, "week")) // 2027-01-08 is a Friday
		cfg.Courier.Moves = []CourierMove{{From: friday, To: friday.AddDays(1), Name: "振替", NameEn: "moved"}}
	}
	return cfg
}

// randomRecords are loans due near day and reservations secured or
// made ready near it, at random places.
func randomRecords(t *rapid.T, l *Library, day calendar.Date) ([]circulation.Loan, []holds.Reservation) {
	places := []circulation.Place{atPrefectural, atEbetsu, atHome, {Method: circulation.AssemblyLibrary}}
	near := func(label string) calendar.Date { return day.AddDays(rapid.IntRange(-20, 8).Draw(t, label)) }
	var loans []circulation.Loan
	for range rapid.IntRange(0, 6).Draw(t, "loans") {
		due := near("due")
		loans = append(loans, circulation.Loan{Item: "i", Place: rapid.SampledFrom(places).Draw(t, "loan place"), Loaned: due.AddDays(-14), Due: due})
	}
	var rs []holds.Reservation
	for i := range rapid.IntRange(0, 6).Draw(t, "reservations") {
		p := rapid.SampledFrom(places).Draw(t, "place")
		on := near("on")
		r := holds.Reservation{ID: uint64(i + 1), Patron: "A", Item: "i", Place: p, PlacedOn: on.AddDays(-5), SecuredOn: on, State: holds.Secured}
		if p.Method != circulation.HomeDelivery && p.Method != circulation.PartnerLibrary && rapid.Bool().Draw(t, "ready") {
			at, _ := l.Calendars(on).At(p)
			r.State, r.ReadyOn = holds.Ready, on
			r.Deadline = l.HoldPolicy(on).ShelfDeadline(at.AddOpenDays(on, 1), at)
		}
		rs = append(rs, r)
	}
	return loans, rs
}

// X5: WithClosures adds every closure at once, as WithClosure adds them
// one after another: the same configuration, whatever the closures, in
// one compilation.
func TestWithClosuresIsWithClosureInTurnX5(t *testing.T) {
	keys := []string{"prefectural", "北海道立図書館", "assembly", "ebetsu", "江別市情報図書館", "courier"}
	base := day("2027-01-04")
	rapid.Check(t, func(t *rapid.T) {
		l, err := New(randomConfig(t, base))
		if err != nil {
			t.Fatal(err)
		}
		var cs []Closed
		one := l
		for range rapid.IntRange(0, 5).Draw(t, "closures") {
			from := base.AddDays(rapid.IntRange(0, 70).Draw(t, "from"))
			c := Closed{rapid.SampledFrom(keys).Draw(t, "key"), calendar.Closure{From: from, To: from.AddDays(rapid.IntRange(0, 6).Draw(t, "days")), Name: "臨時休館", NameEn: "closed"}}
			cs = append(cs, c)
			if one, err = one.WithClosure(c.Place, c.Closure); err != nil {
				t.Fatal(err)
			}
		}
		all, err := l.WithClosures(cs...)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(all.Config(), one.Config()) {
			t.Fatalf("WithClosures gives another configuration than WithClosure in turn")
		}
	})
}

// X5: WithClosures checks each closure, naming its index, and changes
// nothing when one is wrong.
func TestWithClosuresBadInputX5(t *testing.T) {
	l := mustNew(t, withPartners())
	good := Closed{"prefectural", calendar.Closure{From: day("2027-02-17"), To: day("2027-02-18"), Name: "臨時休館"}}
	_, err := l.WithClosures(good, Closed{"", good.Closure})
	require.ErrorIs(t, err, reason.ErrBadInput)
	assert.Contains(t, err.Error(), "[1].place")
	backwards := good
	backwards.Closure.To = day("2027-02-01")
	_, err = l.WithClosures(backwards)
	assert.Contains(t, err.Error(), "[0].to")
	_, err = l.WithClosures(good, Closed{"otaru", good.Closure})
	require.ErrorIs(t, err, ErrUnknownSite)
	assert.Contains(t, err.Error(), "closure 1")
	same, err := l.WithClosures()
	require.NoError(t, err)
	assert.Equal(t, l.Config(), same.Config())
}

// BenchmarkWithClosures rebuilds the Prefectural Library's rules with
// 100 stored closures: at once (WithClosures), and one WithClosure after
// another, the baseline.
func BenchmarkWithClosures(b *testing.B) {
	l := Default()
	cs := make([]Closed, 100)
	for i := range cs {
		d := day("2027-01-05").AddDays(3 * i)
		cs[i] = Closed{"prefectural", calendar.Closure{From: d, To: d, Name: "臨時休館"}}
	}
	b.Run("at_once", func(b *testing.B) {
		for b.Loop() {
			if _, err := l.WithClosures(cs...); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("in_turn", func(b *testing.B) {
		for b.Loop() {
			next := l
			for _, c := range cs {
				var err error
				if next, err = next.WithClosure(c.Place, c.Closure); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
