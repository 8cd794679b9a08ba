package notice

import (
	"strings"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
)

// writer writes the lines of a text in one language, each line the
// message of one or more of the package's reasons in a wording.
type writer struct {
	strings.Builder
	w *reason.Wording // nil: the module's wording
	l reason.Lang
}

// say returns the message of r with the parameters ps (the zero Param
// is no parameter) in the writer's wording and language.
func (b *writer) say(r *reason.Reason, ps ...reason.Param) string {
	if len(ps) == 0 {
		return b.w.Message(r, b.l)
	}
	return b.w.Message(r.With(ps...), b.l)
}

// line writes the parts and a newline.
func (b *writer) line(parts ...string) {
	for _, p := range parts {
		b.WriteString(p)
	}
	b.WriteByte('\n')
}

// dayLine writes the line of r with {day} d, the date with its weekday,
// unless d is zero (the date does not apply).
func (b *writer) dayLine(r *reason.Reason, d calendar.Date) {
	if !d.IsZero() {
		b.line(b.say(r, reason.Day(d)))
	}
}
