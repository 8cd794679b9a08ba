// Package holds encodes the reservations (予約) of the Hokkaido
// Prefectural Library's internet reservation service: the cart, the
// queue of each item, the lifecycle of a reservation from waiting to
// collected, the hold-shelf deadline, and the timeline of dates a patron
// sees once an item is secured.
//
// A host keeps a Desk (NewDesk) under Rules, the policy and calendars of
// each day (a *library.Library gives them), and changes reservations
// with Desk.Do, one Request at a time, and Desk.ExpireDue, storing the
// reservations of each Change and keeping its Transitions for the audit
// log. A host that keeps its reservations in a database rather than in
// memory decides each change on the few rows it reads: it loads the
// request's ReadSet (Request.Reads; ExpireDue reads ReadSet{Due: today})
// inside its transaction and builds a partial desk of those rows
// (NewPartialDesk), which answers as a desk of every reservation would and
// refuses a change it was not given the rows of (ErrIncompleteReadSet).
//
// The rules are catalogued, by ID, in docs/rules.md of the module's
// repository. This package encodes:
//
//   - H1: a checkout (ActionReserve) is refused when the patron's active
//     reservations and the cart together exceed
//     circulation.Policy.MaxReservations (10), as
//     circulation.Policy.MayReserve decides (circulation.ErrReservationLimit).
//   - H2: a checkout places every item of a Cart with one pickup place
//     and a reservation method, Normal or ReadingOrder, or refuses with a
//     *reason.Refusal listing every reason, about the cart (empty, no
//     method or place, no registration at the partner library, P1/R-PT1;
//     the limits, H1, I2) and about each item, carrying it (not loanable,
//     I1; already reserved). [reading] In ReadingOrder an item is not
//     secured before every earlier item of the order has been; cancelling
//     one lets the next go ahead. Whether the item meanwhile goes to the
//     next patron in line (the default) or waits is
//     Policy.HoldForReadingOrder.
//   - H3: Desk.Position is the 1-based queue position My Page shows;
//     queues are first come, first served (ActionSecure), and everyone
//     moves up when a reservation ahead is collected, expires or is
//     cancelled. State Ready is 貸出可能, with Reservation.Deadline.
//   - H4: Policy.ShelfDeadline, the one statement of the deadline:
//     [reading, decided 2026-11-27] the patron has ShelfDays (10) open
//     days of the pickup place, the first collectable day being the
//     first: at the Prefectural and Assembly Libraries the 10th open day
//     after the notice day (notice 2026-04-07 → 2026-04-18), at a partner
//     library counted from the day R-PT3 allows. The earlier reading (one
//     open day more) is ShelfDays 11. Policy.Timeline and ActionMakeReady
//     (on the notice day, or on arrival at a partner library) give the
//     same deadline. Reservation.Expired, ActionExpire and
//     Desk.ExpireDue: the reservation expires only after the deadline
//     day.
//   - H5: ActionCancel and ActionChangePlace take an Actor: ByPatron may
//     act only before the notice, while the reservation is waiting; from
//     the day the item is secured (H6), on every route, ErrNeedsStaff
//     says to telephone. ByStaff may act on any active reservation, after
//     the notice with a circulation.Override letting ErrNeedsStaff go
//     (soft under Policy.Overridable), which the Transition records;
//     Reservation.Step and Transition.Validate refuse such a step
//     recorded without it, or by the patron.
//   - H6: ActionSecure records the day of the notice email
//     (予約資料確保メール); Policy.Timeline gives its dates and what it
//     says besides (the counter, the loan limit), which package notice
//     renders.
//   - R-PL1, R-AL2: Policy.Timeline: pickup at the Prefectural Library
//     and the Assembly Library from the day after the email; [reading]
//     the first day the place is open on or after that day.
//   - R-HD2: Policy.Timeline: for home delivery the loan is processed and
//     the item posted on the Prefectural Library's next open day after
//     the notice; ActionCollect dates the loan on that day. There is no
//     hold shelf, so no deadline.
//   - R-PT2, R-PT3: Policy.Timeline: sent on the next courier day after
//     the notice (shipping.Courier.NextDay), collectable from two days
//     later or the partner library's next open day
//     (shipping.Courier.Collectable).
//   - R-HD4, R-PT5: at the loan limit the notice still goes out, but
//     ActionShip is refused with ErrHeldBack (carrying the policy's
//     limit) and Timeline.HeldBack leaves every later date zero rather
//     than invent one.
//   - L2, L5: ActionCollect gives the circulation.Loan with its due date
//     from circulation.Policy.DueDate, the one computation of due dates,
//     for the reservation's place and Reservation.Short. A loan that
//     travels is dated the day it leaves: the courier day for a partner
//     library, the posting day for home delivery, whatever day the patron
//     collects it; Timeline.Loaned and Timeline.Due say the same. At the
//     Prefectural and Assembly Libraries the loan is dated the day of
//     collection.
//
// The lifecycle is a state machine over State (waiting, secured,
// in_transit, ready, collected, expired, cancelled), written once as a
// table of edges (lifecycle.go): each edge names an Action, the states
// before and after, the routes (pickup methods) it exists on and the date
// field it records. Desk.Do takes its steps from it; Reservation.Validate
// accepts exactly the dates a walk through it records; Reservation.Step
// turns two successive values of a reservation into a Transition (the
// Action, who did it, when, and the states before and after), as Do
// returns them for a host's audit log, and refuses anything that is not
// one of its edges. A step with no edge is refused with ErrNoStep.
// Reservations are plain values, safe for concurrent use; the Desk is
// not safe for concurrent mutation.
//
// State, Action, Actor and Ordering encode as stable lower-case codes;
// Label gives a patron's or staff member's name for them. Decoding a
// Reservation, a Transition or a Policy refuses unknown keys and invalid
// values.
//
// Every refusal is a *reason.Refusal of sentinel reasons of this package
// (or of circulation and patron, for the rules they own) with stable
// codes and English and Japanese messages; Reasons lists this package's.
// Input a host got wrong (an inconsistent reservation, a missing day or
// calendar, a field a request does not use, ...) is reason.Problems
// naming the field, matching reason.ErrBadInput.
//
// The package does no I/O and reads no clock: the caller passes today.
package holds
