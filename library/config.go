package library

import (
	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/internal/enum"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

// Config is the configuration of a host in Go form: every place with its
// opening rules, the courier days and the policies, each with the changes
// announced for later dates. Its JSON form is the document Load reads
// (docs/config.md); Default().Config() is the Prefectural Library's own. A
// host starts from it, changes what differs, and compiles it with New.
type Config struct {
	// Sites are the places: one Prefectural Library, at most one Assembly
	// Library, and the partner libraries (受取館).
	Sites []Site
	// Courier is the courier schedule to the partner libraries (R-PT2).
	Courier CourierDays
	// Policies are the circulation, hold and shipping policies.
	Policies Policies
}

// SiteKind says what a place is. The zero SiteKind is not a kind.
type SiteKind uint8

// The kinds of place.
const (
	Prefectural SiteKind = iota + 1 // the Hokkaido Prefectural Library (C2)
	Assembly                        // the Assembly Library (R-AL1)
	Partner                         // a partner library, a pickup place (R-PT1)
)

var siteKinds = enum.NewTable[SiteKind](pkg, "place kind", reason.ErrBadInput,
	enum.Name{},
	enum.Name{Code: "prefectural_library", En: "Prefectural Library", Ja: "道立図書館"},
	enum.Name{Code: "assembly_library", En: "Assembly Library", Ja: "道議会図書室"},
	enum.Name{Code: "partner_library", En: "partner library", Ja: "協力館"},
)

// Valid reports whether k is one of the kinds of place.
func (k SiteKind) Valid() bool { return siteKinds.Valid(k) }

// String returns the stable code of k, such as "partner_library".
func (k SiteKind) String() string { return siteKinds.String(k) }

// Label returns the name of k in language l.
func (k SiteKind) Label(l reason.Lang) string { return siteKinds.Label(k, l) }

// MarshalText encodes k as its stable code.
func (k SiteKind) MarshalText() ([]byte, error) { return siteKinds.MarshalText(k) }

// UnmarshalText decodes a stable code or a label into k.
func (k *SiteKind) UnmarshalText(b []byte) error { return siteKinds.UnmarshalText(k, b) }

// Site is one place: its identity, its opening rules and the changes to
// them announced for later dates.
type Site struct {
	// ID is a short stable identifier ("prefectural", "ebetsu"): lower
	// case letters, digits, "_" and "-".
	ID string
	// Name is the place's name in Japanese; for a partner library it is
	// the name circulation.Place.Library carries. NameEn is its English
	// name, for display.
	Name, NameEn string
	Kind         SiteKind
	// Region is the partner library's 管内 (石狩, 空知, ...).
	Region string
	// RegistrationPartner reports a partner library that registers
	// patrons for the Prefectural Library (利用登録協力館, P1).
	RegistrationPartner bool
	// Rules are the place's opening rules (C1–C8); a Name left empty is
	// the site's Name.
	Rules calendar.Rules
	// StaffDays are, at the Assembly Library only, the days Prefectural
	// Library staff are present (R-AL1, R-AL4).
	StaffDays *calendar.Rules
	// Changes are new rules announced for later dates, in date order:
	// each is in force from its From day until the next (V1).
	Changes []RulesChange
}

// RulesChange is a place's opening rules in force from From (V1).
type RulesChange struct {
	From  calendar.Date
	Rules calendar.Rules
}

// CourierDays is the courier schedule (R-PT2) and the moves and
// suspensions the library announces (C4).
type CourierDays struct {
	Rules       calendar.Rules
	Moves       []CourierMove
	Suspensions []CourierSuspension
}

// CourierMove moves the courier day From to To (calendar.Rules.MoveDay).
type CourierMove struct {
	From, To     calendar.Date
	Name, NameEn string
}

// CourierSuspension cancels the courier on Day (calendar.Rules.SkipDay).
type CourierSuspension struct {
	Day          calendar.Date
	Name, NameEn string
}

// Policies are the circulation, hold and shipping policies as first in
// force, and the changes announced for later dates (V1).
type Policies struct {
	Circulation circulation.Policy
	Holds       HoldRules
	// RateTables are the postage tables (R-HD1), each in force from its
	// own Effective date; none when the host quotes no postage.
	RateTables []shipping.RateTable
	// Rules are the policy table (V3): rows of criteria and the settings
	// they fix over Circulation and Holds, resolved setting by setting
	// (V4). None: every decision gets the base policies.
	Rules   []Rule
	Changes []PolicyChange
}

// HoldRules are the reservation rules of holds.Policy other than the
// circulation policy, which Policies keeps once for both.
type HoldRules struct {
	ShelfDays           int
	HoldForReadingOrder bool
	// ShelfCount, ShelfDaysByContact and ShelfExtensionDays are
	// holds.Policy's (H7, H8, H9); their zero values are the guide's.
	ShelfCount         holds.ShelfCount
	ShelfDaysByContact holds.ShelfDaysByContact
	ShelfExtensionDays int
	// Overridable are the hold reasons staff may override (H5): when the
	// document leaves the key out, holds.ErrNeedsStaff's code,
	// change.needs_staff.
	Overridable circulation.Codes
}

// PolicyChange is a change of policy in force from From (V1): the whole
// policies in force from that day, a nil one meaning unchanged. In JSON
// a change lists only the keys that change. Rules, when not nil, is the
// whole policy table in force from that day (V3); an empty, non-nil
// Rules empties it.
type PolicyChange struct {
	From        calendar.Date
	Circulation *circulation.Policy
	Holds       *HoldRules
	Rules       []Rule
}
