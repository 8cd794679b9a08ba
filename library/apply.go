package library

import (
	"errors"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/notice"
	"github.com/kashidashi/kashidashi/reason"
)

// LoanRecord is a loan as a host stores it, for Apply (X5): the loan,
// the patron who has it, and the mark a change applied to it left.
type LoanRecord struct {
	Patron string           `json:"patron"`
	Loan   circulation.Loan `json:"loan"`
	Mark   Mark             `json:"mark,omitzero"`
}

// ReservationRecord is a reservation as a host stores it, for Apply
// (X5): the reservation and the mark a change applied to it left.
type ReservationRecord struct {
	Reservation holds.Reservation `json:"reservation"`
	Mark        Mark              `json:"mark,omitzero"`
}

// Mark is what Apply keeps on each record a change touched (X5): the
// change, by its first and last day (Change.From, Change.To: for
// Closing, the closure's), and the date the record held before it: a
// loan's due date, a ready reservation's deadline; zero for a
// reservation not yet on the shelf, whose record holds none of the dates
// that move. A record marked by the change being applied is left as it
// is; a later change replaces the mark, so Original is the date before
// the last change applied. The zero Mark is a record no change touched.
type Mark struct {
	From     calendar.Date `json:"from"`
	To       calendar.Date `json:"to"`
	Original calendar.Date `json:"original,omitzero"`
}

// ApplyOptions are the options of Apply. The zero ApplyOptions moves due
// dates under the policy alone.
type ApplyOptions struct {
	// SpreadDays (N) and SpreadPerDay (M) spread the due dates a change
	// moves later over the first N open days of the return place from
	// its reopening, at most M of them a day (X7). SpreadDays 0 spreads
	// nothing; otherwise it is at most 31 and SpreadPerDay at least 1.
	SpreadDays   int `json:"spread_days,omitzero"`
	SpreadPerDay int `json:"spread_per_day,omitzero"`
}

// maxSpreadDays bounds ApplyOptions.SpreadDays.
const maxSpreadDays = 31

// problems lists what is wrong with o, each path in the JSON form of a
// request ("options.spread_days").
func (o ApplyOptions) problems() reason.Problems {
	var ps reason.Problems
	if o.SpreadDays < 0 || o.SpreadDays > maxSpreadDays {
		ps.Add("options.spread_days", "must be 0 (no spreading) to %d open days (got %d)", maxSpreadDays, o.SpreadDays)
	}
	switch {
	case o.SpreadPerDay < 0:
		ps.Add("options.spread_per_day", "must not be negative (got %d)", o.SpreadPerDay)
	case o.SpreadDays > 0 && o.SpreadPerDay == 0:
		ps.Add("options.spread_per_day", "must be at least 1 when spread_days is set")
	case o.SpreadDays == 0 && o.SpreadPerDay > 0:
		ps.Add("options.spread_per_day", "is used only with spread_days")
	}
	return ps
}

// Applied is what Apply changed (X5): the loans and the reservations, each
// in the order given, with the record to store.
type Applied struct {
	Loans        []AppliedLoan        `json:"loans"`
	Reservations []AppliedReservation `json:"reservations"`
}

// AppliedLoan is one loan a change touched (X5): its index in the loans
// given, the record to store (its due date New, its Mark keeping
// Original and the change), the due date before and after (the same
// when it stands), and the reason to tell the patron (ErrDueMoved,
// ErrDueStands or ErrDueSpread, with the new date as {date} and the
// return place as {library}).
type AppliedLoan struct {
	Index    int           `json:"index"`
	Record   LoanRecord    `json:"record"`
	Original calendar.Date `json:"original"`
	New      calendar.Date `json:"new"`
	Reason   reason.Coded  `json:"reason"`
}

// AppliedReservation is one date of a reservation a change moved (X5):
// its index in the reservations given, the record to store (a ready
// one's deadline moved, the Mark set), the date before and after, and
// the reason to tell the patron (ErrShelfDeadlineMoved,
// ErrCourierMoved, ErrCollectableMoved or ErrPostingMoved). A
// reservation not yet on the shelf may have several, one for each date
// its notice gave that moves, each with the same record.
type AppliedReservation struct {
	Index    int               `json:"index"`
	Record   ReservationRecord `json:"record"`
	Original calendar.Date     `json:"original"`
	New      calendar.Date     `json:"new"`
	Reason   reason.Coded      `json:"reason"`
}

// Apply applies change ch, such as a closure Closing built, to the
// host's loans and reservations and returns the records it changed,
// each with the date before and after and the reason to tell the
// patron (X5). The input is not modified.
//
//   - A loan (X1) due on a day its return place is now closed gets the due
//     date the closed-day rule of the circulation policy in force on its
//     day of loan gives it (L5). Under "stands" nothing moves: the loan
//     is listed once, with the same date before and after (ErrDueStands),
//     so that its patron is told the place is closed that day, and is not
//     spread. With opt.SpreadDays, the due dates moved later are spread
//     (X7, see ApplyOptions).
//   - A ready reservation's hold-shelf deadline gains back the open days
//     the change closed in its shelf span, from its first collectable day
//     to its deadline: the deadline moves that many open days later, so
//     the span keeps its open days (H4). For a deadline the desk set this
//     is X2's date; a deadline a host extended keeps its extra days.
//     Days a change opens do not shorten it.
//   - A reservation not yet on the shelf keeps its record, which holds
//     none of the dates that move, and each date its notice gave that
//     moves (X2–X4, as Consequences lists them) is listed.
//
// Every record listed is marked with ch (Mark), keeping the date it held
// before. Applying is idempotent: a record already marked by ch (the
// same From and To) is left as it is, so applying ch again to the
// records it gave changes nothing, and a host that stored only some of
// them before a failure applies ch again to all. A due date moved to an
// open day is no longer on a closed day either. Apply changes records,
// not the configuration: the host also adds the closure to the place's
// rules, so that later decisions count it.
//
// Options out of range are bad input naming the field
// ("options.spread_days"); so is a bad change, as for Consequences, and
// the zero Library. Each record costs O(1), and Apply allocates in
// proportion to what it changes (and, when spreading, to the loans
// already marked with ch).
func (l *Library) Apply(ch Change, loans []LoanRecord, rs []ReservationRecord, opt ApplyOptions) (Applied, error) {
	if l == nil || len(l.sites) == 0 {
		return Applied{}, errNoPlaces
	}
	if err := opt.problems().Err(); err != nil {
		return Applied{}, err
	}
	idx, err := newChangeIndex(ch)
	if err != nil || idx.empty() {
		return Applied{}, err
	}
	a := applier{l: l, idx: idx, mark: Mark{From: ch.From, To: ch.To}, spreading: opt.SpreadDays > 0}
	for i := range loans {
		a.loan(i, &loans[i])
	}
	out := Applied{Loans: a.loans.slice()}
	if a.spreading {
		newSpreader(idx, opt, out.Loans, a.held).assign(l, idx, out.Loans)
	}
	for i := range rs {
		a.reservation(i, &rs[i])
	}
	out.Reservations = a.rs.slice()
	return out, nil
}

// applier applies one change (Apply).
type applier struct {
	l         *Library
	idx       *changeIndex
	mark      Mark // the change's, without Original
	spreading bool
	held      []heldLoan // loans already marked with the change, when spreading
	scratch   []Consequence
	loans     chunks[AppliedLoan]
	rs        chunks[AppliedReservation]
}

// marked reports whether m is the mark of the change being applied.
func (a *applier) marked(m Mark) bool {
	return !m.From.IsZero() && m.From == a.mark.From && m.To == a.mark.To
}

// loan applies the change to one loan (X5, X1), or, when spreading and
// it is already marked, notes the day it holds (X7).
func (a *applier) loan(i int, rec *LoanRecord) {
	if a.marked(rec.Mark) {
		if a.spreading && rec.Loan.Due.After(rec.Mark.Original) {
			if s := a.idx.of(rec.Loan.Place); s != nil {
				a.held = append(a.held, heldLoan{set: s, due: rec.Loan.Due})
			}
		}
		return
	}
	c, ok := a.l.loanConsequence(a.idx, &rec.Loan)
	if !ok {
		return
	}
	out := AppliedLoan{Index: i, Record: *rec, Original: c.Old, New: c.New, Reason: c.Reason}
	out.Record.Loan.Due = c.New
	out.Record.Mark = a.mark
	out.Record.Mark.Original = c.Old
	a.loans.add(out)
}

// reservation applies the change to one reservation (X5): a ready one's
// deadline gains back the closed open days; another's moved dates are
// listed with its record marked.
func (a *applier) reservation(i int, rec *ReservationRecord) {
	if a.marked(rec.Mark) {
		return
	}
	r := &rec.Reservation
	if r.State == holds.Ready {
		old, moved, ok := a.gainBack(r)
		if !ok {
			return
		}
		out := AppliedReservation{Index: i, Record: *rec, Original: old, New: moved,
			Reason: a.idx.reason(a.l, ErrShelfDeadlineMoved, moved, r.Place)}
		out.Record.Reservation.Deadline = moved
		out.Record.Mark = a.mark
		out.Record.Mark.Original = old
		a.rs.add(out)
		return
	}
	a.scratch = a.l.reservationConsequences(a.idx, r, a.scratch[:0])
	for _, c := range a.scratch {
		out := AppliedReservation{Index: i, Record: *rec, Original: c.Old, New: c.New, Reason: c.Reason}
		out.Record.Mark = a.mark
		a.rs.add(out)
	}
}

// gainBack returns the deadline of the ready reservation r and the one
// the change gives it: as many open days later as the change closed in
// its shelf span, from its first collectable day (R-PL1, R-AL2, R-PT3,
// under the calendar before the change) to its deadline (X5, H4).
func (a *applier) gainBack(r *holds.Reservation) (old, moved calendar.Date, ok bool) {
	if !a.idx.inWindow(r.ReadyOn, r.Deadline) {
		return old, moved, false
	}
	s := a.idx.of(r.Place)
	if s == nil {
		return old, moved, false
	}
	first := s.before.AddOpenDays(r.ReadyOn, 1)
	if r.Place.Method == circulation.PartnerLibrary {
		from := r.ShippedOn.AddDays(2) // R-PT3
		if r.ReadyOn.After(from) {
			from = r.ReadyOn
		}
		first = s.before.NextOpen(from)
	}
	k := s.closedIn(first, r.Deadline)
	if k == 0 {
		return old, moved, false
	}
	moved = s.after.AddOpenDays(r.Deadline, k)
	return r.Deadline, moved, !moved.IsZero()
}

// chunkLen is the length of a block of chunks.
const chunkLen = 1024

// chunks collects values in blocks of chunkLen, so that collecting n
// values allocates about n values' room, not the several times that a
// slice growing by a quarter allocates and copies.
type chunks[T any] struct {
	full [][]T
	cur  []T
}

// add appends v.
func (c *chunks[T]) add(v T) {
	if len(c.cur) == cap(c.cur) {
		if c.cur != nil {
			c.full = append(c.full, c.cur)
		}
		c.cur = make([]T, 0, chunkLen)
	}
	c.cur = append(c.cur, v)
}

// slice returns the values in the order added, nil when none.
func (c *chunks[T]) slice() []T {
	n := len(c.cur) + len(c.full)*chunkLen
	if n == 0 {
		return nil
	}
	out := make([]T, 0, n)
	for _, b := range c.full {
		out = append(out, b...)
	}
	return append(out, c.cur...)
}

// ClosureNotices returns the notices of what a applied (X6): one for each
// patron with a loan or reservation in a, in the order of the patrons'
// identifiers, listing each with the date before and after (its loans
// first, then its reservations, each in the order of a), and the place
// whose days count by its name and English name. Package notice renders
// them (notice.ClosureNotice.Text), every sentence a reason of
// notice.Reasons() a host's wording may reword.
func (l *Library) ClosureNotices(a Applied) []notice.ClosureNotice {
	lines := make([]notice.ClosureLine, 0, len(a.Loans)+len(a.Reservations))
	for _, x := range a.Loans {
		lines = append(lines, l.closureLine(x.Record.Patron, x.Record.Loan.Item, x.Record.Loan.Place, x.Original, x.New, x.Reason))
	}
	for _, x := range a.Reservations {
		r := &x.Record.Reservation
		lines = append(lines, l.closureLine(r.Patron, r.Item, r.Place, x.Original, x.New, x.Reason))
	}
	return notice.ClosureNotices(lines)
}

// closureKinds maps the reasons of Applied to the lines of a notice.
var closureKinds = []struct {
	r *reason.Reason
	k notice.ClosureKind
}{
	{ErrDueStands, notice.DueStands}, {ErrDueMoved, notice.DueMoved}, {ErrDueSpread, notice.DueSpread},
	{ErrShelfDeadlineMoved, notice.DeadlineMoved}, {ErrCourierMoved, notice.CourierMoved},
	{ErrCollectableMoved, notice.CollectableMoved}, {ErrPostingMoved, notice.PostingMoved},
}

// closureLine is the line of a notice of one date a change moved (X6).
func (l *Library) closureLine(patron, item string, p circulation.Place, old, new calendar.Date, why reason.Coded) notice.ClosureLine {
	ln := notice.ClosureLine{Patron: patron, Item: item, Original: old, New: new}
	for _, c := range closureKinds {
		if why != nil && errors.Is(why, c.r) {
			ln.Kind = c.k
			break
		}
	}
	ln.Library, ln.LibraryEn = l.placeNames(p)
	return ln
}
