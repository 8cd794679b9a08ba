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
//   - H4: Policy.ShelfDeadline: [reading] the ShelfDays-th (10th) open
//     day of the pickup place after the ready day. Reservation.Expired and
//     Reservation.Expire: the reservation expires only after the deadline
//     day.
//   - H5: Reservation.Cancel and Reservation.ChangePlace take an Actor:
//     the Patron may act only before the item is ready (and, for home
//     delivery, before it is posted), after which ErrNeedsStaff says to
//     telephone; Staff may act on any active reservation.
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
//     Reservation.Ship refuses with ErrHeldBack and Timeline.HeldBack
//     leaves every later date zero rather than invent one.
//   - L2, L5: Reservation.Collect returns the circulation.Loan with its
//     due date from circulation.Policy.DueDate; Timeline.Due is the due
//     date of a loan made on the first pickup day.
//
// The lifecycle is a state machine over State (waiting, secured,
// in_transit, ready, collected, expired, cancelled): every transition is
// a method of Reservation that checks its precondition and returns a new
// value, so Reservations are immutable values safe for concurrent use,
// and encode to JSON with stable state names. Step turns two successive
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
