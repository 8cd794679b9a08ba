package shipping

import (
	"slices"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
)

// CourierRules returns the schedule of the courier between the Prefectural
// Library and the partner libraries (R-PT2): every Tuesday and Friday,
// none on public holidays or from December 29 to January 3. Add the
// library's announcements to the result: a suspended courier day as a
// calendar.Closure, a moved one as a calendar.Opening on its new day plus
// a Closure on its old one.
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

// NewCourier compiles a courier schedule, usually CourierRules() with the
// library's announced moves and suspensions.
func NewCourier(r calendar.Rules) (*Courier, error) {
	c, err := calendar.New(r)
	if err != nil {
		return nil, err
	}
	return &Courier{days: c}, nil
}

// DefaultCourier returns the courier as published, with no announcements.
func DefaultCourier() *Courier {
	c, err := NewCourier(CourierRules())
	if err != nil {
		panic(err) // CourierRules always compiles
	}
	return c
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

// Suspend returns r with the courier suspended on day, as the library
// announces (R-PT2: holidays and the year-end period suspend courier
// days): a calendar.Closure of that day named why. r itself is not
// changed.
func Suspend(r calendar.Rules, day calendar.Date, why string) calendar.Rules {
	r.Closures = append(slices.Clone(r.Closures), calendar.Closure{Name: why, From: day, To: day})
	return r
}

// Move returns r with the courier day from moved to day to, as the
// library announces (R-PT2): a calendar.Closure on from and a
// calendar.Opening on to, both named why. r itself is not changed.
// NewCourier refuses the result when to is a suspended day, from itself
// included.
func Move(r calendar.Rules, from, to calendar.Date, why string) calendar.Rules {
	r = Suspend(r, from, why)
	r.Openings = append(slices.Clone(r.Openings), calendar.Opening{Name: why, From: to, To: to})
	return r
}
