package library

import (
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/notice"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

// defaultJSON is the Prefectural Library's own configuration: the places,
// the courier and the policies as published (docs/config.md). It is the
// one source of the library's own rules: no package holds them in Go.
//
//go:embed default.json
var defaultJSON []byte

// defaultLibrary compiles defaultJSON once, on the first call of Default.
var defaultLibrary = sync.OnceValue(func() *Library {
	l, err := Load(defaultJSON)
	if err != nil {
		panic("library: the embedded default.json does not compile: " + err.Error()) // a test keeps it valid
	}
	return l
})

// Default returns the Prefectural Library's own configuration as
// published on 2026-03-10, compiled: the Prefectural Library (C2), the
// Assembly Library and its staff days (R-AL1), the courier (R-PT2) and
// the policies (L1–L5, H1–H4). It has no partner libraries: a host adds
// its own to Default().Config() and calls New, or writes its own
// document (docs/config.md) for Load. The first call compiles the
// embedded document (milliseconds); every later call returns the same
// immutable *Library at once.
func Default() *Library { return defaultLibrary() }

// Library is a compiled configuration: the calendar of every place, which
// answers each day under the rules in force on that day (V1), the
// courier's, and the policies, each version with the day it comes into
// force. A *Library is immutable and safe for concurrent use.
type Library struct {
	cfg         Config
	sites       []compiled
	byKey       map[string]int // ID and name → index in sites
	prefectural int            // index in sites
	assembly    int            // index in sites, -1 when none
	staff       *calendar.Calendar
	courier     *shipping.Courier
	tariff      *shipping.Tariff
	places      places
	book        book
}

// compiled is a site with the calendar of each version of its rules, and
// the one calendar that answers each day under the version in force on it
// (calendar.Versions, V1).
type compiled struct {
	Site
	versions []version[*calendar.Calendar]
	cal      *calendar.Calendar
}

// version is a value in force from its day (V1); the first version of a
// list is in force from the beginning, its day zero.
type version[T any] struct {
	from calendar.Date
	v    T
}

// inForce returns the version of vs in force on day: the last one from
// on or before day (V1). The zero day gets the first version; no
// versions, the zero T.
func inForce[T any](vs []version[T], day calendar.Date) T {
	if len(vs) == 0 {
		var zero T
		return zero
	}
	i, _ := slices.BinarySearchFunc(vs, day, func(v version[T], d calendar.Date) int {
		if v.from.After(d) {
			return 1
		}
		return -1
	})
	return vs[max(i-1, 0)].v
}

// Load reads the configuration document b (docs/config.md) and compiles
// it. Every problem is reported at once as Problems, each with its JSON
// path: unknown keys, values of the wrong type or out of range, a missing
// Prefectural Library, rules that close every day. Documents over
// MaxDocumentBytes are refused unread.
func Load(b []byte) (*Library, error) {
	var c Config
	if err := c.UnmarshalJSON(b); err != nil {
		return nil, err
	}
	return New(c)
}

// New compiles c: every place's calendar for each version of its rules,
// the staff days, the courier with its announcements, and the policy
// versions. Its error is Problems, as Load's.
func New(c Config) (*Library, error) {
	var ps problems
	c.check(&ps)
	if len(ps.list) > 0 {
		return nil, ps.list
	}
	l := &Library{cfg: c.clone(), byKey: map[string]int{}, assembly: -1}
	for i, s := range l.cfg.Sites {
		path := fmt.Sprintf("places[%d]", i)
		cs := compileSite(path, s, &ps)
		switch s.Kind {
		case Prefectural:
			l.prefectural = i
		case Assembly:
			l.assembly = i
			l.staff = compile(path+".staff_days", *s.StaffDays, "道立図書館職員在室日", &ps)
		}
		l.sites = append(l.sites, cs)
		l.byKey[s.ID], l.byKey[s.Name] = i, i
	}
	var err error
	if l.courier, err = shipping.NewCourier(l.cfg.Courier.announced()); err != nil {
		ps.add("courier", "%s", err)
	}
	if len(l.cfg.Policies.RateTables) > 0 {
		l.tariff, _ = shipping.NewTariff(l.cfg.Policies.RateTables...) // checked by check
	}
	l.places = placesOf(l.cfg.Sites)
	l.book = compileBook(l.cfg.Policies, l.places, &ps) // checked by check
	l.book.memo = new(sync.Map)
	if len(ps.list) > 0 {
		return nil, ps.list
	}
	return l, nil
}

// compileSite compiles each version of the rules of place s, at path,
// and the one calendar of them all (V1), noting problems in ps.
func compileSite(path string, s Site, ps *problems) compiled {
	cs := compiled{Site: s}
	cs.versions = append(cs.versions, version[*calendar.Calendar]{v: compile(path+".rules", s.Rules, s.Name, ps)})
	for k, ch := range s.Changes {
		cal := compile(fmt.Sprintf("%s.changes[%d].rules", path, k), ch.Rules, s.Name, ps)
		cs.versions = append(cs.versions, version[*calendar.Calendar]{ch.From, cal})
	}
	if slices.ContainsFunc(cs.versions, func(v version[*calendar.Calendar]) bool { return v.v == nil }) {
		return cs // each problem is noted
	}
	var err error
	switch cs.cal, err = versioned(cs.versions); {
	case errors.Is(err, calendar.ErrNeverOpen):
		ps.add(path+".changes", "the rules and their changes together close every day")
	case err != nil:
		ps.add(path+".changes", "%s", err)
	}
	return cs
}

// versioned returns the one calendar of the versions vs, each in force
// from its day until the next's (calendar.Versions, V1).
func versioned(vs []version[*calendar.Calendar]) (*calendar.Calendar, error) {
	changes := make([]calendar.Version, 0, len(vs)-1)
	for _, v := range vs[1:] {
		changes = append(changes, calendar.Version{From: v.from, Calendar: v.v})
	}
	return calendar.Versions(vs[0].v, changes...)
}

// compile compiles rules r, named name when they name nothing, noting
// rules that close every day as a problem at path.
func compile(path string, r calendar.Rules, name string, ps *problems) *calendar.Calendar {
	if r.Name == "" {
		r.Name = name
	}
	c, err := calendar.New(r)
	switch {
	case errors.Is(err, calendar.ErrNeverOpen):
		ps.add(path, "the rules close every day")
	case err != nil:
		ps.add(path, "%s", err)
	}
	return c
}

// announced returns the courier rules with the moves and suspensions
// applied (C4, R-PT2).
func (c CourierDays) announced() calendar.Rules {
	r := c.Rules
	r.Closures, r.Openings = slices.Clone(r.Closures), slices.Clone(r.Openings)
	for _, s := range c.Suspensions {
		r.Closures = append(r.Closures, calendar.Closure{Name: s.Name, NameEn: s.NameEn, From: s.Day, To: s.Day})
	}
	for _, m := range c.Moves {
		r.Closures = append(r.Closures, calendar.Closure{Name: m.Name, NameEn: m.NameEn, From: m.From, To: m.From})
		r.Openings = append(r.Openings, calendar.Opening{Name: m.Name, NameEn: m.NameEn, From: m.To, To: m.To})
	}
	return r
}

// clone copies c deeply: no slice, map or pointer of the copy is shared
// with c, so that neither the caller of New nor that of Config can change
// a Library.
func (c Config) clone() Config {
	c.Sites = slices.Clone(c.Sites)
	for i := range c.Sites {
		s := &c.Sites[i]
		s.Rules = cloneRules(s.Rules)
		if s.StaffDays != nil {
			r := cloneRules(*s.StaffDays)
			s.StaffDays = &r
		}
		s.Changes = slices.Clone(s.Changes)
		for k := range s.Changes {
			s.Changes[k].Rules = cloneRules(s.Changes[k].Rules)
		}
	}
	c.Courier.Rules = cloneRules(c.Courier.Rules)
	c.Courier.Moves = slices.Clone(c.Courier.Moves)
	c.Courier.Suspensions = slices.Clone(c.Courier.Suspensions)
	c.Policies.RateTables = slices.Clone(c.Policies.RateTables)
	for i := range c.Policies.RateTables {
		c.Policies.RateTables[i] = cloneRateTable(c.Policies.RateTables[i])
	}
	c.Policies.Rules = cloneTable(c.Policies.Rules)
	c.Policies.Changes = slices.Clone(c.Policies.Changes)
	for i := range c.Policies.Changes {
		ch := &c.Policies.Changes[i]
		ch.Rules = cloneTable(ch.Rules)
		if ch.Circulation != nil {
			p := *ch.Circulation
			ch.Circulation = &p
		}
		if ch.Holds != nil {
			h := *ch.Holds
			ch.Holds = &h
		}
	}
	return c
}

// cloneRules copies r with slices of its own.
func cloneRules(r calendar.Rules) calendar.Rules {
	r.ClosedNthWeekdays = slices.Clone(r.ClosedNthWeekdays)
	r.Closures = slices.Clone(r.Closures)
	r.Openings = slices.Clone(r.Openings)
	r.Hours.Regular = slices.Clone(r.Hours.Regular) // keeps nil and empty apart
	r.Hours.Seasonal = slices.Clone(r.Hours.Seasonal)
	for i := range r.Hours.Seasonal {
		r.Hours.Seasonal[i].Windows = slices.Clone(r.Hours.Seasonal[i].Windows)
	}
	return r
}

// cloneRateTable copies rt with slices and map of its own (decimals are
// immutable values).
func cloneRateTable(rt shipping.RateTable) shipping.RateTable {
	rt.YuMail = slices.Clone(rt.YuMail)
	if rt.YuPack != nil {
		m := make(map[shipping.Zone][]shipping.SizeRate, len(rt.YuPack))
		for z, rates := range rt.YuPack {
			m[z] = slices.Clone(rates)
		}
		rt.YuPack = m
	}
	return rt
}

// Config returns the configuration l was compiled from.
func (l *Library) Config() Config {
	if l == nil {
		return Config{}
	}
	return l.cfg.clone()
}

// Sites returns every place, in the order of the configuration.
func (l *Library) Sites() []Site {
	if l == nil {
		return nil
	}
	out := make([]Site, len(l.sites))
	for i, s := range l.sites {
		out[i] = s.Site
	}
	return out
}

// site finds a place by ID or name.
func (l *Library) site(key string) (*compiled, error) {
	if l == nil {
		return nil, errNoPlaces
	}
	i, ok := l.byKey[key]
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrUnknownSite, quote(key))
	}
	return &l.sites[i], nil
}

// Site returns the place with the given ID or name: "prefectural",
// "北海道立図書館". The error wraps ErrUnknownSite.
func (l *Library) Site(key string) (Site, error) {
	s, err := l.site(key)
	if err != nil {
		return Site{}, err
	}
	return s.Site, nil
}

// Calendar returns the calendar of the place with the given ID or name.
// It answers each day under the rules in force on that day (V1): a day
// is open when it is open under the version of the place's rules in
// force on it, and every count of open days (AddOpenDays, NextOpen,
// OpenDaysBetween), the month view, ClosedDays and the iCalendar export
// read each day so. It is the same calendar whichever day asks: day, the
// day of the question, does not change the answer, so that a notice and
// the desk that acts on it later give the same dates.
func (l *Library) Calendar(key string, day calendar.Date) (*calendar.Calendar, error) {
	s, err := l.site(key)
	if err != nil {
		return nil, err
	}
	return s.cal, nil
}

// Calendars returns the calendars of the Prefectural Library, the
// Assembly Library and every partner library (by name), each answering
// every day under the rules in force on it (V1, see Calendar), and the
// courier: what holds.Policy.Timeline takes. They are the same whichever
// day asks. The Partners map is the caller's own. A Library with no
// places (the zero Library) gives the zero Calendars. With HoldPolicy,
// it makes *Library a holds.Rules.
func (l *Library) Calendars(day calendar.Date) holds.Calendars {
	if l == nil || len(l.sites) == 0 {
		return holds.Calendars{}
	}
	c := holds.Calendars{
		Library:  l.sites[l.prefectural].cal,
		Partners: map[string]*calendar.Calendar{},
		Courier:  l.courier,
	}
	if l.assembly >= 0 {
		c.Assembly = l.sites[l.assembly].cal
	}
	for _, s := range l.sites {
		if s.Kind == Partner {
			c.Partners[s.Name] = s.cal
		}
	}
	return c
}

// StaffDays returns the days Prefectural Library staff are at the
// Assembly Library (R-AL1, R-AL4), or nil when there is none.
func (l *Library) StaffDays() *calendar.Calendar {
	if l == nil {
		return nil
	}
	return l.staff
}

// Courier returns the courier schedule with its announcements (R-PT2),
// or nil for the zero Library.
func (l *Library) Courier() *shipping.Courier {
	if l == nil {
		return nil
	}
	return l.courier
}

// Tariff returns the postage tables (R-HD1), or nil when the
// configuration has none.
func (l *Library) Tariff() *shipping.Tariff {
	if l == nil {
		return nil
	}
	return l.tariff
}

// CirculationPolicy returns the circulation policy in force on day (V1).
// A loan keeps the due date it was given: the policy of a later day
// applies to what is decided that day, such as an extension (V2). The
// zero Library has none: its zero Policy refuses every decision as bad
// input.
func (l *Library) CirculationPolicy(day calendar.Date) circulation.Policy {
	if l == nil {
		return circulation.Policy{}
	}
	return inForce(l.book.circ, day)
}

// HoldPolicy returns the reservation policy in force on day (V1): the
// hold rules and the circulation policy of that day. With Calendars, it
// makes *Library a holds.Rules.
func (l *Library) HoldPolicy(day calendar.Date) holds.Policy {
	if l == nil {
		return holds.Policy{}
	}
	h := inForce(l.book.hold, day)
	return holds.Policy{ShelfDays: h.ShelfDays, HoldForReadingOrder: h.HoldForReadingOrder, ShelfCount: h.ShelfCount, ShelfDaysByContact: h.ShelfDaysByContact, ShelfExtensionDays: h.ShelfExtensionDays,
		Circulation: l.CirculationPolicy(day), Overridable: h.Overridable}
}

// NewDesk returns a reservation desk holding the stored reservations.
// The desk serves every day: each request is decided under the policy
// and the calendars in force on its Today (V1), with no rebuild.
func (l *Library) NewDesk(stored []holds.Reservation) (*holds.Desk, error) {
	if l == nil || len(l.sites) == 0 {
		return nil, errNoPlaces
	}
	return holds.NewDesk(l, stored)
}

// NewPartialDesk returns a desk built from only the rows a request reads
// (holds.Request.Reads, holds.NewPartialDesk): a host that keeps its
// reservations in a database loads the read set inside its transaction,
// decides on this desk, and stores the Change. nextID is the next free
// reservation ID of the host's sequence. Like NewDesk's, the desk
// decides each request under the rules in force on its Today (V1).
func (l *Library) NewPartialDesk(set holds.ReadSet, rows []holds.Reservation, nextID uint64) (*holds.Desk, error) {
	if l == nil || len(l.sites) == 0 {
		return nil, errNoPlaces
	}
	return holds.NewPartialDesk(l, set, rows, nextID)
}

// errNoPlaces is the error of a zero Library asked for what needs a
// place.
var errNoPlaces = fmt.Errorf("%w: %s: the library has no places (use Default, Load or New)", reason.ErrBadInput, pkg)

// Timeline returns every date the patron of the stored reservation r
// will see from the day its item was secured (H4, H6, R-PL1, R-AL2,
// R-PT2, R-PT3, R-HD2), under the policy in force on that day and the
// calendars, each day under its own rules (V1): the dates are those the
// desk gives on the later days it acts, whichever day asks. loans is the
// number of items the patron has on loan, which holds a home delivery or
// partner-library item back at the loan limit (R-HD4, R-PT5).
func (l *Library) Timeline(r holds.Reservation, loans int) (holds.Timeline, error) {
	if l == nil || len(l.sites) == 0 {
		return holds.Timeline{}, errNoPlaces
	}
	return l.reservationPolicy(r).Timeline(r, l.Calendars(r.SecuredOn), loans)
}

// Notice returns the notice the patron of the stored, secured
// reservation r receives (H6): Timeline's dates, rendered by package
// notice. parcel is the parcel class of a home delivery (R-HD1) and the
// zero Class for every other route.
func (l *Library) Notice(r holds.Reservation, loans int, parcel shipping.Class) (notice.Notice, error) {
	t, err := l.Timeline(r, loans)
	if err != nil {
		return notice.Notice{}, err
	}
	return notice.Secured(r, t, parcel)
}

// ReturnCalendar returns the calendar of the place loan ln goes back to,
// each day under its own rules (V1): the one its due date is worked out
// on (L5) and that Policy.DueDate and Extend take as ReturnTo. It is the
// calendar of the pickup place (holds.Calendars.At): an item sent home
// goes back to the Prefectural Library.
func (l *Library) ReturnCalendar(ln circulation.Loan) (*calendar.Calendar, error) {
	if l == nil || len(l.sites) == 0 {
		return nil, errNoPlaces
	}
	return l.Calendars(ln.Loaned).At(ln.Place)
}

// ReturnDesk returns the return desk with the calendars of the places
// (R-PL2, R-AL3, M2), each day under its own rules (V1); day does not
// change them. It needs an Assembly Library.
func (l *Library) ReturnDesk(day calendar.Date) (*circulation.ReturnDesk, error) {
	c := l.Calendars(day)
	if c.Assembly == nil {
		return nil, fmt.Errorf("%w: no assembly_library", ErrUnknownSite)
	}
	return circulation.NewReturnDesk(c.Library, c.Assembly, l.staff)
}
