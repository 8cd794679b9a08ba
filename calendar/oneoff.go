package calendar

import (
	"cmp"
	"math/bits"
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

// dayRun is a run of days, from and to inclusive (as Date.n), that one
// one-off closure or opening covers: k is its index in the rules.
type dayRun struct{ from, to, k int32 }

// runs are disjoint runs of days in date order.
type runs []dayRun

// closureRuns returns the days closures cover, as disjoint runs in date
// order, each day under the first closure in the rules' order that
// covers it (the one WhyClosed names), in O(n log n) for n closures:
// the closures' bounds cut the days into at most 2n pieces, and each
// closure, in order, claims the pieces of its days no earlier one has
// claimed, skipping claimed pieces through a union-find of the next
// free piece. Closures that do not run forwards are skipped (they are
// problems of their own).
func closureRuns(closures []Closure) runs {
	bounds, from, to := closureBounds(closures)
	if len(bounds) == 0 {
		return nil
	}
	owner := make([]int32, len(bounds)) // piece p: days bounds[p] to bounds[p+1]-1
	next := make([]int32, len(bounds))  // union-find: the first free piece from p
	for p := range owner {
		owner[p], next[p] = -1, int32(p)
	}
	free := func(p int32) int32 {
		root := p
		for next[root] != root {
			root = next[root]
		}
		for next[p] != root { // path compression
			next[p], p = root, next[p]
		}
		return root
	}
	for k := range closures {
		if from[k] < 0 {
			continue
		}
		for p := free(from[k]); p < to[k]; p = free(p + 1) {
			owner[p], next[p] = int32(k), p+1
		}
	}
	var out runs
	for p := 0; p+1 < len(bounds); p++ {
		if owner[p] < 0 {
			continue
		}
		if n := len(out); n > 0 && out[n-1].k == owner[p] && out[n-1].to+1 == bounds[p] {
			out[n-1].to = bounds[p+1] - 1
			continue
		}
		out = append(out, dayRun{bounds[p], bounds[p+1] - 1, owner[p]})
	}
	return out
}

// closureBounds returns the distinct days on which a closure starts or
// the day after one ends, in order, and for each closure k the index in
// bounds of its first day, from[k], and of the day after its last,
// to[k]; from[k] is -1 for a closure that does not run forwards. One
// sort of the bounds, each carrying its closure, does it.
func closureBounds(closures []Closure) (bounds, from, to []int32) {
	keys := make([]int64, 0, 2*len(closures)) // day << 32 | k << 1 | end
	for k, c := range closures {
		if !c.From.IsZero() && !c.To.Before(c.From) {
			keys = append(keys, int64(c.From.n)<<32|int64(k)<<1, int64(c.To.n+1)<<32|int64(k)<<1|1)
		}
	}
	slices.Sort(keys)
	from, to = make([]int32, len(closures)), make([]int32, len(closures))
	for k := range from {
		from[k] = -1
	}
	for _, key := range keys {
		n := int32(key >> 32)
		if len(bounds) == 0 || bounds[len(bounds)-1] != n {
			bounds = append(bounds, n)
		}
		k, p := int32(key)>>1, int32(len(bounds)-1)
		if key&1 == 0 {
			from[k] = p
		} else {
			to[k] = p
		}
	}
	return bounds, from, to
}

// openingRuns returns the days openings cover, as disjoint runs in date
// order, in O(n log n) for n openings. Which opening covers a day does
// not matter (an open day gives no reason), so overlapping openings
// merge; k is the first opening of each run in date order.
func openingRuns(openings []Opening) runs {
	var out runs
	for k, o := range openings {
		if !o.From.IsZero() && !o.To.Before(o.From) {
			out = append(out, dayRun{o.From.n, o.To.n, int32(k)})
		}
	}
	slices.SortFunc(out, func(a, b dayRun) int { return cmp.Compare(a.from, b.from) })
	merged := out[:0]
	for _, r := range out {
		if n := len(merged); n > 0 && r.from <= merged[n-1].to+1 {
			merged[n-1].to = max(merged[n-1].to, r.to)
			continue
		}
		merged = append(merged, r)
	}
	return merged
}

// find returns the index of the run covering day n, or -1, by binary
// search.
func (rs runs) find(n int32) int {
	i, _ := slices.BinarySearchFunc(rs, n, func(r dayRun, n int32) int { return cmp.Compare(r.to, n) })
	if i < len(rs) && rs[i].from <= n {
		return i
	}
	return -1
}

// runCursor finds the run covering each of a series of days in date
// order, in O(days + runs) for the series: it starts with a binary
// search and then only moves forward.
type runCursor struct {
	rs      runs
	i       int
	started bool
	steps   int // moves and searches, which tests bound
}

// at returns the index of the run covering day n, or -1; n may not be
// before the day of the previous call.
func (rc *runCursor) at(n int32) int {
	if !rc.started {
		rc.started = true
		rc.i, _ = slices.BinarySearchFunc(rc.rs, n, func(r dayRun, n int32) int { return cmp.Compare(r.to, n) })
		rc.steps += bits.Len(uint(len(rc.rs)))
	}
	for rc.i < len(rc.rs) && rc.rs[rc.i].to < n {
		rc.i++
		rc.steps++
	}
	if rc.i < len(rc.rs) && rc.rs[rc.i].from <= n {
		return rc.i
	}
	return -1
}
