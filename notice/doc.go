// Package notice is what a patron reads about a reservation, an
// extension or a closure: the notice email that an item has been secured
// or is held back, the notice of an extension granted or refused, the
// notice of the dates a closure changed, and the rows of a reservation's
// timeline, as JSON-ready data and as text in English or Japanese. The rules (holds, circulation) decide; this package only
// tells.
//
// The rules are catalogued, by ID, in docs/rules.md of the module's
// repository. This package encodes:
//
//   - H6: Secured gives the content of the notice email of a secured
//     reservation (予約資料確保メール) from the reservation and its
//     holds.Timeline: the place, the pickup days, the deadline (H4), the
//     courier or posting day, the parcel class and the due date, as they
//     apply to the route (M1); Notice.Text gives its text.
//   - R-PL1: at the Prefectural Library the notice names the counter of
//     the item's collection (Notice.Counter) and the first pickup day.
//   - R-AL2: at the Assembly Library, the first pickup day.
//   - R-PT2, R-PT3: for a partner library, the courier day, the first day
//     the item can be collected there, and the due date of the loan dated
//     the courier day (L2).
//   - R-HD1, R-HD2, R-HD3: for home delivery, the posting day, the parcel
//     class (Yu-Mail or Yu-Pack and its size) and cash on delivery, and
//     the due date of the loan dated the posting day (L2).
//   - R-HD4, R-PT5: at the loan limit the notice still goes out for an
//     item that travels, held back with the limit (Notice.HeldBack,
//     Notice.LoanLimit) and no later date.
//   - L3, L4: Extension gives the notice of an extension: the new due
//     date, or every reason it was refused; ExtensionNotice.Text its
//     text.
//   - X6: ClosureNotices groups what a closure changed (ClosureLine: a
//     due date moved, spread or standing on a closed day, a hold-shelf
//     deadline, a courier, pickup or posting day, each with the date
//     before and after) into one ClosureNotice per patron;
//     ClosureNotice.Text its text. library.Library.ClosureNotices makes
//     the lines from what library.Library.Apply applied.
//
// Rows gives the rows of a timeline (notice, sent or held back, first
// pickup, deadline, due) with a label each.
//
// # Wording
//
// Every sentence the package writes is the message of a reason of its
// catalogue, Reasons(), with a stable code ("notice.secured.deadline")
// and typed parameters ({day}, {previous_day}, {item}, {library},
// {limit}, {size}). Text and Label take a *reason.Wording, so a host
// rewords any line as it rewords a refusal; nil is the module's wording:
//
//	w, err := reason.NewWording(notice.Reasons(), map[string]map[reason.Lang]string{
//		"notice.secured.card_number": {reason.Japanese: "受取の際は利用カードをお持ちください。"},
//	})
//	text := n.Text(w, reason.Japanese)
//
// Every date of a text is a {day} (the due date before an extension, a
// {previous_day}), which reason renders with its weekday wherever the
// template puts it: "2026-11-20 (Fri)", "2026年11月20日（金）". A parcel's
// size band is {size} ("Yu-Pack size 60"). The package's values are
// plain, immutable once made and safe for concurrent use; the zero value
// of each renders without panicking.
//
// Input that cannot make a notice is an error matching reason.ErrBadInput,
// a reason.Problems naming the field ("reservation.secured_on", "parcel").
package notice
