package holds

import "fmt"

// State is where a reservation is in its lifecycle. The zero State is not
// a valid state. States encode as stable lower-case names ("waiting",
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

var stateNames = [...]struct{ code, en, ja string }{
	Waiting:   {"waiting", "waiting", "予約中"},
	Secured:   {"secured", "secured", "確保済"},
	InTransit: {"in_transit", "on its way", "配送中"},
	Ready:     {"ready", "ready for pickup", "貸出可能"},
	Collected: {"collected", "collected", "貸出済"},
	Expired:   {"expired", "expired", "取置期限切れ"},
	Cancelled: {"cancelled", "cancelled", "取消"},
}

// Valid reports whether s is one of the seven states.
func (s State) Valid() bool { return s >= Waiting && s <= Cancelled }

// Active reports whether s is a state a reservation can still leave:
// waiting, secured, in transit or ready. Active reservations count
// towards the limit (H1) and hold a place in their item's queue (H3).
func (s State) Active() bool { return s >= Waiting && s <= Ready }

// Final reports whether s is collected, expired or cancelled.
func (s State) Final() bool { return s >= Collected && s <= Cancelled }

// String returns the stable name of s, such as "in_transit".
func (s State) String() string {
	if !s.Valid() {
		return fmt.Sprintf("State(%d)", uint8(s))
	}
	return stateNames[s].code
}

// English returns the English label of s, as a patron would read it.
func (s State) English() string {
	if !s.Valid() {
		return s.String()
	}
	return stateNames[s].en
}

// Japanese returns the Japanese label of s; Ready is 貸出可能, as My Page
// shows it (H3).
func (s State) Japanese() string {
	if !s.Valid() {
		return s.String()
	}
	return stateNames[s].ja
}

// ParseState returns the State whose stable name is name.
func ParseState(name string) (State, error) {
	for s := Waiting; s <= Cancelled; s++ {
		if stateNames[s].code == name {
			return s, nil
		}
	}
	return 0, fmt.Errorf("holds: unknown state %q", name)
}

// MarshalText encodes s as its stable name.
func (s State) MarshalText() ([]byte, error) {
	if !s.Valid() {
		return nil, fmt.Errorf("holds: cannot encode invalid state %d", uint8(s))
	}
	return []byte(stateNames[s].code), nil
}

// UnmarshalText decodes a stable name.
func (s *State) UnmarshalText(b []byte) error {
	v, err := ParseState(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
