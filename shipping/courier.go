package shipping

import (
	"time"

	"github.com/kashidashi/kashidashi/calendar"
)

// CourierRules returns the schedule of the courier between the Prefectural
// Library and the partner libraries (R-PT2): every Tuesday and Friday,
// none on public holidays or from December 29 to January 3. Add the
// library's announcements to the result with calendar.Rules.SkipDay (a
// suspended courier day) and calendar.Rules.MoveDay (a moved one).
func CourierRules() calendar.Rules {
	r := calendar.WeeklySchedule("協力車", time.Tuesday, time.Friday)
	r.ClosedOnHolidays = true
	r.YearEnd = true
	return r
}

// Courier is the compiled courier schedule to the partner libraries. A
// *Courier is immutable and safe for concurrent use.
type Courier struct {
	days *calendar.Calendar
}

// NewCourier compiles a courier schedule: CourierRules() with the
// library's announced moves and suspensions, or CourierRules() alone for
// the courier as published, which always compiles. Its errors are those
// of calendar.New.
func NewCourier(r calendar.Rules) (*Courier, error) {
	c, err := calendar.New(r)
	if err != nil {
		return nil, err
	}
	return &Courier{days: c}, nil
}

// Calendar returns the courier days as a calendar: "open" on courier days.
func (c *Courier) Calendar() *calendar.Calendar { return c.days }

// IsCourierDay reports whether the courier runs on d.
func (c *Courier) IsCourierDay(d calendar.Date) bool { return c.days.IsOpen(d) }

// NextDay returns the first courier day strictly after d (R-PT2: the item
// is sent on the next courier day after the ready email), or the zero
// Date if the courier never runs again before the year 10000.
func (c *Courier) NextDay(d calendar.Date) calendar.Date { return c.days.AddOpenDays(d, 1) }

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
