package calendar

import (
	"fmt"
	"slices"
	"time"

	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// Clock is a time of day in Japan, in minutes after midnight.
type Clock int

// ClockAt returns the Clock for hour h and minute m.
func ClockAt(h, m int) Clock { return Clock(h*60 + m) }

// ClockOf returns the time of day in Japan (UTC+9) of the instant t.
func ClockOf(t time.Time) Clock {
	tt := t.In(jst)
	return ClockAt(tt.Hour(), tt.Minute())
}

// String formats c as "09:00".
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", int(c)/60, int(c)%60) }

// MarshalText encodes c as "HH:MM", 00:00 to 24:00; another Clock is an
// error matching reason.ErrBadInput.
func (c Clock) MarshalText() ([]byte, error) {
	if c < 0 || c > ClockAt(24, 0) {
		return nil, reason.BadInput("", "cannot encode time of day %d: it is not 00:00 to 24:00", int(c))
	}
	return []byte(c.String()), nil
}

// UnmarshalText decodes "HH:MM" from "00:00" to "24:00"; other text is
// an error matching reason.ErrBadInput.
func (c *Clock) UnmarshalText(b []byte) error {
	v, err := parseClock(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

func parseClock(s string) (Clock, error) {
	h, okH := digits2(s, 0)
	m, okM := digits2(s, 3)
	if len(s) != 5 || s[2] != ':' || !okH || !okM || m > 59 || h > 24 || (h == 24 && m != 0) {
		return 0, reason.BadInput("", "%s is not a time of day (HH:MM, 00:00 to 24:00)", text.Quote(s))
	}
	return ClockAt(h, m), nil
}

// Window is a span of the day from From up to, but not including, To.
// In JSON it reads {"from": "09:00", "to": "17:00"}.
type Window struct {
	From Clock `json:"from"`
	To   Clock `json:"to"`
}

// Contains reports whether c falls within w.
func (w Window) Contains(c Clock) bool { return c >= w.From && c < w.To }

// String formats w as "09:00–17:00".
func (w Window) String() string { return w.From.String() + "–" + w.To.String() }

// SeasonalHours replaces the regular windows on the given weekdays of the
// given months, such as June–August Thursdays and Fridays until 19:00
// (C2). A zero Months or Weekdays means every month or every day.
type SeasonalHours struct {
	Months   Months
	Weekdays Weekdays
	Windows  []Window
}

func (s SeasonalHours) applies(d Date) bool {
	return (s.Months == 0 || s.Months.Has(d.Month())) && (s.Weekdays == 0 || s.Weekdays.Has(d.Weekday()))
}

// Hours are the windows of a day in which a place is open or a service is
// offered. The last SeasonalHours that applies to a day wins over earlier
// ones and over Regular.
//
// A nil Regular with no Seasonal entries (the zero Hours) means all day.
// A nil Regular next to Seasonal entries, or an empty but non-nil Regular
// such as []Window{}, means no hours outside the seasons: Hours{Regular:
// []Window{}} is never open. New and Calendar.Hours keep the difference.
type Hours struct {
	Regular  []Window
	Seasonal []SeasonalHours
}

// windows returns the windows of day d without copying them; allDay is
// true for hours that are open all day.
func (h Hours) windows(d Date) (ws []Window, allDay bool) {
	for i := len(h.Seasonal) - 1; i >= 0; i-- {
		if h.Seasonal[i].applies(d) {
			return h.Seasonal[i].Windows, false
		}
	}
	return h.Regular, h.Regular == nil && len(h.Seasonal) == 0
}

// On returns the windows of day d, whether or not the place is open that
// day. The result is the caller's own copy.
func (h Hours) On(d Date) []Window {
	ws, allDay := h.windows(d)
	if allDay {
		return []Window{{From: 0, To: ClockAt(24, 0)}}
	}
	return slices.Clone(ws)
}

// contains reports whether clock c of day d falls within the hours.
func (h Hours) contains(d Date, c Clock) bool {
	ws, allDay := h.windows(d)
	if allDay {
		return c >= 0 && c < ClockAt(24, 0)
	}
	for _, w := range ws {
		if w.Contains(c) {
			return true
		}
	}
	return false
}

// problems lists what is wrong with h, with paths under "hours".
func (h Hours) problems() reason.Problems {
	var ps reason.Problems
	check := func(path string, ws []Window) {
		for i, w := range ws {
			if w.From < 0 || w.To > ClockAt(24, 0) || w.From >= w.To {
				ps.Add(fmt.Sprintf("%s[%d]", path, i), "%s does not run forwards within 00:00–24:00", windowText(w))
			}
		}
	}
	check("hours.regular", h.Regular)
	for i, s := range h.Seasonal {
		path := fmt.Sprintf("hours.seasonal[%d]", i)
		if !s.Months.valid() {
			ps.Add(path+".months", "bits %#x beyond the twelve months", uint16(s.Months&^allMonths))
		}
		if !s.Weekdays.valid() {
			ps.Add(path+".weekdays", "bits %#x beyond the seven days", uint8(s.Weekdays&^everyDay))
		}
		check(path+".windows", s.Windows)
	}
	return ps
}

// windowText formats w for a message, even when its clocks are out of
// range.
func windowText(w Window) string {
	if w.From < 0 || w.From > ClockAt(99, 59) || w.To < 0 || w.To > ClockAt(99, 59) {
		return fmt.Sprintf("window of minutes %d–%d", int(w.From), int(w.To))
	}
	return w.String()
}

// clone copies h deeply. slices.Clone keeps nil and empty apart, which
// matters for Regular (see Hours).
func (h Hours) clone() Hours {
	c := Hours{Regular: slices.Clone(h.Regular), Seasonal: slices.Clone(h.Seasonal)}
	for i := range c.Seasonal {
		c.Seasonal[i].Windows = slices.Clone(c.Seasonal[i].Windows)
	}
	return c
}
