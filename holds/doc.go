// Package holds encodes the reservations (予約) of the Hokkaido
// Prefectural Library's internet reservation service: the cart, the
// queue of each item, the lifecycle of a reservation from waiting to
// collected, the hold-shelf deadline, and the timeline of dates a patron
// sees once an item is secured.
//
// Rules (see RULES.md):
//
//   - H1: Desk.Checkout refuses a cart that would take the patron past
//     circulation.Policy.MaxReservations (10) active reservations,
//     counting the ones already held (circulation.ErrReservationLimit).
//   - H2: Desk.Checkout places every item of a Cart with one pickup place
//     and a reservation method, Normal or ReadingOrder, or refuses with a
//     *CartRefusal listing every reason, per item (not loanable, I1/I2;
//     already reserved) and for the cart (empty, no method or place, no
//     registration at the partner library, P1/R-PT1; the limit, H1).
//     [reading] In ReadingOrder an item is not secured before every
//     earlier item of the order has been; cancelling one lets the next go
//     ahead. Whether the item meanwhile goes to the next patron in line
//     (the default) or waits is Policy.HoldForReadingOrder.
//   - H3: Desk.Position is the 1-based queue position My Page shows;
//     queues are first come, first served, and everyone moves up when a
//     reservation ahead is collected, expires or is cancelled. State Ready
//     is 貸出可能, with Reservation.Deadline.
//   - H4: Policy.ShelfDeadline: [reading, decided 2026-11-27] the patron
//     has ShelfDays (10) open days of the pickup place, the first
//     collectable day being the first: at the Prefectural and Assembly
//     Libraries the 10th open day after the notice day (notice
//     2026-04-07 → 2026-04-18), at a partner library counted from the day
//     R-PT3 allows. Policy.ShelfStart keeps the earlier reading (one open
//     day more) as a setting. Policy.Timeline, Reservation.MakeReady
//     (called on the notice day, or on arrival at a partner library) and
//     Desk.MakeReady give the same deadline. Reservation.Expired and
//     Reservation.Expire: the reservation expires only after the deadline
//     day.
//   - H5: Reservation.Cancel and Reservation.ChangePlace take an Actor:
//     the Patron may act only before the notice, while the reservation is
//     waiting; from the day the item is secured (H6), on every route,
//     ErrNeedsStaff says to telephone. Staff may act on any active
//     reservation.
//   - H6: Reservation.Secure records the day of the notice email
//     (予約資料確保メール).
//   - R-PL1, R-AL2: Policy.Timeline: pickup at the Prefectural Library
//     and the Assembly Library from the day after the email; [reading]
//     the first day the place is open on or after that day.
//   - R-HD2: Policy.Timeline: for home delivery the loan is processed and
//     the item posted on the Prefectural Library's next open day after
//     the notice; Reservation.Collect dates the loan on that day. There
//     is no hold shelf, so no deadline.
//   - R-PT2, R-PT3: Policy.Timeline: sent on the next courier day after
//     the notice (shipping.Courier.NextDay), collectable from two days
//     later or the partner library's next open day
//     (shipping.Courier.Collectable).
//   - R-HD4, R-PT5: at the loan limit the notice still goes out, but
//     Reservation.Ship refuses with ErrHeldBack (detailed with the
//     policy's limit) and Timeline.HeldBack
//     leaves every later date zero rather than invent one.
//   - L2, L5: Reservation.Collect returns the circulation.Loan with its
//     due date from the circulation policy (one private function, due.go,
//     computes every due date of the package). A loan that travels is
//     dated the day it leaves: the courier day for a partner library, the
//     posting day for home delivery, whatever day the patron collects it;
//     Timeline.Loaned and Timeline.Due say the same. At the Prefectural
//     and Assembly Libraries the loan is dated the day of collection.
//
// The lifecycle is a state machine over State (waiting, secured,
// in_transit, ready, collected, expired, cancelled): every transition is
// a method of Reservation that checks its precondition and returns a new
// value, so Reservations are immutable values safe for concurrent use,
// and encode to JSON with stable state names; decoding a Reservation,
// a Transition or a Policy refuses unknown keys and invalid values. Step
// turns two successive
// values of a reservation into a Transition (an Action such as
// "make_ready", who did it, when, and the states before and after) for a
// host's audit log; it refuses anything that is not one step of the
// lifecycle. Desk is the in-memory model of all reservations a host
// rebuilds from storage; it is not safe for concurrent mutation.
//
// Every refusal is a sentinel reason of this package (or of circulation
// and patron, for the rules they own) with a stable code and English and
// Japanese messages; Reasons lists this package's. Errors that are not
// refusals (bad input from the host) are plain errors prefixed "holds: ".
//
// The package does no I/O and reads no clock: the caller passes today.
package holds
