package ruletest

import (
	"encoding/json"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"pgregory.net/rapid"
)

// The values the rows of a drawn policy table name (V3), besides the
// places of the configuration.
var (
	tableMethods = []string{
		circulation.PrefecturalLibrary.String(), circulation.AssemblyLibrary.String(),
		circulation.PartnerLibrary.String(), circulation.HomeDelivery.String(),
	}
	tablePatronCategories = []string{"individual", "student", "staff"}
	tableItemCategories   = []string{"normal", "short_loan"}
	tableCollections      = []string{circulation.General.String(), circulation.Hokkaido.String()}
	// dueDateRules are the rules for a due date on a closed day (L5–L7).
	dueDateRules = []circulation.DueDateRule{circulation.DueDateStands, circulation.DueDateNextOpenDay, circulation.DueDatePreviousOpenDay, circulation.DueDateEndOfClosure}
)

// maxTableRows bounds the rows of a drawn table, so that Load, which
// validates every combination of rows (V4), stays fast.
const maxTableRows = 6

// policyTable draws a policy table (V3) of up to maxTableRows rows over
// the places of sites, no two naming the same criteria (V4 refuses the
// tie), with settings from b: every combination of its rows, with the
// rows of every other table b drew, is valid over every base version b
// was made from. Draws shrink toward the empty table.
func policyTable(t *rapid.T, sites []library.Site, b *tableBounds) []library.Rule {
	var places []string
	id := map[string]string{}
	for _, s := range sites {
		places = append(places, s.ID, s.Name)
		id[s.ID], id[s.Name] = s.ID, s.ID
	}
	rules := []library.Rule{}
	seen := map[library.Criteria]bool{}
	for range rapid.IntRange(0, maxTableRows).Draw(t, "rows") {
		q := library.Criteria{
			Place:          criterion(t, "place", places),
			Method:         criterion(t, "method", tableMethods),
			PatronCategory: criterion(t, "patron_category", tablePatronCategories),
			ItemCategory:   criterion(t, "item_category", tableItemCategories),
			Collection:     criterion(t, "collection", tableCollections),
		}
		key := q
		key.Place = id[q.Place] // a place's id and its name are one criterion
		if seen[key] {
			continue
		}
		seen[key] = true
		r := library.Rule{Match: q}
		if rapid.Bool().Draw(t, "sets_circulation") {
			r.Circulation = b.settings(t, circulationSettings)
		}
		if rapid.Bool().Draw(t, "sets_holds") {
			r.Holds = b.settings(t, holdSettings)
		}
		rules = append(rules, r)
	}
	return rules
}

// criterion draws one criterion of a row: none half the time, else one
// of values. Draws shrink toward none.
func criterion(t *rapid.T, label string, values []string) string {
	if !rapid.Bool().Draw(t, label+"_named") {
		return ""
	}
	return rapid.SampledFrom(values).Draw(t, label)
}

// The circulation settings Validate ties to one another (L2, L3, L11,
// L12), by index into tableBounds.
const (
	loanDays = iota
	shortLoanDays
	remoteLoanDays
	remoteShortLoanDays
	extensionDays
	shortExtensionDays
	extendFromLoanDay
	nPeriods
)

// periods returns p's settings of the tied kinds, by index.
func periods(p circulation.Policy) [nPeriods]int {
	return [nPeriods]int{p.LoanDays, p.ShortLoanDays, p.RemoteLoanDays, p.RemoteShortLoanDays, p.ExtensionDays, p.ShortExtensionDays, p.ExtendFromLoanDay}
}

// tableBounds are, for each setting of the tied kinds, the least and
// the greatest value of any base circulation version and of any row
// drawn so far: a row's value valid against every value another version
// or row may give stays valid in every combination (V4), since each tie
// of Validate is an inequality between two settings.
type tableBounds struct {
	lo, hi [nPeriods]int
	// nextDay is whether some version or row counts the loan period
	// from the day after the loan (L12), which lengthens the extension
	// L3 asks for by one day.
	nextDay bool
	// extensionDay is whether some row counts extensions from the day
	// of the extension (L10's default); pinned whether some row counts
	// the loan from the next day with extensions from the due date. At
	// most one of them is set.
	extensionDay, pinned bool
}

// newTableBounds returns the bounds of the base circulation versions of
// p: its Circulation and those of its changes.
func newTableBounds(p library.Policies) *tableBounds {
	b := &tableBounds{lo: periods(p.Circulation), hi: periods(p.Circulation), nextDay: p.Circulation.CountFromNextDay}
	for _, ch := range p.Changes {
		if ch.Circulation != nil {
			for k, v := range periods(*ch.Circulation) {
				b.note(k, v)
			}
			b.nextDay = b.nextDay || ch.Circulation.CountFromNextDay
		}
	}
	return b
}

// note widens the bounds of setting k to hold v.
func (b *tableBounds) note(k, v int) {
	b.lo[k], b.hi[k] = min(b.lo[k], v), max(b.hi[k], v)
}

// span returns the values of setting k valid against every value of
// the others (Validate): short periods no longer than the normal ones,
// an extension that never shortens a loan (L3), the first day of
// extension within the short loan (L11). lo > hi when there is none.
func (b *tableBounds) span(k int) (lo, hi int) {
	s := 0
	if b.nextDay {
		s = 1
	}
	switch k {
	case loanDays:
		lo = max(1, b.hi[shortLoanDays])
		return lo, min(max(lo, 60), b.lo[extensionDays]+1-s)
	case shortLoanDays:
		return max(1, b.hi[extendFromLoanDay]), min(b.lo[loanDays], b.lo[shortExtensionDays]+1-s)
	case remoteLoanDays:
		lo = max(1, b.hi[remoteShortLoanDays])
		return lo, max(lo, 90)
	case remoteShortLoanDays:
		return 1, b.lo[remoteLoanDays]
	case extensionDays:
		lo = max(1, b.hi[loanDays]-1+s, b.hi[shortExtensionDays])
		return lo, max(lo, 90)
	case shortExtensionDays:
		return max(1, b.hi[shortLoanDays]-1+s), b.lo[extensionDays]
	default: // extendFromLoanDay
		return 0, b.lo[shortLoanDays]
	}
}

// extends reports whether an extension counted from the day of the
// extension never shortens a loan in any combination (L3), the loan
// period counted from the next day (L12) or not as nextDay says.
func (b *tableBounds) extends(nextDay bool) bool {
	s := 0
	if nextDay {
		s = 1
	}
	return b.lo[extensionDays] >= b.hi[loanDays]-1+s && b.lo[shortExtensionDays] >= b.hi[shortLoanDays]-1+s
}

// A setting is one key of a policy's JSON and how to draw its value for
// a row whose settings drawn so far are row; ok is false when no value is
// valid in every combination.
type setting struct {
	key  string
	draw func(b *tableBounds, t *rapid.T, row map[string]any) (v any, ok bool)
}

// circulationSettings are the keys of circulation.Policy a row sets
// (L1–L4, L5–L7, L8, L10–L13, overrides).
var circulationSettings = []setting{
	{"loan_days", period("loan_days", loanDays)},
	{"short_loan_days", period("short_loan_days", shortLoanDays)},
	{"remote_loan_days", period("remote_loan_days", remoteLoanDays)},
	{"remote_short_loan_days", period("remote_short_loan_days", remoteShortLoanDays)},
	{"extension_days", period("extension_days", extensionDays)},
	{"short_extension_days", period("short_extension_days", shortExtensionDays)},
	{"max_extensions", intIn("max_extensions", 1, 3)},
	{"max_loans", intIn("max_loans", 1, 12)},
	{"max_reservations", intIn("max_reservations", 1, 12)},
	{"due_on_closed_day", func(_ *tableBounds, t *rapid.T, _ map[string]any) (any, bool) {
		return rapid.SampledFrom(dueDateRules).Draw(t, "due_on_closed_day"), true
	}},
	{"last_due_date", func(_ *tableBounds, t *rapid.T, _ map[string]any) (any, bool) {
		return DateIn(spanFirst, spanLast).Draw(t, "last_due_date"), true
	}},
	{"hide_reserve_at_loan_limit", boolIn("hide_reserve_at_loan_limit")},
	{"overridable", func(_ *tableBounds, t *rapid.T, _ map[string]any) (any, bool) {
		return softSet(t, circulation.Reasons(), circulation.Waivable()), true
	}},
	{"extend_from", (*tableBounds).extendFrom},
	{"extend_from_loan_day", period("extend_from_loan_day", extendFromLoanDay)},
	{"count_from_next_day", (*tableBounds).countFromNextDay},
	{"closure_grace", func(_ *tableBounds, t *rapid.T, _ map[string]any) (any, bool) {
		return circulation.ClosureGrace{WithinDays: rapid.IntRange(1, 30).Draw(t, "within_days"), MinClosureDays: rapid.IntRange(1, 10).Draw(t, "min_closure_days")}, true
	}},
}

// holdSettings are the keys of holds.Policy a row sets (H4, H7–H9, H2,
// H5); none is tied to another.
var holdSettings = []setting{
	{"shelf_days", intIn("shelf_days", 1, 30)},
	{"shelf_count", func(_ *tableBounds, t *rapid.T, _ map[string]any) (any, bool) {
		return rapid.SampledFrom([]holds.ShelfCount{holds.OpenDays, holds.CalendarDays}).Draw(t, "shelf_count"), true
	}},
	{"shelf_days_by_contact", func(_ *tableBounds, t *rapid.T, _ map[string]any) (any, bool) {
		return holds.ShelfDaysByContact{
			Email:     rapid.IntRange(0, 30).Draw(t, "shelf_days_email"),
			Telephone: rapid.IntRange(0, 30).Draw(t, "shelf_days_telephone"),
			None:      rapid.IntRange(0, 30).Draw(t, "shelf_days_none"),
		}, true
	}},
	{"shelf_extension_days", intIn("shelf_extension_days", 0, 14)},
	{"hold_for_reading_order", boolIn("hold_for_reading_order")},
	{"overridable", func(_ *tableBounds, t *rapid.T, _ map[string]any) (any, bool) {
		return softSet(t, holds.Reasons(), holds.Waivable()), true
	}},
}

// settings draws one to three keys of from and their values, as the
// JSON object of a row's settings; nil when none could be drawn.
func (b *tableBounds) settings(t *rapid.T, from []setting) json.RawMessage {
	set := map[string]any{}
	for range rapid.IntRange(1, 3).Draw(t, "keys") {
		s := from[rapid.IntRange(0, len(from)-1).Draw(t, "key")]
		if _, dup := set[s.key]; dup {
			continue
		}
		if v, ok := s.draw(b, t, set); ok {
			set[s.key] = v
		}
	}
	if len(set) == 0 {
		return nil
	}
	raw, err := json.Marshal(set)
	if err != nil {
		t.Fatalf("ruletest: row settings: %v", err)
	}
	return raw
}

// period draws setting k from its span and widens its bounds.
func period(label string, k int) func(*tableBounds, *rapid.T, map[string]any) (any, bool) {
	return func(b *tableBounds, t *rapid.T, _ map[string]any) (any, bool) {
		lo, hi := b.span(k)
		if lo > hi {
			return nil, false
		}
		v := rapid.IntRange(lo, hi).Draw(t, label)
		b.note(k, v)
		return v, true
	}
}

// intIn draws an int from lo to hi.
func intIn(label string, lo, hi int) func(*tableBounds, *rapid.T, map[string]any) (any, bool) {
	return func(_ *tableBounds, t *rapid.T, _ map[string]any) (any, bool) {
		return rapid.IntRange(lo, hi).Draw(t, label), true
	}
}

// boolIn draws a bool.
func boolIn(label string) func(*tableBounds, *rapid.T, map[string]any) (any, bool) {
	return func(_ *tableBounds, t *rapid.T, _ map[string]any) (any, bool) {
		return rapid.Bool().Draw(t, label), true
	}
}

// extendFrom draws the base of an extension (L10): the due date, or the
// day of the extension when that never shortens a loan in any
// combination (L3) and no row counts the loan from the next day under
// the due-date base (pinned).
func (b *tableBounds) extendFrom(t *rapid.T, _ map[string]any) (any, bool) {
	if rapid.Bool().Draw(t, "extend_from_due_date") || b.pinned || !b.extends(b.nextDay) {
		return circulation.ExtendFromDueDate, true
	}
	b.extensionDay = true
	return circulation.ExtendFromExtensionDay, true
}

// countFromNextDay draws whether the loan period counts from the next
// day (L12). True asks, in every combination with the row, for an
// extension that never shortens a loan (L3): either every extension
// period of the versions and rows is long enough already, and those
// drawn later are kept so (nextDay), or the row counts extensions from
// the due date too, where L3 asks nothing, and no row counts them from
// the day of the extension (pinned), so that every combination with the
// row counts from the due date.
func (b *tableBounds) countFromNextDay(t *rapid.T, row map[string]any) (any, bool) {
	switch {
	case !rapid.Bool().Draw(t, "count_from_next_day"):
		return false, true
	case b.extends(true):
		b.nextDay = true
	case b.extensionDay:
		return false, true
	default:
		row["extend_from"] = circulation.ExtendFromDueDate
		b.pinned = true
	}
	return true, true
}
