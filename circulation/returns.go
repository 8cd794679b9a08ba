package circulation

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
)

// ErrInconsistentReturn is the error, matched with errors.Is, for a
// return that cannot be right: an invalid place or channel, no instant,
// or a desk not built by NewReturnDesk. A bad loan record gives an error
// matching ErrInconsistentLoan instead.
var ErrInconsistentReturn = errors.New(pkg + ": inconsistent return")

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
	type ret Return // without this method, so that decoding does not recurse
	v := ret(*r)
	if err := decodeStrict("return", b, &v); err != nil {
		return err
	}
	*r = Return(v)
	return nil
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
	type receipt ReturnReceipt // without this method, so that decoding does not recurse
	v := receipt(*r)
	if err := decodeStrict("return receipt", b, &v); err != nil {
		return err
	}
	*r = ReturnReceipt(v)
	return nil
}

// ReturnDesk decides whether a return is accepted, from the calendars of
// the places whose rules can be checked (M2, R-PL2, R-AL3, R-AL4). A
// *ReturnDesk is immutable and safe for concurrent use; build one with
// NewReturnDesk or DefaultReturnDesk.
//
// What each place takes:
//
//   - Prefectural Library (R-PL2): the counter that lent the item —
//     GeneralCounter, or HokkaidoCounter for the Hokkaido collection
//     (CounterFor) — while the library is open (Calendar.OpenAt, its
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
// compiled from calendar.AssemblyLibraryStaffDayRules). None may be nil.
func NewReturnDesk(prefectural, assembly, staffDays *calendar.Calendar) (*ReturnDesk, error) {
	if prefectural == nil || assembly == nil || staffDays == nil {
		return nil, fmt.Errorf("%w: NewReturnDesk needs three calendars", ErrInconsistentReturn)
	}
	service := assembly.Rules()
	service.Hours = calendar.AssemblyLibraryServiceRules().Hours
	assemblyService, err := calendar.New(service)
	if err != nil {
		return nil, fmt.Errorf("%w: Assembly Library service hours: %w", ErrInconsistentReturn, err)
	}
	return &ReturnDesk{
		prefectural:     prefectural,
		assembly:        assembly,
		staffDays:       staffDays,
		assemblyService: assemblyService,
	}, nil
}

// DefaultReturnDesk returns a desk with the published calendars and no
// announced closures or openings (C4): the Prefectural Library's
// inventory closure in March, for one, is missing. Hosts should build
// their own with NewReturnDesk.
func DefaultReturnDesk() *ReturnDesk {
	d, err := NewReturnDesk(
		calendar.MustNew(calendar.PrefecturalLibraryRules()),
		calendar.MustNew(calendar.AssemblyLibraryRules()),
		calendar.MustNew(calendar.AssemblyLibraryStaffDayRules()),
	)
	if err != nil {
		panic(err) // the presets always compile
	}
	return d
}

// Accept reports whether return r is accepted and, if so, when it shows
// on My Page (R-AL4, R-PT4). A refusal is a *reason.Refusal listing every
// reason that applies, in this order: ErrReturnWrongPlace (M2),
// ErrReturnWrongCounter (R-PL2), ErrReturnInPerson, ErrReturnByPost,
// ErrNoBookDrop (R-AL3), ErrBookDropExcluded (R-PL2), ErrAssemblyHours
// (R-AL3), ErrCounterClosed (R-PL2). The place rules checked are those of
// r.At, where the patron stands, even when it is the wrong place; the
// counter is checked only for an item lent at the Prefectural Library.
//
// Inconsistent input — a loan failing Loan.Validate or made after the
// day of r.When, an invalid r.At or r.Channel, a channel the place does
// not have (Counter at the Prefectural Library, which has two;
// GeneralCounter or HokkaidoCounter anywhere else), a zero r.When — is an
// error matching ErrInconsistentLoan or ErrInconsistentReturn.
func (d *ReturnDesk) Accept(r Return) (ReturnReceipt, error) {
	if d == nil || d.prefectural == nil || d.assembly == nil || d.staffDays == nil {
		return ReturnReceipt{}, fmt.Errorf("%w: ReturnDesk not built by NewReturnDesk", ErrInconsistentReturn)
	}
	var problems []string
	if err := r.At.Validate(); err != nil {
		problems = append(problems, "at: "+strings.TrimPrefix(err.Error(), pkg+": "))
	}
	switch {
	case !r.Channel.Valid():
		problems = append(problems, fmt.Sprintf("invalid channel %d", uint8(r.Channel)))
	case r.At.Method == PrefecturalLibrary && r.Channel == Counter:
		problems = append(problems, "the Prefectural Library has two counters: say general_counter or hokkaido_counter")
	case r.At.Method != PrefecturalLibrary && r.Channel.prefecturalCounter():
		problems = append(problems, fmt.Sprintf("%v is a counter of the Prefectural Library, not of %v", r.Channel, r.At))
	}
	if r.When.IsZero() {
		problems = append(problems, "no instant")
	}
	if problems != nil {
		return ReturnReceipt{}, fmt.Errorf("%w: %s", ErrInconsistentReturn, strings.Join(problems, "; "))
	}
	day := calendar.DateOf(r.When)
	if problems := r.Loan.problems(day); problems != nil {
		return ReturnReceipt{}, inconsistent("loan", r.Loan.Item, problems)
	}

	var rs []reason.Coded
	if r.At != r.Loan.Place {
		rs = append(rs, ErrReturnWrongPlace.Detail(
			"received at "+r.Loan.Place.English(), r.Loan.Place.Japanese()+"で受け取った本です"))
	}
	if r.At.Method == PrefecturalLibrary && r.Loan.Place.Method == PrefecturalLibrary &&
		r.Channel.prefecturalCounter() && r.Channel != CounterFor(r.Loan.Collection) {
		right := CounterFor(r.Loan.Collection)
		rs = append(rs, ErrReturnWrongCounter.Detail("lent at the "+right.English(), right.Japanese()+"で借りた本です"))
	}
	inPerson := r.Channel != Post
	switch r.At.Method {
	case PrefecturalLibrary, AssemblyLibrary:
		if !inPerson {
			rs = append(rs, ErrReturnInPerson)
		}
	case HomeDelivery:
		if inPerson {
			rs = append(rs, ErrReturnByPost)
		}
	}
	if r.At.Method == AssemblyLibrary && r.Channel == BookDrop {
		rs = append(rs, ErrNoBookDrop)
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
