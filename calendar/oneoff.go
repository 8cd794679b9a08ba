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

// firstOverlap returns an opening and a closure that share a day, if
// any, in O((openings + closures) log openings): the openings sorted by
// start, with the running latest end, tell for each closure whether an
// opening starting no later than the closure ends reaches into it.
func firstOverlap(openings []Opening, closures []Closure) (Opening, Closure, bool) {
	if len(openings) == 0 || len(closures) == 0 {
		return Opening{}, Closure{}, false
	}
	sorted := slices.Clone(openings)
	slices.SortFunc(sorted, func(a, b Opening) int { return cmp.Compare(a.From.n, b.From.n) })
	latest := make([]int, len(sorted)) // index of the latest-ending opening in sorted[:i+1]
	for i := range sorted {
		latest[i] = i
		if i > 0 && sorted[latest[i-1]].To.After(sorted[i].To) {
			latest[i] = latest[i-1]
		}
	}
	for _, c := range closures {
		// Openings that start on or before the closure's last day.
		k, _ := slices.BinarySearchFunc(sorted, c.To.n+1, func(o Opening, n int32) int { return cmp.Compare(o.From.n, n) })
		if k == 0 {
			continue
		}
		if o := sorted[latest[k-1]]; !o.To.Before(c.From) {
			return o, c, true
		}
	}
	return Opening{}, Closure{}, false
}
