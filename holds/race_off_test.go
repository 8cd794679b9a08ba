//go:build !race

package holds

// slowdown is how much slower the race detector makes the desk: the time
// budgets of the scale tests are multiplied by it.
const slowdown = 1
