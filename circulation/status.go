package circulation

import (
	"errors"
	"fmt"
	"strings"
)

// Status is the status label the catalogue shows for an item (状態, I1).
// The zero Status is not a valid status.
type Status uint8

// The nine statuses of rule I1, in the guide's order.
const (
	OnShelf             Status = iota + 1 // 在庫: on the shelf
	OnShelfShort                          // 短縮: on the shelf, short loan
	OnLoan                                // 貸出中: on loan
	LentToLibrary                         // 協力: on loan to another library
	Assigned                              // 割当: assigned to a waiting reservation
	InTransit                             // 回送: between the Prefectural and Assembly Libraries
	Reference                             // 禁帯: reference, never lent
	LibraryUseOnly                        // 館内: in-library use only
	LibraryUseOnlyShort                   // 館短: in-library use only (short)
)

// ErrUnknownStatus is the error, matched with errors.Is, of ParseStatus
// and Status.UnmarshalText for a label that is not one of the nine.
var ErrUnknownStatus = errors.New(pkg + ": unknown item status")

type statusInfo struct {
	label, en                  string
	loanable, available, short bool
}

// statuses is the table of rule I1.
var statuses = [...]statusInfo{
	OnShelf:             {"在庫", "on the shelf", true, true, false},
	OnShelfShort:        {"短縮", "on the shelf (short loan)", true, true, true},
	OnLoan:              {"貸出中", "on loan", true, false, false},
	LentToLibrary:       {"協力", "on loan to another library", true, false, false},
	Assigned:            {"割当", "assigned to a reservation", true, false, false},
	InTransit:           {"回送", "in transit between libraries", true, false, false},
	Reference:           {"禁帯", "reference only, never lent", false, false, false},
	LibraryUseOnly:      {"館内", "in-library use only", false, false, false},
	LibraryUseOnlyShort: {"館短", "in-library use only (short)", false, false, true},
}

// ParseStatus returns the Status whose catalogue label is label, one of
// 在庫 短縮 貸出中 協力 割当 回送 禁帯 館内 館短 (I1). Leading and
// trailing white space, the full-width space U+3000 included, is ignored,
// since labels copied from a web page often carry it; nothing else is
// folded. Any other label is an error matching ErrUnknownStatus that
// quotes the label.
func ParseStatus(label string) (Status, error) {
	s := strings.TrimSpace(label)
	for st := OnShelf; st <= LibraryUseOnlyShort; st++ {
		if statuses[st].label == s {
			return st, nil
		}
	}
	return 0, fmt.Errorf("%w %q (want one of 在庫 短縮 貸出中 協力 割当 回送 禁帯 館内 館短)", ErrUnknownStatus, label)
}

// Valid reports whether s is one of the nine statuses.
func (s Status) Valid() bool { return s >= OnShelf && s <= LibraryUseOnlyShort }

// Loanable reports whether an item with status s can be lent at all,
// now or later (I1): false for 禁帯, 館内, 館短 and invalid statuses.
func (s Status) Loanable() bool { return s.Valid() && statuses[s].loanable }

// Available reports whether an item with status s can be lent right now
// (I1): true only for 在庫 and 短縮.
func (s Status) Available() bool { return s.Valid() && statuses[s].available }

// Short reports whether the label marks a short item (I1): 短縮, lent for
// the short period (L2), and 館短, which is never lent. Other labels do
// not say: an item on loan (貸出中) may be a short one.
func (s Status) Short() bool { return s.Valid() && statuses[s].short }

// String returns the catalogue label of s, such as "貸出中".
func (s Status) String() string {
	if !s.Valid() {
		return fmt.Sprintf("Status(%d)", uint8(s))
	}
	return statuses[s].label
}

// English returns an English description of s, such as "on loan".
func (s Status) English() string {
	if !s.Valid() {
		return s.String()
	}
	return statuses[s].en
}

// MarshalText encodes s as its catalogue label, the one stable name the
// catalogue itself uses.
func (s Status) MarshalText() ([]byte, error) {
	if !s.Valid() {
		return nil, fmt.Errorf("%s: cannot encode invalid status %d", pkg, uint8(s))
	}
	return []byte(statuses[s].label), nil
}

// UnmarshalText decodes a catalogue label as ParseStatus does.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
