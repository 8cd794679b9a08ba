package library

import (
	"errors"
	"fmt"
	"slices"
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
	c.Policies.checkTables(placesOf(c.Sites), &mine)
	kept, _ := keepReadable(*ps, mine.list)
	ps.list = append(ps.list, kept...)
}

// keepReadable returns the problems of mine that lie neither at nor
// inside the path of a problem of decoded other than an unknown key
// (problems.read), and the number of set lookups it made: at most one
// for each path of mine and for each '.' or '[' in it, so that the work
// is linear in the total length of the paths, whatever their number.
func keepReadable(decoded problems, mine reason.Problems) (kept reason.Problems, lookups int) {
	if len(decoded.list) == 0 {
		return mine, 0
	}
	unread := make(map[string]struct{}, len(decoded.list))
	for i, p := range decoded.list {
		if !decoded.read[i] {
			unread[p.Path] = struct{}{}
		}
	}
	_, all := unread[""] // a problem of the whole document hides every other
	for _, p := range mine {
		if all || covered(unread, p.Path, &lookups) {
			continue
		}
		kept = append(kept, p)
	}
	return kept, lookups
}

// covered reports whether unread holds path or a path around it ("a.b"
// and "a" around "a.b[2]"), counting its lookups.
func covered(unread map[string]struct{}, path string, lookups *int) bool {
	for end := len(path); end > 0; end-- {
		if end < len(path) && path[end] != '.' && path[end] != '[' {
			continue
		}
		*lookups++
		if _, ok := unread[path[:end]]; ok {
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
	seen := siteKeys{}
	sets := 0
	for i, s := range c.Sites {
		path := fmt.Sprintf("places[%d]", i)
		count[s.Kind]++
		sets += 1 + len(s.Changes)
		if s.StaffDays != nil {
			sets++
		}
		seen.check(path, s, ps)
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

// siteKeys are the keys of the places checked so far, IDs and names in
// one namespace (Library.Site takes either): each with the path of the
// field that holds it.
type siteKeys map[string]string

// check adds the problems of the ID and names of place s, at path: each
// must be well-formed and not a key of another place, nor "courier".
func (seen siteKeys) check(path string, s Site, ps *problems) {
	idOK := true
	switch {
	case s.ID == "":
		ps.add(path+".id", "is required")
		idOK = false
	case !validID(s.ID):
		ps.add(path+".id", "%s is not 1 to %d lower-case letters, digits, _ or -", quote(s.ID), maxNameRunes)
		idOK = false
	}
	nameOK := true
	switch {
	case s.Name == "":
		ps.add(path+".name", "is required")
		nameOK = false
	case !utf8.ValidString(s.Name) || utf8.RuneCountInString(s.Name) > maxNameRunes:
		ps.add(path+".name", "is not valid text of at most %d characters", maxNameRunes)
		nameOK = false
	}
	if idOK {
		seen.claim(path+".id", "id", s.ID, ps)
	}
	if nameOK && s.Name != s.ID {
		seen.claim(path+".name", "name", s.Name, ps)
	}
	if utf8.RuneCountInString(s.NameEn) > maxNameRunes || utf8.RuneCountInString(s.Region) > maxNameRunes {
		ps.add(path, "name_en and region are at most %d characters", maxNameRunes)
	}
}

// claim notes key as the field at path (an id or a name), or adds the
// problem of a key already taken: by the courier or by another place,
// whose field it names.
func (seen siteKeys) claim(path, field, key string, ps *problems) {
	switch other, taken := seen[key]; {
	case key == courierKey:
		ps.add(path, "%q names the courier (Library.Closing): choose another %s", courierKey, field)
	case taken:
		ps.add(path, "%s is also %s", quote(key), other)
	default:
		seen[key] = path
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
	c.checkMoves(path, ps)
}

// checkMoves adds the problems of moves and suspensions that the compiled
// schedule would refuse as an opening overlapping a closure (announced):
// a move onto a day the courier does not run by announcement (a
// suspension, the day another move leaves, a closure of the rules), and a
// move away from, or a suspension of, an opening of the rules. Each is reported at the move, naming the other
// entry by its path in the document. O((moves + suspensions + closures +
// openings) log of them).
func (c CourierDays) checkMoves(path string, ps *problems) {
	var closed, opened spans
	for k, cl := range c.Rules.Closures {
		closed.add(cl.From, cl.To, fmt.Sprintf("%s.rules.closures[%d]", path, k))
	}
	for k, o := range c.Rules.Openings {
		opened.add(o.From, o.To, fmt.Sprintf("%s.rules.openings[%d]", path, k))
	}
	for k, s := range c.Suspensions {
		closed.add(s.Day, s.Day, fmt.Sprintf("%s.suspensions[%d]", path, k))
	}
	for k, m := range c.Moves {
		if m.From != m.To {
			closed.add(m.From, m.From, fmt.Sprintf("%s.moves[%d].from", path, k))
		}
	}
	closed.index()
	opened.index()
	for i, m := range c.Moves {
		if m.From.IsZero() || m.To.IsZero() || m.From == m.To {
			continue
		}
		mp := fmt.Sprintf("%s.moves[%d]", path, i)
		if by, ok := closed.find(m.To); ok {
			ps.add(mp+".to", "%v is not a courier day to move onto: %s cancels it", m.To, by)
		}
		if by, ok := opened.find(m.From); ok {
			ps.add(mp+".from", "%v is an announced courier day (%s): move that opening instead", m.From, by)
		}
	}
	for i, s := range c.Suspensions {
		if by, ok := opened.find(s.Day); ok && !s.Day.IsZero() {
			ps.add(fmt.Sprintf("%s.suspensions[%d].date", path, i), "%v is an announced courier day (%s): cancel that opening instead", s.Day, by)
		}
	}
}

// spans are spans of days, each with the path of the entry that
// announces it, indexed to find one covering a day in O(log n).
type spans struct {
	list   []span
	latest []int // latest[i]: the index in list[:i+1] of the span that ends last
}

type span struct {
	from, to calendar.Date
	path     string
}

// add notes the span from from to to; malformed spans are left out (they
// are problems of their own).
func (s *spans) add(from, to calendar.Date, path string) {
	if !from.IsZero() && !to.Before(from) {
		s.list = append(s.list, span{from, to, path})
	}
}

// index sorts the spans by their first day, the first announced first
// among equals.
func (s *spans) index() {
	slices.SortStableFunc(s.list, func(a, b span) int { return a.from.Compare(b.from) })
	s.latest = make([]int, len(s.list))
	for i := range s.list {
		s.latest[i] = i
		if i > 0 && s.list[s.latest[i-1]].to.Compare(s.list[i].to) >= 0 {
			s.latest[i] = s.latest[i-1]
		}
	}
}

// find returns the path of a span covering d.
func (s *spans) find(d calendar.Date) (string, bool) {
	k, _ := slices.BinarySearchFunc(s.list, d.AddDays(1), func(sp span, e calendar.Date) int { return sp.from.Compare(e) })
	if k == 0 {
		return "", false
	}
	if sp := s.list[s.latest[k-1]]; !sp.to.Before(d) {
		return sp.path, true
	}
	return "", false
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
		if ch.Circulation == nil && ch.Holds == nil && ch.Rules == nil {
			ps.add(cp, "changes nothing: give circulation, holds or rules")
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
	err := (holds.Policy{ShelfDays: 1, Circulation: circ, Overridable: h.Overridable, ShelfCount: h.ShelfCount,
		ShelfDaysByContact: h.ShelfDaysByContact, ShelfExtensionDays: h.ShelfExtensionDays}).Validate()
	var inner reason.Problems
	if !errors.As(err, &inner) {
		return
	}
	for _, p := range inner {
		if within(p.Path, "overridable") || within(p.Path, "shelf_count") || within(p.Path, "shelf_days_by_contact") || within(p.Path, "shelf_extension_days") {
			ps.list = append(ps.list, reason.Problem{Path: join(path, p.Path), Message: p.Message})
		}
	}
}

// checkTables adds the problems of the policy tables (V3, V4): their
// form, rows that tie, and, when the base policies and the rows are
// sound, each combination of rows whose policies fail validation.
func (p Policies) checkTables(pl places, ps *problems) {
	var form problems
	b := compileBook(p, pl, &form)
	ps.list = append(ps.list, form.list...)
	if len(form.list) > 0 || slices.ContainsFunc(ps.list, func(q reason.Problem) bool { return within(q.Path, "policies") }) {
		return
	}
	b.check(ps)
}
