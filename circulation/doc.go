// Package circulation encodes the lending rules of the Hokkaido
// Prefectural Library's internet reservation service: places, item
// statuses, loan periods and due dates, extensions, limits, and returns.
//
// The rules are catalogued, with their IDs, in docs/rules.md of the
// module's repository:
//
//   - M1: Method and Place say where an item is received: the
//     Prefectural Library, the Assembly Library, a named partner library,
//     or home delivery. Method, Collection, Status, ReturnChannel and
//     DueDateRule encode as stable ASCII codes in text and JSON (String);
//     Label names them in English or Japanese. Every JSON decoder of the
//     package (Policy, Place, Loan, Item, the requests, Decision, Return,
//     ReturnReceipt) refuses unknown keys, trailing data and unknown
//     codes, naming them.
//   - M2: ReturnDesk.Accept refuses a return at any other place
//     (ErrReturnWrongPlace naming the partner library,
//     ErrReceivedAtPrefectural, ErrReceivedAtAssembly,
//     ErrReceivedByDelivery) or by any other method (ErrNotByPost,
//     ErrOnlyByPost), and at the Prefectural Library at the other counter
//     (ErrLentAtGeneralCounter, ErrLentAtHokkaidoCounter).
//   - I1: ParseStatus reads the nine catalogue labels (在庫 短縮 貸出中
//     協力 割当 回送 禁帯 館内 館短), which are the statuses' Japanese
//     labels; Status reports Loanable, Available and Short.
//   - I2, H1, L1: Policy.MayReserve says whether items may be reserved —
//     the Reserve button for one item, the checkout of a cart of them in
//     package holds, the one implementation of these rules
//     (ErrReservationLimit; ErrLoanLimit when Policy.HideReserveAtLoanLimit
//     is set — a [reading], off by default; ErrNotLoanable for each item
//     never lent, naming it); Policy.MayBorrow applies the loan limit.
//   - L2: Policy.DueDate counts the day of loan: 15 days (8 short) at the
//     libraries, 30 (15) by partner library or home delivery.
//   - L3, L4: Policy.Extend sets the due date ExtensionDays after the day
//     of the extension and lists every reason it is refused:
//     ErrPartnerPickup, ErrHomeDelivery, ErrReserved, ErrAlreadyExtended,
//     ErrInterlibraryLoan, ErrOverdue.
//   - L5–L8 [reading]: Policy.DueOnClosedDay — a due date on a closed
//     day stands (DueDateStands, the default), moves to the place's next
//     open day (DueDateNextOpenDay, L5), back to its previous open day
//     (DueDatePreviousOpenDay, L6), or to the last day of the closure it
//     falls in (DueDateEndOfClosure, L7); then Policy.LastDueDate caps it
//     (L8); then it is never earlier than the day of the loan or of the
//     extension. Policy.DueDate and Policy.Extend, the one entry point
//     each, take the calendar of the place the item goes back to and
//     apply it; a rule they cannot apply is an error (ErrNoCalendar, or
//     bad input for a date beyond 9999-12-31 or a calendar with no day to
//     move to), never a silently unmoved date.
//   - L9 [reading]: Policy.ExtensionWindow says from which day to which a
//     patron can extend a loan and the due date it gives on each end
//     (ExtensionWindow), or every reason no day will do: Policy.Extend
//     succeeds on a day exactly when the day is in the window.
//   - R-PL2, R-AL3, R-AL4, R-PT4, R-HD1: ReturnDesk.Accept checks the
//     counter, book drop and hours of each place, from one table of
//     rules, and says when the return shows on My Page: the same day at
//     the Prefectural Library, the next staff day at the Assembly
//     Library, and, for partner libraries and home delivery, only once
//     the item arrives back (not computed). At the Prefectural Library a
//     return names its counter (GeneralCounter or HokkaidoCounter;
//     Collection.Counter gives the right one), and the book drop refuses
//     the Hokkaido collection (ErrBookDropHokkaido) and items marked
//     Loan.NoBookDrop (ErrBookDropExcluded).
//
// Every decision takes one request value and gives one shape of result:
// Policy.Extend(ExtendRequest), Policy.MayBorrow(BorrowRequest) and
// Policy.MayReserve(ReserveRequest) each return a Decision (the loan it
// gives, the override it used) or an error.
//
// Errors follow one scheme. Every refusal is a *reason.Refusal (package
// reason) listing every reason that applies, each a sentinel of this
// package usable with errors.Is and carrying a stable code and English
// and Japanese messages; Reasons lists them all. Input that cannot be
// right — a loan due before it was made, a negative count, an unknown
// code or label, a policy that fails Validate — is a plain error matching
// reason.ErrBadInput, never a refusal: reason.Problems, each naming the
// field in the input's JSON form ("loan.due", "others[2].loaned",
// "items[1].status", "today"; a policy's own fields, "loan_days", from
// Policy.Validate, and "policy.loan_days" from a decision). ErrNoCalendar
// and ErrNotStaff are sentinels of their own that match
// reason.ErrBadInput too.
//
// Staff may override a soft reason (Koha's and FOLIO's override): the
// decisions staff make — Policy.Extend (L4), Policy.MayBorrow (L1),
// Policy.MayReserve (H1) — take an Override in their request naming the
// member of staff, the codes let go and a note, and return the override
// used in their Decision, for the host's audit log. Which reasons are
// soft is policy data (Policy.Overridable; the library's configuration
// holds our reading: the limits and L4 b, c, e), within the reasons safe
// to waive (Waivable, which are exactly those); the others are hard and
// stay in the refusal. A patron never overrides (ErrNotStaff).
//
// Policy holds every number of the rules as data; the published rules
// (the guide of 2026-03-10) are in package library's configuration,
// library.Default(), and Policy.Validate rejects nonsense. The package
// keeps no state and reads no clock: callers pass today as a
// calendar.Date or an instant as a time.Time. Every type is an immutable
// value, or, for *ReturnDesk, immutable once built, and safe for
// concurrent use. The zero value of every type is safe: its methods work
// or return an error, and never panic.
package circulation
