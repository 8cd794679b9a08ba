package holds

import (
	"github.com/kashidashi/kashidashi/internal/enum"
	"github.com/kashidashi/kashidashi/reason"
)

// State is where a reservation is in its lifecycle. The zero State is not
// a valid state. States encode as stable lower-case codes ("waiting",
// "in_transit", ...) that never change once published, so a host may store
// them.
type State uint8

// The states of a reservation, in lifecycle order.
const (
	// Waiting: in the queue for the item, with a position (H3).
	Waiting State = iota + 1
	// Secured: the item is set aside for the patron and the notice email
	// (予約資料確保メール) has gone out (H6).
	Secured
	// InTransit: the item is on its way: by courier to a partner library
	// (R-PT2), by post to the patron's home (R-HD2), or between the
	// Prefectural Library and the Assembly Library (回送).
	InTransit
	// Ready: on the hold shelf of the pickup place, shown on My Page as
	// 貸出可能 with a deadline (H3, H4).
	Ready
	// Collected: the item became a loan. Final.
	Collected
	// Expired: not collected by the hold-shelf deadline (H4). Final.
	Expired
	// Cancelled: cancelled by the patron or by staff (H5). Final.
	Cancelled
)

var states = enum.NewTable[State](pkg, "state", reason.ErrBadInput,
	enum.Name{},
	enum.Name{Code: "waiting", En: "waiting", Ja: "予約中"},
	enum.Name{Code: "secured", En: "secured", Ja: "確保済"},
	enum.Name{Code: "in_transit", En: "on its way", Ja: "配送中"},
	enum.Name{Code: "ready", En: "ready for pickup", Ja: "貸出可能"},
	enum.Name{Code: "collected", En: "collected", Ja: "貸出済"},
	enum.Name{Code: "expired", En: "expired", Ja: "取置期限切れ"},
	enum.Name{Code: "cancelled", En: "cancelled", Ja: "取消"},
)

// Valid reports whether s is one of the seven states.
func (s State) Valid() bool { return states.Valid(s) }

// Active reports whether s is a state a reservation can still leave:
// waiting, secured, in transit or ready. Active reservations count
// towards the limit (H1) and hold a place in their item's queue (H3).
func (s State) Active() bool { return s >= Waiting && s <= Ready }

// Final reports whether s is collected, expired or cancelled.
func (s State) Final() bool { return s >= Collected && s <= Cancelled }

// String returns the stable code of s, such as "in_transit".
func (s State) String() string { return states.String(s) }

// Label returns the name of s in language l as a patron reads it; Ready
// is 貸出可能, as My Page shows it (H3).
func (s State) Label(l reason.Lang) string { return states.Label(s, l) }

// MarshalText encodes s as its stable code.
func (s State) MarshalText() ([]byte, error) { return states.MarshalText(s) }

// UnmarshalText decodes a stable code (or a label).
func (s *State) UnmarshalText(b []byte) error { return states.UnmarshalText(s, b) }
