package shipping

import (
	"github.com/kashidashi/kashidashi/calendar"
)

// Courier is the compiled courier schedule to the partner libraries. A
// *Courier is immutable and safe for concurrent use.
//
// The zero Courier, like a nil *Courier, has no courier days: IsCourierDay
// is false, NextDay the zero Date and Calendar nil (a nil
// *calendar.Calendar is no calendar, open on no day); Collectable, which
// does not depend on the courier days, works as documented.
type Courier struct {
	days *calendar.Calendar
}

// NewCourier compiles a courier schedule (R-PT2): the courier's weekly
// rules, as the library's configuration states them (calendar.WeeklySchedule
// of Tuesday and Friday, closed on holidays and at the year end, for the
// Prefectural Library: see package library, library.Default()), with
// the library's announced moves and suspensions added by
// calendar.Rules.SkipDay and calendar.Rules.MoveDay. Its errors are those
// of calendar.New, which match reason.ErrBadInput.
func NewCourier(r calendar.Rules) (*Courier, error) {
	c, err := calendar.New(r)
	if err != nil {
		return nil, err
	}
	return &Courier{days: c}, nil
}

// schedule returns the courier days, nil for the zero or nil Courier.
func (c *Courier) schedule() *calendar.Calendar {
	if c == nil {
		return nil
	}
	return c.days
}

// Calendar returns the courier days as a calendar: "open" on courier
// days; nil for the zero Courier.
func (c *Courier) Calendar() *calendar.Calendar { return c.schedule() }

// IsCourierDay reports whether the courier runs on d.
func (c *Courier) IsCourierDay(d calendar.Date) bool { return c.schedule().IsOpen(d) }

// NextDay returns the first courier day strictly after d (R-PT2: the item
// is sent on the next courier day after the ready email), or the zero
// Date if the courier does not run again within the span of its calendar
// (calendar.Calendar.Span).
func (c *Courier) NextDay(d calendar.Date) calendar.Date { return c.schedule().AddOpenDays(d, 1) }

// Collectable returns the first day an item sent on courier day sent can
// be collected at a partner library with calendar partner (R-PT3): two
// days after sending (発送日の翌々日以降), or the partner library's next
// open day from then (the zero Date if it never opens again). A nil
// partner stands for a library whose calendar the host does not know:
// the answer is then the second day after sending.
func (c *Courier) Collectable(sent calendar.Date, partner *calendar.Calendar) calendar.Date {
	if sent.IsZero() {
		return sent
	}
	if partner == nil {
		return sent.AddDays(2)
	}
	return partner.NextOpen(sent.AddDays(2))
}
