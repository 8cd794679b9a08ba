// Package holds encodes the reservations (予約) of the Hokkaido
// Prefectural Library's internet reservation service: the cart, the
// queue of each item, the lifecycle of a reservation from waiting to
// collected, the hold-shelf deadline, and the timeline of dates a patron
// sees once an item is secured.
//
// The rules are catalogued, by ID, in docs/rules.md of the module's
// repository. This package encodes:
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
//     R-PT3 allows. The earlier reading (one open day more) is ShelfDays
//     11. Policy.Timeline, Reservation.MakeReady
//     (called on the notice day, or on arrival at a partner library) and
//     Desk.MakeReady give the same deadline. Reservation.Expired and
//     Reservation.Expire: the reservation expires only after the deadline
//     day.
//   - H5: Reservation.Cancel and Reservation.ChangePlace take an Actor:
//     ByPatron may act only before the notice, while the reservation is
//     waiting; from the day the item is secured (H6), on every route,
//     ErrNeedsStaff says to telephone. ByStaff may act on any active
//     reservation, after the notice with a circulation.Override letting
//     ErrNeedsStaff go (soft under Policy.Overridable, the default),
//     which Reservation.Step records in the Transition.
//   - H6: Reservation.Secure records the day of the notice email
//     (予約資料確保メール). Policy.Notice gives its content for each route
//     (place and counter, pickup days, deadline, courier or posting day,
//     parcel class, cash on delivery, or the hold-back at the loan limit)
//     as JSON-ready data, and Notice.Text as text in English or Japanese;
//     NoticeOfExtension does the same for the outcome of an extension (L3,
//     L4).
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
// in_transit, ready, collected, expired, cancelled), written once as a
// table of edges (lifecycle.go): each edge names an Action, the states
// before and after, the routes (pickup methods) it exists on and the date
// field it records. The transition methods of Reservation take their
// edge from it and return a new value, so Reservations are immutable
// values safe for concurrent use; Reservation.Validate accepts exactly
// the dates a walk through it records; Reservation.Step turns two
// successive values of a reservation into a Transition (the Action, who
// did it, when, and the states before and after) for a host's audit log,
// and refuses anything that is not one of its edges. A step with no edge
// is refused with ErrNoStep, detailed with the action, state and route.
// Desk is the in-memory model of all reservations a host rebuilds from
// storage; each of its changes is the Reservation method of the same
// name applied through the desk, which also keeps the queues and indexes.
// It is not safe for concurrent mutation.
//
// State, Action, Actor and Ordering encode as stable lower-case codes;
// Label gives a patron's or staff member's name for them. Decoding a
// Reservation, a Transition or a Policy refuses unknown keys and invalid
// values.
//
// Every refusal is a sentinel reason of this package (or of circulation
// and patron, for the rules they own) with a stable code and English and
// Japanese messages; Reasons lists this package's. Input a host got wrong
// (an inconsistent reservation, a missing day or calendar, ...) is an
// error wrapping ErrInconsistentInput.
//
// The package does no I/O and reads no clock: the caller passes today.
package holds
