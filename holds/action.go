package holds

import (
	"github.com/kashidashi/kashidashi/internal/enum"
	"github.com/kashidashi/kashidashi/reason"
)

// Action names a step of the lifecycle: what a Request asks of the desk
// (Desk.Do) and what a Transition records. Actions encode as stable
// lower-case codes that never change once published. The zero Action is
// not a valid action.
type Action uint8

// The steps of the lifecycle.
const (
	ActionReserve     Action = iota + 1 // placed at checkout (H2)
	ActionSecure                        // item set aside, notice email sent (H6)
	ActionShip                          // sent by courier or post (R-PT2, R-HD2)
	ActionMakeReady                     // put on the hold shelf (H3, H4)
	ActionCollect                       // became a loan (L2)
	ActionExpire                        // not collected by the deadline (H4)
	ActionCancel                        // cancelled by the patron or staff (H5)
	ActionChangePlace                   // pickup place changed (H5)
	ActionExtendShelf                   // hold shelf extended once, nobody else waiting (H9)
)

var actions = enum.NewTable[Action](pkg, "action", reason.ErrBadInput,
	enum.Name{},
	enum.Name{Code: "reserve", En: "reserved", Ja: "予約"},
	enum.Name{Code: "secure", En: "item secured", Ja: "資料確保"},
	enum.Name{Code: "ship", En: "sent", Ja: "発送"},
	enum.Name{Code: "make_ready", En: "put on the hold shelf", Ja: "取置"},
	enum.Name{Code: "collect", En: "lent", Ja: "貸出"},
	enum.Name{Code: "expire", En: "hold-shelf deadline passed", Ja: "取置期限切れ"},
	enum.Name{Code: "cancel", En: "reservation cancelled", Ja: "予約取消"},
	enum.Name{Code: "change_place", En: "pickup place changed", Ja: "受取場所変更"},
	enum.Name{Code: "extend_shelf", En: "hold shelf extended", Ja: "取置期限延長"},
)

// Valid reports whether a is one of the nine actions.
func (a Action) Valid() bool { return actions.Valid(a) }

// String returns the stable code of a, such as "make_ready".
func (a Action) String() string { return actions.String(a) }

// Label returns the name of a in language l, for an audit log a person
// reads.
func (a Action) Label(l reason.Lang) string { return actions.Label(a, l) }

// MarshalText encodes a as its stable code.
func (a Action) MarshalText() ([]byte, error) { return actions.MarshalText(a) }

// UnmarshalText decodes a stable code (or a label).
func (a *Action) UnmarshalText(b []byte) error { return actions.UnmarshalText(a, b) }
