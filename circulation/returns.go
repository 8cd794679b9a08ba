package circulation

import (
	"fmt"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
)

// Return is a patron handing back an item: the loan, the place where it
// is handed back, how, and when. At the Prefectural Library Channel names
// the counter, GeneralCounter or HokkaidoCounter (R-PL2); elsewhere a
// counter is Counter. For a return by Post, When is the instant it is
// posted.
type Return struct {
	Loan    Loan          `json:"loan"`
	At      Place         `json:"at"`
	Channel ReturnChannel `json:"channel"`
	When    time.Time     `json:"when"`
}

// UnmarshalJSON decodes a return like encoding/json but refuses unknown
// keys and values that are not values of their type, naming them.
// ReturnDesk.Accept checks the rest. On error r is unchanged.
func (r *Return) UnmarshalJSON(b []byte) error {
	type plain Return // without this method, so that decoding does not recurse
	return decodeOver("return", b, r, func(v *Return) any { return (*plain)(v) })
}

// ReturnReceipt is what ReturnDesk.Accept says about an accepted return.
type ReturnReceipt struct {
	// Returned is the day of the return (or of posting), in Japan.
	Returned calendar.Date `json:"returned"`
	// Shown is the first day My Page shows the item returned: the same
	// day at the Prefectural Library, the next staff day on or after the
	// return at the Assembly Library (R-AL4). It is zero when OnArrival.
	Shown calendar.Date `json:"shown,omitzero"`
	// OnArrival reports that the item shows on loan until it arrives back
	// at the Prefectural Library (R-PT4, and by post for home delivery):
	// that day depends on a courier or the post and is not computed.
	OnArrival bool `json:"on_arrival,omitempty"`
}

// UnmarshalJSON decodes a receipt like encoding/json but refuses unknown
// keys, naming them. On error r is unchanged.
func (r *ReturnReceipt) UnmarshalJSON(b []byte) error {
	type plain ReturnReceipt // without this method, so that decoding does not recurse
	return decodeOver("return receipt", b, r, func(v *ReturnReceipt) any { return (*plain)(v) })
}

// ReturnDesk decides whether a return is accepted, from the calendars of
// the places whose rules can be checked (M2, R-PL2, R-AL3, R-AL4). A
// *ReturnDesk is immutable and safe for concurrent use; build one with
// NewReturnDesk.
//
// What each place takes:
//
//   - Prefectural Library (R-PL2): the counter that lent the item —
//     GeneralCounter, or HokkaidoCounter for the Hokkaido collection
//     (Collection.Counter) — while the library is open (Calendar.OpenAt, its
//     Hours); the other counter refuses it. The book drop takes returns at
//     any time — the guide offers it when the library is closed and
//     nothing stops its use when open — except "北方資料など一部の
//     資料": Hokkaido collection items and items marked Loan.NoBookDrop.
//     Nothing is taken by post.
//   - Assembly Library (R-AL3): the counter only, 09:00–17:00 on the days
//     it is open (calendar.AssemblyLibraryServiceRules); no book drop,
//     nothing by post. An in-person return outside those hours is refused
//     for the hours whichever channel, so a book drop at night lists both
//     reasons.
//   - Partner library (R-PT4): any channel, at any time: each partner
//     library sets its own method and hours, which this package does not
//     know.
//   - Home delivery (R-HD1): by post only.
//
// And every return must be at the place where the item was received, by
// the same method (M2): the same Place, so the same partner library.
type ReturnDesk struct {
	prefectural, assembly, staffDays *calendar.Calendar
	// assemblyService is the Assembly Library's calendar with its service
	// hours (R-AL1, R-AL3), announcements included.
	assemblyService *calendar.Calendar
}

// NewReturnDesk returns a desk using the Prefectural Library's calendar
// (C2, with its announced closures), the Assembly Library's (R-AL1), and
// the Prefectural Library staff days at the Assembly Library (R-AL4,
// compiled from calendar.AssemblyLibraryStaffDayRules). None may be nil:
// a nil one is an error matching ErrInconsistentInput. The presets without
// announced closures or openings (C4) make a desk for examples and tests:
//
//	NewReturnDesk(calendar.MustNew(calendar.PrefecturalLibraryRules()),
//		calendar.MustNew(calendar.AssemblyLibraryRules()),
//		calendar.MustNew(calendar.AssemblyLibraryStaffDayRules()))
//
// but they miss, for one, the Prefectural Library's inventory closure in
// March: hosts pass calendars with their announcements.
func NewReturnDesk(prefectural, assembly, staffDays *calendar.Calendar) (*ReturnDesk, error) {
	if prefectural == nil || assembly == nil || staffDays == nil {
		return nil, inconsistent("return desk", "NewReturnDesk needs three calendars")
	}
	service := assembly.Rules()
	service.Hours = calendar.AssemblyLibraryServiceRules().Hours
	assemblyService, err := calendar.New(service)
	if err != nil {
		return nil, fmt.Errorf("%w: Assembly Library service hours: %w", ErrInconsistentInput, err)
	}
	return &ReturnDesk{
		prefectural:     prefectural,
		assembly:        assembly,
		staffDays:       staffDays,
		assemblyService: assemblyService,
	}, nil
}

// Accept reports whether return r is accepted and, if so, when it shows
// on My Page (R-AL4, R-PT4). A refusal is a *reason.Refusal listing every
// reason that applies, in this order: ErrReturnWrongPlace (M2, and the
// wrong counter, R-PL2), ErrReturnChannel (M2, R-AL3, R-HD1),
// ErrBookDropExcluded (R-PL2), ErrAssemblyHours
// (R-AL3), ErrCounterClosed (R-PL2). The place rules checked are those of
// r.At, where the patron stands, even when it is the wrong place; the
// counter is checked only for an item lent at the Prefectural Library.
//
// Inconsistent input — a loan failing Loan.Validate or made after the
// day of r.When, an invalid r.At or r.Channel, a channel the place does
// not have (Counter at the Prefectural Library, which has two;
// GeneralCounter or HokkaidoCounter anywhere else), a zero r.When — is an
// error matching ErrInconsistentInput.
func (d *ReturnDesk) Accept(r Return) (ReturnReceipt, error) {
	if d == nil || d.prefectural == nil || d.assembly == nil || d.staffDays == nil {
		return ReturnReceipt{}, inconsistent("return", "ReturnDesk not built by NewReturnDesk")
	}
	var problems []string
	if problem := r.At.problem(); problem != "" {
		problems = append(problems, "at: "+problem)
	}
	switch {
	case !r.Channel.Valid():
		problems = append(problems, "invalid "+r.Channel.String())
	case r.At.Method == PrefecturalLibrary && r.Channel == Counter:
		problems = append(problems, "the Prefectural Library has two counters: say general_counter or hokkaido_counter")
	case r.At.Method != PrefecturalLibrary && r.Channel.prefecturalCounter():
		problems = append(problems, fmt.Sprintf("%v is a counter of the Prefectural Library, not of %v", r.Channel, r.At))
	}
	if r.When.IsZero() {
		problems = append(problems, "no instant")
	}
	if problems != nil {
		return ReturnReceipt{}, inconsistent("return", problems...)
	}
	day := calendar.DateOf(r.When)
	if err := r.Loan.check("loan", day); err != nil {
		return ReturnReceipt{}, err
	}

	var rs []reason.Coded
	if r.At != r.Loan.Place {
		if r.Loan.Place.Method == PartnerLibrary {
			rs = append(rs, ErrReturnWrongPlace.With(reason.LibraryName(r.Loan.Place.Library)))
		} else {
			rs = append(rs, ErrReturnWrongPlace.Detail(
				"received at "+r.Loan.Place.Label(reason.English), r.Loan.Place.Label(reason.Japanese)+"で受け取った本です"))
		}
	}
	if r.At.Method == PrefecturalLibrary && r.Loan.Place.Method == PrefecturalLibrary &&
		r.Channel.prefecturalCounter() && r.Channel != r.Loan.Collection.Counter() {
		right := r.Loan.Collection.Counter()
		rs = append(rs, ErrReturnWrongPlace.Detail("lent at the "+right.Label(reason.English), right.Label(reason.Japanese)+"で借りた本です"))
	}
	inPerson := r.Channel != Post
	switch r.At.Method {
	case PrefecturalLibrary, AssemblyLibrary:
		if !inPerson {
			rs = append(rs, ErrReturnChannel.Detail(
				"items received at a library go back to that library, not by post",
				"図書館（室）で受け取った本は郵送では返却できません。受け取った図書館（室）に返却してください"))
		}
	case HomeDelivery:
		if inPerson {
			rs = append(rs, ErrReturnChannel.Detail(
				"items delivered to your home are returned by post, postage prepaid",
				"自宅で受け取った本は元払いで返送してください"))
		}
	}
	if r.At.Method == AssemblyLibrary && r.Channel == BookDrop {
		rs = append(rs, ErrReturnChannel.Detail(
			"the Assembly Library has no book drop; return items at its counter",
			"道議会図書室にはブックポストはありません。カウンターに返却してください"))
	}
	if r.At.Method == PrefecturalLibrary && r.Channel == BookDrop {
		switch {
		case r.Loan.Collection == Hokkaido:
			rs = append(rs, ErrBookDropExcluded.Detail("Hokkaido collection", "北方資料です"))
		case r.Loan.NoBookDrop:
			rs = append(rs, ErrBookDropExcluded.Detail("marked not for the book drop", "ブックポストに返却できない資料です"))
		}
	}
	if r.At.Method == AssemblyLibrary && inPerson && !d.assemblyService.OpenAt(r.When) {
		rs = append(rs, ErrAssemblyHours)
	}
	if r.At.Method == PrefecturalLibrary && r.Channel.prefecturalCounter() && !d.prefectural.OpenAt(r.When) {
		if r.Loan.Collection == Hokkaido || r.Loan.NoBookDrop {
			// The message offers the book drop, which this item may not use.
			rs = append(rs, ErrCounterClosed.Detail("this item cannot go in the book drop", "この本はブックポストには返却できません"))
		} else {
			rs = append(rs, ErrCounterClosed)
		}
	}
	if err := reason.Refuse(pkg, "return", rs); err != nil {
		return ReturnReceipt{}, err
	}

	receipt := ReturnReceipt{Returned: day}
	switch r.At.Method {
	case PrefecturalLibrary:
		receipt.Shown = day
	case AssemblyLibrary:
		receipt.Shown = d.staffDays.NextOpen(day)
	default:
		receipt.OnArrival = true
	}
	return receipt, nil
}
