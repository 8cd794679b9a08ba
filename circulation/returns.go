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
// NewReturnDesk, or get the one of the library's configuration from
// package library (library.Default().ReturnDesk(day)). A nil or zero
// *ReturnDesk refuses nothing and accepts nothing: Accept returns an
// error matching reason.ErrBadInput.
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
//     it is open; no book drop, nothing by post. An in-person return
//     outside those hours is refused for the hours whichever channel, so
//     a book drop at night lists both reasons.
//   - Partner library (R-PT4): any channel, at any time: each partner
//     library sets its own method and hours, which this package does not
//     know.
//   - Home delivery (R-HD1): by post only.
//
// And every return must be at the place where the item was received, by
// the same method (M2): the same Place, so the same partner library.
// The rules are one table, returnRules, in the order Accept lists their
// reasons.
type ReturnDesk struct {
	prefectural, staffDays *calendar.Calendar
	// assemblyService is the Assembly Library's calendar with its service
	// hours (R-AL1, R-AL3), announcements included.
	assemblyService *calendar.Calendar
}

// NewReturnDesk returns a desk using the Prefectural Library's calendar
// (C2, with its announced closures), the Assembly Library's (R-AL1), and
// the Prefectural Library staff days at the Assembly Library (R-AL4), as
// package library compiles them from its configuration. The desk takes
// returns at the Assembly Library in its service hours, 09:00–17:00 on
// the days assembly is open (R-AL3). None may be nil: a nil one is an
// error matching reason.ErrBadInput.
func NewReturnDesk(prefectural, assembly, staffDays *calendar.Calendar) (*ReturnDesk, error) {
	if prefectural == nil || assembly == nil || staffDays == nil {
		return nil, fmt.Errorf("%w: NewReturnDesk needs three calendars", reason.ErrBadInput)
	}
	service := assembly.Rules()
	service.Hours = assemblyServiceHours()
	assemblyService, err := calendar.New(service)
	if err != nil {
		return nil, fmt.Errorf("%w: Assembly Library service hours: %w", reason.ErrBadInput, err)
	}
	return &ReturnDesk{prefectural: prefectural, staffDays: staffDays, assemblyService: assemblyService}, nil
}

// assemblyServiceHours are the hours in which the Assembly Library lends
// and takes back reserved items on the days it is open: 09:00–17:00
// (R-AL1, R-AL3), as ErrAssemblyHours tells the patron.
func assemblyServiceHours() calendar.Hours {
	return calendar.Hours{Regular: []calendar.Window{{From: calendar.ClockAt(9, 0), To: calendar.ClockAt(17, 0)}}}
}

// Accept reports whether return r is accepted and, if so, when it shows
// on My Page (R-AL4, R-PT4). A refusal is a *reason.Refusal listing every
// reason that applies, in the order of returnRules: the wrong place (M2:
// ErrReturnWrongPlace with the partner library, ErrReceivedAtPrefectural,
// ErrReceivedAtAssembly, ErrReceivedByDelivery), the wrong counter
// (R-PL2: ErrLentAtGeneralCounter, ErrLentAtHokkaidoCounter), the
// channel (M2, R-AL3, R-HD1: ErrNotByPost, ErrOnlyByPost,
// ErrAssemblyNoBookDrop), the book drop (R-PL2: ErrBookDropExcluded,
// ErrBookDropHokkaido), the hours (R-AL3: ErrAssemblyHours; R-PL2:
// ErrCounterClosed, or ErrCounterClosedExcluded for an item the book drop
// does not take either). The place rules checked are those of r.At,
// where the patron stands, even when it is the wrong place; the counter
// is checked only for an item lent at the Prefectural Library.
//
// Bad input is reason.Problems naming every field at fault in r's JSON
// form: "loan.due" (a loan failing Loan.Validate), "loan.loaned" (made
// after the day of r.When), "at.method", "channel" (invalid, or a channel
// the place does not have: Counter at the Prefectural Library, which has
// two; GeneralCounter or HokkaidoCounter anywhere else), "when" (zero, or
// an instant whose day in Japan is outside years 1 to 9999, which no
// Date names).
func (d *ReturnDesk) Accept(r Return) (ReturnReceipt, error) {
	if d == nil || d.prefectural == nil || d.assemblyService == nil || d.staffDays == nil {
		return ReturnReceipt{}, errNotBuilt
	}
	if ps := r.problems(); ps != nil {
		return ReturnReceipt{}, ps
	}
	if err := reason.Refuse(pkg, "return", d.reasons(r)); err != nil {
		return ReturnReceipt{}, err
	}
	day := calendar.DateOf(r.When)
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

// problems lists what is wrong with r, each path in r's JSON form; nil
// when nothing is.
func (r Return) problems() reason.Problems {
	var ps reason.Problems
	var day calendar.Date
	if !r.When.IsZero() {
		day = calendar.DateOf(r.When)
	}
	if lp := r.Loan.problems(day); lp != nil {
		ps = append(ps, lp.Prefix("loan")...)
	}
	if ap := r.At.problems(); ap != nil {
		ps = append(ps, ap.Prefix("at")...)
	}
	switch {
	case r.Channel == 0:
		ps.Add("channel", "is missing")
	case !r.Channel.Valid():
		ps.Add("channel", "is not a valid return channel (%v)", r.Channel)
	case r.At.Method == PrefecturalLibrary && r.Channel == Counter:
		ps.Add("channel", "the Prefectural Library has two counters: say general_counter or hokkaido_counter")
	case r.At.Method.Valid() && r.At.Method != PrefecturalLibrary && r.Channel.prefecturalCounter():
		ps.Add("channel", "%v is a counter of the Prefectural Library, not of %v", r.Channel, r.At)
	}
	switch {
	case r.When.IsZero():
		ps.Add("when", "is missing")
	case day.IsZero():
		ps.Add("when", "falls outside years 1 to 9999 in Japan (%s)", r.When.In(calendar.JST()).Format(time.RFC3339))
	}
	return ps
}

// The rules of returns are one table, returnRules: each row says where
// (the place the patron stands at and the one the item was received at),
// by which channel and on which facts of the return a reason applies.

// places is a set of methods, one bit per Method: where a rule applies.
type places uint8

const (
	placePrefectural places = 1 << PrefecturalLibrary
	placeAssembly    places = 1 << AssemblyLibrary
	placePartner     places = 1 << PartnerLibrary
	placeHome        places = 1 << HomeDelivery
	libraries               = placePrefectural | placeAssembly
	anyPlace                = placePrefectural | placeAssembly | placePartner | placeHome
)

func (ps places) has(m Method) bool { return m.Valid() && ps&(1<<m) != 0 }

// channelSet is a set of return channels, one bit per ReturnChannel.
type channelSet uint8

const (
	byCounter         channelSet = 1 << Counter
	byBookDrop        channelSet = 1 << BookDrop
	byPost            channelSet = 1 << Post
	byGeneralCounter  channelSet = 1 << GeneralCounter
	byHokkaidoCounter channelSet = 1 << HokkaidoCounter
	byPrefCounter                = byGeneralCounter | byHokkaidoCounter
	inPerson                     = byCounter | byBookDrop | byPrefCounter
	anyChannel                   = inPerson | byPost
)

func (cs channelSet) has(c ReturnChannel) bool { return c.Valid() && cs&(1<<c) != 0 }

// facts is a set of facts about a return, one bit each.
type facts uint8

const (
	wrongPlace facts = 1 << iota // r.At is not the loan's Place (M2)
	hokkaido                     // the item is of the Hokkaido collection (R-PL1, R-PL2)
	marked                       // the item is marked Loan.NoBookDrop (R-PL2)
	closed                       // r.At does not take returns at r.When: the Prefectural Library's counters (C2, R-PL2), the Assembly Library's service (R-AL3)
)

// returnRule is one row of returnRules: reason applies to a return at a
// place in at, by a channel in by, of an item received at a place in
// lentAt, when every fact of all holds, none of none, and, unless
// anyOf is empty, one of anyOf. withLibrary gives the reason the partner
// library where the item was received.
type returnRule struct {
	at, lentAt       places
	by               channelSet
	all, none, anyOf facts
	reason           *reason.Reason
	withLibrary      bool
}

// returnRules is every rule of returns, in the order of their reasons.
var returnRules = [...]returnRule{
	// M2: the place where the item was received, by the same method.
	{at: anyPlace, lentAt: placePartner, by: anyChannel, all: wrongPlace, reason: ErrReturnWrongPlace, withLibrary: true},
	{at: anyPlace, lentAt: placePrefectural, by: anyChannel, all: wrongPlace, reason: ErrReceivedAtPrefectural},
	{at: anyPlace, lentAt: placeAssembly, by: anyChannel, all: wrongPlace, reason: ErrReceivedAtAssembly},
	{at: anyPlace, lentAt: placeHome, by: anyChannel, all: wrongPlace, reason: ErrReceivedByDelivery},
	// R-PL2: the counter that lent the item (Collection.Counter).
	{at: placePrefectural, lentAt: placePrefectural, by: byHokkaidoCounter, none: hokkaido, reason: ErrLentAtGeneralCounter},
	{at: placePrefectural, lentAt: placePrefectural, by: byGeneralCounter, all: hokkaido, reason: ErrLentAtHokkaidoCounter},
	// M2, R-PL2, R-AL3: libraries take items in person; R-HD1: home
	// delivery by post; R-AL3: the Assembly Library has no book drop.
	{at: libraries, lentAt: anyPlace, by: byPost, reason: ErrNotByPost},
	{at: placeHome, lentAt: anyPlace, by: inPerson, reason: ErrOnlyByPost},
	{at: placeAssembly, lentAt: anyPlace, by: byBookDrop, reason: ErrAssemblyNoBookDrop},
	// R-PL2: 北方資料など一部の資料 do not go in the book drop.
	{at: placePrefectural, lentAt: anyPlace, by: byBookDrop, all: marked, none: hokkaido, reason: ErrBookDropExcluded},
	{at: placePrefectural, lentAt: anyPlace, by: byBookDrop, all: hokkaido, reason: ErrBookDropHokkaido},
	// R-AL3: the Assembly Library's hours, whichever channel in person;
	// R-PL2: the Prefectural Library's counters while it is open, the
	// book drop offered only for an item it takes.
	{at: placeAssembly, lentAt: anyPlace, by: inPerson, all: closed, reason: ErrAssemblyHours},
	{at: placePrefectural, lentAt: anyPlace, by: byPrefCounter, all: closed, none: hokkaido | marked, reason: ErrCounterClosed},
	{at: placePrefectural, lentAt: anyPlace, by: byPrefCounter, all: closed, anyOf: hokkaido | marked, reason: ErrCounterClosedExcluded},
}

// applies reports whether rule applies to a return at place at, of an
// item received at lentAt, by channel by, with the facts f.
func (rule *returnRule) applies(at, lentAt Method, by ReturnChannel, f facts) bool {
	return rule.at.has(at) && rule.lentAt.has(lentAt) && rule.by.has(by) &&
		f&rule.all == rule.all && f&rule.none == 0 && (rule.anyOf == 0 || f&rule.anyOf != 0)
}

// reasons returns the reasons of returnRules that apply to r, in order.
func (d *ReturnDesk) reasons(r Return) []reason.Coded {
	f := d.facts(r)
	var rs []reason.Coded
	for i := range returnRules {
		rule := &returnRules[i]
		if !rule.applies(r.At.Method, r.Loan.Place.Method, r.Channel, f) {
			continue
		}
		if rule.withLibrary {
			rs = append(rs, rule.reason.With(reason.LibraryName(r.Loan.Place.Library)))
		} else {
			rs = append(rs, rule.reason)
		}
	}
	return rs
}

// facts returns the facts of r the rules look at.
func (d *ReturnDesk) facts(r Return) facts {
	var f facts
	for _, x := range [...]struct {
		holds bool
		fact  facts
	}{
		{r.At != r.Loan.Place, wrongPlace},
		{r.Loan.Collection == Hokkaido, hokkaido},
		{r.Loan.NoBookDrop, marked},
		{r.At.Method == PrefecturalLibrary && !d.prefectural.OpenAt(r.When), closed},
		{r.At.Method == AssemblyLibrary && !d.assemblyService.OpenAt(r.When), closed},
	} {
		if x.holds {
			f |= x.fact
		}
	}
	return f
}
