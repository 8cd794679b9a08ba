// Package ds holds the small data structures behind the reservation
// desk's indexes (package holds): a Fenwick tree of counts, which gives a
// queue position in O(log n), and a min-heap of dense indexes, which gives
// the first reservation free to go ahead without walking a queue.
//
// Both are plain slices, so that a desk of a million reservations cuts
// them from one allocation each; neither is safe for concurrent mutation.
package ds
