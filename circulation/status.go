package circulation

import (
	"github.com/kashidashi/kashidashi/internal/enum"
	"github.com/kashidashi/kashidashi/reason"
)

// Status is the status label the catalogue shows for an item (状態, I1).
// Its stable code, as used in text and JSON, is an ASCII word such as
// "on_loan"; its Japanese label is the catalogue's own (貸出中). The zero
// Status is not a valid status.
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

// statuses names the statuses; the Japanese labels are the catalogue's
// (I1).
var statuses = enum.NewTable[Status](pkg, "status", reason.ErrBadInput, enum.Name{},
	enum.Name{Code: "on_shelf", En: "on the shelf", Ja: "在庫"},
	enum.Name{Code: "on_shelf_short", En: "on the shelf (short loan)", Ja: "短縮"},
	enum.Name{Code: "on_loan", En: "on loan", Ja: "貸出中"},
	enum.Name{Code: "lent_to_library", En: "on loan to another library", Ja: "協力"},
	enum.Name{Code: "assigned", En: "assigned to a reservation", Ja: "割当"},
	enum.Name{Code: "in_transit", En: "in transit between libraries", Ja: "回送"},
	enum.Name{Code: "reference", En: "reference only, never lent", Ja: "禁帯"},
	enum.Name{Code: "library_use_only", En: "in-library use only", Ja: "館内"},
	enum.Name{Code: "library_use_only_short", En: "in-library use only (short)", Ja: "館短"},
)

// statusRules is the table of rule I1, indexed by Status.
var statusRules = [...]struct{ loanable, available, short bool }{
	OnShelf:             {true, true, false},
	OnShelfShort:        {true, true, true},
	OnLoan:              {true, false, false},
	LentToLibrary:       {true, false, false},
	Assigned:            {true, false, false},
	InTransit:           {true, false, false},
	Reference:           {false, false, false},
	LibraryUseOnly:      {false, false, false},
	LibraryUseOnlyShort: {false, false, true},
}

// ParseStatus returns the Status whose catalogue label is label, one of
// 在庫 短縮 貸出中 協力 割当 回送 禁帯 館内 館短 (I1), as hosts read it
// from the catalogue; the stable code ("on_loan") and the English label
// are accepted too. Leading and trailing white space, the full-width
// space U+3000 included, is ignored, since labels copied from a web page
// often carry it; nothing else is folded. Any other label is an error
// matching reason.ErrBadInput that quotes it. ParseStatus is the function
// form of Status.UnmarshalText.
func ParseStatus(label string) (Status, error) { return statuses.Parse(label) }

// Valid reports whether s is one of the nine statuses.
func (s Status) Valid() bool { return statuses.Valid(s) }

// String returns the stable code of s, such as "on_loan", as used in text
// and JSON.
func (s Status) String() string { return statuses.String(s) }

// Label returns the name of s in language l: the catalogue label (貸出中)
// in Japanese, a description ("on loan") in English.
func (s Status) Label(l reason.Lang) string { return statuses.Label(s, l) }

// MarshalText encodes s as its stable code.
func (s Status) MarshalText() ([]byte, error) { return statuses.MarshalText(s) }

// UnmarshalText decodes s as ParseStatus does.
func (s *Status) UnmarshalText(b []byte) error { return statuses.UnmarshalText(s, b) }

// Loanable reports whether an item with status s can be lent at all,
// now or later (I1): false for 禁帯, 館内, 館短 and invalid statuses.
func (s Status) Loanable() bool { return s.Valid() && statusRules[s].loanable }

// Available reports whether an item with status s can be lent right now
// (I1): true only for 在庫 and 短縮.
func (s Status) Available() bool { return s.Valid() && statusRules[s].available }

// Short reports whether the label marks a short item (I1): 短縮, lent for
// the short period (L2), and 館短, which is never lent. Other labels do
// not say: an item on loan (貸出中) may be a short one.
func (s Status) Short() bool { return s.Valid() && statusRules[s].short }
