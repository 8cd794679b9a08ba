package calendar

import (
	"cmp"
	"slices"
)

// coverCounts returns, for the n days of the span, the change in the
// number of intervals covering each day: a running sum over it is the
// number of intervals that cover the day. It is nil when there are no
// intervals. Intervals are clipped to the
// span; the caller has checked that each runs forwards.
func coverCounts[T Closure | Opening](intervals []T, n int) []int32 {
	if len(intervals) == 0 {
		return nil // no interval covers any day
	}
	delta := make([]int32, n+1)
	for _, iv := range intervals {
		c := Closure(iv)
		if c.To.Before(spanFirst) || c.From.After(spanLast) {
			continue
		}
		i, j := max(c.From.n, spanFirst.n)-spanFirst.n, min(c.To.n, spanLast.n)-spanFirst.n
		delta[i]++
		delta[j+1]--
	}
	return delta
}

// overlaps returns, for each closure that shares a day with an opening,
// the index of one such opening and of the closure, in
// O((openings + closures) log openings): the openings sorted by start,
// with the running latest end, tell for each closure whether an opening
// starting no later than the closure ends reaches into it. Spans that run
// backwards are skipped (they are problems of their own).
func overlaps(openings []Opening, closures []Closure) [][2]int {
	if len(openings) == 0 || len(closures) == 0 {
		return nil
	}
	sorted := make([]int, 0, len(openings)) // indexes of the openings, by start
	for i, o := range openings {
		if !o.From.IsZero() && !o.To.Before(o.From) {
			sorted = append(sorted, i)
		}
	}
	if len(sorted) == 0 {
		return nil
	}
	slices.SortFunc(sorted, func(a, b int) int { return cmp.Compare(openings[a].From.n, openings[b].From.n) })
	latest := make([]int, len(sorted)) // the latest-ending opening in sorted[:i+1]
	for i, k := range sorted {
		latest[i] = k
		if i > 0 && openings[latest[i-1]].To.After(openings[k].To) {
			latest[i] = latest[i-1]
		}
	}
	var out [][2]int
	for j, c := range closures {
		if c.From.IsZero() || c.To.Before(c.From) {
			continue
		}
		// Openings that start on or before the closure's last day.
		k, _ := slices.BinarySearchFunc(sorted, c.To.n+1, func(i int, n int32) int { return cmp.Compare(openings[i].From.n, n) })
		if k == 0 {
			continue
		}
		if o := latest[k-1]; !openings[o].To.Before(c.From) {
			out = append(out, [2]int{o, j})
		}
	}
	return out
}
