package calendar

// SkipDay returns a copy of r closed on day, as staff announce (C4; R-PT2
// for a suspended courier day): a Closure of that one day named why. r
// itself, and the slices it holds, are not changed.
func (r Rules) SkipDay(day Date, why string) Rules {
	c := r.clone()
	c.Closures = append(c.Closures, Closure{Name: why, From: day, To: day})
	return c
}

// MoveDay returns a copy of r with the open day from moved to day to, as
// staff announce (C4; R-PT2 for a moved courier day): a Closure on from
// and an Opening on to, both named why. r itself, and the slices it
// holds, are not changed. New refuses the result (reason.ErrBadInput) when
// to is a closed day of the announcements, from itself included.
func (r Rules) MoveDay(from, to Date, why string) Rules {
	c := r.SkipDay(from, why)
	c.Openings = append(c.Openings, Opening{Name: why, From: to, To: to})
	return c
}
