package calendar

// ClosedKind says which rule closes a day.
type ClosedKind uint8

// The kinds of closure, in the order Calendar checks them.
const (
	NotClosed       ClosedKind = iota
	NamedClosure               // a one-off closure announced by staff (C4)
	YearEndClosure             // December 29 to January 3
	WeeklyClosure              // a closed day of the week
	HolidayClosure             // a public holiday (C1)
	ShiftedClosure             // the day after a holiday that opened a weekly closed day (C2)
	MonthEndClosure            // the month-end closure (C2)
)

var closedKindNames = [...][2]string{
	NotClosed:       {"open", "開館"},
	NamedClosure:    {"closure", "臨時休館"},
	YearEndClosure:  {"year-end closure", "年末年始休館"},
	WeeklyClosure:   {"weekly closure", "定期休館日"},
	HolidayClosure:  {"public holiday", "祝日休館"},
	ShiftedClosure:  {"closed after a holiday opening", "祝日開館の振替休館"},
	MonthEndClosure: {"month-end closure", "月末休館"},
}

// String returns the English name of k.
func (k ClosedKind) String() string {
	if int(k) < len(closedKindNames) {
		return closedKindNames[k][0]
	}
	return "unknown closure"
}

// Japanese returns the Japanese name of k.
func (k ClosedKind) Japanese() string {
	if int(k) < len(closedKindNames) {
		return closedKindNames[k][1]
	}
	return "不明"
}

// ClosedReason says why a day is closed: its kind and, for a public
// holiday or a named closure, its name (the holiday's Japanese name, or the
// closure's Name).
type ClosedReason struct {
	Kind ClosedKind
	Name string
}

// String describes the reason in English, with the name when there is
// one: "public holiday (元日)".
func (r ClosedReason) String() string {
	if r.Name != "" {
		return r.Kind.String() + " (" + r.Name + ")"
	}
	return r.Kind.String()
}

// Japanese describes the reason in Japanese: "祝日休館（元日）".
func (r ClosedReason) Japanese() string {
	if r.Name != "" {
		return r.Kind.Japanese() + "（" + r.Name + "）"
	}
	return r.Kind.Japanese()
}
