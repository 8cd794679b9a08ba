package library

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

// maxNameRunes bounds a place's names and IDs.
const maxNameRunes = 64

// maxShelfDays bounds HoldRules.ShelfDays as holds.Policy does.
const maxShelfDays = 366

// Problems lists every thing wrong with c that New would refuse, each
// with its path in the JSON document; it is empty for a good Config. It
// does not compile the calendars, so it says nothing of rules that close
// every day (calendar.ErrNeverOpen), which New reports.
func (c Config) Problems() reason.Problems {
	var ps problems
	c.check(&ps)
	return ps.list
}

// check adds c's problems of sense to ps, leaving out those at or inside
// a path ps already has a problem for: a value that could not be read,
// and so is missing rather than wrong.
func (c Config) check(ps *problems) {
	var mine problems
	c.checkSites(&mine)
	c.Courier.check("courier", &mine)
	c.Policies.check("policies", &mine)
	before := len(ps.list)
	for _, p := range mine.list {
		if !covered(ps.list[:before], p.Path) {
			ps.list = append(ps.list, p)
		}
	}
}

// covered reports whether list has a problem at path or around it.
func covered(list reason.Problems, path string) bool {
	for _, p := range list {
		if within(path, p.Path) {
			return true
		}
	}
	return false
}

// within reports whether path is inner or equal to outer.
func within(path, outer string) bool {
	if !strings.HasPrefix(path, outer) {
		return false
	}
	rest := path[len(outer):]
	return outer == "" || rest == "" || rest[0] == '.' || rest[0] == '['
}

func (c Config) checkSites(ps *problems) {
	count := map[SiteKind]int{}
	seen := siteKeys{ids: map[string]int{}, names: map[string]int{}}
	sets := 0
	for i, s := range c.Sites {
		path := fmt.Sprintf("places[%d]", i)
		count[s.Kind]++
		sets += 1 + len(s.Changes)
		if s.StaffDays != nil {
			sets++
		}
		seen.check(i, path, s, ps)
		s.checkKind(path, ps)
		rulesProblems(path+".rules", s.Rules, ps)
		if s.StaffDays != nil {
			rulesProblems(path+".staff_days", *s.StaffDays, ps)
		}
		checkChanges(path+".changes", len(s.Changes), func(k int) calendar.Date { return s.Changes[k].From }, ps)
		for k, ch := range s.Changes {
			rulesProblems(fmt.Sprintf("%s.changes[%d].rules", path, k), ch.Rules, ps)
		}
	}
	if count[Prefectural] != 1 {
		ps.add("places", "there must be one prefectural_library (there are %d)", count[Prefectural])
	}
	if count[Assembly] > 1 {
		ps.add("places", "there may be one assembly_library at most (there are %d)", count[Assembly])
	}
	if sets > maxRuleSets {
		ps.add("places", "%d sets of rules in all; at most %d", sets, maxRuleSets)
	}
}

// siteKeys are the IDs and names of the places checked so far, each
// with its index plus one.
type siteKeys struct{ ids, names map[string]int }

// check adds the problems of the ID and names of place i, s, at path.
func (seen siteKeys) check(i int, path string, s Site, ps *problems) {
	switch {
	case s.ID == "":
		ps.add(path+".id", "is required")
	case !validID(s.ID):
		ps.add(path+".id", "%s is not 1 to %d lower-case letters, digits, _ or -", quote(s.ID), maxNameRunes)
	case s.ID == courierKey:
		ps.add(path+".id", "%q names the courier (Library.Closing): choose another id", courierKey)
	case seen.ids[s.ID] > 0:
		ps.add(path+".id", "%s is also the id of places[%d]", quote(s.ID), seen.ids[s.ID]-1)
	default:
		seen.ids[s.ID] = i + 1
	}
	switch {
	case s.Name == "":
		ps.add(path+".name", "is required")
	case !utf8.ValidString(s.Name) || utf8.RuneCountInString(s.Name) > maxNameRunes:
		ps.add(path+".name", "is not valid text of at most %d characters", maxNameRunes)
	case seen.names[s.Name] > 0:
		ps.add(path+".name", "%s is also the name of places[%d]", quote(s.Name), seen.names[s.Name]-1)
	default:
		seen.names[s.Name] = i + 1
	}
	if utf8.RuneCountInString(s.NameEn) > maxNameRunes || utf8.RuneCountInString(s.Region) > maxNameRunes {
		ps.add(path, "name_en and region are at most %d characters", maxNameRunes)
	}
}

// checkKind adds the problems of what s's kind allows: a region and
// registration for partner libraries only, staff days for the Assembly
// Library only and always.
func (s Site) checkKind(path string, ps *problems) {
	if !s.Kind.Valid() {
		ps.add(path+".kind", "is required (prefectural_library, assembly_library or partner_library)")
	}
	if s.Kind != Partner && s.Region != "" {
		ps.add(path+".region", "only a partner library has a region")
	}
	if s.Kind != Partner && s.RegistrationPartner {
		ps.add(path+".registration_partner", "only a partner library registers patrons for the Prefectural Library")
	}
	if s.Kind != Assembly && s.StaffDays != nil {
		ps.add(path+".staff_days", "only the Assembly Library has staff days")
	}
	if s.Kind == Assembly && s.StaffDays == nil {
		ps.add(path+".staff_days", "the Assembly Library needs the staff days (R-AL1)")
	}
}

// validID reports an ID of lower-case ASCII letters, digits, _ and -.
func validID(id string) bool {
	if id == "" || len(id) > maxNameRunes {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

func rulesProblems(path string, r calendar.Rules, ps *problems) {
	ps.list = append(ps.list, r.Problems().Prefix(path)...)
}

// checkChanges checks that n changes each have a day, in strictly
// ascending order (V1).
func checkChanges(path string, n int, from func(int) calendar.Date, ps *problems) {
	if n > maxChanges {
		ps.add(path, "%d changes; at most %d", n, maxChanges)
		return
	}
	for k := 0; k < n; k++ {
		d := from(k)
		switch {
		case d.IsZero():
			ps.add(fmt.Sprintf("%s[%d].from", path, k), "a date is required (YYYY-MM-DD)")
		case k > 0 && !from(k-1).IsZero() && !d.After(from(k-1)):
			ps.add(fmt.Sprintf("%s[%d].from", path, k), "%v is not after the change before it (%v): changes are in date order", d, from(k-1))
		}
	}
}

func (c CourierDays) check(path string, ps *problems) {
	rulesProblems(path+".rules", c.Rules, ps)
	if n := len(c.Moves) + len(c.Suspensions); n > maxAnnouncements {
		ps.add(path, "%d moves and suspensions; at most %d", n, maxAnnouncements)
		return
	}
	for i, m := range c.Moves {
		mp := fmt.Sprintf("%s.moves[%d]", path, i)
		if m.From.IsZero() {
			ps.add(mp+".from", "a date is required (YYYY-MM-DD)")
		}
		if m.To.IsZero() {
			ps.add(mp+".to", "a date is required (YYYY-MM-DD)")
		}
		if !m.From.IsZero() && m.From == m.To {
			ps.add(mp+".to", "is the day it moves from")
		}
	}
	for i, s := range c.Suspensions {
		if s.Day.IsZero() {
			ps.add(fmt.Sprintf("%s.suspensions[%d].date", path, i), "a date is required (YYYY-MM-DD)")
		}
	}
}

func (p Policies) check(path string, ps *problems) {
	circulationProblems(path+".circulation", p.Circulation, ps)
	p.Holds.check(path+".holds", p.Circulation, ps)
	if _, err := shipping.NewTariff(p.RateTables...); err != nil {
		ps.nested(path+".shipping.rate_tables", err)
	}
	checkChanges(path+".changes", len(p.Changes), func(k int) calendar.Date { return p.Changes[k].From }, ps)
	for k, ch := range p.Changes {
		cp := fmt.Sprintf("%s.changes[%d]", path, k)
		if ch.Circulation == nil && ch.Holds == nil {
			ps.add(cp, "changes nothing: give circulation or holds")
		}
		if ch.Circulation != nil {
			circulationProblems(cp+".circulation", *ch.Circulation, ps)
		}
		if ch.Holds != nil {
			circ := p.Circulation
			if ch.Circulation != nil {
				circ = *ch.Circulation
			}
			ch.Holds.check(cp+".holds", circ, ps)
		}
	}
}

// circulationProblems adds the problems circulation.Policy.Validate
// finds, each under the key it names.
func circulationProblems(path string, p circulation.Policy, ps *problems) {
	if err := p.Validate(); err != nil {
		ps.nested(path, err)
	}
}

// check adds the problems of h, a hold policy beside the circulation
// policy circ: its shelf days and its soft reasons (the problems of circ
// itself are circulationProblems').
func (h HoldRules) check(path string, circ circulation.Policy, ps *problems) {
	if h.ShelfDays < 1 || h.ShelfDays > maxShelfDays {
		ps.add(path+".shelf_days", "must be 1 to %d open days (got %d)", maxShelfDays, h.ShelfDays)
	}
	err := (holds.Policy{ShelfDays: 1, Circulation: circ, Overridable: h.Overridable}).Validate()
	var inner reason.Problems
	if !errors.As(err, &inner) {
		return
	}
	for _, p := range inner {
		if within(p.Path, "overridable") {
			ps.list = append(ps.list, reason.Problem{Path: join(path, p.Path), Message: p.Message})
		}
	}
}
