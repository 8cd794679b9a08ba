package calendar

import (
	"github.com/kashidashi/kashidashi/internal/enum"
	"github.com/kashidashi/kashidashi/reason"
)

// ClosedKind says which rule closes a day. The zero ClosedKind means "not
// closed".
type ClosedKind uint8

// The kinds of closure. Calendar checks them in the order named closure,
// year end, weekly, n-th weekday, holiday, shifted, day after holiday,
// month end, and reports the first that closes the day.
const (
	NamedClosure           ClosedKind = iota + 1 // a one-off closure announced by staff (C4)
	YearEndClosure                               // the year-end closure, December 29 to January 3 by default (C7)
	WeeklyClosure                                // a closed day of the week
	HolidayClosure                               // a public holiday (C1)
	ShiftedClosure                               // the day after a holiday that opened a weekly closed day (C2)
	MonthEndClosure                              // the month-end closure (C2)
	NthWeekdayClosure                            // the n-th day of the week of the month, such as the third Thursday (C5)
	DayAfterHolidayClosure                       // the day after a public holiday (C6)
)

var closedKinds = enum.NewTable[ClosedKind]("calendar", "closed kind", nil,
	enum.Name{},
	enum.Name{Code: "closure", En: "closure", Ja: "臨時休館"},
	enum.Name{Code: "year_end", En: "year-end closure", Ja: "年末年始休館"},
	enum.Name{Code: "weekly", En: "weekly closure", Ja: "定期休館日"},
	enum.Name{Code: "holiday", En: "public holiday", Ja: "祝日休館"},
	enum.Name{Code: "shifted", En: "closed after a holiday opening", Ja: "祝日開館の振替休館"},
	enum.Name{Code: "month_end", En: "month-end closure", Ja: "月末休館"},
	enum.Name{Code: "nth_weekday", En: "monthly closure", Ja: "月例休館日"},
	enum.Name{Code: "day_after_holiday", En: "closed the day after a holiday", Ja: "祝日の翌日休館"},
)

// Valid reports whether k is one of the kinds of closure.
func (k ClosedKind) Valid() bool { return closedKinds.Valid(k) }

// String returns the stable code of k, such as "holiday".
func (k ClosedKind) String() string { return closedKinds.String(k) }

// Label returns the name of k in language l, such as "public holiday" or
// "祝日休館".
func (k ClosedKind) Label(l reason.Lang) string { return closedKinds.Label(k, l) }

// MarshalText encodes k as its stable code.
func (k ClosedKind) MarshalText() ([]byte, error) { return closedKinds.MarshalText(k) }

// UnmarshalText decodes a stable code or a label into k.
func (k *ClosedKind) UnmarshalText(b []byte) error { return closedKinds.UnmarshalText(k, b) }

// ClosedReason says why a day is closed: its kind and, for a public
// holiday or a named closure, its name: the holiday's Japanese name, or
// the closure's Name and NameEn.
type ClosedReason struct {
	Kind         ClosedKind
	Name, NameEn string
}

// String returns the stable form of r: the kind's code, then the name
// when there is one: "holiday:元日".
func (r ClosedReason) String() string {
	if r.Name != "" {
		return r.Kind.String() + ":" + r.Name
	}
	return r.Kind.String()
}

// Label describes r in language l, with the name when there is one:
// "public holiday (元日)", "祝日休館（元日）". In English the name is NameEn
// when there is one, else Name.
func (r ClosedReason) Label(l reason.Lang) string {
	label, name := r.Kind.Label(l), r.Name
	if l != reason.Japanese && r.NameEn != "" {
		name = r.NameEn
	}
	switch {
	case name == "":
		return label
	case l == reason.Japanese:
		return label + "（" + name + "）"
	default:
		return label + " (" + name + ")"
	}
}
