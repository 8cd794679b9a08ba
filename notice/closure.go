package notice

import (
	"slices"
	"strings"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/internal/enum"
	"github.com/kashidashi/kashidashi/reason"
)

// ClosureKind is what a closure, or another change of the opening or
// courier days, changed of one loan or reservation (X6): the date a line
// of a ClosureNotice tells. The zero ClosureKind is no kind.
type ClosureKind uint8

// The kinds of change a ClosureNotice tells, one line each (X6).
const (
	_ ClosureKind = iota
	// DueStands: the return place is closed on the due date, which
	// stands under the policy (X1, L5).
	DueStands
	// DueMoved: the due date moved to the day the place's closed-day
	// strategy gives (X1, X5, L5).
	DueMoved
	// DueSpread: the due date moved to a day chosen to spread the
	// returns after the place reopens (X7).
	DueSpread
	// DeadlineMoved: the hold-shelf deadline moved (X2, H4).
	DeadlineMoved
	// CourierMoved: the courier day of a reserved item moved (X3, R-PT2).
	CourierMoved
	// CollectableMoved: the first day a reserved item can be collected
	// at a partner library moved (X3, R-PT3).
	CollectableMoved
	// PostingMoved: the posting day of a reserved item sent home moved
	// (X4, R-HD2).
	PostingMoved
)

var closureKinds = enum.NewTable[ClosureKind](pkg, "closure kind", reason.ErrBadInput,
	enum.Name{},
	enum.Name{Code: "due_stands", En: "due date stands", Ja: "返却期限日は変更なし"},
	enum.Name{Code: "due_moved", En: "due date moved", Ja: "返却期限日の変更"},
	enum.Name{Code: "due_spread", En: "due date spread", Ja: "返却期限日の分散"},
	enum.Name{Code: "deadline_moved", En: "hold-shelf deadline moved", Ja: "取置期限の変更"},
	enum.Name{Code: "courier_moved", En: "courier day moved", Ja: "発送日（協力車）の変更"},
	enum.Name{Code: "collectable_moved", En: "first pickup day moved", Ja: "受取開始日の変更"},
	enum.Name{Code: "posting_moved", En: "posting day moved", Ja: "発送日の変更"},
)

// Valid reports whether k is one of the kinds.
func (k ClosureKind) Valid() bool { return closureKinds.Valid(k) }

// String returns the stable code of k ("due_moved"), as used in text and
// JSON.
func (k ClosureKind) String() string { return closureKinds.String(k) }

// MarshalText encodes k as its stable code; the zero kind is an error.
func (k ClosureKind) MarshalText() ([]byte, error) { return closureKinds.MarshalText(k) }

// UnmarshalText decodes a stable code or a label; an unknown one is an
// error matching reason.ErrBadInput.
func (k *ClosureKind) UnmarshalText(b []byte) error { return closureKinds.UnmarshalText(k, b) }

// line returns the reason that renders a line of kind k, or nil.
func (k ClosureKind) line() *reason.Reason {
	switch k {
	case DueStands:
		return closDueStands
	case DueMoved:
		return closDueMoved
	case DueSpread:
		return closDueSpread
	case DeadlineMoved:
		return closDeadline
	case CourierMoved:
		return closCourier
	case CollectableMoved:
		return closCollectable
	case PostingMoved:
		return closPosting
	}
	return nil
}

// ClosureLine is one loan or reservation a change of the opening or
// courier days changed for a patron (X6): which date (Kind), the date
// before (Original) and after (New; the same when a due date stands),
// and the place whose days count. library.Library.ClosureNotices makes
// them from what library.Library.Apply applied.
type ClosureLine struct {
	// Patron and Item are the host's identifiers of the patron and of
	// the item lent or reserved.
	Patron string `json:"patron"`
	Item   string `json:"item"`
	// Kind is the date that changed.
	Kind ClosureKind `json:"kind"`
	// Library is the name of the place whose days count (the return
	// place of a loan, the pickup place of a reservation, the
	// Prefectural Library for home delivery), LibraryEn its English name
	// when it has one, which English text shows.
	Library   string `json:"library,omitempty"`
	LibraryEn string `json:"library_en,omitempty"`
	// Original is the date before the change, New the date after it.
	Original calendar.Date `json:"original"`
	New      calendar.Date `json:"new"`
}

// ClosureNotice is the notice to one patron of what a closure changed
// (X6): every loan and reservation of the patron it changed, each on a
// line with its old and new dates, encoded to JSON with snake_case keys
// and, through Text, as text in English or Japanese. ClosureNotices makes
// one per patron. The zero ClosureNotice has no lines: its text is the
// subject and the introduction.
type ClosureNotice struct {
	// Patron is the host's identifier of the patron told.
	Patron string `json:"patron"`
	// Lines are the patron's loans and reservations changed, in the
	// order given to ClosureNotices.
	Lines []ClosureLine `json:"lines"`
}

// ClosureNotices groups lines per patron (X6): one notice for each
// patron, in the order of their identifiers (byte order), each listing
// that patron's lines in the order given. It keeps lines whatever their
// fields: a line without a patron goes to the notice of the patron "".
func ClosureNotices(lines []ClosureLine) []ClosureNotice {
	if len(lines) == 0 {
		return nil
	}
	order := make([]int, len(lines))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(lines[a].Patron, lines[b].Patron) })
	var out []ClosureNotice
	for _, i := range order {
		if len(out) == 0 || out[len(out)-1].Patron != lines[i].Patron {
			out = append(out, ClosureNotice{Patron: lines[i].Patron})
		}
		last := &out[len(out)-1]
		last.Lines = append(last.Lines, lines[i])
	}
	return out
}

// Text returns the notice's text in language l (any language other than
// Japanese reads as English) in wording w (nil: the module's): a subject
// line, an introduction, then one line for each loan or reservation,
// with its item, the place, and the new date and the one before, each
// followed by its weekday. Every line is the message of one of Reasons()
// (the new date its {day}, the one before its {previous_day}), so a host
// rewords any of them with reason.NewWording(notice.Reasons(), ...).
// A line of no valid kind is left out.
func (n ClosureNotice) Text(w *reason.Wording, l reason.Lang) string {
	b := writer{w: w, l: l}
	b.line(b.say(closSubject))
	b.line(b.say(closIntro))
	bullet := "- "
	if l == reason.Japanese {
		bullet = "・"
	}
	for _, ln := range n.Lines {
		r := ln.Kind.line()
		if r == nil {
			continue
		}
		var en reason.Param
		if ln.LibraryEn != "" {
			en = reason.LibraryNameEn(ln.LibraryEn)
		}
		var lib, item reason.Param
		if ln.Library != "" {
			lib = reason.LibraryName(ln.Library)
		}
		if ln.Item != "" {
			item = reason.Item(ln.Item)
		}
		b.line(bullet, b.say(r, item, lib, en, reason.Day(ln.New), reason.PreviousDay(ln.Original)))
	}
	return b.String()
}
