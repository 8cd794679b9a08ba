package library

import (
	"cmp"
	"slices"
	"strings"

	"github.com/kashidashi/kashidashi/calendar"
)

// spreader spreads the due dates a change moves later over the first
// days open days of the return place from its reopening, at most perDay
// a day (X7).
//
// Each return place (each calendar that changed: the Prefectural
// Library's counts for home delivery too) is spread on its own. A loan's
// window is the first days open days on or after its original due date
// under the calendar after the change: from the reopening R, so never
// before the original due date, and never past the day the closed-day
// rule gives plus days open days (that day is at least the original due
// date, so its days-th open day after is at least R's (days-1)-th).
//
// The loans of a place are taken in an order that depends on the loans
// only, never on the input's order: by reopening day, then by a hash of
// the item and the patron (FNV-1a, then mixed), then by item, patron and
// loan day. Each takes the day of its window its hash points at, or the
// next with room (wrapping round the window) while one has fewer than
// perDay loans. When all have perDay (more loans than days*perDay), the
// loan takes the least-loaded day of its window, the first in the same
// order on a tie: the excess is shared evenly, at most ceil(L/days) a
// day for L loans with one window, and no loan goes past its window.
// Loans already marked with the change keep their day and count on it.
type spreader struct {
	days, perDay int
	moved        []spreadLoan
	held         []heldLoan
}

// newSpreader returns the spreader of opt for out, the loans Apply lists
// (their due dates moved later are spread), held being the loans already
// marked with the change.
func newSpreader(idx *changeIndex, opt ApplyOptions, out []AppliedLoan, held []heldLoan) *spreader {
	sp := &spreader{days: opt.SpreadDays, perDay: opt.SpreadPerDay, held: held}
	n := 0
	for i := range out {
		if out[i].New.After(out[i].Original) {
			n++
		}
	}
	sp.moved = make([]spreadLoan, 0, n)
	for i := range out {
		a := &out[i]
		if !a.New.After(a.Original) {
			continue
		}
		s := idx.of(a.Record.Loan.Place)
		if from := s.after.NextOpen(a.Original); !from.IsZero() {
			sp.moved = append(sp.moved, spreadLoan{set: s, from: from, h: spreadHash(a.Record.Loan.Item, a.Record.Patron), at: i})
		}
	}
	return sp
}

// spreadLoan is a loan to spread: its return place's changes, its
// reopening day (the first open day on or after its original due date),
// its hash and its index in Applied.Loans.
type spreadLoan struct {
	set  *changedSet
	g    int // the place's rank, for sorting
	from calendar.Date
	h    uint64
	at   int
}

// heldLoan is a loan already marked with the change being applied, due
// on due at the place of set.
type heldLoan struct {
	set *changedSet
	due calendar.Date
}

// spreadHash is the hash that orders a loan among those spread and
// points it at its day: FNV-1a of the item, a 0xff byte (no UTF-8 text
// holds one) and the patron, mixed (splitmix64's finaliser) so that its
// low bits are uniform. It is stable across runs and releases.
func spreadHash(item, patron string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	for i := 0; i < len(item); i++ {
		h = (h ^ uint64(item[i])) * prime
	}
	h = (h ^ 0xff) * prime
	for i := 0; i < len(patron); i++ {
		h = (h ^ uint64(patron[i])) * prime
	}
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}

// assign gives each loan to spread its day in out, the loans Apply
// lists, with ErrDueSpread when the day is not the one the policy gave.
func (sp *spreader) assign(l *Library, idx *changeIndex, out []AppliedLoan) {
	if len(sp.moved) == 0 {
		return
	}
	group := map[*changedSet]int{}
	for i := range sp.moved {
		m := &sp.moved[i]
		g, ok := group[m.set]
		if !ok {
			g = len(group)
			group[m.set] = g
		}
		m.g = g
	}
	slices.SortFunc(sp.moved, func(a, b spreadLoan) int {
		if c := cmp.Compare(a.g, b.g); c != 0 {
			return c
		}
		if c := a.from.Compare(b.from); c != 0 {
			return c
		}
		if c := cmp.Compare(a.h, b.h); c != 0 {
			return c
		}
		ra, rb := &out[a.at].Record, &out[b.at].Record
		return cmp.Or(strings.Compare(ra.Loan.Item, rb.Loan.Item), strings.Compare(ra.Patron, rb.Patron),
			ra.Loan.Loaned.Compare(rb.Loan.Loaned), cmp.Compare(a.at, b.at))
	})
	for lo := 0; lo < len(sp.moved); {
		hi := lo + 1
		for hi < len(sp.moved) && sp.moved[hi].set == sp.moved[lo].set {
			hi++
		}
		sp.place(l, idx, out, sp.moved[lo:hi])
		lo = hi
	}
}

// place spreads run, the loans of one return place in order.
func (sp *spreader) place(l *Library, idx *changeIndex, out []AppliedLoan, run []spreadLoan) {
	set := run[0].set
	days := openDays(set.after, run[0].from, run[len(run)-1].from, sp.days)
	load := make([]int, len(days))
	for _, h := range sp.held {
		if h.set != set {
			continue
		}
		if i, ok := slices.BinarySearchFunc(days, h.due, calendar.Date.Compare); ok {
			load[i]++
		}
	}
	start := 0
	for _, m := range run {
		for start < len(days) && days[start].Before(m.from) {
			start++
		}
		if start == len(days) || days[start] != m.from {
			continue // the place never opens again within the span: the policy's day stands
		}
		end := min(start+sp.days, len(days))
		i := start + pick(load[start:end], m.h, sp.perDay)
		load[i]++
		a := &out[m.at]
		if d := days[i]; d != a.New {
			a.New, a.Record.Loan.Due = d, d
			a.Reason = idx.reason(l, ErrDueSpread, d, a.Record.Loan.Place)
		}
	}
}

// openDays returns the open days of cal from first to last, both open,
// and the n-1 open days after last: every day of the windows of loans
// reopening from first to last.
func openDays(cal *calendar.Calendar, first, last calendar.Date, n int) []calendar.Date {
	var days []calendar.Date
	d := first
	for ; !d.IsZero() && !d.After(last); d = cal.AddOpenDays(d, 1) {
		days = append(days, d)
	}
	for k := 1; k < n && !d.IsZero(); k++ {
		days = append(days, d)
		d = cal.AddOpenDays(d, 1)
	}
	return days
}

// pick returns the day of a window, by its loads, for a loan of hash h:
// the one h points at, or the next with fewer than perDay loans,
// wrapping round; when none has, the least loaded, the first in that
// order.
func pick(load []int, h uint64, perDay int) int {
	n := len(load)
	at := int(h % uint64(n))
	best := at
	for j := range n {
		i := at + j
		if i >= n {
			i -= n
		}
		if load[i] < perDay {
			return i
		}
		if load[i] < load[best] {
			best = i
		}
	}
	return best
}
